// `%d{...}` of a log4j / log4j2 pattern: Java SimpleDateFormat letters and log4j's named formats,
// compiled to regex groups, each with the role of its value.
import { ParseConfigError } from './errors.js';

export type DateRole =
  | 'year'
  | 'year2'
  | 'month'
  | 'monthName'
  | 'day'
  | 'hour'
  | 'hour12'
  | 'ampm'
  | 'minute'
  | 'second'
  | 'fraction'
  | 'offset'
  | 'epochSeconds'
  | 'epochMillis'
  /** A format without a date (`ABSOLUTE`): the date is today's in the input's zone. */
  | 'noDate';

export interface CompiledDate {
  readonly source: string;
  readonly roles: readonly DateRole[];
}

// log4j 1 writes ISO8601 with a space, log4j2 with a `T`: both are read.
const NAMED: Readonly<Record<string, string>> = {
  DEFAULT: 'yyyy-MM-dd HH:mm:ss,SSS',
  ISO8601: "yyyy-MM-dd'[T ]'HH:mm:ss,SSS",
  ISO8601_BASIC: "yyyyMMdd'T'HHmmss,SSS",
  ISO8601_OFFSET_DATE_TIME_HH: "yyyy-MM-dd'T'HH:mm:ss,SSSX",
  ISO8601_OFFSET_DATE_TIME_HHMM: "yyyy-MM-dd'T'HH:mm:ss,SSSXX",
  ISO8601_OFFSET_DATE_TIME_HHCMM: "yyyy-MM-dd'T'HH:mm:ss,SSSXXX",
  ABSOLUTE: 'HH:mm:ss,SSS',
  ABSOLUTE_MICROS: 'HH:mm:ss,nnnnnn',
  ABSOLUTE_NANOS: 'HH:mm:ss,nnnnnnnnn',
  COMPACT: 'yyyyMMddHHmmssSSS',
  DATE: 'dd MMM yyyy HH:mm:ss,SSS',
  DEFAULT_MICROS: 'yyyy-MM-dd HH:mm:ss,nnnnnn',
  DEFAULT_NANOS: 'yyyy-MM-dd HH:mm:ss,nnnnnnnnn',
  US_MONTH_DAY_YEAR2_TIME: 'dd/MM/yy HH:mm:ss.SSS',
  US_MONTH_DAY_YEAR4_TIME: 'dd/MM/yyyy HH:mm:ss.SSS',
};

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function letters(letter: string, count: number): { source: string; role?: DateRole } {
  switch (letter) {
    case 'y':
    case 'u':
      return count === 2 ? { source: '(\\d{2})', role: 'year2' } : { source: '(\\d{4})', role: 'year' };
    case 'M':
    case 'L':
      if (count >= 3) return { source: '([A-Za-z]{3,9})', role: 'monthName' };
      return { source: count === 2 ? '(\\d{2})' : '(\\d{1,2})', role: 'month' };
    case 'd':
      return { source: count === 2 ? '(\\d{2})' : '(\\d{1,2})', role: 'day' };
    case 'H':
    case 'k':
      return { source: count === 2 ? '(\\d{2})' : '(\\d{1,2})', role: 'hour' };
    case 'h':
    case 'K':
      return { source: count === 2 ? '(\\d{2})' : '(\\d{1,2})', role: 'hour12' };
    case 'a':
      return { source: '([AaPp][Mm])', role: 'ampm' };
    case 'm':
      return { source: count === 2 ? '(\\d{2})' : '(\\d{1,2})', role: 'minute' };
    case 's':
      return { source: count === 2 ? '(\\d{2})' : '(\\d{1,2})', role: 'second' };
    case 'S':
    case 'n':
      return { source: `(\\d{${count}})`, role: 'fraction' };
    case 'Z':
      return { source: '(Z|[+-]\\d{2}:?\\d{2})', role: 'offset' };
    case 'X':
    case 'x':
      return { source: '(Z|[+-]\\d{2}(?::?\\d{2})?)', role: 'offset' };
    case 'E':
    case 'z':
      return { source: '[A-Za-z]+' };
    default:
      return { source: '\\d+' };
  }
}

/** Compiles a `%d` option (empty for log4j's default). @throws ParseConfigError on an unknown name. */
export function compileDateFormat(format: string | undefined): CompiledDate {
  if (format === 'UNIX') return { source: '(\\d+)', roles: ['epochSeconds'] };
  if (format === 'UNIX_MILLIS') return { source: '(\\d+)', roles: ['epochMillis'] };
  const resolved = format === undefined || format === '' ? NAMED.DEFAULT! : (NAMED[format] ?? format);
  if (/^[A-Z0-9_]+$/.test(resolved) && /[A-Z]{2}/.test(resolved)) {
    throw new ParseConfigError(`unknown %d format "${format}": use a SimpleDateFormat or one of ${Object.keys(NAMED).join(', ')}`, {
      context: { format },
    });
  }
  let source = '';
  const roles: DateRole[] = [];
  let at = 0;
  while (at < resolved.length) {
    const ch = resolved[at]!;
    if (ch === "'") {
      const close = resolved.indexOf("'", at + 1);
      const quoted = resolved.slice(at + 1, close === -1 ? resolved.length : close);
      // '' is a quote; '[T ]' (our ISO8601) is kept as a character class.
      source += quoted === '' ? "'" : quoted.startsWith('[') ? quoted : escapeRegex(quoted);
      at = close === -1 ? resolved.length : close + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let end = at;
      while (resolved[end] === ch) end++;
      const piece = letters(ch, end - at);
      source += piece.source;
      if (piece.role !== undefined) roles.push(piece.role);
      at = end;
      continue;
    }
    source += escapeRegex(ch);
    at++;
  }
  if (!roles.includes('year') && !roles.includes('year2') && !roles.includes('day')) {
    // The date comes from the clock; a group that matches nothing carries the role.
    source = `()${source}`;
    roles.unshift('noDate');
  }
  return { source, roles };
}
