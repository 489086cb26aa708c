// Recurring time windows, as Alertmanager's `time_intervals`: a route muted during one
// (`mute_time_intervals`: the weekly patch window in which brokers are restarted on purpose) or
// active only during one (`active_time_intervals`: a team paged in office hours). An interval is a
// list of windows; a window holds when every field it gives holds (times of day, weekdays, days of
// the month, months, years), read in its `location` (an IANA zone, UTC by default).
import { z } from 'zod';
import { isTimeZone } from '../core/index.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;

/** An inclusive range of values; one value is a range of one. */
type Range = readonly [number, number];

/** `HH:MM` -> minutes of the day; `24:00` is the end of the day. */
const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

const timeOfDay = z.string().transform((text, ctx) => {
  const m = TIME.exec(text);
  if (m === null) {
    ctx.addIssue({ code: 'custom', message: `"${text}" must be HH:MM, from 00:00 to 24:00` });
    return z.NEVER;
  }
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4]);
});

const timeRange = z
  .strictObject({ start_time: timeOfDay, end_time: timeOfDay })
  .refine((r) => r.start_time < r.end_time, { message: 'end_time must be after start_time (a window past midnight is two windows)' });

/**
 * A list of `a` or `a:b` items, each value read by `value` (a name or a number), checked against
 * `check` (which returns a problem or undefined). `what` and `example` word the error.
 */
function rangeList(value: (text: string) => number | undefined, what: string, example: string, check: (range: Range) => string | undefined) {
  return z.array(z.union([z.string(), z.number().int()])).transform((items, ctx): Range[] =>
    items.map((item, i) => {
      const parts = String(item).trim().toLowerCase().split(':');
      const values = parts.map((part) => value(part));
      const [from, to] = [values[0], values[values.length - 1]];
      const problem =
        parts.length > 2 || from === undefined || to === undefined ? `must be ${what} or a range of them, e.g. ${example}` : check([from, to]);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [i], message: `"${item}" ${problem}` });
      return [from ?? 0, to ?? 0];
    }),
  );
}

function named(names: readonly string[], first: number): (text: string) => number | undefined {
  return (text) => {
    const index = names.indexOf(text);
    if (index !== -1) return index + first;
    return /^\d+$/.test(text) && Number(text) >= first && Number(text) < names.length + first ? Number(text) : undefined;
  };
}

const integer = (text: string): number | undefined => (/^-?\d+$/.test(text) ? Number(text) : undefined);

const ascending = (range: Range): string | undefined => (range[0] <= range[1] ? undefined : 'must not run backwards (a range that wraps around is two items)');

const windowSchema = z.strictObject({
  times: z.array(timeRange).optional(),
  weekdays: rangeList(named(WEEKDAYS, 0), 'a weekday', 'monday:friday', ascending).optional(),
  // 1..31, or -1 (the last day) to -31, counted from the month's end.
  days_of_month: rangeList(integer, 'a day of the month (1 to 31, or -1 to -31 from its end)', '1:7 or -7:-1', (range) =>
    range.some((d) => d === 0 || d < -31 || d > 31) || Math.sign(range[0]) !== Math.sign(range[1])
      ? 'must be days 1 to 31, or -31 to -1, on one side'
      : ascending(range),
  ).optional(),
  months: rangeList(named(MONTHS, 1), 'a month (january or 1)', 'june:august', ascending).optional(),
  years: rangeList(integer, 'a year', '2026:2027', ascending).optional(),
  location: z
    .string()
    .refine(isTimeZone, { message: 'must be an IANA time zone (Europe/Berlin) or UTC' })
    .default('UTC'),
});

export const timeIntervalSchema = z.strictObject({
  name: z.string().min(1),
  time_intervals: z.array(windowSchema).min(1),
});

export type TimeIntervalSpec = z.output<typeof timeIntervalSchema>;
type WindowSpec = TimeIntervalSpec['time_intervals'][number];

interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: number;
  readonly minute: number;
}

const FORMATS = new Map<string, Intl.DateTimeFormat>();

function localTime(at: number, zone: string): LocalTime {
  let format = FORMATS.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'long',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    FORMATS.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS.indexOf(parts.weekday!.toLowerCase() as (typeof WEEKDAYS)[number]),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const within = (ranges: readonly Range[] | undefined, value: number): boolean => ranges === undefined || ranges.some(([from, to]) => value >= from && value <= to);

function windowHolds(window: WindowSpec, at: number): boolean {
  const local = localTime(at, window.location);
  if (window.times !== undefined && !window.times.some((t) => local.minute >= t.start_time && local.minute < t.end_time)) return false;
  if (!within(window.weekdays, local.weekday) || !within(window.months, local.month) || !within(window.years, local.year)) return false;
  if (window.days_of_month === undefined) return true;
  const daysInMonth = new Date(Date.UTC(local.year, local.month, 0)).getUTCDate();
  return window.days_of_month.some(([from, to]) => {
    // Counted from the end: -1 is the last day of this month.
    const [first, last] = from < 0 ? [daysInMonth + 1 + from, daysInMonth + 1 + to] : [from, to];
    return local.day >= first && local.day <= last;
  });
}

/** Whether `at` falls in any window of the interval. */
export function inTimeInterval(interval: TimeIntervalSpec, at: number): boolean {
  return interval.time_intervals.some((window) => windowHolds(window, at));
}
