// The gzip level of produced batches. kafkajs compresses at zlib's default (6) and keeps its codecs
// in one table for the whole process, so the level is set there, for every Kafka client of the
// process (an agent has one transport). Reading is unchanged: any level inflates the same way.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import kafkajs from 'kafkajs';

const gzip = promisify(zlib.gzip);
const unzip = promisify(zlib.unzip);

/** 1 (fastest) to 9 (smallest). */
export type GzipLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** What kafkajs hands a codec to compress: the encoded records of a batch. */
interface RecordsEncoder {
  readonly buffer: Buffer;
}

export function useGzipLevel(level: GzipLevel): void {
  const codec = {
    compress: (encoder: RecordsEncoder): Promise<Buffer> => gzip(encoder.buffer, { level }),
    decompress: (buffer: Buffer): Promise<Buffer> => unzip(buffer),
  };
  kafkajs.CompressionCodecs[kafkajs.CompressionTypes.GZIP] = () => codec;
}
