// `brokerwatch parse [--format auto|<name>] [--timezone <zone>] [FILE...]`: one JSON event per
// record (NDJSON), the document the stores index. Reads stdin without files; output respects
// backpressure, and a live stdin (`tail -f ... |`) gets its last record after the flush timeout.
import { createReadStream } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Option, type Command } from 'commander';
import { systemClock, type BrokerEvent, type ServiceType } from '../core/index.js';
import { FORMAT_NAMES, InputParser, LineSplitter, ParseConfigError, type FormatName } from '../parse/index.js';

interface ParseFlags {
  readonly format: FormatName | 'auto';
  readonly pattern?: string;
  readonly timezone: string;
  readonly service?: ServiceType;
  readonly host: string;
  readonly maxLineBytes: number;
  readonly maxRecordBytes: number;
  readonly flushAfterMs: number;
}

const integer = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`not a positive integer: ${value}`);
  return n;
};

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('parse broker log files (stdin without files) and print one JSON event per record (NDJSON)')
    .argument('[files...]', 'log files; stdin when none')
    .addOption(new Option('--format <name>', 'the log format').choices(['auto', ...FORMAT_NAMES]).default('auto'))
    .option('--pattern <pattern>', "the log4j conversion pattern of a Kafka text log, when not Kafka's `[%d] %p %m (%c)%n`")
    .option('--timezone <zone>', 'IANA zone of timestamps written without an offset', Intl.DateTimeFormat().resolvedOptions().timeZone)
    .addOption(new Option('--service <type>', 'the service of the input, when detection cannot tell').choices(['kafka', 'rabbitmq']))
    .option('--host <name>', 'host.name of the events (and part of event.id)', hostname())
    .option('--max-line-bytes <n>', 'longer lines are cut and tagged truncated', integer, 1024 * 1024)
    .option('--max-record-bytes <n>', 'longer records are cut and tagged truncated', integer, 4 * 1024 * 1024)
    .option('--flush-after-ms <n>', 'how long the last record of a live input waits for more lines', integer, 2000)
    .action(async (files: string[], flags: ParseFlags) => {
      try {
        if (files.length === 0) await parseInput(process.stdin, { identity: 'stdin' }, flags);
        for (const file of files) {
          const path = resolve(file);
          await parseInput(createReadStream(path), { identity: `path:${path}`, path }, flags);
        }
      } catch (error) {
        if (!(error instanceof ParseConfigError)) throw error;
        process.stderr.write(`brokerwatch parse: ${error.message}\n`);
        process.exitCode = 2;
      }
    });
}

async function parseInput(input: Readable, source: { identity: string; path?: string }, flags: ParseFlags): Promise<void> {
  let out = '';
  const parser = new InputParser(
    {
      host: flags.host,
      fileIdentity: source.identity,
      ...(source.path === undefined ? {} : { filePath: source.path }),
      ...(flags.service === undefined ? {} : { service: flags.service }),
    },
    {
      format: flags.format,
      ...(flags.pattern === undefined ? {} : { pattern: flags.pattern }),
      timezone: flags.timezone,
      flushAfterMs: flags.flushAfterMs,
      maxRecordBytes: flags.maxRecordBytes,
      clock: systemClock,
    },
    { event: (event: BrokerEvent) => (out += JSON.stringify(event) + '\n') },
  );
  const splitter = new LineSplitter(parser, flags.maxLineBytes);
  const flush = async (): Promise<void> => {
    if (out === '') return;
    const text = out;
    out = '';
    if (!process.stdout.write(text)) await new Promise((done) => process.stdout.once('drain', done));
  };
  const timer = setInterval(() => {
    parser.poll();
    if (out !== '') void flush();
  }, Math.max(100, Math.floor(flags.flushAfterMs / 2)));
  timer.unref();
  try {
    for await (const chunk of input) {
      splitter.push(chunk as Buffer);
      await flush();
    }
    splitter.end();
    parser.end();
    await flush();
  } finally {
    clearInterval(timer);
  }
}
