import type { BrokerEvent, EventId, Instant } from '../../src/core/index.js';
import { toInstant } from '../../src/core/index.js';

export const T0 = Date.parse('2026-11-25T08:00:00.000Z');

let next = 0;

/** A plain event for pure rule logic: time in seconds after T0, fields as given. */
export function ev(seconds: number, fields: Partial<BrokerEvent> = {}): BrokerEvent {
  next += 1;
  return {
    '@timestamp': new Date(T0 + seconds * 1000).toISOString(),
    message: '',
    'event.id': `e${next}` as EventId,
    'event.original': '',
    'event.dataset': fields['service.type'] === 'rabbitmq' ? 'rabbitmq.log' : 'kafka.log',
    'service.type': 'kafka',
    'broker.cluster': 'prod-a',
    ...fields,
  };
}

export function at(seconds: number): Instant {
  return toInstant(T0 + seconds * 1000);
}
