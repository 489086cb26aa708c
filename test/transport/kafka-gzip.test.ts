import { gunzipSync } from 'node:zlib';
import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { useGzipLevel } from '../../src/transport/kafka-gzip.js';

interface Codec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}

const codec = (): Codec => kafkajs.CompressionCodecs[kafkajs.CompressionTypes.GZIP]() as Codec;

/** Event-like lines: repetitive, as a batch of one file's events is. */
const records = Buffer.from(
  Array.from({ length: 2_000 }, (_, n) => JSON.stringify({ '@timestamp': `2026-12-04T03:${String(n % 60).padStart(2, '0')}:00.000Z`, message: `[Partition orders-${n % 12} broker=1] Shrinking ISR from 1,2,3 to 1,2` })).join('\n'),
);

describe('the gzip level of produced batches', () => {
  it("is set in kafkajs's codec table, and what it writes reads back with gzip", async () => {
    useGzipLevel(1);
    const fast = await codec().compress({ buffer: records });
    expect(gunzipSync(fast)).toEqual(records);
    expect(await codec().decompress(fast)).toEqual(records);
    useGzipLevel(9);
    const small = await codec().compress({ buffer: records });
    expect(gunzipSync(small)).toEqual(records);
    expect(small.length).toBeLessThan(fast.length);
  });
});
