// The event: one document per log record, in Elastic Common Schema names. Keys are the flat,
// dotted ECS names (`log.level`, `kafka.topic`): the same document is printed by `brokerwatch
// parse`, indexed by Elasticsearch (which treats dotted keys as object paths), stored as columns
// by SQLite and matched by rules, with no translation between them.
import type { EventAction } from './actions.js';
import type { EventId } from './event-id.js';
import type { Dataset, ServiceType } from './service.js';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'notice', 'warning', 'error', 'critical'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Tags with a fixed meaning; others may be added by configuration. */
export const TAGS = {
  parseFailure: '_parse_failure',
  multiline: 'multiline',
  truncated: 'truncated',
  invalidUtf8: 'invalid_utf8',
} as const;

export interface BrokerEvent {
  /** The record's own time, ISO-8601 in UTC with milliseconds. */
  '@timestamp': string;
  /** The message text, prefix removed; multi-line records keep their lines. */
  message: string;
  'log.level'?: LogLevel;
  'log.logger'?: string;
  'log.file.path'?: string;
  'log.offset'?: number;
  'process.thread.name'?: string;
  'event.id': EventId;
  /** The raw record, stored but not indexed. */
  'event.original': string;
  'event.dataset': Dataset;
  'event.action'?: EventAction;
  'event.ingested'?: string;
  'service.type': ServiceType;
  'host.name'?: string;
  'broker.cluster'?: string;
  'broker.id'?: string;
  'broker.zone'?: string;
  'kafka.log.component'?: string;
  'kafka.log.trace.class'?: string;
  'kafka.log.trace.message'?: string;
  'kafka.topic'?: string;
  'kafka.partition'?: number;
  'kafka.isr.before'?: number[];
  'kafka.isr.after'?: number[];
  'kafka.isr.removed'?: number[];
  'kafka.isr.added'?: number[];
  'kafka.controller.id'?: number;
  'kafka.controller.epoch'?: number;
  'kafka.leader.epoch'?: number;
  'kafka.broker.subject'?: number;
  'rabbitmq.log.pid'?: string;
  'rabbitmq.node.subject'?: string;
  'rabbitmq.peers'?: string[];
  'rabbitmq.alarm.resource'?: 'memory' | 'disk';
  'rabbitmq.queue'?: string;
  'rabbitmq.vhost'?: string;
  'rabbitmq.connection'?: string;
  'error.type'?: string;
  'error.message'?: string;
  'error.stack_trace'?: string;
  tags?: string[];
}

export type FieldName = keyof BrokerEvent;
