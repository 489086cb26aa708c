// `brokerwatch parse [--format auto|<name>] [--timezone <zone>] [FILE...]`: one JSON event per
// record (NDJSON), the document the stores index. Reads stdin without files; output respects
// backpressure, and a live stdin (`tail -f ... |`) gets its last record after the flush timeout.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { BrokerEvent } from '../core/index.js';
import { ParseConfigError } from '../parse/index.js';
import { addInputOptions, fileSources, openInput, type InputFlags, type InputSource } from './input-options.js';

export function registerParse(program: Command): void {
  addInputOptions(
    program
      .command('parse')
      .description('parse broker log files (stdin without files) and print one JSON event per record (NDJSON)')
      .argument('[files...]', 'log files (BROKER=FILE gives a file its broker.id); stdin when none'),
  ).action(async (files: string[], flags: InputFlags) => {
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

async function parseInput(input: Readable, source: InputSource, flags: InputFlags): Promise<void> {
  let out = '';
  const reader = openInput(source, flags, { event: (event: BrokerEvent) => (out += JSON.stringify(event) + '\n') });
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
    await flush();
  } finally {
    clearInterval(timer);
  }
}
