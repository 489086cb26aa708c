import { describe, expect, it } from 'vitest';
import type { BrokerEvent, Instant } from '../../src/core/index.js';
import { stampIngested, stampedJson } from '../../src/store/ingest.js';

describe('the stamped document', () => {
  it('is the event with event.ingested added, or kept when the event has one', () => {
    const event = { message: 'm', 'event.id': 'a' } as unknown as BrokerEvent;
    expect(JSON.parse(stampedJson(event, '2026-11-25T00:00:00.000Z'))).toEqual(stampIngested(event, Date.UTC(2026, 10, 25) as Instant));
    const replayed = { ...event, 'event.ingested': '2026-11-01T00:00:00.000Z' } as BrokerEvent;
    expect(stampedJson(replayed, '2026-11-25T00:00:00.000Z')).toBe(JSON.stringify(replayed));
  });
});
