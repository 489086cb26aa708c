import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { ManualClock } from '../../src/core/index.js';
import { ParseConfigError, ZoneTime, compileLog4jPattern } from '../../src/parse/index.js';

const clock = new ManualClock(Date.UTC(2026, 10, 25, 12));
const utc = new ZoneTime('UTC', clock);
const iso = (ms: number | undefined): string => new Date(ms!).toISOString();

describe('compileLog4jPattern', () => {
  it("reads Kafka's default layout, the logger from the trailing parentheses", () => {
    const p = compileLog4jPattern('[%d] %p %m (%c)%n', clock);
    const r = p.parse('[2024-05-01 10:11:12,345] WARN [Log partition=t-0] a (b) c (kafka.log.UnifiedLog)', utc)!;
    expect(iso(r.time)).toBe('2024-05-01T10:11:12.345Z');
    expect(r).toMatchObject({ level: 'WARN', logger: 'kafka.log.UnifiedLog', message: '[Log partition=t-0] a (b) c', trailer: '' });
  });

  it('ends a multi-line message at the line that carries the tail, and keeps what follows as trailer', () => {
    const p = compileLog4jPattern('[%d] %p %m (%c)%n', clock);
    const dump = p.parse('[2024-05-01 10:11:12,345] INFO values:\n\ta = 1\n\tb = (x)\n (org.apache.kafka.Config)', utc)!;
    expect(dump).toMatchObject({ logger: 'org.apache.kafka.Config', message: 'values:\n\ta = 1\n\tb = (x)\n', trailer: '' });
    const trace = p.parse('[2024-05-01 10:11:12,345] ERROR failed (kafka.Foo)\njava.io.IOException: x\n\tat a.B.c(B.java:1)', utc)!;
    expect(trace).toMatchObject({ logger: 'kafka.Foo', message: 'failed', trailer: 'java.io.IOException: x\n\tat a.B.c(B.java:1)' });
  });

  it('keeps no logger from a one-line record whose last parenthesis opens no logger', () => {
    const p = compileLog4jPattern('[%d] %p %m (%c)%n', clock);
    expect(p.parse('[2024-05-01 10:11:12,345] WARN cut at (kafka.log.Unified', utc)).toMatchObject({
      level: 'WARN',
      logger: undefined,
      message: 'cut at (kafka.log.Unified',
    });
    expect(p.parse('[2024-05-01 10:11:12,345] WARN a (kafka.A) b (kafka.B', utc)).toMatchObject({ logger: undefined, message: 'a (kafka.A) b (kafka.B' });
  });

  it('does not take a stack frame location for the logger', () => {
    const p = compileLog4jPattern('[%d] %p %m (%c)%n', clock);
    const r = p.parse('[2024-05-01 10:11:12,345] ERROR cut\n\tat a.B.c(B.java:12)\n\tat d.E(Native Method)', utc)!;
    expect(r.logger).toBeUndefined();
    expect(r.message).toBe('cut\n\tat a.B.c(B.java:12)\n\tat d.E(Native Method)');
  });

  it('compiles padding, threads, short loggers and ISO8601 with a T or a space', () => {
    const p = compileLog4jPattern('%d{ISO8601} %-5p [%t] %c{1} - %m%n', clock);
    expect(p.parse('2024-05-01T10:11:12,345 INFO  [main] ControllerServer - [ControllerServer id=1] Starting', utc)).toMatchObject({
      level: 'INFO',
      thread: 'main',
      logger: 'ControllerServer',
      message: '[ControllerServer id=1] Starting',
    });
    expect(iso(p.parse('2024-05-01 10:11:12,345 WARN  [kafka-scheduler-1] X - m', utc)!.time)).toBe('2024-05-01T10:11:12.345Z');
    const right = compileLog4jPattern('%5p %m%n', clock);
    expect(right.parse(' INFO hello', utc)).toMatchObject({ time: NaN, level: 'INFO', message: 'hello' });
    expect(compileLog4jPattern('%d %5p %m%n', clock).parse('2024-05-01 10:11:12,345  INFO hello', utc)).toMatchObject({ level: 'INFO', message: 'hello' });
  });

  it('reads explicit date formats, offsets and the %d zone option', () => {
    const offset = compileLog4jPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %p %m%n", clock);
    expect(iso(offset.parse('2024-05-01T10:11:12.345+02:00 INFO m', utc)!.time)).toBe('2024-05-01T08:11:12.345Z');
    const named = compileLog4jPattern('%d{DATE} [%p] %m%n', clock);
    expect(iso(named.parse('01 May 2024 10:11:12,345 [ERROR] m', utc)!.time)).toBe('2024-05-01T10:11:12.345Z');
    const zoned = compileLog4jPattern('%d{yyyy-MM-dd HH:mm:ss}{America/New_York} %p %m%n', clock);
    expect(iso(zoned.parse('2024-01-01 07:00:00 INFO m', utc)!.time)).toBe('2024-01-01T12:00:00.000Z');
    const twelve = compileLog4jPattern('%d{MM/dd/yy hh:mm:ss a} %p %m%n', clock);
    expect(iso(twelve.parse('05/01/24 01:02:03 PM INFO m', utc)!.time)).toBe('2024-05-01T13:02:03.000Z');
    const epoch = compileLog4jPattern('%d{UNIX_MILLIS} %p %m%n', clock);
    expect(epoch.parse('1714558272345 INFO m', utc)!.time).toBe(1714558272345);
  });

  it("takes today's date in the input's zone for a time-only format", () => {
    const p = compileLog4jPattern('%d{ABSOLUTE} %p %m%n', clock);
    expect(iso(p.parse('10:11:12,345 INFO m', new ZoneTime('Europe/Berlin', clock))!.time)).toBe('2026-11-25T09:11:12.345Z');
  });

  it('reads over MDC, NDC, relative time and unknown conversions', () => {
    const p = compileLog4jPattern('%r [%t] %X{user} %x %-5level %logger{36} %L - %msg%n', clock);
    expect(p.parse('1234 [main] alice ctx DEBUG kafka.Foo 42 - hi there', utc)).toMatchObject({
      level: 'DEBUG',
      logger: 'kafka.Foo',
      thread: 'main',
      message: 'hi there',
    });
  });

  it('says where records start', () => {
    const p = compileLog4jPattern('[%d] %p %m (%c)%n', clock);
    expect(p.startsRecord('[2024-05-01 10:11:12,345] INFO x (y)')).toBe(true);
    expect(p.startsRecord('\tat a.B(B.java:1)')).toBe(false);
    expect(p.startsRecord('[ReplicaFetcher replicaId=1] x')).toBe(false);
  });

  it('rejects patterns that cannot frame records, with config errors', () => {
    expect(() => compileLog4jPattern('%d %p%n', clock)).toThrow(ParseConfigError);
    expect(() => compileLog4jPattern('%d %p%n', clock)).toThrow('log4j pattern "%d %p%n" has no %m: records cannot be read without their message');
    expect(() => compileLog4jPattern('%m%n', clock)).toThrow('log4j pattern "%m%n" has nothing before %m: record starts cannot be told apart');
    expect(() => compileLog4jPattern('%d{NOT_A_FORMAT} %m%n', clock)).toThrow(/unknown %d format "NOT_A_FORMAT"/);
  });
});

