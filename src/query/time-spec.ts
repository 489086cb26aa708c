// Times as admins type them: `15m` (back from now), `now`, or an ISO-8601 instant. The present is
// passed in, never read here, so a CLI, the HTTP API and a test with a ManualClock agree.
import { QueryError, toInstant, type Instant, type TimeRange } from '../core/index.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `500ms`, `90s`, `15m`, `2h`, `1h30m`, `1d`, `1w`: Prometheus' and amtool's duration syntax. */
const DURATION = /^(?:\d+(?:ms|[smhdw]))+$/u;
const DURATION_PART = /(\d+)(ms|[smhdw])/gu;

/**
 * A date, or a date and time with an optional zone. A time without a zone is UTC: every time
 * brokerwatch shows is UTC, and a broker host's local zone is not the reader's.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/u;

/** Milliseconds of a duration such as `15m` or `1h30m`. @throws QueryError */
export function parseDuration(text: string, field = 'duration'): number {
  const trimmed = text.trim();
  const ms = DURATION.test(trimmed) ? [...trimmed.matchAll(DURATION_PART)].reduce((sum, [, n, unit]) => sum + Number(n) * UNIT_MS[unit!]!, 0) : 0;
  if (ms <= 0) throw new QueryError(`not a duration like 30s, 15m, 2h, 1h30m, 1d: ${JSON.stringify(text)}`, { context: { field } });
  return ms;
}

/**
 * `15m`/`2h`/`1d` (that long before `now`), `now`, or ISO-8601 (`2026-11-25`, `2026-11-25T10:01`,
 * `2026-11-25T10:01:03.250+01:00`; no zone means UTC). @throws QueryError naming `field`
 */
export function parseTimeSpec(text: string, now: Instant, field = 'time'): Instant {
  const trimmed = text.trim();
  if (trimmed === 'now') return now;
  if (DURATION.test(trimmed)) return toInstant(now - parseDuration(trimmed, field));
  return parseIsoInstant(trimmed, field, 'use e.g. 15m, 2h, 1d, now, or ISO-8601 like 2026-11-25T10:01:00Z');
}

/** ISO-8601 only, as parseTimeSpec reads it (no zone: UTC). @throws QueryError naming `field` */
export function parseIsoInstant(text: string, field = 'time', hint = 'use ISO-8601 like 2026-11-25T10:01:00Z'): Instant {
  const match = ISO.exec(text.trim());
  if (match !== null) {
    const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
    const ms = fraction.padEnd(3, '0').slice(0, 3);
    const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const parsed = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${ms}${offset}`);
    // Date.parse rolls 2026-02-30 over into March; a typo must not move the window silently.
    if (!Number.isNaN(parsed) && Number(day) <= daysIn(Number(year), Number(month))) return toInstant(parsed);
  }
  throw new QueryError(`not a time: ${JSON.stringify(text)} (${hint})`, { context: { field } });
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The window of `--since`/`--until` texts, each optional. @throws QueryError */
export function parseTimeWindow(since: string | undefined, until: string | undefined, now: Instant): TimeRange {
  const from = since === undefined ? undefined : parseTimeSpec(since, now, 'since');
  const to = until === undefined ? undefined : parseTimeSpec(until, now, 'until');
  if (from !== undefined && to !== undefined && from >= to) {
    throw new QueryError(`since (${new Date(from).toISOString()}) is not before until (${new Date(to).toISOString()})`, { context: { field: 'since' } });
  }
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}
