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

  it('gives every offset of a file its own id, up to 2^53', () => {
    const ids = new Set<string>();
    const offsets = [0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1];
    for (let offset = 0; offset < 200_000; offset += 1) offsets.push(offset * 97 + 3, offset * 2 ** 21);
    const distinct = new Set(offsets);
    for (const offset of distinct) ids.add(eventId('b1', 'f', offset));
    expect(ids.size).toBe(distinct.size);
  });

  it('starts the ids of one file alike and of another file differently', () => {
    expect(eventId('b1', 'f', 7).slice(0, 11)).toBe(eventId('b1', 'f', 9_000_000_000).slice(0, 11));
    expect(eventId('b1', 'f', 7).slice(0, 11)).not.toBe(eventId('b1', 'g', 7).slice(0, 11));
  });

  it('gives the same ids when files are read in turn', () => {
    const first = [eventId('b1', 'f', 10), eventId('b1', 'g', 10)];
    expect([eventId('b1', 'f', 10), eventId('b1', 'g', 10)]).toEqual(first);
  });

  it('fits an Elasticsearch _id and a URL', () => {
    expect(eventId('host', 'file', 0)).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(eventId('host', 'file', 2 ** 53 - 1)).toMatch(/^[A-Za-z0-9_-]{20}$/);
  });

  it('makes the ids of a file grow with its offsets, in byte order', () => {
    const offsets = [0, 1, 63, 64, 65, 4095, 4096, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 7, 2 ** 53 - 1];
    const ids = offsets.map((offset) => eventId('b1', 'f', offset));
    expect([...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))).toEqual(ids);
  });

  it('is stable across releases for the same record', () => {
    // Pinned: a changed id makes every store add a record again instead of overwriting it.
    expect(eventId('b1', '2049:1234:ab12', 4096)).toBe('Tt1trkMEJzk------0--');
  });
});
