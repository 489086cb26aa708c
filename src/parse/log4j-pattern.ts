// The log4j / log4j2 conversion-pattern compiler: a site's PatternLayout (`%d{ISO8601} %-5p [%t] %c{1}
// - %m%n`) becomes, once, a parser of the records it writes. The part before `%m` compiles to one
// anchored regex (it also says where a record starts); the part after `%m` is searched from the end
// of each line in turn, so a message with line breaks whose last line carries `(logger)` and a stack
// trace printed after the `(logger)` line both come out right.
import type { Clock } from '../core/index.js';
import { MONTHS, type CompiledLog4jPattern, type Log4jRecord, type TimeContext } from '../../parsers/index.js';
import { ParseConfigError } from './errors.js';
import { compileDateFormat, escapeRegex, type DateRole } from './log4j-date.js';
import { ZoneTime } from './zone.js';

type Role = DateRole | 'level' | 'logger' | 'thread' | 'ignore';

interface Piece {
  readonly source: string;
  readonly roles: readonly Role[];
  /** A `%d{...}{zone}` time zone of its own. */
  readonly zone?: string;
  readonly literal?: string;
}

const CONVERSION = /%(-?\d*(?:\.-?\d+)?)([a-zA-Z]+|%)((?:\{[^}]*\})*)/y;
const LOGGER = '([A-Za-z_$][\\w$.\\-]*)';

function options(raw: string): string[] {
  return raw === '' ? [] : raw.slice(1, -1).split('}{');
}

function conversion(name: string, modifier: string, opts: readonly string[], clock: Clock): Piece | 'message' | 'end' | Piece[] {
  const width = /^-?(\d+)/.exec(modifier);
  const pad = (source: string): string =>
    width === null || width[1] === '0' ? source : modifier.startsWith('-') ? `${source} *` : ` *${source}`;
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
      return opts[1] === undefined
        ? { source: pad(date.source), roles: date.roles }
        : { source: pad(date.source), roles: date.roles, zone: opts[1] };
    }
    case 'p':
    case 'level':
      return { source: pad('([A-Za-z]+)'), roles: ['level'] };
    case 'c':
    case 'logger':
    case 'lo':
      return { source: pad(LOGGER), roles: ['logger'] };
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
    if (literal !== '') out.push({ source: escapeRegex(literal), roles: [], literal });
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

interface Part {
  readonly regex: RegExp;
  readonly roles: readonly Role[];
  /** The zone of each date group set: undefined = the input's zone. */
  readonly zones: readonly (ZoneTime | undefined)[];
}

function part(pieces: readonly Piece[], anchor: 'start' | 'line-end', clock: Clock): Part {
  const body = pieces.map((p) => p.source).join('');
  const roles = pieces.flatMap((p) => p.roles);
  const zones = pieces.flatMap((p) => p.roles.map(() => (p.zone === undefined ? undefined : new ZoneTime(p.zone, clock))));
  // The tail is matched in place, up to the end of its line: no slicing of the record per line.
  return { regex: anchor === 'start' ? new RegExp(`^${body}`) : new RegExp(`${body}(?=\n|$)`, 'y'), roles, zones };
}

class Log4jPattern implements CompiledLog4jPattern {
  readonly source: string;
  readonly #head: Part;
  readonly #tail: Part | undefined;
  /** The tail's leading literal: candidates for the tail are found with lastIndexOf. */
  readonly #tailLiteral: string;
  /** Reused for every record: parse() is synchronous and reads one record at a time. */
  readonly #fields = new Fields();

  constructor(source: string, head: Part, tail: Part | undefined, tailLiteral: string) {
    this.source = source;
    this.#head = head;
    this.#tail = tail;
    this.#tailLiteral = tailLiteral;
  }

  startsRecord(line: string): boolean {
    return this.#head.regex.test(line);
  }

