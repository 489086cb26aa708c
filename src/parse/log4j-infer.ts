// A site's own log4j layout, read off an input's first lines when it is none of the known ones
// (parsers/kafka/log4j-text.ts). The pattern is grown from the time at the start of the lines, one
// piece at a time (a level, a thread, the logger, each in its usual spellings), keeping a piece only
// when every line that starts a record agrees with it and its values are what it stands for: a level
// a layout writes, a logger that is a class name. It must end by reading the logger (then at most a
// thread): that is what it is for, since an unread `[thread] Logger - ` before the message hides the
// wordings of parsers/kafka/events.ts, which are anchored at the message's start. Detection weighs
// the result against the known patterns like any other (src/parse/detect.ts).
import type { Clock } from '../core/index.js';
import type { Log4jRecord } from '../../parsers/index.js';
import { toLogLevel } from '../../parsers/levels.js';
import { compileLog4jPattern } from './log4j-pattern.js';
import { ZoneTime } from './zone.js';

/**
 * How sites write the time, most specific first (a shorter form also reads the start of a longer
 * one): ISO 8601 with a `T` or a space, milliseconds after a comma (log4j) or a dot, an offset or
 * none; whole seconds; log4j's DATE.
 */
const DATES: readonly string[] = [
  "%d{yyyy-MM-dd'[T ]'HH:mm:ss'[,.]'SSSX}",
  "%d{yyyy-MM-dd'[T ]'HH:mm:ss'[,.]'SSS}",
  "%d{yyyy-MM-dd'[T ]'HH:mm:ss}",
  '%d{DATE}',
].flatMap((date) => [date, `[${date}]`]);

/** What separates two pieces. */
const SEPARATORS: readonly string[] = [' ', '', ' - ', ' | '];

const LEVELS: readonly string[] = ['%-5p', '%5p', '[%-5p]', '[%5p]'];
const THREADS: readonly string[] = ['[%t]', '(%t)'];
/**
 * The logger with what ends it: a logger bare before the message needs a separator of its own
 * (` - `, `: `), since a message's first word would read as one.
 */
const LOGGERS: readonly string[] = [
  '%c - ',
  '%c: ',
  '%c:%L - ',
  '[%c] ',
  '[%c] - ',
  '[%c]: ',
  '[%c:%L] ',
  '[%c:%L] - ',
  '(%c) ',
  '(%c) - ',
];

/**
 * A class name as `%c` writes it: qualified (or log4j2's abbreviation, `o.a.k.Foo`), or a simple
 * name, capitalised as Java's are. A thread's (`main`) or a level's (`info`) is not one.
 */
const CLASS_NAME = /^(?:[A-Za-z_$][\w$]*(?:\.[\w$]+)+|[A-Z][\w$]*)$/;

/** Most lines a sample is inferred from. */
const SAMPLE = 64;

type Piece = 'level' | 'thread' | 'logger';

/** A head every record line agrees with, and the rest of each line after it. */
interface Candidate {
  readonly head: string;
  readonly read: readonly Piece[];
  readonly messages: readonly string[];
}

/**
 * The conversion pattern of the lines' layout, or undefined when none of the date forms starts them
 * or no logger could be read. Of the heads that read a logger, the one that reads the most pieces
 * wins (`[Timer] Foo - ` is a thread and a logger, not a logger and a message), then the first in
 * the order above.
 */
export function inferLog4jPattern(lines: readonly string[], clock: Clock): string | undefined {
  const time = new ZoneTime('UTC', clock);
  const sample = lines.slice(0, SAMPLE);
  let best: { head: string; records: string[] } | undefined;
  for (const head of DATES) {
    const date = compileLog4jPattern(`${head}%m%n`, clock);
    const records = sample.filter((line) => date.startsRecord(line));
    if (records.length > 0 && (best === undefined || records.length > best.records.length)) best = { head, records };
  }
  if (best === undefined) return undefined;
  const records = best.records;
  const messages = readAll(best.head, undefined, records, time, clock)?.map((record) => record.message) ?? [];
  let chosen: Candidate | undefined;
  for (const candidate of grown({ head: best.head, read: [], messages }, records, time, clock)) {
    if (chosen === undefined || candidate.read.length > chosen.read.length) chosen = candidate;
  }
  return chosen === undefined ? undefined : `${chosen.head}%m%n`;
}

/** The complete heads `from` grows into: each ends with the logger, or the logger then a thread. */
function* grown(from: Candidate, records: readonly string[], time: ZoneTime, clock: Clock): Generator<Candidate> {
  const hasLogger = from.read.includes('logger');
  if (hasLogger) yield from;
  for (const piece of ['level', 'thread', 'logger'] as const) {
    if (from.read.includes(piece) || (hasLogger && piece !== 'thread')) continue;
    const forms = piece === 'level' ? LEVELS : piece === 'thread' ? THREADS : [...LOGGERS, ...keyedLoggers(from.messages)];
    // A thread after the logger comes after the logger's own separator.
    for (const separator of hasLogger ? [''] : SEPARATORS) {
      for (const form of forms) {
        const head = `${from.head}${separator}${form}${hasLogger ? ' ' : ''}`;
        const read = readAll(head, piece, records, time, clock);
        if (read === undefined) continue;
        yield* grown({ head, read: [...from.read, piece], messages: read.map((record) => record.message) }, records, time, clock);
      }
    }
  }
}

/**
 * The logger named by a key in brackets (`[category=%c] `), when the first record's rest starts
 * with one: its key is learnt there, and the other lines must agree like any other piece's.
 */
function keyedLoggers(messages: readonly string[]): string[] {
  const key = /^ ?\[([A-Za-z_][\w.-]*)=/.exec(messages[0] ?? '')?.[1];
  return key === undefined ? [] : [`[${key}=%c] `];
}

/** The records `head` reads, when it reads every line and gives the piece (if any) a value it can have. */
function readAll(head: string, piece: Piece | undefined, lines: readonly string[], time: ZoneTime, clock: Clock): Log4jRecord[] | undefined {
  const compiled = compileLog4jPattern(`${head}%m%n`, clock);
  const records: Log4jRecord[] = [];
  for (const line of lines) {
    const record = compiled.parse(line, time);
    if (record === undefined || !Number.isFinite(record.time) || (piece !== undefined && !plausible(record, piece))) return undefined;
    records.push(record);
  }
  return records;
}

function plausible(record: Log4jRecord, piece: Piece): boolean {
  switch (piece) {
    case 'level':
      return record.level !== undefined && toLogLevel(record.level) !== undefined;
    case 'logger':
      return record.logger !== undefined && CLASS_NAME.test(record.logger);
    case 'thread':
      return record.thread !== undefined && record.thread !== '';
  }
}
