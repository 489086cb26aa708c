// The shape of a log family's record layout: where its records start, how its lines join, and how
// one record's text becomes the record's own fields. src/parse runs these; a layout knows nothing
// of files, offsets, inputs or event ids, and it never throws on input (it returns undefined for
// a record it cannot read, and src/parse keeps that record as a `_parse_failure` event).
import type { BrokerEvent, ServiceType } from '../src/core/index.js';

/** The fields a layout reads out of a record: the record's own, never the input's or a pattern's. */
export type RecordFields = Partial<
  Pick<
    BrokerEvent,
    | 'log.level'
    | 'log.logger'
    | 'process.thread.name'
    | 'kafka.log.component'
    | 'kafka.log.trace.class'
    | 'kafka.log.trace.message'
    | 'rabbitmq.log.pid'
    | 'error.type'
    | 'error.message'
    | 'error.stack_trace'
  >
>;

export interface ParsedRecord {
  /** The record's own time, milliseconds since the epoch, UTC. */
  readonly time: number;
  /** The message text, prefix removed; multi-line messages keep their lines. */
  readonly message: string;
  readonly fields: RecordFields;
}

/** Turns the wall-clock parts of a zone-less timestamp into an instant, in the input's zone. */
export interface TimeContext {
  local(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number;
  /** Today's date [year, month, day] in the input's zone: for layouts whose time has no date. */
  today(): readonly [number, number, number];
}

/** A log4j/log4j2 conversion pattern compiled once into a parser (src/parse/log4j-pattern.ts). */
export interface CompiledLog4jPattern {
  readonly source: string;
  /** Whether the line begins with this pattern's prefix (everything before `%m`). */
  startsRecord(line: string): boolean;
  parse(record: string, time: TimeContext): Log4jRecord | undefined;
}

export interface Log4jRecord {
  readonly time: number;
  readonly level: string | undefined;
  readonly logger: string | undefined;
  readonly thread: string | undefined;
  /** `%m`, with the lines of a multi-line message. */
  readonly message: string;
  /** The lines after the one that closed the pattern (a stack trace), or '' when there are none. */
  readonly trailer: string;
}

export interface LayoutEnv {
  compileLog4jPattern(pattern: string): CompiledLog4jPattern;
  /** The conversion pattern of a site's own layout, read off an input's first lines, if it can be. */
  inferLog4jPattern(lines: readonly string[]): string | undefined;
}

export interface LayoutOptions {
  /** A log4j/log4j2 conversion pattern, for the layouts that take one. */
  readonly pattern?: string;
}

export interface RecordLayout {
  readonly format: FormatName;
  /** The broker that writes this layout; undefined for one any program may write (a bare message). */
  readonly service: ServiceType | undefined;
  /** The conversion pattern it reads, for a log4j PatternLayout: a detected input reports it. */
  readonly pattern?: string;
  /**
   * Whether `line` begins a new record. `first` is the first line of the record being assembled
   * (undefined when none is): RabbitMQ 3.9+ repeats a record's prefix on each of its lines.
   */
  startsRecord(line: string, first: string | undefined): boolean;
  /** The text a continuation line adds to its record (by default the line itself). */
  continuation?(line: string): string;
  parse(record: string, time: TimeContext): ParsedRecord | undefined;
}

export interface FormatDefinition {
  readonly name: FormatName;
  readonly service?: ServiceType;
  readonly description: string;
  /**
   * Never detected from the lines, since it reads any text: used when no other layout reads the
   * lines of a wrapper that stamps them.
   */
  readonly fallback?: true;
  /** The option sets detection tries when the input configures none (well-known site layouts). */
  readonly variants?: readonly LayoutOptions[];
  /** An option set read off the input's own lines, tried with the variants (a layout none of them is). */
  infer?(lines: readonly string[], env: LayoutEnv): LayoutOptions | undefined;
  create(options: LayoutOptions, env: LayoutEnv): RecordLayout;
}

export const FORMAT_NAMES = [
  'kafka-log4j',
  'kafka-log4j-xml',
  'kafka-log4j-json',
  'rabbitmq-report',
  'rabbitmq-lager',
  'rabbitmq-logger',
  'rabbitmq-json',
  'message',
] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
