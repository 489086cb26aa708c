import type { BrokerEvent, Instant } from '../core/index.js';

/** `event.ingested` is the time the store first took the event; a replay keeps the stored one. */
export function stampIngested(event: BrokerEvent, now: Instant): BrokerEvent {
  return event['event.ingested'] === undefined ? { ...event, 'event.ingested': new Date(now).toISOString() } : event;
}
