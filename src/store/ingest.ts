import { eventJson, type BrokerEvent, type Instant } from '../core/index.js';

/** `event.ingested` is the time the store first took the event; a replay keeps the stored one. */
export function stampIngested(event: BrokerEvent, now: Instant): BrokerEvent {
  return event['event.ingested'] === undefined ? { ...event, 'event.ingested': new Date(now).toISOString() } : event;
}

/**
 * The document stampIngested() would give, as JSON, without copying the event: the bulk hot path
 * serialises every event once and this saves an object per event. `ingested` is the ISO time.
 */
export function stampedJson(event: BrokerEvent, ingested: string): string {
  const json = eventJson(event);
  return event['event.ingested'] === undefined ? `${json.slice(0, -1)},"event.ingested":"${ingested}"}` : json;
}
