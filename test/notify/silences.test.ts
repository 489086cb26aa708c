import { describe, expect, it } from 'vitest';
import { toInstant } from '../../src/core/index.js';
import { openAlertDatabase, parseMatcher, SilenceError, SilenceStore } from '../../src/notify/index.js';

const T0 = toInstant(Date.parse('2026-11-25T08:00:00Z'));
const cluster = parseMatcher('broker.cluster=orders-prod')!;

describe('silences in the alert database', () => {
  it('adds, lists until they end, and expires silences', () => {
    const store = new SilenceStore(openAlertDatabase(':memory:'));
    const a = store.add({ matchers: [cluster], endsAt: toInstant(T0 + 3600_000), createdBy: 'ana', comment: 'disk swap' }, T0);
    const b = store.add({ matchers: [cluster], startsAt: toInstant(T0 + 60_000), endsAt: toInstant(T0 + 120_000), createdBy: 'bo', comment: '' }, T0);
    expect(a).toMatchObject({ startsAt: T0, createdBy: 'ana', comment: 'disk swap' });
    expect(store.list(T0).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(store.list(toInstant(T0 + 120_000)).map((s) => s.id)).toEqual([a.id]);
    expect(store.expire(a.id, toInstant(T0 + 1000))).toBe(true);
    expect(store.expire(a.id, toInstant(T0 + 2000))).toBe(false);
    expect(store.expire('no-such-id', T0)).toBe(false);
    expect(store.list(toInstant(T0 + 2000)).map((s) => s.id)).toEqual([b.id]);
    expect(store.list(toInstant(T0 + 2000), true).find((s) => s.id === a.id)?.endsAt).toBe(T0 + 1000);
  });

  it('refuses a silence that would hold back every alert, or that has already ended', () => {
    const store = new SilenceStore(openAlertDatabase(':memory:'));
    const end = toInstant(T0 + 3600_000);
    const refused = (matchers: string[], endsAt = end): unknown => {
      try {
        store.add({ matchers: matchers.map((m) => parseMatcher(m)!), endsAt, createdBy: 'x', comment: '' }, T0);
      } catch (error) {
        return error instanceof SilenceError ? error.code : error;
      }
      return undefined;
    };
    expect(refused([])).toBe('silence_invalid');
    expect(refused(['cluster=~.*'])).toBe('silence_invalid');
    expect(refused(['cluster!=x'])).toBe('silence_invalid');
    expect(refused(['broker.cluster=orders-prod'], T0)).toBe('silence_invalid');
    expect(refused(['cluster=~.*', 'broker.cluster=orders-prod'])).toBeUndefined();
  });
});
