import { describe, expect, it } from 'vitest';
import type { EventId } from '../../../src/core/index.js';
import { chunk, prepareCreate } from '../../../src/store/elasticsearch/bulk.js';

describe('bulk requests', () => {
  const item = (bytes: number) => prepareCreate('id' as EventId, 'i', JSON.stringify({ m: 'x'.repeat(bytes) }));

  it('cuts items into requests bounded by documents and by bytes', () => {
    const items = Array.from({ length: 7 }, () => item(100));
    expect(chunk(items, { maxBulkDocs: 3, maxBulkBytes: 1e6 })).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    const size = Buffer.byteLength(items[0]!.lines);
    expect(chunk(items, { maxBulkDocs: 100, maxBulkBytes: 2 * size })).toEqual([[0, 1], [2, 3], [4, 5], [6]]);
  });

  it('sends an item larger than the byte limit alone rather than never', () => {
    expect(chunk([item(10), item(5_000), item(10)], { maxBulkDocs: 100, maxBulkBytes: 1_000 })).toEqual([[0], [1], [2]]);
  });

  it('writes a create action with the event id, so that a second write answers 409', () => {
    expect(prepareCreate('abc' as EventId, 'bw-kafka.log-2026.11.25', '{"message":"m"}').lines).toBe(
      '{"create":{"_index":"bw-kafka.log-2026.11.25","_id":"abc"}}\n{"message":"m"}\n',
    );
  });
});
