// The records of a fixture log as the product reads them (src/parse, format detected), each with
// the 1-based line it starts on and the text the event tables are matched against: the message,
// followed by the stack trace when the record has one (as src/parse/event.ts hands it to classify).
import { readFileSync } from 'node:fs';
import type { BrokerEvent } from '../../src/core/index.js';
import { parseBytes, type ParseTextOptions } from './parse.js';

export interface FixtureRecord {
  readonly line: number;
  readonly message: string;
  readonly logger: string | undefined;
  readonly event: BrokerEvent;
}

/** `read`: the format or pattern a site would configure for this file, where detection is not meant to read it. */
export function readFixtureRecords(path: string, read: Pick<ParseTextOptions, 'format' | 'pattern'> = {}): FixtureRecord[] {
  const bytes = readFileSync(path);
  const lineStarts = [0];
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lineStarts.push(at + 1);
  return parseBytes(bytes, { ...read, context: { filePath: path } }).map((event) => {
    const offset = event['log.offset'] ?? 0;
    const trace = event['error.stack_trace'];
    return {
      line: lineOf(lineStarts, offset),
      message: trace === undefined ? event.message : `${event.message}\n${trace}`,
      logger: event['log.logger'],
      event,
    };
  });
}

/** The 1-based number of the line that starts at or before `offset`. */
function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