describe('the character-code matcher', () => {
  // Real records of Kafka's default layout and its test layout (with line numbers), whose first
  // lines the other patterns' records are made from.
  const real = ['kafka-layouts/kafka-3.9.1.server.log', 'kafka/public/kafka-pr-7140.log'].flatMap((path) =>
    readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8').split('\n').slice(0, 400),
  );
  const patterns: readonly [string, (line: string) => string][] = [
    ['[%d] %p %m (%c)%n', (line) => line],
    ['[%d] %p %m (%c:%L)%n', (line) => line],
    ['[%d{yyyy-MM-dd HH:mm:ss,SSSSSS}] %p %m (%c)%n', (line) => line.replace(/^(\[.{19},\d{3})\]/, '$1456]')],
    ['%d{ISO8601} %p %m (%c) [%t]%n', (line) => line.replace(/^\[(.{23})\]/, '$1').replace(/\)$/, ') [main]')],
    ['%d{yyyy-MM-dd HH:mm:ss.SS} %5p %m (%c)%n', (line) => line.replace(/^\[(.{19}),(\d\d)\d\]/, '$1.$2').replace(' INFO ', '  INFO ')],
    ['%-5p|%d{yyyyMMdd HHmmss} %c - %m%n', (line) => line.replace(/^\[(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d),\d{3}\] (\w+) /, '$7 |$1$2$3 $4$5$6 kafka.Foo - ')],
  ];

  // The matcher is compiled to JavaScript: a pattern's literal text must stay data in it.
  it("reads literals that are JavaScript's own syntax as text", () => {
    const prefix = "'\"\\`${globalThis.injected = 1}*/ x'); globalThis.injected = 1; //";
    const pattern = compileLog4jPattern(`${prefix}[%d] %p %m (%c)%n`, clock);
    const record = `${prefix}[2026-11-25 12:00:00,001] WARN hello (kafka.Foo)`;
    expect(pattern.parse(record, utc)).toEqual({ time: Date.UTC(2026, 10, 25, 12, 0, 0, 1), level: 'WARN', logger: 'kafka.Foo', thread: undefined, message: 'hello', trailer: '' });
    expect(pattern.startsRecord(record.slice(1))).toBe(false);
    expect((globalThis as { injected?: number }).injected).toBeUndefined();
  });

  it('reads every record as the regex engine does, whatever the record', () => {
    const berlin = new ZoneTime('Europe/Berlin', clock);
    for (const [pattern, shape] of patterns) {
      const fast = compileLog4jPattern(pattern, clock);
      const regex = compileLog4jPattern(pattern, clock, 'regex');
      const lines = real.map(shape);
      const line = fc.oneof(
        { arbitrary: fc.constantFrom(...lines), weight: 4 },
        // A real line cut, or with characters replaced (digits, spaces, letters, brackets, line
        // breaks), anywhere or within its prefix.
        fc
          .tuple(fc.constantFrom(...lines), fc.oneof(fc.nat(), fc.nat({ max: 40 })), fc.nat({ max: 8 }), fc.stringMatching(/^[0-9 aZ.()[\]:,|\n-]{0,3}$/))
          .map(([l, at, cut, insert]) => l.slice(0, at % (l.length + 1)) + insert + l.slice((at % (l.length + 1)) + cut)),
        // A real line without one of its first words (the level, a part of the date).
        fc.tuple(fc.constantFrom(...lines), fc.nat({ max: 4 })).map(([l, word]) => l.split(' ').filter((_, i) => i !== word).join(' ')),
        fc.string({ maxLength: 40 }),
      );
      fc.assert(
        fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), (parts) => {
          const record = parts.join('\n');
          expect(fast.startsRecord(record)).toBe(regex.startsRecord(record));
          expect(fast.parse(record, berlin)).toEqual(regex.parse(record, berlin));
        }),
        { numRuns: 1500 },
      );
      // The shapes above do produce records of the pattern: the comparison covers reads, not only misses.
      expect(lines.filter((l) => regex.parse(l, berlin)?.logger !== undefined).length, pattern).toBeGreaterThan(5);
    }
  }, 60_000);
});
