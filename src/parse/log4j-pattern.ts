// The log4j / log4j2 conversion-pattern compiler: a site's PatternLayout (`%d{ISO8601} %-5p [%t] %c{1}
// - %m%n`) becomes, once, a parser of the records it writes. The part before `%m` compiles to one
// anchored matcher (it also says where a record starts); the part after `%m` is searched from the end
// of each line in turn, so a message with line breaks whose last line carries `(logger)` and a stack
// trace printed after the `(logger)` line both come out right.
// A part made only of literals, fixed-width dates, levels and loggers (Kafka's `[%d] %p ` and
// ` (%c)`) compiles to a function of character-code comparisons (log4j-fast.ts); every other part
// compiles to a regex. Both read a part the same way (test/parse/log4j-pattern.test.ts compares them).
import type { Clock } from '../core/index.js';
import { MONTHS, type CompiledLog4jPattern, type Log4jRecord, type TimeContext } from '../../parsers/index.js';
import { ParseConfigError } from './errors.js';
import { compileDateFormat, escapeRegex, type DateRole, type NumericRole } from './log4j-date.js';
import { compileFastPart, type FastPiece, type Pad } from './log4j-fast.js';
import { ZoneTime } from './zone.js';

type Role = DateRole | 'level' | 'logger' | 'thread' | 'ignore';

interface Piece {
  readonly source: string;
  readonly roles: readonly Role[];
  /** A `%d{...}{zone}` time zone of its own. */
  readonly zone?: string;
  readonly literal?: string;
  readonly fast?: FastPiece;
}

const CONVERSION = /%(-?\d*(?:\.-?\d+)?)([a-zA-Z]+|%)((?:\{[^}]*\})*)/y;
const LOGGER = '([A-Za-z_$][\\w$.\\-]*)';

function options(raw: string): string[] {
  return raw === '' ? [] : raw.slice(1, -1).split('}{');
}

function conversion(name: string, modifier: string, opts: readonly string[], clock: Clock): Piece | 'message' | 'end' | Piece[] {
  const width = /^-?(\d+)/.exec(modifier);
  const padding: Pad = width === null || width[1] === '0' ? 'none' : modifier.startsWith('-') ? 'right' : 'left';
  const pad = (source: string): string => (padding === 'none' ? source : padding === 'right' ? `${source} *` : ` *${source}`);
  switch (name) {
    case 'm':
    case 'msg':
    case 'message':
      return 'message';
    case 'n':
      return 'end';
    case '%':
      return { source: '%', roles: [], literal: '%' };
    case 'd':
    case 'date': {
      const date = compileDateFormat(opts[0]);
      if (opts[1] !== undefined) return { source: pad(date.source), roles: date.roles, zone: opts[1] };
      return date.fixed === undefined || padding !== 'none'
        ? { source: pad(date.source), roles: date.roles }
        : { source: date.source, roles: date.roles, fast: { kind: 'date', date: date.fixed } };
    }
    case 'p':
    case 'level':
      return { source: pad('([A-Za-z]+)'), roles: ['level'], fast: { kind: 'word', role: 'level', pad: padding } };
    case 'c':
    case 'logger':
    case 'lo':
      return { source: pad(LOGGER), roles: ['logger'], fast: { kind: 'word', role: 'logger', pad: padding } };
    case 't':
    case 'thread':
    case 'tn':
    case 'threadName':
      return { source: pad('(.*?)'), roles: ['thread'] };
    case 'r':
    case 'relative':
    case 'T':
    case 'tid':
    case 'threadId':
    case 'L':
    case 'line':
      return { source: pad('\\d*'), roles: [] };
    case 'ex':
    case 'exception':
    case 'throwable':
    case 'xEx':
    case 'xException':
    case 'xThrowable':
    case 'rEx':
    case 'rException':
    case 'rThrowable':
      return { source: '', roles: [] };
    case 'highlight':
    case 'style':
      return opts[0] === undefined ? { source: '', roles: [] } : tokenize(opts[0], clock).flatMap((p) => (typeof p === 'string' ? [] : [p]));
    default:
      // %X{key}, %x, %C, %F, %M, %l, %marker, ...: read over, not kept.
      return { source: pad('.*?'), roles: [] };
  }
}

