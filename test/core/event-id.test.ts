import { describe, expect, it } from 'vitest';
import { eventId } from '../../src/core/index.js';

describe('eventId', () => {
  it('gives the same id for the same host, file identity and offset', () => {
    expect(eventId('b1', '2049:1234:ab12', 4096)).toBe(eventId('b1', '2049:1234:ab12', 4096));
  });

  it('gives different ids when any part differs, with no ambiguity between parts', () => {
    const ids = new Set([
      eventId('b1', 'f', 1),
      eventId('b2', 'f', 1),
      eventId('b1', 'g', 1),
      eventId('b1', 'f', 2),
      eventId('b1', 'f1', 1),
      eventId('b1f', '1', 1),
    ]);
    expect(ids.size).toBe(6);
  });

  it('fits an Elasticsearch _id', () => {
    expect(eventId('host', 'file', 0)).toMatch(/^[A-Za-z0-9_-]{27}$/);
  });
});
