import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/index.js';
import { WRAPPERS, ZoneTime, detectWrappers, stampTime } from '../../src/parse/index.js';

const wrapper = (name: string) => WRAPPERS.find((w) => w.name === name)!;

describe('wrappers', () => {
  it('unwraps docker compose v1 and v2 names, with and without -t stamps', () => {
    expect(wrapper('docker-compose').unwrap('kafka-1  | [2024-01-01 00:00:00,000] INFO x (y)')).toEqual({
      stream: 'kafka-1',
      inner: '[2024-01-01 00:00:00,000] INFO x (y)',
      partial: false,
    });
    expect(wrapper('docker-compose').unwrap('kafka_3      | 2020-01-29T00:06:11.256074200Z [2020-01-29 00:06:11,255] INFO a (b)')!.inner).toBe(
      '[2020-01-29 00:06:11,255] INFO a (b)',
    );
  });

  it('unwraps kubectl --prefix, journald, RFC 5424 syslog, docker json-file and CRI lines', () => {
    expect(wrapper('kubectl').unwrap('[pod/kafka-0/kafka] [2024-01-01 00:00:00,000] INFO x (y)')).toMatchObject({
      stream: 'pod/kafka-0/kafka',
      inner: '[2024-01-01 00:00:00,000] INFO x (y)',
    });
    expect(wrapper('syslog').unwrap('Apr 29 12:42:38 node03 rabbitmq-server[617244]: 2023-04-29 12:42:33.240761+02:00 [error] <0.1.0> x')).toMatchObject({
      stream: 'node03 rabbitmq-server[617244]',
      inner: '2023-04-29 12:42:33.240761+02:00 [error] <0.1.0> x',
    });
    expect(wrapper('journald-iso').unwrap('2024-11-25T08:00:00+0000 broker1 kafka[42]: \tat a.B(B.java:1)')).toMatchObject({ inner: '\tat a.B(B.java:1)' });
    expect(wrapper('syslog-5424').unwrap('<14>1 2024-11-25T08:00:00Z broker1 kafka 42 - - [2024-01-01 00:00:00,000] INFO x (y)')).toMatchObject({
      inner: '[2024-01-01 00:00:00,000] INFO x (y)',
    });
    expect(wrapper('docker-json').unwrap('{"log":"[2024-01-01 00:00:00,000] INFO x (y)\\n","stream":"stdout","time":"2024-01-01T00:00:00Z"}')).toEqual({
      stream: 'stdout',
      inner: '[2024-01-01 00:00:00,000] INFO x (y)',
      partial: false,
      stamp: '2024-01-01T00:00:00Z',
    });
    expect(wrapper('cri').unwrap('2024-01-01T00:00:00.123456789Z stdout P [2024-01-01 00:00:00,000] INFO part')).toEqual({
      stream: 'stdout',
      inner: '[2024-01-01 00:00:00,000] INFO part',
      partial: true,
      stamp: '2024-01-01T00:00:00.123456789Z',
    });
  });

  it('unwraps kail and stern output, and stern only where the first word is a pod name', () => {
    expect(wrapper('kail').unwrap('kura/cerner2-server-1[rabbitmq]: 2021-11-04 11:41:50.568628+00:00 [erro] <0.1.0> x')).toEqual({
      stream: 'kura/cerner2-server-1[rabbitmq]',
      inner: '2021-11-04 11:41:50.568628+00:00 [erro] <0.1.0> x',
      partial: false,
    });
    expect(wrapper('stern').unwrap('kafka-0 kafka 2024-01-01T00:00:00.123456789Z [2024-01-01 00:00:00,000] INFO x (y)')).toEqual({
      stream: 'kafka-0 kafka',
      inner: '[2024-01-01 00:00:00,000] INFO x (y)',
      partial: false,
      stamp: '2024-01-01T00:00:00.123456789Z',
    });
    // Continuation lines of broker records that start with two lower-case words.
    expect(wrapper('stern').unwrap('client unexpectedly closed TCP connection')).toBeUndefined();
    expect(wrapper('stern').unwrap('rabbit on node rabbit@b down')).toBeUndefined();
    expect(wrapper('stern').unwrap('2021-06-01 10:00:00.123456+00:00 [info] <0.230.0> x')).toBeUndefined();
  });

  it("takes a tool's prefix whose empty line lost its trailing blank as that stream's empty line", () => {
    expect(wrapper('stern').unwrap('rabbitmq-1 rabbitmq')).toEqual({ stream: 'rabbitmq-1 rabbitmq', inner: '', partial: false });
    expect(wrapper('kubectl').unwrap('[pod/kafka-0/kafka]')).toEqual({ stream: 'pod/kafka-0/kafka', inner: '', partial: false });
    expect(wrapper('kail').unwrap('ns/rabbitmq-0[rabbitmq]:')).toEqual({ stream: 'ns/rabbitmq-0[rabbitmq]', inner: '', partial: false });
    expect(wrapper('docker-compose').unwrap('rabbitmq-1  |')).toEqual({ stream: 'rabbitmq-1', inner: '', partial: false });
  });

  it("reads docker json-file lines as log shippers reshape them, and takes only docker's 16 KiB pieces for partial lines", () => {
    const record = '[2021-04-02 19:33:20,598] INFO [KafkaServer id=0] started (kafka.server.KafkaServer)';
    // Keys reordered and added, the line break dropped (Sumo Logic's Kubernetes collection).
    expect(wrapper('docker-json').unwrap(JSON.stringify({ timestamp: 1617392000686, log: record, stream: 'stdout', time: '2021-04-02T19:33:20.599066311Z' }))).toEqual({
      stream: 'stdout',
      inner: record,
      partial: false,
      stamp: '2021-04-02T19:33:20.599066311Z',
    });
    // Fluent Bit's CRI parser: `_p` says whether the runtime split the line.
    expect(wrapper('docker-json').unwrap(JSON.stringify({ time: 't', stream: 'stderr', _p: 'P', log: '[2021-04-02 19:33:20,598] INFO a' }))).toMatchObject({ partial: true });
    expect(wrapper('docker-json').unwrap(JSON.stringify({ time: 't', stream: 'stderr', _p: 'F', log: record }))).toMatchObject({ partial: false });
    const piece = 'x'.repeat(16 * 1024);
    expect(wrapper('docker-json').unwrap(JSON.stringify({ log: piece, stream: 'stdout' }))).toMatchObject({ partial: true });
    expect(wrapper('docker-json').unwrap(JSON.stringify({ log: piece.slice(1), stream: 'stdout' }))).toMatchObject({ partial: false });
    // A multi-byte piece: 16 KiB of bytes in fewer characters.
    expect(wrapper('docker-json').unwrap(JSON.stringify({ log: 'é'.repeat(8 * 1024), stream: 'stdout' }))).toMatchObject({ partial: true });
    expect(wrapper('docker-json').unwrap('{"message":"no log key"}')).toBeUndefined();
    expect(wrapper('docker-json').unwrap('{"log":42}')).toBeUndefined();
  });

  it('removes a `-t` stamp after a compose or kubectl prefix only, and keeps it in their verbatim form', () => {
    const line = 'rabbitmq-1  | 2021-06-01T10:00:00.123456+00:00 [info] <0.230.0> x';
    expect(wrapper('docker-compose').unwrap(line)!.inner).toBe('[info] <0.230.0> x');
    expect(wrapper('docker-compose').verbatim!.unwrap(line)!.inner).toBe('2021-06-01T10:00:00.123456+00:00 [info] <0.230.0> x');
    expect(wrapper('kubectl').verbatim!.unwrap('[pod/r-0/rabbitmq] 2021-06-01T10:00:00.123456+00:00 [info] <0.230.0> x')!.inner).toMatch(/^2021-06-01T/);
    // Container runtimes and journald never put one there: what follows their prefix is the broker's.
    expect(wrapper('cri').unwrap('2024-01-01T00:00:00.1Z stdout F 2021-06-01T10:00:00.123456+00:00 [info] <0.230.0> x')!.inner).toMatch(/^2021-06-01T/);
    expect(wrapper('cri').verbatim).toBeUndefined();
  });

  it('is detected when it wraps at least half of the lines, and not on plain broker logs', () => {
    const names = (lines: string[]): string[] => detectWrappers(lines).map((w) => w.name);
    expect(names(['kafka-1  | a', 'kafka-2  | b', 'Attaching to kafka-1'])).toEqual(['docker-compose']);
    expect(names(['[2024-01-01 00:00:00,000] INFO x (y)', '\tat a.B(B.java:1)'])).toEqual([]);
    expect(names(['2021-06-01 10:00:00.123456+00:00 [info] <0.230.0> x'])).toEqual([]);
    expect(names(['=INFO REPORT==== 3-Apr-2019::11:13:15 ===', 'text'])).toEqual([]);
  });

  it('finds every wrapper that takes the lines: a `docker logs -t` line also reads as journald short-iso', () => {
    const names = (lines: string[]): string[] => detectWrappers(lines).map((w) => w.name);
    expect(names(['2024-10-31T11:54:23.631945580Z 2024-10-31 11:54:23.631087+00:00 [error] <0.2750204.0> missed heartbeats from client, timeout: 10s'])).toEqual([
      'journald-iso',
      'timestamps',
    ]);
    expect(names(['2024-10-31T11:54:23.631945580Z [2024-10-31 11:54:23,631] INFO x (y)', '2024-10-31T11:54:23.7Z plain'])).toEqual(['timestamps', 'journald-iso']);
  });

  it("reads a wrapper's stamp: RFC 3339 with its offset, syslog's in the input's zone and the latest year not ahead", () => {
    const now = Date.UTC(2026, 0, 10, 12, 0, 0);
    const berlin = new ZoneTime('Europe/Berlin', new ManualClock(now));
    expect(stampTime('2024-11-25T08:00:00.123456789Z', berlin, now)).toBe(Date.UTC(2024, 10, 25, 8, 0, 0, 123));
    expect(stampTime('2024-11-25T08:00:00+0100', berlin, now)).toBe(Date.UTC(2024, 10, 25, 7, 0, 0));
    expect(stampTime('Jan  9 13:00:00', berlin, now)).toBe(Date.UTC(2026, 0, 9, 12, 0, 0));
    expect(stampTime('Jan 11 12:00:00.250', berlin, now)).toBe(Date.UTC(2026, 0, 11, 11, 0, 0, 250));
    // A file read in January still holds December's lines.
    expect(stampTime('Dec 31 23:30:00', berlin, now)).toBe(Date.UTC(2025, 11, 31, 22, 30, 0));
    expect(stampTime('-', berlin, now)).toBeNaN();
  });

  it('keeps the stamp of syslog, journald and runtime lines, and the line breaks rsyslog escaped', () => {
    expect(wrapper('syslog').unwrap('Apr 29 12:42:33 node03 rabbitmq-server[617244]: a#012b#011c')).toEqual({
      stream: 'node03 rabbitmq-server[617244]',
      inner: 'a\nb\tc',
      partial: false,
      stamp: 'Apr 29 12:42:33',
    });
    expect(wrapper('journald-iso').unwrap('2024-11-25T08:00:00+0000 broker1 kafka[42]: x')!.stamp).toBe('2024-11-25T08:00:00+0000');
    expect(wrapper('syslog-5424').unwrap('<14>1 2024-11-25T08:00:00Z broker1 rabbitmq 42 - - x')!.stamp).toBe('2024-11-25T08:00:00Z');
    expect(wrapper('timestamps').unwrap('2024-11-25T08:00:00.5Z x')!.stamp).toBe('2024-11-25T08:00:00.5Z');
    expect(wrapper('docker-compose').unwrap('kafka-1  | x')!.stamp).toBeUndefined();
    expect(wrapper('docker-compose').unwrap('kafka-1  | 2024-11-25T08:00:00.5Z x')).toMatchObject({ inner: 'x', stamp: '2024-11-25T08:00:00.5Z' });
    expect(wrapper('docker-compose').verbatim!.unwrap('kafka-1  | 2024-11-25T08:00:00.5Z x')!.stamp).toBeUndefined();
  });
});
