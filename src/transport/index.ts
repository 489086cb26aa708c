// Transports carry batches from the agents to the stages that store and evaluate them.
// Invariants: send() resolves only once the next stage took the batch over (in-process: the
// consumer's handler resolved; Kafka: all in-sync replicas have it), so the sender moves its own
// progress (a file checkpoint) only then; the items of one sender arrive in the order sent (Kafka:
// per key); a consumer's progress (a Kafka offset) moves only after its handler resolved, so
// delivery is at least once; memory in flight is bounded, and beyond the bound send() waits.
export {
  DeliveryFailed,
  KafkaAuthenticationFailed,
  KafkaTopicUnavailable,
  KafkaUnreachable,
  RecordUndecodable,
  TransportClosed,
} from './errors.js';
export { InProcessTransport, type InProcessOptions } from './in-process.js';
export { DEFAULT_MAX_REQUEST_BYTES } from './kafka-requests.js';
export type { GzipLevel } from './kafka-gzip.js';
export {
  DEFAULT_GZIP_LEVEL,
  KafkaTransport,
  type KafkaCompression,
  type KafkaTopicSettings,
  type KafkaTransportOptions,
  type UndecodableRecord,
} from './kafka.js';
export type { BatchHandler, Transport } from './transport.js';