function tokenize(pattern: string, clock: Clock): (Piece | 'message' | 'end')[] {
  const out: (Piece | 'message' | 'end')[] = [];
  let literal = '';
  let at = 0;
  const flush = (): void => {
    if (literal !== '') out.push({ source: escapeRegex(literal), roles: [], literal, fast: { kind: 'literal', text: literal } });
    literal = '';
  };
  while (at < pattern.length) {
    const ch = pattern[at]!;
    if (ch !== '%') {
      literal += ch;
      at++;
      continue;
    }
    CONVERSION.lastIndex = at;
    const match = CONVERSION.exec(pattern);
    if (match === null) throw new ParseConfigError(`log4j pattern "${pattern}": a conversion at column ${at + 1} cannot be read`, { context: { pattern } });
    at = CONVERSION.lastIndex;
    const piece = conversion(match[2]!, match[1]!, options(match[3]!), clock);
    if (typeof piece !== 'string' && !Array.isArray(piece) && piece.literal !== undefined) {
      literal += piece.literal;
      continue;
    }
    flush();
    if (Array.isArray(piece)) out.push(...piece);
    else out.push(piece);
  }
  flush();
  return out;
}

/** One part of a pattern (before or after `%m`), matched at a position of a record. */
interface Matcher {
  /**
   * Where the part ends when it matches at `at`, or -1. With `fields`, the values it reads are
   * set there (only a match's values: callers pass fields once they know the part matches).
   */
  match(text: string, at: number, fields?: Fields): number;
}

class RegexPart implements Matcher {
  readonly #regex: RegExp;
  readonly #roles: readonly Role[];
  /** The zone of each date group set: undefined = the input's zone. */
  readonly #zones: readonly (ZoneTime | undefined)[];

  constructor(pieces: readonly Piece[], anchor: 'start' | 'line-end', clock: Clock) {
    const body = pieces.map((p) => p.source).join('');
    this.#roles = pieces.flatMap((p) => p.roles);
    this.#zones = pieces.flatMap((p) => p.roles.map(() => (p.zone === undefined ? undefined : new ZoneTime(p.zone, clock))));
    // The tail is matched in place, up to the end of its line: no slicing of the record per line.
    this.#regex = new RegExp(anchor === 'start' ? `^${body}` : `${body}(?=\n|$)`, 'y');
  }

  match(text: string, at: number, fields?: Fields): number {
    this.#regex.lastIndex = at;
    const match = this.#regex.exec(text);
    if (match === null) return -1;
    fields?.read(match, this.#roles, this.#zones);
    return at + match[0].length;
  }
}

/** Which matcher a pattern's parts get: 'regex' reads every pattern and is the reference for 'fast'. */
export type PatternEngine = 'fast' | 'regex';

function part(pieces: readonly Piece[], anchor: 'start' | 'line-end', clock: Clock, engine: PatternEngine): Matcher {
  const fast = engine === 'fast' ? compileFastPart(pieces.map((p) => p.fast), anchor) : undefined;
  return fast === undefined ? new RegexPart(pieces, anchor, clock) : { match: fast };
}

class Log4jPattern implements CompiledLog4jPattern {
  readonly source: string;
  readonly #head: Matcher;
  readonly #tail: Matcher | undefined;
  /** The tail's leading literal: candidates for the tail are found with lastIndexOf. */
  readonly #tailLiteral: string;
  /** Reused for every record: parse() is synchronous and reads one record at a time. */
  readonly #fields = new Fields();

  constructor(source: string, head: Matcher, tail: Matcher | undefined, tailLiteral: string) {
    this.source = source;
    this.#head = head;
    this.#tail = tail;
    this.#tailLiteral = tailLiteral;
  }

  startsRecord(line: string): boolean {
    return this.#head.match(line, 0) !== -1;
  }

