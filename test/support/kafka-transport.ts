// The Kafka transport as the integration suites and their child processes build it, and the items
// they ship: lines of a few files, keyed by file like an agent's, numbered so that loss, order and
// duplicates can be counted.
import { systemClock } from '../../src/core/index.js';
import type { Telemetry } from '../../src/telemetry/index.js';
import { KafkaTransport, type KafkaTransportOptions } from '../../src/transport/index.js';

export type TestItem =
  | { readonly kind: 'line'; readonly file: string; readonly seq: number; readonly text: string }
  | { readonly kind: 'undecodable'; readonly partition: number; readonly offset: string; readonly line: number; readonly code: string };

export type TestLine = Extract<TestItem, { kind: 'line' }>;

/** `perFile` lines of each of `files` files, interleaved as several followers would send them. */
export function testLines(files: number, perFile: number, prefix = 'file'): TestLine[] {
  const lines: TestLine[] = [];
  for (let seq = 0; seq < perFile; seq += 1) {
    for (let file = 0; file < files; file += 1) {
      lines.push({ kind: 'line', file: `${prefix}-${file}`, seq, text: `line ${seq} of ${prefix}-${file} `.padEnd(200, '.') });
    }
  }
  return lines;
}

export function lineId(line: TestLine): string {
  return `${line.file}#${line.seq}`;
}

export interface TestTransportOptions {
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly groupId: string;
  readonly telemetry: Telemetry;
}

export function testTransport(
  options: TestTransportOptions,
  overrides: Partial<KafkaTransportOptions<TestItem>> = {},
): KafkaTransport<TestItem> {
  return new KafkaTransport<TestItem>({
    brokers: options.brokers,
    topic: options.topic,
    clientId: 'brokerwatch-test',
    groupId: options.groupId,
    compression: 'gzip',
    encode: (item) => JSON.stringify(item),
    decode: (line) => JSON.parse(line) as TestItem,
    undecodable: (record) => ({ kind: 'undecodable', partition: record.partition, offset: record.offset, line: record.line, code: record.error.code }),
    key: (item) => (item.kind === 'line' ? item.file : 'undecodable'),
    topicSettings: { partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 },
    maxInFlightBytes: 1 << 20,
    // The broker's group.min.session.timeout.ms: a killed member's partitions move after 6 s.
    sessionTimeoutMs: 6_000,
    heartbeatIntervalMs: 1_000,
    backoff: { initialDelayMs: 50, maxDelayMs: 500 },
    clock: systemClock,
    telemetry: options.telemetry,
    ...overrides,
  });
}
