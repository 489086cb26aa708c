// `brokerwatch parse` as a real process: built once with `npm run build`, run on a fixture file
// and on stdin, its NDJSON read back.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventId, type BrokerEvent } from '../../src/core/index.js';
import { parseFixture } from '../support/parse.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

function run(args: readonly string[], input?: string): { status: number | null; events: BrokerEvent[]; stderr: string } {
  const result = spawnSync(process.execPath, ['dist/src/cli/main.js', 'parse', ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  const events = result.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as BrokerEvent);
  return { status: result.status, events, stderr: result.stderr };
}

describe('brokerwatch parse', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
  }, 120_000);

  it('prints one event per record of a file, detecting its format', () => {
    const path = fixture('kafka-layouts/kafka-4.1.1.second-start.log');
    const { status, events } = run(['--timezone', 'UTC', '--host', 'b1', path]);
    expect(status).toBe(0);
    expect(events).toHaveLength(parseFixture('kafka-layouts/kafka-4.1.1.second-start.log').length);
    const failed = events.find((e) => e['error.type'] !== undefined)!;
    expect(failed).toMatchObject({ 'log.file.path': path, 'host.name': 'b1', 'event.id': eventId('b1', `path:${path}`, failed['log.offset']!) });
    const text = readFileSync(path, 'utf8');
    expect(text.slice(failed['log.offset'], failed['log.offset']! + failed['event.original'].length)).toBe(failed['event.original']);
  });

  it('gives every event the --broker id, or per file the one written BROKER=FILE', () => {
    const one = fixture('kafka/3.9.1-zk/broker-loss/broker-1/controller.log');
    const three = fixture('kafka/3.9.1-zk/broker-loss/broker-3/server.log');
    const flagged = run(['--timezone', 'UTC', '--broker', '7', one]);
    expect(flagged.status).toBe(0);
    expect(new Set(flagged.events.map((e) => e['broker.id']))).toEqual(new Set(['7']));
    const named = run(['--timezone', 'UTC', '--broker', '7', `1=${one}`, `3=${three}`]);
    expect(named.status).toBe(0);
    const byFile = new Map(named.events.map((e) => [e['log.file.path'], e['broker.id']]));
    expect(Object.fromEntries(byFile)).toEqual({ [one]: '1', [three]: '3' });
  });

  it('reads stdin when no file is given, with the format and zone given', () => {
    const input = readFileSync(fixture('public/rabbitmq-3.7-lager-partition.log'), 'utf8');
    const { status, events } = run(['--format', 'rabbitmq-lager', '--timezone', 'Europe/Berlin', '--host', 'b1'], input);
    expect(status).toBe(0);
    expect(events).toHaveLength(7);
    expect(events[0]).toMatchObject({ '@timestamp': '2018-12-05T05:37:08.599Z', 'event.id': eventId('b1', 'stdin', 0), 'service.type': 'rabbitmq' });
    expect(events[0]!['log.file.path']).toBeUndefined();
  });

  it('reads a configured log4j pattern', () => {
    const path = 'kafka-layouts/kafka-4.1.1.second-start.pattern.log';
    const { events } = run(['--pattern', '%d{ISO8601} %-5p [%t] %c{1} - %m%n', '--timezone', 'UTC', fixture(path)]);
    expect(events).toHaveLength(parseFixture(path, { pattern: '%d{ISO8601} %-5p [%t] %c{1} - %m%n' }).length);
    expect(events.length).toBeGreaterThan(50);
    expect(events.filter((e) => e.tags?.includes('_parse_failure'))).toEqual([]);
  });

  it('says with --explain how each input is read: the format, an inferred pattern, the wrapper', () => {
    const pattern = fixture('kafka-layouts/kafka-4.1.1.server.pattern.log');
    const wrapped = fixture('kafka/public/kafka-native-151.log');
    const { status, events, stderr } = run(['--explain', pattern, wrapped]);
    expect(status).toBe(0);
    expect(events.length).toBeGreaterThan(100);
    expect(stderr).toBe(
      [
        `brokerwatch parse: ${pattern}: kafka-log4j, pattern %d{yyyy-MM-dd'[T ]'HH:mm:ss'[,.]'SSS} %-5p [%t] %c - %m%n`,
        `brokerwatch parse: ${wrapped}: kafka-log4j, pattern %d{yyyy-MM-dd'[T ]'HH:mm:ss'[,.]'SSS} %-5p [%c] (%t) %m%n, inside docker-compose lines`,
        '',
      ].join('\n'),
    );
    expect(run(['--explain'], 'not a log line\n').stderr).toBe('brokerwatch parse: stdin: no format recognised: every record is a _parse_failure event\n');
    expect(run(['--explain'], '').stderr).toBe('brokerwatch parse: stdin: no records\n');
  });

  it('ends quietly when its reader stops early (`| head -1`)', () => {
    const path = fixture('kafka-layouts/kafka-4.1.1.server.log');
    const result = spawnSync('sh', ['-c', `"${process.execPath}" dist/src/cli/main.js parse "${path}" | head -1`], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout) as BrokerEvent).toMatchObject({ 'log.offset': 0 });
    expect(result.stderr).toBe('');
  });

  it('refuses a file it cannot read before printing anything, with exit status 2 and a message', () => {
    const { status, stderr, events } = run([fixture('kafka/public/kafka-7165.log'), '/nonexistent/server.log']);
    expect(status).toBe(2);
    expect(stderr).toBe('brokerwatch parse: cannot read /nonexistent/server.log: no such file\n');
    expect(events).toEqual([]);
  });

  it('refuses an unknown zone with exit status 2 and a message', () => {
    const { status, stderr, events } = run(['--timezone', 'Mars/Olympus'], 'x\n');
    expect(status).toBe(2);
    expect(stderr).toBe('brokerwatch parse: unknown time zone "Mars/Olympus": use an IANA name such as Europe/Berlin or UTC\n');
    expect(events).toEqual([]);
  });
});