  parse(record: string, time: TimeContext): Log4jRecord | undefined {
    const head = this.#head.regex.exec(record);
    if (head === null) return undefined;
    const fields = this.#fields;
    fields.reset();
    fields.read(head, this.#head, time);
    const start = head[0].length;
    let message = record.slice(start);
    let trailer = '';
    const tail = this.#tail;
    if (tail !== undefined) {
      const match = this.#closingLine(record, start);
      if (match !== null) {
        fields.read(match, tail, time);
        message = record.slice(start, match.index);
        const newline = record.indexOf('\n', match.index);
        trailer = newline === -1 ? '' : record.slice(newline + 1);
      }
    }
    return { time: fields.instant(time), level: fields.level, logger: fields.logger, thread: fields.thread, message, trailer };
  }

  /**
   * The tail on the line that ends the message. A line that is nothing but the tail (Kafka's config
   * dumps end with ` (logger)` alone on the last line) wins, since a dumped value may itself end
   * in parentheses; otherwise the first line with the tail does (a stack trace follows it). Within
   * a line the latest start wins (`a (b) c (logger)`). One forward pass over the record.
   */
  #closingLine(record: string, start: number): RegExpExecArray | null {
    const regex = this.#tail!.regex;
    const literal = this.#tailLiteral;
    if (literal !== '' && record.indexOf('\n', start) === -1) {
      // One line (nearly every record): the tail is at its end, found from there.
      for (let at = record.lastIndexOf(literal); at >= start; at = at === 0 ? -1 : record.lastIndexOf(literal, at - 1)) {
        regex.lastIndex = at;
        const match = regex.exec(record);
        if (match !== null) return match;
      }
      return null;
    }
    let first: RegExpExecArray | null = null;
    let at = literal === '' ? start : record.indexOf(literal, start);
    while (at !== -1) {
      regex.lastIndex = at;
      const match = regex.exec(record);
      if (match !== null) {
        if (at > start && record.charCodeAt(at - 1) === 10) return match;
        if (first === null || first.index + first[0].length === at + match[0].length) first = match;
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

  reset(): void {
    this.level = this.logger = this.thread = undefined;
    this.year = this.month = this.day = this.epoch = NaN;
    this.hour = this.minute = this.second = this.ms = 0;
    this.pm = undefined;
    this.offsetMinutes = undefined;
    this.zone = undefined;
  }

  read(match: RegExpExecArray, part: Part, time: TimeContext): void {
    const roles = part.roles;
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
          this.#date(role, value, part.zones[i], time);
      }
    }
  }

  #date(role: DateRole, value: string, zone: ZoneTime | undefined, time: TimeContext): void {
    if (zone !== undefined) this.zone = zone;
    switch (role) {
      case 'year':
        this.year = digits(value);
        break;
      case 'year2':
        this.year = 2000 + digits(value);
        break;
      case 'month':
        this.month = digits(value);
        break;
      case 'monthName':
        this.month = MONTHS.get(value.slice(0, 3)) ?? NaN;
        break;
      case 'day':
        this.day = digits(value);
        break;
      case 'hour':
        this.hour = digits(value);
        break;
      case 'hour12':
        this.hour = digits(value) % 12;
        break;
      case 'ampm':
        this.pm = value.charCodeAt(0) === 80 || value.charCodeAt(0) === 112;
        break;
      case 'minute':
        this.minute = digits(value);
        break;
      case 'second':
        this.second = digits(value);
        break;
      case 'fraction':
        this.ms = milliseconds(value);
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
        const [year, month, day] = time.today();
        this.year = year;
        this.month = month;
        this.day = day;
        break;
      }
    }
  }

  instant(time: TimeContext): number {
    if (!Number.isNaN(this.epoch)) return this.epoch;
    const hour = this.pm === true ? this.hour + 12 : this.hour;
    if (this.month < 1 || this.month > 12 || this.day < 1 || this.day > 31 || hour > 23 || this.minute > 59 || this.second > 60) return NaN;
    if (this.offsetMinutes !== undefined) {
      return Date.UTC(this.year, this.month - 1, this.day, hour, this.minute, this.second, this.ms) - this.offsetMinutes * 60_000;
    }
    return (this.zone ?? time).local(this.year, this.month, this.day, hour, this.minute, this.second, this.ms);
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
export function compileLog4jPattern(pattern: string, clock: Clock): CompiledLog4jPattern {
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
    part(head, 'start', clock),
    trimmedTail.length === 0 ? undefined : part(trimmedTail, 'line-end', clock),
    trimmedTail[0]?.literal ?? '',
  );
}