  parse(record: string, time: TimeContext): Log4jRecord | undefined {
    const fields = this.#fields;
    fields.reset(time);
    const start = this.#head.match(record, 0, fields);
    if (start === -1) return undefined;
    let message: string;
    let trailer = '';
    const at = this.#tail === undefined ? -1 : this.#readTail(record, start, time);
    if (at === -1) {
      message = record.slice(start);
    } else {
      message = record.slice(start, at);
      const newline = record.indexOf('\n', at);
      trailer = newline === -1 ? '' : record.slice(newline + 1);
    }
    return { time: fields.instant(), level: fields.level, logger: fields.logger, thread: fields.thread, message, trailer };
  }

  /**
   * Where the tail starts (#closingLine), its values read into the fields; -1 leaves the head's.
   * A one-line record's tail is nearly always at the last occurrence of its literal: that is tried
   * reading the values at once, sparing a second match of the tail on every record.
   */
  #readTail(record: string, start: number, time: TimeContext): number {
    const tail = this.#tail!;
    const fields = this.#fields;
    const literal = this.#tailLiteral;
    if (literal !== '' && record.indexOf('\n', start) === -1) {
      const last = record.lastIndexOf(literal);
      if (last >= start && tail.match(record, last, fields) !== -1) return last;
      // The failed try may have set some of the tail's values before failing: the head's are read again.
      fields.reset(time);
      this.#head.match(record, 0, fields);
    }
    const at = this.#closingLine(record, start);
    if (at !== -1) tail.match(record, at, fields);
    return at;
  }

  /**
   * Where the tail starts on the line that ends the message, or -1. A line that is nothing but the
   * tail (Kafka's config dumps end with ` (logger)` alone on the last line) wins, since a dumped
   * value may itself end in parentheses; otherwise the first line with the tail does (a stack trace
   * follows it). Within a line the latest start wins (`a (b) c (logger)`). One forward pass.
   */
  #closingLine(record: string, start: number): number {
    const tail = this.#tail!;
    const literal = this.#tailLiteral;
    if (literal !== '' && record.indexOf('\n', start) === -1) {
      // One line (nearly every record): the tail is at its end, found from there.
      for (let at = record.lastIndexOf(literal); at >= start; at = at === 0 ? -1 : record.lastIndexOf(literal, at - 1)) {
        if (tail.match(record, at) !== -1) return at;
      }
      return -1;
    }
    let first = -1;
    let firstEnd = -1;
    let at = literal === '' ? start : record.indexOf(literal, start);
    while (at !== -1) {
      const end = tail.match(record, at);
      if (end !== -1) {
        if (at > start && record.charCodeAt(at - 1) === 10) return at;
        if (first === -1 || firstEnd === end) {
          first = at;
          firstEnd = end;
        }
      }
      at = literal === '' ? (at < record.length ? at + 1 : -1) : record.indexOf(literal, at + 1);
    }
    return first;
  }
}

/** The values read from one record's groups. */
class Fields {
  level: string | undefined;
  logger: string | undefined;
  thread: string | undefined;
  year = NaN;
  month = NaN;
  day = NaN;
  hour = 0;
  minute = 0;
  second = 0;
  ms = 0;
  pm: boolean | undefined;
  offsetMinutes: number | undefined;
  epoch = NaN;
  zone: ZoneTime | undefined;
  /** The input's zone and clock, set by reset() before each record. */
  time!: TimeContext;

  reset(time: TimeContext): void {
    this.time = time;
    this.level = this.logger = this.thread = undefined;
    this.year = this.month = this.day = this.epoch = NaN;
    this.hour = this.minute = this.second = this.ms = 0;
    this.pm = undefined;
    this.offsetMinutes = undefined;
    this.zone = undefined;
  }

  read(match: RegExpExecArray, roles: readonly Role[], zones: readonly (ZoneTime | undefined)[]): void {
    for (let i = 0; i < roles.length; i++) {
      const value = match[i + 1];
      if (value === undefined) continue;
      const role = roles[i]!;
      switch (role) {
        case 'level':
          this.level = value;
          break;
        case 'logger':
          this.logger = value;
          break;
        case 'thread':
          this.thread = value;
          break;
        case 'ignore':
          break;
        default:
          this.#date(role, value, zones[i]);
      }
    }
  }

