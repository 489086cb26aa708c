import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { EventPatternTable } from '../../parsers/pattern.js';
import { KAFKA_EVENTS, RABBITMQ_EVENTS } from '../../parsers/index.js';
import { classify } from '../../src/parse/index.js';
import { parseFixture } from '../support/parse.js';

const table: EventPatternTable = [
  {
    action: 'unclean_leader_election',
    contains: 'Unclean leader election',
    pattern: /Unclean leader election/,
    source: 'test table',
    versions: 'any',
    example: 'none',
  },
  {
    action: 'isr_shrink',
    contains: 'Shrinking ISR',
    pattern: /Shrinking ISR from ([\d,]+) to ([\d,]+)/,
    logger: /^kafka\.cluster\.Partition$/,
    fields: (m) => ({ 'kafka.isr.before': m[1]!.split(',').map(Number), 'kafka.isr.after': m[2]!.split(',').map(Number) }),
    source: 'test table',
    versions: 'any',
    example: 'none',
  },
];

describe('classify', () => {
  it('returns the action and fields of the first matching row', () => {
    expect(classify(table, 'Shrinking ISR from 1,2,3 to 1,2', 'kafka.cluster.Partition')).toEqual({
      action: 'isr_shrink',
      fields: { 'kafka.isr.before': [1, 2, 3], 'kafka.isr.after': [1, 2] },
    });
  });

  it('skips a row whose logger does not match', () => {
    expect(classify(table, 'Shrinking ISR from 1,2,3 to 1,2', 'kafka.server.ReplicaManager')).toBeUndefined();
    expect(classify(table, 'Shrinking ISR from 1,2,3 to 1,2')).toBeUndefined();
  });

  it('returns undefined for an ordinary record', () => {
    expect(classify(table, 'Rolled new log segment at offset 42', 'kafka.log.LocalLog')).toBeUndefined();
  });
});

// Messages of real records: every fixture this project keeps, read by the parser, each once.
const realMessages = [
  ...new Set(
    readdirSync(new URL('../fixtures/', import.meta.url), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.md'))
      .flatMap((entry) => parseFixture(join(entry.parentPath, entry.name).split('/fixtures/')[1]!).map((event) => event.message))
      .filter((message) => message.length < 400),
  ),
];

/** One of many values: fc.constantFrom takes them as arguments, and the real messages overflow the call stack so. */
const oneOf = (values: readonly string[]) => fc.nat({ max: values.length - 1 }).map((i) => values[i]!);

describe('classify over the real tables', () => {
  // The reference: the first row whose substring, logger and pattern all match, tried in order.
  const reference = (rows: EventPatternTable, message: string, logger?: string) => {
    for (const row of rows) {
      if (!message.includes(row.contains)) continue;
      if (row.logger !== undefined && (logger === undefined || !row.logger.test(logger))) continue;
      const match = row.pattern.exec(message);
      if (match !== null) return { action: row.action, fields: row.fields === undefined ? {} : row.fields(match) };
    }
    return undefined;
  };

  it('finds exactly what trying every row in order finds, whatever the message', () => {
    let found = 0;
    for (const rows of [KAFKA_EVENTS, RABBITMQ_EVENTS]) {
      const pieces = rows.map((row) => row.contains);
      const matching = realMessages.filter((message) => reference(rows, message) !== undefined);
      const piece = fc.oneof(
        fc.constantFrom(...pieces),
        // Characters past U+00FF that the search's two-character blocks fold onto these ones.
        fc.constantFrom(...pieces.map((p) => p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 256))),
        fc.string({ unit: 'binary', maxLength: 8 }),
        oneOf(realMessages),
        ...(matching.length === 0 ? [] : [{ arbitrary: oneOf(matching), weight: 3 }]),
        fc.string({ maxLength: 12 }),
        fc.constantFrom('1,2,3', '3,1', ' ', '\n', 'topic-0', "'rabbit@host'", '. Leader: (highWatermark: 5, endOffset: 9)'),
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
          const message = parts.join('');
          const expected = reference(rows, message);
          if (expected !== undefined) found++;
          expect(classify(rows, message)).toEqual(expected);
        }),
        { numRuns: 2000 },
      );
    }
    // The generated messages do hit rows, so the comparison covers matches, not only misses.
    expect(found).toBeGreaterThan(200);
  }, 60_000);
});
