import { readFileSync } from 'node:fs';
import { ManualClock, type BrokerEvent } from '../../src/core/index.js';
import { InputParser, LineSplitter, type FormatName, type InputContext } from '../../src/parse/index.js';

export interface ParseTextOptions {
  readonly format?: FormatName | 'auto';
  readonly pattern?: string;
  readonly timezone?: string;
  readonly maxLineBytes?: number;
  readonly maxRecordBytes?: number;
  readonly context?: Partial<InputContext>;
  /** Feed the input in chunks of this many bytes (default: all at once). */
  readonly chunk?: number;
}

/** Every event of `input`, fed as a file would be: bytes -> lines -> records -> events. */
export function parseBytes(input: Buffer, options: ParseTextOptions = {}): BrokerEvent[] {
  const events: BrokerEvent[] = [];
  const parser = new InputParser(
    { host: 'host-1', fileIdentity: 'file-1', ...options.context },
    {
      format: options.format ?? 'auto',
      ...(options.pattern === undefined ? {} : { pattern: options.pattern }),
      timezone: options.timezone ?? 'UTC',
      flushAfterMs: 1000,
      maxRecordBytes: options.maxRecordBytes ?? 1024 * 1024,
      clock: new ManualClock(Date.UTC(2026, 10, 25, 12, 0, 0)),
    },
    { event: (event) => events.push(event) },
  );
  const splitter = new LineSplitter(parser, options.maxLineBytes ?? 1024 * 1024);
  const step = options.chunk ?? input.length;
  for (let at = 0; at < input.length; at += Math.max(1, step)) splitter.push(input.subarray(at, at + Math.max(1, step)));
  splitter.end();
  parser.end();
  return events;
}

export function parseText(text: string, options: ParseTextOptions = {}): BrokerEvent[] {
  return parseBytes(Buffer.from(text), options);
}

export function parseFixture(path: string, options: ParseTextOptions = {}): BrokerEvent[] {
  return parseBytes(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)), options);
}
