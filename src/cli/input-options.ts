// The flags that say how to read a log input, shared by the subcommands that read files
// (`parse`, `rules test`), and the one place that turns them into a parser of that input.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { systemClock, type ServiceType } from '../core/index.js';
import { FORMAT_NAMES, InputParser, LineSplitter, ParseConfigError, type EventSink, type FormatName } from '../parse/index.js';
import { positiveInteger } from './values.js';

export interface InputFlags {
  readonly format: FormatName | 'auto';
  readonly pattern?: string;
  readonly timezone: string;
  readonly service?: ServiceType;
  readonly host: string;
  readonly cluster?: string;
  readonly broker?: string;
  readonly maxLineBytes: number;
  readonly maxRecordBytes: number;
  readonly flushAfterMs: number;
}

/** Where an input comes from: its identity is part of every event.id. */
export interface InputSource {
  readonly identity: string;
  readonly path?: string;
  /** broker.id of this input's events, over --broker. */
  readonly brokerId?: string;
}

/** An input read from a file. */
export type FileSource = InputSource & { readonly path: string };

/**
 * A file argument: `PATH`, or `BROKER=PATH` to give that file's events their broker.id (the logs
 * of several brokers replayed together). An argument that names an existing file is a path, `=`
 * or not.
 */
function fileSource(argument: string): FileSource {
  const equals = argument.indexOf('=');
  const named = equals > 0 && !existsSync(argument);
  const path = resolve(named ? argument.slice(equals + 1) : argument);
  return { identity: `path:${path}`, path, ...(named ? { brokerId: argument.slice(0, equals) } : {}) };
}

/**
 * The file arguments, each checked to be a file this process can read, before any is read: a typo
 * in the third of three paths is said up front, not after the first two were printed.
 * @throws ParseConfigError naming the path and why it cannot be read.
 */
export function fileSources(args: readonly string[]): FileSource[] {
  return args.map((argument) => {
    const source = fileSource(argument);
    try {
      accessSync(source.path, constants.R_OK);
      if (!statSync(source.path).isFile()) throw new Error('not a file');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new ParseConfigError(`cannot read ${source.path}: ${reason}`, { context: { path: source.path } });
    }
    return source;
  });
}

export function addInputOptions(command: Command): Command {
  return command
    .addOption(new Option('--format <name>', 'the log format').choices(['auto', ...FORMAT_NAMES]).default('auto'))
    .option('--pattern <pattern>', "the log4j conversion pattern of a Kafka text log, when not Kafka's `[%d] %p %m (%c)%n`")
    .option('--timezone <zone>', 'IANA zone of timestamps written without an offset', Intl.DateTimeFormat().resolvedOptions().timeZone)
    .addOption(new Option('--service <type>', 'the service of the input, when detection cannot tell').choices(['kafka', 'rabbitmq']))
    .option('--host <name>', 'host.name of the events (and part of event.id)', hostname())
    .option('--cluster <name>', 'broker.cluster of the events')
    .option('--broker <id>', 'broker.id of the events (the Kafka broker id or RabbitMQ node name); per file: BROKER=FILE')
    .option('--max-line-bytes <n>', 'longer lines are cut and tagged truncated', positiveInteger, 1024 * 1024)
    .option('--max-record-bytes <n>', 'longer records are cut and tagged truncated', positiveInteger, 4 * 1024 * 1024)
    .option('--flush-after-ms <n>', 'how long the last record of a live input waits for more lines', positiveInteger, 2000);
}

/** Bytes in (push, then end), events out to `sink`; poll() emits a last record held too long. */
export interface InputReader {
  push(chunk: Buffer): void;
  poll(): void;
  end(): void;
  /** How the input is read, once its format is known: e.g. `kafka-log4j, pattern [%d] %p %m (%c)%n`. */
  reading(): string | undefined;
}

/** @throws ParseConfigError for flags that cannot work (an unknown zone, a bad pattern). */
export function openInput(source: InputSource, flags: InputFlags, sink: EventSink): InputReader {
  const brokerId = source.brokerId ?? flags.broker;
  const parser = new InputParser(
    {
      host: flags.host,
      fileIdentity: source.identity,
      ...(source.path === undefined ? {} : { filePath: source.path }),
      ...(flags.service === undefined ? {} : { service: flags.service }),
      ...(flags.cluster === undefined ? {} : { cluster: flags.cluster }),
      ...(brokerId === undefined ? {} : { brokerId }),
    },
    {
      format: flags.format,
      ...(flags.pattern === undefined ? {} : { pattern: flags.pattern }),
      timezone: flags.timezone,
      flushAfterMs: flags.flushAfterMs,
      maxRecordBytes: flags.maxRecordBytes,
      clock: systemClock,
    },
    sink,
  );
  const splitter = new LineSplitter(parser, flags.maxLineBytes);
  return {
    push: (chunk) => splitter.push(chunk),
    poll: () => parser.poll(),
    end: () => {
      splitter.end();
      parser.end();
    },
    reading: () => {
      if (parser.format === undefined) return undefined;
      const pattern = parser.pattern === undefined ? '' : `, pattern ${parser.pattern}`;
      const wrapper = parser.wrapper === undefined ? '' : `, inside ${parser.wrapper} lines`;
      return `${parser.format}${pattern}${wrapper}`;
    },
  };
}
