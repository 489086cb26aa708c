// Timestamps shared by several layouts: the ISO-8601-like forms written by RabbitMQ (3.7+, with or
// without an offset), log4j2's JSON layouts, journald's short-iso and container runtimes.
import type { TimeContext } from './layout.js';

const ZERO = 48;

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Reads `YYYY-MM-DD[T ]HH:MM:SS[.,fraction][Z|+HH:MM|+HHMM|+HH]` in text[start, end). A timestamp
 * without an offset is wall-clock time in the input's zone. NaN when the text is not one.
 */
export function readIsoTime(text: string, start: number, end: number, time: TimeContext): number {
  if (end - start < 19) return NaN;
  const sep = text.charCodeAt(start + 10);
  if (
    text.charCodeAt(start + 4) !== 45 ||
    text.charCodeAt(start + 7) !== 45 ||
    (sep !== 84 && sep !== 32) ||
    text.charCodeAt(start + 13) !== 58 ||
    text.charCodeAt(start + 16) !== 58
  ) {
    return NaN;
  }
  const year = digits(text, start, 4);
  const month = digits(text, start + 5, 2);
  const day = digits(text, start + 8, 2);
  const hour = digits(text, start + 11, 2);
  const minute = digits(text, start + 14, 2);
  const second = digits(text, start + 17, 2);
  let at = start + 19;
  let ms = 0;
  const mark = text.charCodeAt(at);
  if (at < end && (mark === 46 || mark === 44)) {
    at++;
    let scale = 100;
    while (at < end) {
      const d = text.charCodeAt(at) - ZERO;
      if (d < 0 || d > 9) break;
      ms += d * scale;
      scale /= 10;
      at++;
    }
    ms = Math.floor(ms);
  }
  if (at === end) return checked(time.local(year, month, day, hour, minute, second, ms), month, day, hour, minute, second);
  const sign = text.charCodeAt(at);
  let offsetMinutes: number;
  if (sign === 90 && at + 1 === end) {
    offsetMinutes = 0;
  } else if (sign === 43 || sign === 45) {
    const rest = end - at - 1;
    const hours = digits(text, at + 1, 2);
    const minutes =
      rest === 2 ? 0 : rest === 4 ? digits(text, at + 3, 2) : rest === 5 && text.charCodeAt(at + 3) === 58 ? digits(text, at + 4, 2) : NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
  } else {
    return NaN;
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  return checked(utc, month, day, hour, minute, second);
}

/** An epoch number in seconds, milliseconds or microseconds (by magnitude) -> milliseconds. */
export function epochTime(value: number): number {
  if (!Number.isFinite(value)) return NaN;
  if (value > 1e14) return Math.floor(value / 1000);
  if (value > 1e11) return Math.floor(value);
  return Math.floor(value * 1000);
}

/**
 * Reads an epoch time in text[start, end): seconds with a fraction (`1623142800.123456`, RabbitMQ's
 * `epoch_secs`; a larger number with a fraction by magnitude), or an integer in seconds, milliseconds or microseconds by magnitude
 * (`1623142800123456`, RabbitMQ's `epoch_usecs`). The fraction is read as digits, not through a
 * float (`.123` times 1000 can come out as 122.99...). NaN when the text is not one.
 */
export function readEpochTime(text: string, start: number, end: number): number {
  let at = start;
  let whole = 0;
  while (at < end) {
    const d = text.charCodeAt(at) - ZERO;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
    at++;
  }
  if (at === start || at - start > 16) return NaN;
  if (at === end) return epochTime(whole);
  if (text.charCodeAt(at) !== 46 || at + 1 === end) return NaN;
  const ms = digits(text, at + 1, Math.min(3, end - at - 1)) * 10 ** Math.max(0, 3 - (end - at - 1));
  if (Number.isNaN(ms) || Number.isNaN(digits(text, at + 1, end - at - 1))) return NaN;
  return whole > 1e11 ? epochTime(whole) : whole * 1000 + ms;
}

function checked(instant: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60 ? instant : NaN;
}

export const MONTHS: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].flatMap((name, i) => [
    [name, i + 1],
    [name[0]!.toUpperCase() + name.slice(1), i + 1],
    [name.toUpperCase(), i + 1],
  ]),
);
