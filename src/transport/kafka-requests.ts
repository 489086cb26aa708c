// How a batch becomes Kafka produce requests, and what a failed produce means for the sender.
// Pure: no connection, no clock.
import kafkajs from 'kafkajs';
import { chunkBySize } from '../core/index.js';

/**
 * A broker refuses a record batch larger than its `message.max.bytes` (default 1048588), and
 * kafkajs puts every record of one send() for one partition into one batch: a request of at most
 * this many bytes fits the default with room for the batch framing.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 1_000_000;

/**
 * The most a record of the v2 format adds to its key and value: length, attributes, timestamp
 * delta, offset delta, key and value lengths and header count, each a varint.
 */
const RECORD_FRAMING_BYTES = 40;

export interface KeyedRecord {
  readonly key: string;
  readonly value: Buffer;
}

/** The bytes a record takes in a produce request, framing included; gzip only makes it smaller. */
export function recordBytes(record: KeyedRecord): number {
  return Buffer.byteLength(record.key) + record.value.length + RECORD_FRAMING_BYTES;
}

/**
 * Items as records: each record a run of consecutive items of one key, their encodings one per line,
 * of at most `maxBytes` characters (an item longer than that alone). The items of a key stay in
 * their order across records; items of other keys between them do not close a run.
 * @throws Error when an encoding holds a line break, which would split its item in two.
 */
export function packRecords<T>(items: readonly T[], keyOf: (item: T) => string, encode: (item: T) => string, maxBytes: number): KeyedRecord[] {
  const records: KeyedRecord[] = [];
  const runs = new Map<string, { lines: string[]; chars: number }>();
  const close = (key: string, lines: readonly string[]): void => void records.push({ key, value: Buffer.from(lines.join('\n')) });
  for (const item of items) {
    const key = keyOf(item);
    const line = encode(item);
    if (line.includes('\n')) throw new Error(`an item's encoding holds a line break (key ${key})`);
    const run = runs.get(key);
    if (run === undefined) {
      runs.set(key, { lines: [line], chars: line.length });
    } else if (run.chars + 1 + line.length > maxBytes) {
      close(key, run.lines);
      runs.set(key, { lines: [line], chars: line.length });
    } else {
      run.lines.push(line);
      run.chars += 1 + line.length;
    }
  }
  for (const [key, run] of runs) close(key, run.lines);
  return records;
}

/**
 * Cuts records, in order, into runs of at most `maxBytes` each. A record larger than `maxBytes`
 * goes alone: the broker's own limit (which may be set higher) decides about it.
 */
export function splitRequests(records: readonly KeyedRecord[], maxBytes: number): KeyedRecord[][] {
  return chunkBySize(records, recordBytes, maxBytes);
}

/**
 * Kafka's answers after which sending the same records again cannot succeed until someone changes
 * the records, the topic or the cluster's configuration (names from Kafka's `Errors` table, as
 * kafkajs reports them in `type`).
 */
const PERMANENT_PRODUCE_ERRORS: ReadonlySet<string> = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TOPIC_EXCEPTION',
  'UNSUPPORTED_COMPRESSION_TYPE',
  'UNSUPPORTED_FOR_MESSAGE_FORMAT',
  'TOPIC_AUTHORIZATION_FAILED',
  'CLUSTER_AUTHORIZATION_FAILED',
]);

/** The errors an error stands for: itself, its causes, and the members of a kafkajs aggregate. */
function* errorChain(error: unknown): Generator<unknown> {
  const pending = [error];
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    yield next;
    if (next instanceof kafkajs.KafkaJSAggregateError) pending.push(...next.errors);
    if (next instanceof Error && next.cause !== undefined) pending.push(next.cause);
  }
}

/**
 * Whether a failed produce is worth sending again: everything is (brokers down, leaders moving,
 * too few in-sync replicas, kafkajs giving up its own retries) except a refusal of the records
 * themselves or of our rights to write them, and a failed SASL authentication.
 */
export function isRetryableSendFailure(error: unknown): boolean {
  for (const link of errorChain(error)) {
    if (link instanceof kafkajs.KafkaJSSASLAuthenticationError) return false;
    if (link instanceof kafkajs.KafkaJSProtocolError && PERMANENT_PRODUCE_ERRORS.has(link.type)) return false;
  }
  return true;
}

/** Whether a failed connection attempt was a refused authentication rather than an unreachable cluster. */
export function isAuthenticationFailure(error: unknown): boolean {
  for (const link of errorChain(error)) {
    if (link instanceof kafkajs.KafkaJSSASLAuthenticationError) return true;
  }
  return false;
}
