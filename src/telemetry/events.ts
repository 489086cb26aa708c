// The table of internal events. docs/telemetry.md lists the same names; a test checks both ways.
export interface InternalEventSpec {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly help: string;
}

export const INTERNAL_EVENTS = {
  process_started: { level: 'info', help: 'a brokerwatch process started' },
  process_stopping: { level: 'info', help: 'a brokerwatch process began an orderly shutdown' },
  store_bulk_retried: { level: 'warn', help: 'a bulk request failed as a whole (unreachable, 429, 5xx) and is sent again after a backoff' },
  store_items_retried: { level: 'warn', help: 'items of a bulk request were refused with 429 or 5xx and are sent again after a backoff' },
  store_items_dead_lettered: { level: 'error', help: 'items refused for good (a mapping conflict, say) were written to the dead-letter index' },
  store_write_failed: { level: 'error', help: 'a store write gave up: its batch is not acknowledged and must be sent again' },
  store_retention_failed: { level: 'error', help: 'a scheduled retention run failed; the next run tries again' },
  store_retention_applied: { level: 'info', help: 'retention deleted events or whole indices past their age or size' },
} as const satisfies Record<string, InternalEventSpec>;

export type InternalEventName = keyof typeof INTERNAL_EVENTS;
