// The table of internal events. docs/telemetry.md lists the same names; a test checks both ways.
export interface InternalEventSpec {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly help: string;
}

export const INTERNAL_EVENTS = {
  process_started: { level: 'info', help: 'a brokerwatch process started' },
  process_stopping: { level: 'info', help: 'a brokerwatch process began an orderly shutdown' },
  notification_delivered: { level: 'info', help: 'a notifier accepted a notification from the outbox' },
  notification_retry_scheduled: { level: 'warn', help: 'a notification attempt failed and will be retried after a backoff' },
  notification_dead_lettered: { level: 'error', help: 'a notification was given up (rejected, or undelivered past the dead-letter age): not intended, needs a look' },
} as const satisfies Record<string, InternalEventSpec>;

export type InternalEventName = keyof typeof INTERNAL_EVENTS;
