import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { isAuthenticationFailure, isRetryableSendFailure, packRecords, recordBytes, splitRequests } from '../../src/transport/kafka-requests.js';

const record = (key: string, bytes: number) => ({ key, value: Buffer.alloc(bytes, 'x') });

/** A protocol error as kafkajs builds it from a broker's error code (its `type` is Kafka's name). */
const brokerError = (type: string, retriable: boolean) =>
  new kafkajs.KafkaJSProtocolError(Object.assign(new Error(type), { type, code: 0, retriable }));

/** As kafkajs's SASL authenticators build it; its type declaration omits the message argument its code needs. */
const saslRefused = () =>
  new (kafkajs.KafkaJSSASLAuthenticationError as unknown as new (message: string) => Error)('SASL PLAIN authentication failed: wrong credentials');

describe('packRecords', () => {
  interface Item {
    readonly file: string;
    readonly seq: number;
    readonly text?: string;
  }
  const pack = (items: readonly Item[], maxBytes: number) =>
    packRecords(items, (item) => item.file, (item) => JSON.stringify(item), maxBytes).map((r) => ({
      key: r.key,
      items: r.value
        .toString()
        .split('\n')
        .map((line) => JSON.parse(line) as Item),
    }));
  const items = (file: string, count: number) => Array.from({ length: count }, (_, seq) => ({ file, seq }));

  it('packs the items of one key into records, in order, one encoding per line, each within the limit', () => {
    const a = items('a', 10);
    const oneLength = JSON.stringify(a[0]).length;
    const records = pack(a, 4 * oneLength + 3);
    expect(records.map((r) => r.items.map((item) => item.seq))).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
  });

  it('keeps each key in order when keys interleave, and never mixes keys in a record', () => {
    const mixed = items('a', 50).flatMap((item, i) => [item, { file: 'b', seq: i }, ...(i % 2 === 0 ? [{ file: 'c', seq: i / 2 }] : [])]);
    const records = pack(mixed, 200);
    for (const record of records) expect(new Set(record.items.map((item) => item.file))).toEqual(new Set([record.key]));
    for (const [file, count] of [['a', 50], ['b', 50], ['c', 25]] as const) {
      const seqs = records.filter((r) => r.key === file).flatMap((r) => r.items.map((item) => item.seq));
      expect(seqs).toEqual(Array.from({ length: count }, (_, i) => i));
    }
  });

  it('puts an item longer than the limit in a record of its own', () => {
    const long = { file: 'a', seq: 2, text: 'x'.repeat(500) };
    const records = pack([{ file: 'a', seq: 1 }, long, { file: 'a', seq: 3 }], 100);
    expect(records.map((r) => r.items.map((item) => item.seq))).toEqual([[1], [2], [3]]);
  });

  it('refuses an encoding with a line break, which would split its item', () => {
    expect(() => packRecords([{}], () => 'k', () => '{\n}', 100)).toThrow(/line break/);
  });
});

describe('splitRequests', () => {
  it('keeps records in order and each request within the byte limit', () => {
    const records = Array.from({ length: 10 }, (_, i) => record(`file-${i % 3}`, 100));
    const limit = 3 * recordBytes(records[0]!);
    const requests = splitRequests(records, limit);
    expect(requests.map((request) => request.length)).toEqual([3, 3, 3, 1]);
    expect(requests.flat()).toEqual(records);
    for (const request of requests) expect(request.reduce((sum, r) => sum + recordBytes(r), 0)).toBeLessThanOrEqual(limit);
  });

  it('sends a record larger than the limit alone, for the broker to judge', () => {
    const requests = splitRequests([record('a', 10), record('b', 5_000), record('c', 10)], 1_000);
    expect(requests.map((request) => request.map((r) => r.key))).toEqual([['a'], ['b'], ['c']]);
  });

  it('makes no request of no records', () => {
    expect(splitRequests([], 1_000)).toEqual([]);
  });

  it('counts the key, the value and the record framing', () => {
    expect(recordBytes(record('héllo', 100))).toBe(6 + 100 + 40);
  });
});

describe('isRetryableSendFailure', () => {
  it('retries what can pass later: lost brokers, moving leaders, too few in-sync replicas, exhausted kafkajs retries', () => {
    expect(isRetryableSendFailure(new kafkajs.KafkaJSConnectionError('connect ECONNREFUSED'))).toBe(true);
    expect(isRetryableSendFailure(brokerError('NOT_ENOUGH_REPLICAS', true))).toBe(true);
    expect(isRetryableSendFailure(new kafkajs.KafkaJSNumberOfRetriesExceeded(brokerError('NOT_LEADER_FOR_PARTITION', true), { retryCount: 10, retryTime: 30_000 }))).toBe(true);
  });

  it('gives up on records a broker refused and on refused rights, also when wrapped', () => {
    expect(isRetryableSendFailure(brokerError('MESSAGE_TOO_LARGE', false))).toBe(false);
    expect(isRetryableSendFailure(new Error('send failed', { cause: brokerError('TOPIC_AUTHORIZATION_FAILED', false) }))).toBe(false);
    expect(isRetryableSendFailure(new kafkajs.KafkaJSAggregateError('two brokers', [brokerError('RECORD_LIST_TOO_LARGE', false)]))).toBe(false);
    expect(isRetryableSendFailure(saslRefused())).toBe(false);
  });
});

describe('isAuthenticationFailure', () => {
  it('tells refused credentials from an unreachable cluster', () => {
    expect(isAuthenticationFailure(saslRefused())).toBe(true);
    expect(isAuthenticationFailure(new kafkajs.KafkaJSConnectionError('connect ECONNREFUSED'))).toBe(false);
  });
});
