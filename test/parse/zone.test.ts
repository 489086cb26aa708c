import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/index.js';
import { ParseConfigError, ZoneTime } from '../../src/parse/index.js';

const clock = new ManualClock(Date.UTC(2026, 10, 25, 12));
const iso = (ms: number): string => new Date(ms).toISOString();

describe('ZoneTime', () => {
  it('reads wall-clock time in winter and summer offsets of a zone', () => {
    const berlin = new ZoneTime('Europe/Berlin', clock);
    expect(iso(berlin.local(2024, 1, 15, 10, 0, 0, 123))).toBe('2024-01-15T09:00:00.123Z');
    expect(iso(berlin.local(2024, 7, 15, 10, 0, 0, 0))).toBe('2024-07-15T08:00:00.000Z');
  });

  it('handles zones with quarter-hour offsets and the southern hemisphere', () => {
    expect(iso(new ZoneTime('Asia/Kathmandu', clock).local(2024, 3, 1, 12, 0, 0, 0))).toBe('2024-03-01T06:15:00.000Z');
    expect(iso(new ZoneTime('Australia/Sydney', clock).local(2024, 1, 1, 12, 0, 0, 0))).toBe('2024-01-01T01:00:00.000Z');
    expect(iso(new ZoneTime('America/New_York', clock).local(2024, 1, 1, 12, 0, 0, 0))).toBe('2024-01-01T17:00:00.000Z');
  });

  it('maps the repeated hour of a fall-back transition to its first pass', () => {
    // Europe/Berlin 2024-10-27: 03:00 CEST -> 02:00 CET; 02:30 happens twice.
    expect(iso(new ZoneTime('Europe/Berlin', clock).local(2024, 10, 27, 2, 30, 0, 0))).toBe('2024-10-27T00:30:00.000Z');
  });

  it('reads the hours just around a spring-forward transition', () => {
    const berlin = new ZoneTime('Europe/Berlin', clock);
    expect(iso(berlin.local(2024, 3, 31, 1, 59, 0, 0))).toBe('2024-03-31T00:59:00.000Z');
    expect(iso(berlin.local(2024, 3, 31, 3, 0, 0, 0))).toBe('2024-03-31T01:00:00.000Z');
  });

  it('treats UTC without an offset lookup', () => {
    expect(iso(new ZoneTime('UTC', clock).local(2024, 2, 29, 23, 59, 59, 999))).toBe('2024-02-29T23:59:59.999Z');
  });

  it("gives today's date in the zone from the clock", () => {
    const late = new ManualClock(Date.UTC(2026, 10, 25, 23, 30));
    expect(new ZoneTime('Europe/Berlin', late).today()).toEqual([2026, 11, 26]);
    expect(new ZoneTime('America/New_York', late).today()).toEqual([2026, 11, 25]);
  });

  it('rejects a zone Intl does not know, with a config error', () => {
    expect(() => new ZoneTime('Mars/Olympus', clock)).toThrow(ParseConfigError);
    expect(() => new ZoneTime('Mars/Olympus', clock)).toThrow('unknown time zone "Mars/Olympus": use an IANA name such as Europe/Berlin or UTC');
  });
});
