import { describe, expect, it } from 'vitest';
import { QueryError, toInstant } from '../../src/core/index.js';
import { parseDuration, parseTimeSpec, parseTimeWindow } from '../../src/query/index.js';

const now = toInstant(Date.parse('2026-11-25T12:00:00.000Z'));
const iso = (text: string, field?: string): string => new Date(parseTimeSpec(text, now, field)).toISOString();

describe('parseTimeSpec', () => {
  it('reads a duration as that long before now', () => {
    expect(iso('15m')).toBe('2026-11-25T11:45:00.000Z');
    expect(iso('2h')).toBe('2026-11-25T10:00:00.000Z');
    expect(iso('1d')).toBe('2026-11-24T12:00:00.000Z');
    expect(iso('1h30m')).toBe('2026-11-25T10:30:00.000Z');
    expect(iso('90s')).toBe('2026-11-25T11:58:30.000Z');
    expect(iso('1w')).toBe('2026-11-18T12:00:00.000Z');
    expect(iso('now')).toBe('2026-11-25T12:00:00.000Z');
  });

  it('reads ISO-8601 with or without a zone; without one it is UTC', () => {
    expect(iso('2026-11-25T10:01:03Z')).toBe('2026-11-25T10:01:03.000Z');
    expect(iso('2026-11-25T10:01:03.25+01:00')).toBe('2026-11-25T09:01:03.250Z');
    expect(iso('2026-11-25T10:01:03,123456-0230')).toBe('2026-11-25T12:31:03.123Z');
    expect(iso('2026-11-25T10:01')).toBe('2026-11-25T10:01:00.000Z');
    expect(iso('2026-11-25 10:01:03')).toBe('2026-11-25T10:01:03.000Z');
    expect(iso('2026-11-25')).toBe('2026-11-25T00:00:00.000Z');
  });

  it('refuses what it cannot read, naming the flag, instead of guessing', () => {
    for (const text of ['', '15', '15 minutes', '-15m', 'yesterday', '2026-02-30', '2026-13-01', '25/11/2026', '2026-11-25T25:00']) {
      expect(() => parseTimeSpec(text, now, 'since'), text).toThrow(QueryError);
    }
    expect(() => parseTimeSpec('soon', now, 'since')).toThrow('not a time: "soon" (use e.g. 15m, 2h, 1d, now, or ISO-8601 like 2026-11-25T10:01:00Z)');
    const error = ((): unknown => {
      try {
        return parseTimeSpec('soon', now, 'until');
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toMatchObject({ code: 'query_invalid', context: { field: 'until' } });
  });
});

describe('parseDuration', () => {
  it('sums the parts and refuses zero or junk', () => {
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(() => parseDuration('0s')).toThrow('not a duration like 30s, 15m, 2h, 1h30m, 1d: "0s"');
    expect(() => parseDuration('1.5h')).toThrow(QueryError);
  });
});

describe('parseTimeWindow', () => {
  it('leaves out what is not given', () => {
    expect(parseTimeWindow(undefined, undefined, now)).toEqual({});
    expect(parseTimeWindow('1h', undefined, now)).toEqual({ from: now - 3_600_000 });
    expect(parseTimeWindow('2h', '1h', now)).toEqual({ from: now - 7_200_000, to: now - 3_600_000 });
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => parseTimeWindow('1h', '2h', now)).toThrow('since (2026-11-25T11:00:00.000Z) is not before until (2026-11-25T10:00:00.000Z)');
  });
});
