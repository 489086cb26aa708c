// The field registry: how each event field is typed and indexed. Elasticsearch's index template,
// SQLite's columns, the query model's filter validation and docs/schema.md all derive from this
// one table, so a new field is one row here plus the code that fills it.
import type { FieldName } from './event.js';

export type FieldType =
  /** ISO-8601 instant. */
  | 'date'
  /** Full-text searched. */
  | 'text'
  /** Exact-match string. */
  | 'keyword'
  | 'integer'
  | 'long'
  /** Kept in the document, never searched. */
  | 'stored';

export interface FieldSpec {
  readonly type: FieldType;
  /** The field holds a list of values of `type`. */
  readonly list?: true;
  readonly description: string;
}

export const FIELDS: Readonly<Record<FieldName, FieldSpec>> = {
  '@timestamp': { type: 'date', description: "the record's own time, UTC" },
  message: { type: 'text', description: 'the message text, prefix removed' },
  'log.level': { type: 'keyword', description: 'trace, debug, info, notice, warning, error, critical' },
  'log.logger': { type: 'keyword', description: 'Kafka: the logging class' },
  'log.file.path': { type: 'keyword', description: 'the file the record was read from' },
  'log.offset': { type: 'long', description: "byte offset of the record's first byte" },
  'process.thread.name': { type: 'keyword', description: 'the logging thread, where the layout has one' },
  'event.id': { type: 'keyword', description: 'deterministic id from host, file identity and offset' },
  'event.original': { type: 'stored', description: 'the raw record' },
  'event.dataset': { type: 'keyword', description: 'kafka.log or rabbitmq.log' },
  'event.action': { type: 'keyword', description: 'the taxonomy name of a notable record' },
  'event.ingested': { type: 'date', description: 'when brokerwatch stored the event' },
  'service.type': { type: 'keyword', description: 'kafka or rabbitmq' },
  'host.name': { type: 'keyword', description: 'the host the agent runs on' },
  'broker.cluster': { type: 'keyword', description: 'the cluster, from the agent config' },
  'broker.id': { type: 'keyword', description: 'the broker id or node name, from the agent config' },
  'broker.zone': { type: 'keyword', description: 'the zone (dev, prod, ...), from the agent config' },
  'kafka.log.component': { type: 'keyword', description: 'the bracketed component, e.g. Controller id=1' },
  'kafka.log.trace.class': { type: 'keyword', description: 'exception class of a stack trace' },
  'kafka.log.trace.message': { type: 'text', description: 'exception message of a stack trace' },
  'kafka.topic': { type: 'keyword', description: 'the topic an event is about' },
  'kafka.partition': { type: 'integer', description: 'the partition an event is about' },
  'kafka.isr.before': { type: 'integer', list: true, description: 'ISR before the change' },
  'kafka.isr.after': { type: 'integer', list: true, description: 'ISR after the change' },
  'kafka.isr.removed': { type: 'integer', list: true, description: 'replicas removed from the ISR' },
  'kafka.isr.added': { type: 'integer', list: true, description: 'replicas added to the ISR' },
  'kafka.controller.id': { type: 'integer', description: 'the controller an event names' },
  'kafka.controller.epoch': { type: 'integer', description: 'the controller epoch' },
  'kafka.leader.epoch': { type: 'integer', description: 'the leader epoch a leader change starts' },
  'kafka.broker.subject': { type: 'integer', description: 'the broker an event is about, when not the logging one' },
  'rabbitmq.log.pid': { type: 'keyword', description: 'the Erlang pid, e.g. <0.230.0>' },
  'rabbitmq.node.subject': { type: 'keyword', description: 'the node an event is about' },
  'rabbitmq.peers': { type: 'keyword', list: true, description: 'the far side of a partition' },
  'rabbitmq.alarm.resource': { type: 'keyword', description: 'memory or disk' },
  'rabbitmq.queue': { type: 'keyword', description: 'the queue of a queue event' },
  'rabbitmq.vhost': { type: 'keyword', description: 'the virtual host of a queue or connection event' },
  'rabbitmq.connection': { type: 'keyword', description: 'the connection of a connection event' },
  'error.type': { type: 'keyword', description: "the exception class of a record's stack trace" },
  'error.message': { type: 'text', description: 'the exception message' },
  'error.stack_trace': { type: 'stored', description: 'the stack trace' },
  tags: { type: 'keyword', list: true, description: '_parse_failure, multiline, truncated, ...' },
};

export const FIELD_NAMES = Object.keys(FIELDS) as readonly FieldName[];

export function isFieldName(name: string): name is FieldName {
  return Object.hasOwn(FIELDS, name);
}
