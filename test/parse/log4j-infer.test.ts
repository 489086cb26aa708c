import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/index.js';
import { InputParser, LineSplitter } from '../../src/parse/index.js';
import { inferLog4jPattern } from '../../src/parse/log4j-infer.js';
import { Telemetry, createLogger } from '../../src/telemetry/index.js';
import { parseFixture } from '../support/parse.js';

const clock = new ManualClock(Date.UTC(2026, 10, 25, 12));
const linesOf = (path: string): string[] => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8').split('\n');

describe('inferLog4jPattern on real logs', () => {
  it("reads a site's `%d{ISO8601} %-5p [%t] %c{1} - %m%n` off a 4.1.1 broker's lines", () => {
    expect(inferLog4jPattern(linesOf('kafka-layouts/kafka-4.1.1.server.pattern.log'), clock)).toBe("%d{yyyy-MM-dd'[T ]'HH:mm:ss'[,.]'SSS} %-5p [%t] %c - %m%n");
  });

  it('learns the key of a logger written as `[category=%c]`', () => {
    expect(inferLog4jPattern(linesOf('kafka/public/qubership-kafka-troubleshooting.log'), clock)).toBe(
      "[%d{yyyy-MM-dd'[T ]'HH:mm:ss'[,.]'SSS}][%-5p][category=%c] %m%n",
    );
  });

  it('reads the layouts detection knows as well (they win ties)', () => {
    expect(inferLog4jPattern(linesOf('kafka-layouts/kafka-4.1.1.server.cloudera.log'), clock)).toBe("%d{yyyy-MM-dd'[T ]'HH:mm:ss'[,.]'SSS} %-5p %c: %m%n");
    expect(inferLog4jPattern(linesOf('kafka-layouts/kafka-4.1.1.server.strimzi.log'), clock)).toBe("%d{yyyy-MM-dd'[T ]'HH:mm:ss} %-5p [%t] %c:%L - %m%n");
  });

  it("infers nothing where no logger comes before the message: Kafka's own layout, Debezium's, RabbitMQ's", () => {
    for (const path of [
      'kafka/3.9.1-zk/broker-loss/broker-1/server.log',
      'kafka/4.1.1-kraft/broker-loss/broker-2/state-change.log',
      'kafka-layouts/kafka-4.1.1.server.debezium.log',
      'rabbitmq/3.10.8-queues/r1.log',
      'rabbitmq/public/3.7.8-partial-partition.log',
    ]) {
      expect(inferLog4jPattern(linesOf(path), clock), path).toBeUndefined();
    }
  });

  it('is the pattern an input reads with, named by the format_detected telemetry event', () => {
    const logged: Record<string, unknown>[] = [];
    const telemetry = new Telemetry({ logger: createLogger('info', { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) }) });
    const events: string[] = [];
    const parser = new InputParser(
      { host: 'h', fileIdentity: 'f' },
      { format: 'auto', timezone: 'UTC', flushAfterMs: 1000, maxRecordBytes: 1 << 20, clock, telemetry },
      { event: (event) => void events.push(event['log.logger'] ?? '') },
    );
    const splitter = new LineSplitter(parser, 1 << 20);
    splitter.push(readFileSync(new URL('../fixtures/kafka-layouts/kafka-4.1.1.server.pattern.log', import.meta.url)));
    splitter.end();
    parser.end();
    expect(logged.filter((entry) => entry.event === 'format_detected')).toEqual([
      expect.objectContaining({ format: 'kafka-log4j', pattern: "%d{yyyy-MM-dd'[T ]'HH:mm:ss'[,.]'SSS} %-5p [%t] %c - %m%n" }),
    ]);
    expect(events.length).toBeGreaterThan(100);
    expect(events.every((logger) => /^[A-Z][\w$]*$/.test(logger))).toBe(true);
  });

  it('takes a bracketed class name for the logger and the parenthesised name after it for the thread (Quarkus)', () => {
    const [event] = parseFixture('kafka/public/kafka-native-151.log');
    expect(event).toMatchObject({
      'log.level': 'error',
      'log.logger': 'org.apa.kaf.sto.int.log.LogDirFailureChannel',
      'process.thread.name': 'data-plane-kafka-request-handler-6',
    });
    expect(event!.message).toMatch(/^Error while appending records to foo-0 in dir \/tiny: /);
  });
});

describe('inferLog4jPattern on plain inputs', () => {
  it('does not take the first word of every message for a logger', () => {
    const lines = ['2024-05-01 10:11:12,345 INFO Starting the log cleaner', '2024-05-01 10:11:13,345 WARN Stopping the log cleaner'];
    expect(inferLog4jPattern(lines, clock)).toBeUndefined();
  });

  it('needs every record line to agree: one line without the logger keeps it in the message', () => {
    const lines = ['2024-05-01 10:11:12,345 INFO  [main] a.B - one', '2024-05-01 10:11:13,345 INFO  [main] two', '\tat a.B.c(B.java:1)'];
    expect(inferLog4jPattern(lines, clock)).toBeUndefined();
    expect(inferLog4jPattern(lines.filter((line) => !line.includes('two')), clock)).toBe("%d{yyyy-MM-dd'[T ]'HH:mm:ss'[,.]'SSS} %-5p [%t] %c - %m%n");
  });
});
