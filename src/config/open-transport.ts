// The transport a config names, for the events between agents and ingesters: in-process when
// both run in one process (`run`), Kafka otherwise. Events travel as JSON, one per line of a Kafka
// record, keyed by host and file so that one file's records stay in order on one partition.
import { readFileSync } from 'node:fs';
import type { SASLOptions } from 'kafkajs';
import { BrokerwatchError, DATASET_OF, decodeEvent, eventId, TAGS, type BrokerEvent } from '../core/index.js';
import { InProcessTransport, KafkaTransport, type GzipLevel, type Transport, type UndecodableRecord } from '../transport/index.js';
import { readSecret, type BrokerwatchConfig, type KafkaTransportConfig } from './brokerwatch.js';
import { ConfigError } from './errors.js';
import type { OpenDeps } from './open-store.js';

export type EventTransport = Transport<readonly BrokerEvent[]>;

/** The in-process bound counts a batch by the bytes of its records as read, plus their fields. */
function batchBytes(events: readonly BrokerEvent[]): number {
  let bytes = 0;
  for (const event of events) bytes += event['event.original'].length + 256;
  return bytes;
}

/**
 * @param separate the agent and the ingester run in separate processes: only Kafka joins them.
 * @throws ConfigError when the transport cannot join the roles asked for.
 */
export function openTransport(config: BrokerwatchConfig, separate: boolean, configFile: string, deps: OpenDeps): EventTransport {
  const transport = config.transport;
  if (transport.type === 'in-process') {
    if (separate) {
      throw new ConfigError([{ file: configFile, line: 1, column: 1, field: 'transport.type', message: 'agent and ingest run in separate processes: they need transport.type "kafka"' }]);
    }
    // Four batches at a time: two in Elasticsearch (the store's bulk concurrency) and the next two
    // serialised and waiting for them. One at a time left Elasticsearch a core idle between
    // requests (bench/ingest.ts); SQLite writes one slice at a time whatever the number.
    return new InProcessTransport<readonly BrokerEvent[]>({ maxInFlightBytes: transport.max_in_flight_bytes, size: batchBytes, concurrency: 4 });
  }
  const kafka = transport.kafka!;
  return new KafkaTransport<BrokerEvent>({
    brokers: kafka.brokers,
    topic: kafka.topic,
    clientId: kafka.client_id,
    groupId: kafka.group_id,
    compression: kafka.compression,
    compressionLevel: kafka.compression_level as GzipLevel,
    encode: (event) => JSON.stringify(event),
    decode: decodeEvent,
    undecodable: (record) => undecodableEvent(record, deps.clock.now()),
    key: (event) => `${event['host.name']}\0${event['log.file.path'] ?? ''}`,
    ...tlsOf(kafka),
    ...(kafka.sasl === undefined ? {} : { sasl: saslOf(kafka.sasl) }),
    topicSettings: { partitions: kafka.topic_partitions, replicationFactor: kafka.topic_replication_factor, minInsyncReplicas: kafka.topic_min_insync_replicas },
    maxInFlightBytes: kafka.max_in_flight_bytes,
    maxRequestBytes: kafka.max_request_bytes,
    maxFetchBytesPerPartition: kafka.max_fetch_bytes_per_partition,
    sessionTimeoutMs: kafka.session_timeout_seconds * 1000,
    heartbeatIntervalMs: kafka.heartbeat_interval_seconds * 1000,
    topicReadyTimeoutMs: kafka.topic_ready_timeout_seconds * 1000,
    clock: deps.clock,
    telemetry: deps.telemetry,
  });
}

/**
 * A line on the topic that is not a brokerwatch event: kept, tagged, with its raw bytes, and why it
 * was refused (the JSON error, or the field at fault) as `error.type` and `error.message`.
 */
function undecodableEvent(record: UndecodableRecord, now: number): BrokerEvent {
  const where = `${record.topic}/${record.partition}@${record.offset}`;
  const original = record.value?.toString('utf8') ?? '';
  const cause = record.error.cause;
  const reason = cause instanceof Error ? cause.message : record.error.message;
  return {
    '@timestamp': new Date(now).toISOString(),
    message: `undecodable record on the transport topic at ${where}, line ${record.line}: ${reason}`,
    'event.id': eventId('transport', where, record.line),
    'event.original': original,
    'event.dataset': DATASET_OF.kafka,
    'service.type': 'kafka',
    'host.name': 'transport',
    'error.type': cause instanceof BrokerwatchError ? cause.code : cause instanceof Error ? cause.name : record.error.code,
    'error.message': reason,
    tags: [TAGS.parseFailure],
  };
}

type KafkaTls = boolean | { ca?: string; cert?: string; key?: string };

function tlsOf(kafka: KafkaTransportConfig): { ssl?: KafkaTls } {
  const tls = kafka.tls;
  if (tls === false) return {};
  if (tls === true) return { ssl: true };
  const pem = (file: string | undefined, field: string): { [key: string]: string } => {
    if (file === undefined) return {};
    try {
      return { [field]: readFileSync(file, 'utf8') };
    } catch (error) {
      throw new ConfigError([{ file, line: 1, column: 1, field: `transport.kafka.tls.${field}_file`, message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
    }
  };
  return { ssl: { ...pem(tls.ca_file, 'ca'), ...pem(tls.cert_file, 'cert'), ...pem(tls.key_file, 'key') } };
}

function saslOf(sasl: NonNullable<KafkaTransportConfig['sasl']>): SASLOptions {
  const password = readSecret(sasl.password, 'transport.kafka.sasl.password');
  return { mechanism: sasl.mechanism, username: sasl.username, password };
}
