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

/** The roles whose value is a number read from digits. */
export type NumericRole = Extract<DateRole, 'year' | 'year2' | 'month' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'fraction'>;

/**
 * A date of fixed width (`yyyy-MM-dd HH:mm:ss,SSS`, Kafka's and most sites' `%d`), read by
 * character codes instead of regex groups, one position after the other.
 */
export interface FixedDate {
  readonly width: number;
  /** Per position: DIGIT, or the character code it must have. */
  readonly expect: Int32Array;
  /** Per position: a second allowed character code (`'[T ]'`), or -1. */
  readonly alternative: Int32Array;
  /** Per digit position: the field its digit belongs to, or -1 (a fraction's digits past milliseconds). */
  readonly slot: Int32Array;
  readonly roles: readonly NumericRole[];
  /** Per field, what its digits are multiplied by: a fraction of one or two digits is in tenths or hundredths. */
  readonly scale: Int32Array;
}

export const DIGIT = -1;

/** Builds a FixedDate from its positions: per position a field (with its digit index) or allowed characters. */
function fixedDate(positions: readonly ({ field: number; digit: number } | { codes: readonly number[] })[], fields: readonly { role: NumericRole; count: number }[]): FixedDate {
  const width = positions.length;
  const expect = new Int32Array(width);
  const alternative = new Int32Array(width).fill(-1);
  const slot = new Int32Array(width).fill(-1);
  positions.forEach((position, i) => {
    if ('codes' in position) {
      expect[i] = position.codes[0]!;
      alternative[i] = position.codes[1] ?? -1;
    } else {
      expect[i] = DIGIT;
      const { role } = fields[position.field]!;
      slot[i] = role === 'fraction' && position.digit >= 3 ? -1 : position.field;
    }
  });
  const scale = Int32Array.from(fields, ({ role, count }) => (role === 'fraction' && count < 3 ? 10 ** (3 - count) : 1));
  return { width, expect, alternative, slot, roles: fields.map((f) => f.role), scale };
}

export interface CompiledDate {
  readonly source: string;
  readonly roles: readonly DateRole[];
  /** Set when every letter is a fixed-width number and every other character fixed. */
  readonly fixed?: FixedDate;
}

/** The role of `count` letters `letter` when they are always that many digits. */
function fixedRole(letter: string, count: number): NumericRole | undefined {
  if (letter === 'y' || letter === 'u') return count === 4 ? 'year' : count === 2 ? 'year2' : undefined;
  if (letter === 'S' || letter === 'n') return 'fraction';
  if (count !== 2) return undefined;
  const roles: Readonly<Record<string, NumericRole>> = { M: 'month', L: 'month', d: 'day', H: 'hour', k: 'hour', h: 'hour12', K: 'hour12', m: 'minute', s: 'second' };
  return roles[letter];
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
  const fields: { role: NumericRole; count: number }[] = [];
  const positions: ({ field: number; digit: number } | { codes: readonly number[] })[] = [];
  let fixed = true;
  const literal = (text: string): void => {
    for (const ch of text) positions.push({ codes: [ch.charCodeAt(0)] });
  };
  let at = 0;
  while (at < resolved.length) {
    const ch = resolved[at]!;
    if (ch === "'") {
      const close = resolved.indexOf("'", at + 1);
      const quoted = resolved.slice(at + 1, close === -1 ? resolved.length : close);
      // '' is a quote; '[T ]' (our ISO8601) is kept as a character class.
      if (quoted.startsWith('[')) {
        source += quoted;
        if (/^\[[^\]\\-]{1,2}\]$/.test(quoted)) positions.push({ codes: [...quoted.slice(1, -1)].map((c) => c.charCodeAt(0)) });
        else fixed = false;
      } else {
        source += quoted === '' ? "'" : escapeRegex(quoted);
        literal(quoted === '' ? "'" : quoted);
      }
      at = close === -1 ? resolved.length : close + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let end = at;
      while (resolved[end] === ch) end++;
      const piece = letters(ch, end - at);
      source += piece.source;
      if (piece.role !== undefined) roles.push(piece.role);
      const role = fixedRole(ch, end - at);
      if (role === undefined) {
        fixed = false;
      } else {
        for (let digit = 0; digit < end - at; digit++) positions.push({ field: fields.length, digit });
        fields.push({ role, count: end - at });
      }
      at = end;
      continue;
    }
    source += escapeRegex(ch);
    literal(ch);
    at++;
  }
  if (!roles.includes('year') && !roles.includes('year2') && !roles.includes('day')) {
    // The date comes from the clock; a group that matches nothing carries the role.
    source = `()${source}`;
    roles.unshift('noDate');
    fixed = false;
  }
  return fixed ? { source, roles, fixed: fixedDate(positions, fields) } : { source, roles };
}