  #date(role: DateRole, value: string, zone: ZoneTime | undefined): void {
    if (zone !== undefined) this.zone = zone;
    switch (role) {
      case 'monthName':
        this.month = MONTHS.get(value.slice(0, 3)) ?? NaN;
        break;
      case 'ampm':
        this.pm = value.charCodeAt(0) === 80 || value.charCodeAt(0) === 112;
        break;
      case 'fraction':
        this.number(role, milliseconds(value));
        break;
      case 'offset':
        this.offsetMinutes = offsetMinutes(value);
        break;
      case 'epochSeconds':
        this.epoch = Number(value) * 1000;
        break;
      case 'epochMillis':
        this.epoch = Number(value);
        break;
      case 'noDate': {
        const [year, month, day] = this.time.today();
        this.year = year;
        this.month = month;
        this.day = day;
        break;
      }
      default:
        this.number(role, digits(value));
    }
  }

  /** A date field's number; a fraction's in milliseconds. */
  number(role: NumericRole, value: number): void {
    switch (role) {
      case 'year':
        this.year = value;
        break;
      case 'year2':
        this.year = 2000 + value;
        break;
      case 'month':
        this.month = value;
        break;
      case 'day':
        this.day = value;
        break;
      case 'hour':
        this.hour = value;
        break;
      case 'hour12':
        this.hour = value % 12;
        break;
      case 'minute':
        this.minute = value;
        break;
      case 'second':
        this.second = value;
        break;
      case 'fraction':
        this.ms = value;
        break;
    }
  }

  instant(): number {
    if (!Number.isNaN(this.epoch)) return this.epoch;
    const hour = this.pm === true ? this.hour + 12 : this.hour;
    if (this.month < 1 || this.month > 12 || this.day < 1 || this.day > 31 || hour > 23 || this.minute > 59 || this.second > 60) return NaN;
    if (this.offsetMinutes !== undefined) {
      return Date.UTC(this.year, this.month - 1, this.day, hour, this.minute, this.second, this.ms) - this.offsetMinutes * 60_000;
    }
    return (this.zone ?? this.time).local(this.year, this.month, this.day, hour, this.minute, this.second, this.ms);
  }
}

/** A run of decimal digits (the regex matched them): cheaper than Number() per field per record. */
function digits(text: string): number {
  let value = 0;
  for (let i = 0; i < text.length; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** The first three digits of a fraction of a second, padded: `5` is 500 ms, `123456` is 123. */
function milliseconds(fraction: string): number {
  let value = 0;
  for (let i = 0; i < 3; i++) value = value * 10 + (i < fraction.length ? fraction.charCodeAt(i) - 48 : 0);
  return value;
}

function offsetMinutes(value: string): number {
  if (value === 'Z') return 0;
  const digits = value.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0');
  return value.startsWith('-') ? -minutes : minutes;
}

/**
 * Compiles a conversion pattern.
 * @throws ParseConfigError when the pattern has no `%m` or cannot be read.
 */
export function compileLog4jPattern(pattern: string, clock: Clock, engine: PatternEngine = 'fast'): CompiledLog4jPattern {
  const tokens = tokenize(pattern, clock);
  const message = tokens.indexOf('message');
  if (message === -1) throw new ParseConfigError(`log4j pattern "${pattern}" has no %m: records cannot be read without their message`, { context: { pattern } });
  const end = tokens.indexOf('end', message);
  const head = tokens.slice(0, message).filter((t): t is Piece => t !== 'end');
  const tail = tokens.slice(message + 1, end === -1 ? tokens.length : end).filter((t): t is Piece => t !== 'message');
  if (head.length === 0 || head.every((p) => p.source === '' || p.source.startsWith('.*?'))) {
    throw new ParseConfigError(`log4j pattern "${pattern}" has nothing before %m: record starts cannot be told apart`, { context: { pattern } });
  }
  const trimmedTail = tail.filter((p) => p.source !== '');
  return new Log4jPattern(
    pattern,
    part(head, 'start', clock, engine),
    trimmedTail.length === 0 ? undefined : part(trimmedTail, 'line-end', clock, engine),
    trimmedTail[0]?.literal ?? '',
  );
}
