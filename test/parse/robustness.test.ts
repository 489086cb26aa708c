// The never-throws contract: whatever the bytes, every line of the input ends up in exactly one
// event's event.original (nothing is lost), each event is a complete document, and unreadable
// records are tagged `_parse_failure`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FORMAT_NAMES } from '../../src/parse/index.js';
import type { BrokerEvent } from '../../src/core/index.js';
import { parseBytes, parseText } from '../support/parse.js';

const fixture = (path: string): Buffer => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

const REAL = [
  'kafka-layouts/kafka-4.1.1.second-start.log',
  'kafka-layouts/kafka-4.1.1.second-start.xml',
  'kafka-layouts/kafka-4.1.1.second-start.ecs.json',
  'kafka-layouts/kafka-3.9.1.second-start.xml',
  'public/rabbitmq-3.6-report.log',
  'public/rabbitmq-3.7-lager-partition.log',
  'public/rabbitmq-3.12-logger-partition.log',
  'rabbitmq-json/rabbitmq-3.10.8.json.log',
  'rabbitmq-json/rabbitmq-3.10.8.json_fieldmap.log',
  'rabbitmq-json/rabbitmq-4.3.6.json.log',
].map((path) => fixture(path).subarray(0, 6000));

function checkDocuments(events: BrokerEvent[], input: Buffer, maxLineBytes: number): void {
  let lines = 0;
  let previous = -1;
  for (const event of events) {
    expect(typeof event['event.original']).toBe('string');
    expect(typeof event.message).toBe('string');
    expect(event['event.id']).toMatch(/^[\w-]{20}$/);
    expect(Number.isNaN(Date.parse(event['@timestamp']))).toBe(false);
    expect(event['log.offset']!).toBeGreaterThan(previous);
    previous = event['log.offset']!;
    expect(previous === 0 || input[previous - 1] === 10).toBe(true);
    if (!event.tags?.includes('truncated')) lines += event['event.original'].split('\n').length;
    else expect(event['event.original'].length).toBeLessThanOrEqual(maxLineBytes * 4 + 1024);
  }
  const truncated = events.some((e) => e.tags?.includes('truncated'));
  if (!truncated && input.length > 0) {
    const expected = input.toString('latin1').split('\n').length - (input[input.length - 1] === 10 ? 1 : 0);
    expect(lines).toBe(expected);
  }
}

describe('bad input', () => {
  it('turns random bytes into events without throwing, in every format and chunking', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('auto' as const, ...FORMAT_NAMES),
        fc.integer({ min: 1, max: 64 }),
        (bytes, format, chunk) => {
          const input = Buffer.from(bytes);
          checkDocuments(parseBytes(input, { format, chunk }), input, 1 << 20);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('survives random mutations of real records: flipped bytes, cut lines, inserted newlines and invalid UTF-8', () => {
    const mutation = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('flip', 'newline', 'cut', 'invalid', 'delete'),
      byte: fc.integer({ min: 0, max: 255 }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...REAL), fc.array(mutation, { minLength: 1, maxLength: 12 }), (real, mutations) => {
        let input = Buffer.from(real);
        for (const m of mutations) {
          const at = input.length === 0 ? 0 : m.at % input.length;
          if (m.kind === 'flip') input[at] = m.byte;
          else if (m.kind === 'newline') input = Buffer.concat([input.subarray(0, at), Buffer.from('\n'), input.subarray(at)]);
          else if (m.kind === 'cut') input = input.subarray(0, at);
          else if (m.kind === 'invalid') input = Buffer.concat([input.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), input.subarray(at)]);
          else input = Buffer.concat([input.subarray(0, at), input.subarray(at + 1 + (m.byte % 40))]);
        }
        checkDocuments(parseBytes(input), input, 1 << 20);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('keeps a record whose time lies beyond what a date can hold as a failure, not a crash', () => {
    // A real XmlLayout record with its time fields damaged to 20 digits (the fuzz test found it).
    const real = fixture('kafka-layouts/kafka-4.1.1.second-start.xml').toString('utf8');
    const record = real.slice(real.indexOf('<Event'), real.indexOf('</Event>') + '</Event>'.length).replace(/timeMillis="\d+"/, 'timeMillis="99999999999999999999"')
      .replace(/epochSecond="\d+"/, 'epochSecond="99999999999999999999"');
    const events = parseText(record, { format: 'kafka-log4j-xml' });
    expect(events).toHaveLength(1);
    expect(events[0]!.tags).toContain('_parse_failure');
  });

  it('keeps a 10 MB line as one truncated event with the first bytes of the line', () => {
    const head = '[2024-05-01 10:11:12,345] INFO ';
    const input = Buffer.from(`${head}${'x'.repeat(10 * 1024 * 1024)} (kafka.Foo)\n[2024-05-01 10:11:13,000] INFO next (kafka.Foo)\n`);
    const events = parseBytes(input, { maxLineBytes: 64 * 1024, chunk: 65536 });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ '@timestamp': '2024-05-01T10:11:12.345Z', 'log.level': 'info', tags: ['truncated'] });
    expect(events[0]!['event.original']).toHaveLength(64 * 1024);
    expect(events[1]).toMatchObject({ message: 'next', 'log.offset': input.indexOf('\n') + 1 });
  });

  it('tags invalid UTF-8, keeps empty lines and binary garbage as failures, and reads a record cut off by a crash', () => {
    const input = Buffer.concat([
      Buffer.from('[2024-05-01 10:11:12,345] INFO caf'),
      Buffer.from([0xe9]),
      Buffer.from(' (kafka.Foo)\n[2024-05-01 10:11:13,000] ERROR cut off mid-wri'),
    ]);
    const [bad, cut] = parseBytes(input);
    expect(bad).toMatchObject({ message: 'caf\uFFFD', tags: ['invalid_utf8'] });
    expect(cut).toMatchObject({ '@timestamp': '2024-05-01T10:11:13.000Z', 'log.level': 'error', message: 'cut off mid-wri' });
    expect(cut!['log.logger']).toBeUndefined();

    const garbage = parseBytes(Buffer.from([0, 1, 2, 0xff, 10, 10, 0x80, 0x81, 10]));
    expect(garbage.map((e) => [e['log.offset'], e.tags])).toEqual([
      [0, ['_parse_failure', 'invalid_utf8']],
      [5, ['_parse_failure']],
      [6, ['_parse_failure', 'invalid_utf8']],
    ]);
    expect(parseText('')).toEqual([]);
  });
});
