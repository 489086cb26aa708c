// `brokerwatch parse [--format auto|<name>] [--timezone <zone>] [--explain] [FILE...]`: one JSON
// event per record (NDJSON), the document the stores index. Reads stdin without files; output
// respects backpressure, and a live stdin (`tail -f ... |`) gets its last record after the flush
// timeout. `--explain` says on stderr how each input is read: what was detected is what to check
// first when its events look wrong.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { BrokerEvent } from '../core/index.js';
import { ParseConfigError } from '../parse/index.js';
import { addInputOptions, fileSources, openInput, type InputFlags, type InputSource } from './input-options.js';

type ParseFlags = InputFlags & { readonly explain?: true };

export function registerParse(program: Command): void {
  addInputOptions(
    program
      .command('parse')
      .description('parse broker log files (stdin without files) and print one JSON event per record (NDJSON)')
      .argument('[files...]', 'log files (BROKER=FILE gives a file its broker.id); stdin when none')
      .option('--explain', 'say on stderr how each input is read: its format, log4j pattern and wrapper'),
  ).action(async (files: string[], flags: ParseFlags) => {
      try {
        if (files.length === 0) await parseInput(process.stdin, { identity: 'stdin' }, flags);
        for (const source of fileSources(files)) await parseInput(createReadStream(source.path), source, flags);
      } catch (error) {
        if (!(error instanceof ParseConfigError)) throw error;
        process.stderr.write(`brokerwatch parse: ${error.message}\n`);
        process.exitCode = 2;
      }
    });
}

async function parseInput(input: Readable, source: InputSource, flags: ParseFlags): Promise<void> {
  let out = '';
  let explained = flags.explain !== true;
  let events = 0;
  const explain = (): void => {
    explained = true;
    const reading = reader.reading() ?? (events === 0 ? 'no records' : 'no format recognised: every record is a _parse_failure event');
    process.stderr.write(`brokerwatch parse: ${source.path ?? 'stdin'}: ${reading}\n`);
  };
  const reader = openInput(source, flags, {
    event: (event: BrokerEvent) => {
      // The first event comes once the format is decided (or given up on).
      events++;
      if (!explained) explain();
      out += JSON.stringify(event) + '\n';
    },
  });
  const flush = async (): Promise<void> => {
    if (out === '') return;
    const text = out;
    out = '';
    if (!process.stdout.write(text)) await new Promise((done) => process.stdout.once('drain', done));
  };
  const timer = setInterval(() => {
    reader.poll();
    if (out !== '') void flush();
  }, Math.max(100, Math.floor(flags.flushAfterMs / 2)));
  timer.unref();
  try {
    for await (const chunk of input) {
      reader.push(chunk as Buffer);
      await flush();
    }
    reader.end();
    if (!explained) explain();
    await flush();
  } finally {
    clearInterval(timer);
  }
}
