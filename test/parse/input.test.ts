import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventId, type BrokerEvent } from '../../src/core/index.js';
import { InputParser, ParseConfigError, classify } from '../../src/parse/index.js';
import { KAFKA_EVENTS } from '../../parsers/index.js';
import { ManualClock } from '../../src/core/index.js';
import { parseBytes, parseFixture, parseText } from '../support/parse.js';

const brief = (e: BrokerEvent) => [e['@timestamp'], e['log.level'], e.message];
// Each appender of one broker writes concurrent records in its own order: compare as multisets.
const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
const summary = (e: BrokerEvent) => [...brief(e), e['error.type'], e['kafka.log.component']];
/** The rows of `expected` that `actual` lacks, as a multiset. */
function missingFrom(actual: unknown[], expected: unknown[]): string[] {
  const left = sorted(actual);
  return sorted(expected).filter((row) => {
    const at = left.indexOf(row);
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

describe('Kafka layouts of one real broker run agree', () => {
  // The same 4.1.1 broker wrote each file through a different layout (scripts/fixtures/capture-kafka-layouts.sh).
  for (const run of ['server', 'second-start']) {
    const text = parseFixture(`kafka-layouts/kafka-4.1.1.${run}.log`);
    const layouts = {
      xml: parseFixture(`kafka-layouts/kafka-4.1.1.${run}.xml`),
      json: parseFixture(`kafka-layouts/kafka-4.1.1.${run}.json`),
      ecs: parseFixture(`kafka-layouts/kafka-4.1.1.${run}.ecs.json`),
      pattern: parseFixture(`kafka-layouts/kafka-4.1.1.${run}.pattern.log`, { pattern: '%d{ISO8601} %-5p [%t] %c{1} - %m%n' }),
      // Detected without configuration.
      cloudera: parseFixture(`kafka-layouts/kafka-4.1.1.${run}.cloudera.log`),
      debezium: parseFixture(`kafka-layouts/kafka-4.1.1.${run}.debezium.log`),
    };

    it(`reads the ${run} run in every layout with the same times, levels, messages and errors`, () => {
      expect(text.length).toBeGreaterThan(50);
      expect(text.filter((e) => e.tags?.includes('_parse_failure'))).toEqual([]);
      for (const [name, events] of Object.entries(layouts)) {
        // log4j2's XmlLayout starts its file with an empty line: kept, as a record nobody can read.
        const read = events.filter((e) => !(name === 'xml' && e.message === '' && e['log.offset'] === 0));
        if (run === 'server') {
          expect(sorted(read.map(summary)), name).toEqual(sorted(text.map(summary)));
        } else {
          // The failed start halts the JVM from its fatal-fault handler: an appender may lose the
          // record it was writing. At most that one differs.
          expect(missingFrom(text.map(summary), read.map(summary)).length, name).toBeLessThanOrEqual(1);
          expect(missingFrom(read.map(summary), text.map(summary)).length, name).toBeLessThanOrEqual(1);
        }
      }
      expect(missingFrom(layouts.json.map((e) => e['log.logger']), text.map((e) => e['log.logger']))).toEqual([]);
      expect(missingFrom(layouts.pattern.map((e) => e['log.logger']), text.map((e) => e['log.logger']!.split('.').pop()))).toEqual([]);
      expect(layouts.pattern.every((e) => e['process.thread.name'] !== undefined)).toBe(true);
      expect(missingFrom(layouts.cloudera.map((e) => e['log.logger']), text.map((e) => e['log.logger']))).toEqual([]);
      expect(layouts.debezium.every((e) => e['process.thread.name'] !== undefined && e['log.logger'] === undefined)).toBe(true);
      // Strimzi's log4j2 default for Kafka 4, detected too: whole seconds and short loggers.
      const strimzi = parseFixture(`kafka-layouts/kafka-4.1.1.${run}.strimzi.log`);
      const toSecond = (e: BrokerEvent) => [e['@timestamp'].slice(0, 19), ...summary(e).slice(1)];
      expect(missingFrom(strimzi.map(toSecond), text.map(toSecond)).length).toBeLessThanOrEqual(run === 'server' ? 0 : 1);
      expect(missingFrom(text.map(toSecond), strimzi.map(toSecond)).length).toBeLessThanOrEqual(run === 'server' ? 0 : 1);
      expect(missingFrom(strimzi.map((e) => e['log.logger']), text.map((e) => e['log.logger']!.split('.').pop()))).toEqual([]);
    });
  }

  it('splits the stack trace after the (logger) line into the error fields', () => {
    const failed = parseFixture('kafka-layouts/kafka-4.1.1.second-start.log').find((e) => e['error.type'] !== undefined)!;
    expect(failed).toMatchObject({
      message: 'Unable to start acceptor for CONTROLLER',
      'log.level': 'error',
      'log.logger': 'kafka.network.DataPlaneAcceptor',
      'error.type': 'org.apache.kafka.common.KafkaException',
      'error.message': 'Socket server failed to bind to 127.0.0.1:19892: Address already in use.',
      'kafka.log.trace.class': 'org.apache.kafka.common.KafkaException',
      tags: ['multiline'],
    });
    expect(failed['error.stack_trace']).toMatch(/^org\.apache\.kafka\.common\.KafkaException: .*\n\tat org\.apache\.kafka\.server\.ServerSocketFactory/);
  });

  it("keeps a config dump whose (logger) ends its last line in one record, in the input's zone", () => {
    const events = parseFixture('kafka-layouts/kafka-4.1.1.server.log', { timezone: 'Europe/Berlin' });
    const dump = events.find((e) => e.message.startsWith('KafkaConfig values:'))!;
    expect(dump['log.logger']).toBe('org.apache.kafka.common.config.AbstractConfig');
    expect(dump.message).toMatch(/\n\tunstable\.feature\.versions\.enable = false$/);
    expect(dump['error.type']).toBeUndefined();
    const first = readFileSync(new URL('../fixtures/kafka-layouts/kafka-4.1.1.server.log', import.meta.url), 'utf8').slice(1, 24);
    expect(events[0]!['@timestamp']).toBe(new Date(`${first.replace(' ', 'T').replace(',', '.')}+01:00`).toISOString());
  });

  it("reads log4j 1's XMLLayout as Kafka 3.9.1 wrote it, like its default layout", () => {
    const xml = parseFixture('kafka-layouts/kafka-3.9.1.second-start.xml');
    const text = parseFixture('kafka-layouts/kafka-3.9.1.second-start.log');
    expect(sorted(xml.map(summary))).toEqual(sorted(text.map(summary)));
    expect(xml.filter((e) => e['error.type'] !== undefined).length).toBeGreaterThan(0);
  });
});

describe('RabbitMQ formats (public samples)', () => {
  it('reads pre-3.7 reports with their multi-line banner until the next report', () => {
    const events = parseFixture('public/rabbitmq-3.6-report.log', { timezone: 'Europe/Berlin' });
    expect(events).toHaveLength(6);
    expect(events[1]).toMatchObject({
      '@timestamp': '2019-05-06T01:56:36.000Z',
      'log.level': 'warning',
      message: 'memory resource limit alarm set on node rabbit@ctl001.\n' + '*'.repeat(58) + '\n*** Publishers will be blocked until this alarm clears ***\n' + '*'.repeat(58),
      'service.type': 'rabbitmq',
      'event.dataset': 'rabbitmq.log',
      tags: ['multiline'],
    });
    expect(parseFixture('public/rabbitmq-3.6-report-blank-lines.log').map((e) => e.message)).toEqual([
      'Memory limit set to 24155MB of 60387MB total.',
      'Disk free limit set to 50MB',
      'Limiting to approx 65436 file handles (58890 sockets)',
    ]);
  });

  it("reads the lager record that follows the console banner's `Starting broker...` on its line (3.8, Bitnami)", () => {
    const events = parseFixture('rabbitmq/public/3.8-bitnami-banner-glued.log');
    expect(events.filter((e) => e.tags?.includes('_parse_failure'))).toEqual([]);
    expect(events[0]).toMatchObject({ '@timestamp': '2020-07-02T11:04:36.321Z', 'log.level': 'info', 'rabbitmq.log.pid': '<0.274.0>' });
    expect(events[0]!.message).toMatch(/^\n node {11}: rabbit@rabbitmq-1-0\n home dir[^]*\n database dir {3}: \/bitnami\/rabbitmq\/mnesia\/rabbit@rabbitmq-1-0$/);
    expect(events[0]!['event.original']).toMatch(/^ {2}Starting broker\.\.\.2020-07-02 11:04:36\.321 \[info\] <0\.274\.0>\n/);
  });

  it('reads 3.7/3.8 lager records with their continuation lines', () => {
    const events = parseFixture('public/rabbitmq-3.7-lager-partition.log');
    expect(events).toHaveLength(7);
    expect(events[2]).toMatchObject({ '@timestamp': '2018-12-05T06:37:13.612Z', 'log.level': 'error', 'rabbitmq.log.pid': '<0.202.0>', 'event.action': 'network_partition' });
    expect(events[6]!.message).toBe(
      'Partial partition detected:\n * We saw DOWN from rabbit@rmq1\n * We can still see rabbit@rmq2 which can see rabbit@rmq1\n * pause_minority mode enabled\nWe will therefore pause until the *entire* cluster recovers',
    );
    expect(parseFixture('public/rabbitmq-3.7-lager-crash.log')[0]!.message).toMatch(/^Error on AMQP connection <0\.22942\.63> .*channel 1:\n \{\{badmatch,true\},\n/);
  });

  it('joins the repeated-prefix lines of 3.9+ and reads early boot reports in the same file', () => {
    const events = parseFixture('public/rabbitmq-3.12-logger-partition.log');
    expect(events.map((e) => e.message)).toEqual([
      'Partial partition disconnect from rabbit@host-309',
      "Mnesia('rabbit@host-478'): ** ERROR ** mnesia_event got {inconsistent_database, running_partitioned_network, 'rabbit@host-309'}",
    ]);
    expect(events[1]!['event.original']).toContain('\n2023-09-28 17:01:59.460923+00:00 [error] <0.8003.2> ');
    const boot = parseFixture('public/rabbitmq-3.13-docker-boot.log');
    expect(boot.filter((e) => e.tags?.includes('_parse_failure'))).toEqual([]);
    expect(boot[0]).toMatchObject({ '@timestamp': '2024-11-29T01:45:03.263Z', 'log.level': 'info', message: 'alarm_handler: {set,{{disk_almost_full,"/"},[]}}' });
    expect(boot[3]).toMatchObject({ '@timestamp': '2024-11-29T01:45:05.223Z', 'log.level': 'notice', 'rabbitmq.log.pid': '<0.44.0>' });
  });

  it('reads a 3.8 lager record inside docker-compose output, its unprefixed second line included', () => {
    const events = parseFixture('rabbitmq/public/3.8-compose-connection-closed.log');
    expect(events).toHaveLength(5);
    expect(events[4]).toMatchObject({
      '@timestamp': '2021-11-09T06:40:37.273Z',
      'log.level': 'warning',
      'rabbitmq.log.pid': '<0.867.0>',
      message: "closing AMQP connection <0.867.0> (172.20.0.1:59916 -> 172.20.0.3:5672, vhost: 'taiga', user: 'taiga'):\nclient unexpectedly closed TCP connection",
      'event.action': 'connection_closed_abruptly',
    });
  });

  it('reads 3.9+ time stamps with a negative offset', () => {
    const events = parseFixture('rabbitmq/public/3.9plus-connection-closed-tls.log');
    expect(events.map((e) => [e['@timestamp'], e['log.level'], e['event.action']])).toEqual([
      ['2023-12-06T16:30:17.035Z', 'warning', 'connection_closed_abruptly'],
      ['2023-12-06T16:30:17.037Z', 'warning', 'connection_closed_abruptly'],
      ['2023-12-06T16:30:17.044Z', 'info', undefined],
      ['2023-12-06T16:30:17.914Z', 'info', undefined],
      ['2023-12-06T16:30:17.917Z', 'info', undefined],
    ]);
  });

  it("keeps the console banner a 3.9+ node prints without prefix out of the records around it (3.13 in docker)", () => {
    const events = parseFixture('public/rabbitmq-3.13-docker-banner.log');
    const start = events.findIndex((e) => e.message.includes('Starting RabbitMQ 3.13.0'));
    expect(events[start]).toMatchObject({
      '@timestamp': '2024-03-19T09:45:39.943Z',
      'log.level': 'info',
      'rabbitmq.log.pid': '<0.248.0>',
      message: '\n Starting RabbitMQ 3.13.0 on Erlang 26.2.2 [jit]\n Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries\n Licensed under the MPL 2.0. Website: https://rabbitmq.com',
    });
    // The banner is no record's; the record the node logged next begins on its last line, after
    // `Starting broker...`, with an empty first line of its own.
    expect(events[start + 1]).toMatchObject({ tags: ['_parse_failure', 'multiline'] });
    expect(events[start + 1]!['event.original']).toMatch(/^\n {2}## {2}## {6}RabbitMQ 3\.13\.0\n[^]*\n {2}Config file\(s\): \/etc\/rabbitmq\/conf\.d\/10-defaults\.conf\n$/);
    expect(events[start + 2]).toMatchObject({
      '@timestamp': '2024-03-19T09:45:39.944Z',
      'rabbitmq.log.pid': '<0.248.0>',
      message: expect.stringMatching(/^\n node {11}: rabbit@747398c0cd45\n home dir/),
      'event.original': expect.stringMatching(/^ {2}Starting broker\.\.\.2024-03-19 09:45:39\.944994\+00:00 \[info\] <0\.248\.0> \n/),
    });
    expect(events.filter((e) => e.tags?.includes('_parse_failure'))).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ message: 'Running boot step rabbit_global_counters defined by app rabbit' });
  });

  it('reads 3.9+ records under `docker logs -t` stamps, which the journald short-iso prefix would also take', () => {
    // Without the blank lines the poster's page put between the lines: `docker logs -t` writes none.
    const lines = readFileSync(new URL('../fixtures/public/rabbitmq-3.13-docker-t.log', import.meta.url), 'utf8').split('\n').filter((l) => l !== '');
    const events = parseText(`${lines.join('\n')}\n`);
    expect(events.map((e) => [e['@timestamp'], e['log.level'], e['rabbitmq.log.pid'], e['event.action']])).toEqual([
      ['2024-10-31T11:53:21.164Z', 'info', '<0.2864758.0>', undefined],
      ['2024-10-31T11:53:21.168Z', 'info', '<0.2864758.0>', undefined],
      ['2024-10-31T11:54:23.631Z', 'error', '<0.2750204.0>', 'heartbeat_timeout'],
    ]);
    expect(events[2]).toMatchObject({ 'rabbitmq.connection': '172.20.0.43:51702 -> 172.20.0.9:5672', message: expect.stringMatching(/:\nmissed heartbeats from client, timeout: 10s$/) });
  });

  it('reads pre-3.7 reports inside docker-compose output, the start-up banner inside its report', () => {
    const events = parseFixture('public/rabbitmq-3.6-compose-banner.log');
    expect(events.map((e) => [e['@timestamp'], e['log.level'], e.message.split('\n')[0]])).toEqual([
      ['2016-09-07T12:09:08.000Z', 'info', 'Starting RabbitMQ 3.6.5 on Erlang 19.0'],
      ['2016-09-07T12:09:08.000Z', 'info', 'node           : rabbit@8ee1683721ab'],
      ['2016-09-07T12:09:10.000Z', 'info', 'autocluster: Using consul backend'],
    ]);
    expect(events[0]!.message).toMatch(/\n {2}## {2}## {6}Licensed under the MPL\.[^]*\n {14}Starting broker\.\.\.$/);
    expect(events[2]!['event.original']).toBe('td.rabbitmq_1  | =INFO REPORT==== 7-Sep-2016::12:09:10 ===\ntd.rabbitmq_1  | autocluster: Using consul backend\ntd.rabbitmq_1  |');
  });

  it("reads rfc3339_T times as the node's, not as a `docker logs -t` stamp, in a file and inside wrappers", () => {
    // RabbitMQ's `log.file.formatter.time_format = rfc3339_T` writes the real records of this sample
    // with a `T` between date and time (rabbit_logger_fmt_helpers); nothing else changes.
    const lines = readFileSync(new URL('../fixtures/public/rabbitmq-3.12-logger-partition.log', import.meta.url), 'utf8').trimEnd().split('\n');
    const withT = lines.map((line) => `${line.slice(0, 10)}T${line.slice(11)}`);
    const expected = parseFixture('public/rabbitmq-3.12-logger-partition.log').map(brief);
    expect(expected).toHaveLength(2);
    expect(parseText(withT.join('\n')).map(brief)).toEqual(expected);
    expect(parseText(withT.map((line) => `rabbitmq-1  | ${line}`).join('\n')).map(brief)).toEqual(expected);
    expect(parseText(withT.map((line) => `2024-05-01T10:00:00.123456789Z stdout F ${line}`).join('\n')).map(brief)).toEqual(expected);
    // With a real `-t` stamp in front, the stamp goes and the node's own time stays.
    expect(parseText(withT.map((line) => `rabbitmq-1  | 2024-05-01T10:00:00.123456789Z ${line}`).join('\n')).map(brief)).toEqual(expected);
    expect(parseText(withT.map((line) => `2024-05-01T10:00:00.123456789Z ${line}`).join('\n')).map(brief)).toEqual(expected);
  });

  it('reads 3.9+ records in the output of the Kubernetes log tailers stern and kail', () => {
    for (const [file, pids] of [
      ['3.10-stern.log', ['<0.469.0>', '<0.210.0>']],
      ['3.9-kail.log', ['<0.25899.24>']],
    ] as const) {
      const events = parseFixture(`rabbitmq/public/${file}`);
      expect(events.map((e) => [e['log.level'], e['rabbitmq.log.pid'], e.tags])).toEqual(pids.map((pid) => ['error', pid, ['multiline']]));
    }
  });

  it("keeps a tailer's empty line in its record when the copy trimmed the blank after the prefix", () => {
    // stern's `rabbitmq-1 rabbitmq ` before the alarm banner's empty line, posted as `rabbitmq-1 rabbitmq`.
    const events = parseFixture('rabbitmq/public/3.8-stern-disk-alarm.log');
    expect(events.map((e) => [e['event.action'], e.tags])).toEqual([
      [undefined, undefined],
      ['disk_alarm_set', ['multiline']],
    ]);
    expect(events[1]!.message).toMatch(/cluster\.local'\.\n\n\*+\n\*\*\* Publishers will be blocked until this alarm clears \*\*\*\n\*+$/);
  });

  it("reads 3.9+ records in Docker Desktop's log view, the desktop's local-time stamp removed", () => {
    const events = parseFixture('public/rabbitmq-3.12-docker-desktop.log');
    expect(events.filter((e) => e.tags?.includes('_parse_failure'))).toEqual([]);
    expect(events[0]).toMatchObject({ '@timestamp': '2023-12-13T05:56:46.461Z', 'log.level': 'info', 'rabbitmq.log.pid': '<0.842.0>' });
    const banner = parseFixture('public/rabbitmq-3.13-docker-desktop-banner.log');
    expect(banner.at(-1)).toMatchObject({ '@timestamp': '2024-08-29T14:24:42.834Z', 'rabbitmq.log.pid': '<0.254.0>' });
  });

  it('reads RabbitMQ inside journald lines with the inner time, offset included', () => {
    const events = parseFixture('public/rabbitmq-3.11-journald.log');
    expect(events.map((e) => [e['@timestamp'], e.message])).toEqual([
      ['2023-04-29T10:42:33.240Z', '** Node rabbit@node01 not responding **\n** Removing (timedout) connection **'],
      ['2023-04-29T10:42:33.240Z', '** Node rabbit@node02 not responding **\n** Removing (timedout) connection **'],
      ['2023-04-29T10:42:33.241Z', 'rabbit on node rabbit@node01 down'],
      ['2023-04-29T10:42:33.244Z', 'Management delegate query returned errors:\n[{<13741.2503.0>,{exit,{nodedown,rabbit@node01},[]}},'],
    ]);
    expect(events[0]!['event.original']).toMatch(/^Apr 29 12:42:38 node03 rabbitmq-server\[617244\]: /);
  });
});

describe('Kafka logs of the drills and of other sites', () => {
  const logs = readdirSync(new URL('../fixtures/kafka/', import.meta.url), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.log'))
    .map((entry) => join(entry.parentPath, entry.name).split('/fixtures/')[1]!);

  // A sample in a layout the detection does not know, read with the pattern its site would configure.
  const configured: Record<string, string> = {
    'kafka/public/kafka-admin-backward-compatibility.log': '>>> %d{yy/MM/dd HH:mm:ss} %p %c{2}: %m%n',
  };

  it('reads every record of every real Kafka log kept, in every layout seen', () => {
    expect(logs.length).toBeGreaterThan(30);
    for (const path of logs) {
      const pattern = configured[path];
      const events = parseFixture(path, pattern === undefined ? {} : { pattern });
      const failures = events.filter((e) => e.tags?.includes('_parse_failure')).map((e) => e['event.original']);
      // The one exception: a sample whose first line was copied without its time stamp.
      expect(failures, path).toEqual(path.endsWith('confluentinc-examples-390.log') ? [expect.stringMatching(/^ERROR Error while creating ephemeral/)] : []);
      expect(events.every((e) => e['service.type'] === 'kafka' && (e['log.logger'] !== undefined || e.tags?.includes('_parse_failure'))), path).toBe(true);
    }
  }, 60_000);

  it("detects Strimzi's layout and the one with line numbers, loggers included", () => {
    const strimzi = parseFixture('kafka/public/strimzi-3087.log');
    expect(strimzi[2]).toMatchObject({ 'log.logger': 'kafka.zk.KafkaZkClient', 'process.thread.name': 'main', 'event.action': 'broker_registered' });
    const lines = parseFixture('kafka/public/kafka-pr-7140.log');
    expect(lines[1]).toMatchObject({ 'log.logger': 'kafka.controller.KafkaController', 'event.action': 'controller_elected' });
    expect(lines[1]!.message.endsWith('epoch zk version is now 1')).toBe(true);
  });

  it("reads a Strimzi record whose `(%c) [%t]` ends the message's second line", () => {
    const events = parseFixture('kafka/public/strimzi-3815.log');
    expect(events).toHaveLength(8);
    expect(events.at(-1)).toMatchObject({
      '@timestamp': '2020-10-15T09:48:47.833Z',
      'log.logger': 'kafka.zk.KafkaZkClient',
      'process.thread.name': 'main',
      message: 'Stat of the created znode at /brokers/ids/0 is: 4294967720,4294967720,1602755327814,1602755327814,1,0,0,144115258932723725,604,0,4294967720',
    });
  });

  it("reads a configured pattern whose time is RFC 3339 with a `T`, not as a `docker logs -t` stamp", () => {
    // Kafka's own lines of a real run, rewritten into `%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}` in UTC.
    const lines = readFileSync(new URL('../fixtures/kafka/public/strimzi-3087.log', import.meta.url), 'utf8').trimEnd().split('\n');
    const pattern = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %p %m (%c) [%t]%n";
    const rewritten = lines.map((line) => line.replace(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3}) /, '$1T$2.$3Z '));
    expect(rewritten.filter((line, i) => line !== lines[i]).length).toBeGreaterThan(0);
    const events = parseText(rewritten.join('\n'), { pattern });
    expect(events.map(brief)).toEqual(parseFixture('kafka/public/strimzi-3087.log').map(brief));
    expect(events.filter((e) => e.tags?.includes('_parse_failure'))).toEqual([]);
  });

  it('reads a layout the detection does not know once its pattern is configured (0.11 embedded broker)', () => {
    const events = parseFixture('kafka/public/kafka-admin-backward-compatibility.log', { pattern: configured['kafka/public/kafka-admin-backward-compatibility.log']! });
    expect(events).toHaveLength(44);
    expect(events[4]).toMatchObject({
      '@timestamp': '2020-10-20T12:11:50.000Z',
      'log.level': 'info',
      'log.logger': 'controller.KafkaController',
      message: '[Controller 0]: 0 successfully elected as the controller',
      'event.action': 'controller_elected',
      'kafka.controller.id': 0,
    });
    expect(events.at(-1)).toMatchObject({ message: '[Kafka Server 0], started', 'event.action': 'broker_started' });
  });

  it("reads ZooKeeper's exceptions into the error fields of its records, a refused reconnect attempt not taken for a disconnect (1.0 and 3.x brokers)", () => {
    const lineNumbers = parseFixture('kafka/public/kafka-pr-4283.log');
    expect(lineNumbers.map((e) => [e['log.logger'], e['error.type'], e['event.action']])).toEqual([
      ['org.apache.zookeeper.ClientCnxn', 'java.net.ConnectException', undefined],
      ['org.apache.zookeeper.ClientCnxn', 'java.net.ConnectException', undefined],
      ['org.apache.zookeeper.ClientCnxn', undefined, 'zk_disconnected'],
    ]);
    const misspelt = parseFixture('kafka/public/testcontainers-elixir-44.log');
    expect(misspelt.map((e) => [e['error.type'], e['event.action']])).toEqual([
      ['java.net.ConnectException', undefined],
      [undefined, undefined],
      [undefined, undefined],
      ['java.net.ConnectException', undefined],
    ]);
  });

  it('classifies a record by its stack trace too', () => {
    const [oom] = parseFixture('kafka/public/strimzi-6579.log');
    expect(oom).toMatchObject({ message: '[ExpirationReaper-0-Fetch]: Error due to', 'error.type': 'java.lang.OutOfMemoryError', 'event.action': 'out_of_memory' });
  });

  it('labels a record followed by lines that are no trace (a terminal copy ending in `^C` and a prompt)', () => {
    // The shape of a `tail -f nohup.out` copied from a terminal: the wordings anchored at the
    // message's end must still match.
    const [started] = parseText('[2018-05-31 08:07:28,621] INFO [Kafka Server 2], started (kafka.server.KafkaServer)\n^C\n[root@kafka-1 bin]# \n');
    expect(started).toMatchObject({ message: '[Kafka Server 2], started', 'event.action': 'broker_started' });
    expect(started!['error.type']).toBeUndefined();
  });
});

describe("RabbitMQ's JSON formatter (real 3.10.8 and 4.3.6 nodes)", () => {
  // 4.3 writes the keys in another order (line and pid before file); the 3.10.8 capture ends
  // before the node's stop.
  const ALARM = ['node_started', 'memory_alarm_set', 'memory_alarm_cleared'];
  it.each([
    ['3.10.8', 304, ALARM],
    ['4.3.6', 193, [...ALARM, 'node_stopped']],
  ])('detects %s apart from log4j JSON and reads every record, the alarm banner as one message', (version, records, actions) => {
    const events = parseFixture(`rabbitmq-json/rabbitmq-${version}.json.log`);
    expect(events).toHaveLength(records);
    expect(events.filter((e) => e.tags?.includes('_parse_failure'))).toEqual([]);
    expect(events.filter((e) => e['event.action'] !== undefined).map((e) => e['event.action'])).toEqual(actions);
    expect(events.every((e) => e['service.type'] === 'rabbitmq' && e['rabbitmq.log.pid']?.startsWith('<0.'))).toBe(true);
    const alarm = events.find((e) => e.message.startsWith('memory resource limit alarm set'))!;
    expect(alarm).toMatchObject({ 'log.level': 'warning', tags: ['multiline'] });
    expect(alarm.message).toMatch(/\n\*\*\* Publishers will be blocked until this alarm clears \*\*\*\n\*+$/);
  });

  it("reads the cluster operator's field map: the level from the syslog-style verbosity `v`, the time in epoch microseconds", () => {
    const events = parseFixture('rabbitmq-json/rabbitmq-3.10.8.json_fieldmap.log');
    expect(events).toHaveLength(331);
    expect(events.filter((e) => e.tags?.includes('_parse_failure'))).toEqual([]);
    expect(events.filter((e) => e['event.action'] !== undefined).map((e) => [e['event.action'], e['log.level']])).toEqual([
      ['node_started', 'info'],
      ['memory_alarm_set', 'warning'],
      ['memory_alarm_cleared', 'warning'],
      ['node_stopped', 'info'],
    ]);
    expect(events[0]!['@timestamp']).toBe(new Date(1796413061179).toISOString());
  });

  it("keeps a record read when the node's console lines follow it, and labels the VM's last words", () => {
    // Two real files spliced: a JSON record of the 3.10.8 node, then a 3.8 node's last console lines.
    const json = readFileSync(new URL('../fixtures/rabbitmq-json/rabbitmq-3.10.8.json.log', import.meta.url), 'utf8').split('\n')[0]!;
    const console = readFileSync(new URL('../fixtures/rabbitmq/public/3.8-kernel-pid-console.log', import.meta.url), 'utf8');
    const events = parseText(`${json}\n${console}`, { format: 'rabbitmq-json' });
    expect(events[0]).toMatchObject({ message: 'Logging: configured log handlers are now ACTIVE', 'log.level': 'notice' });
    expect(events[0]!.tags).toBeUndefined();
    expect(events.slice(1).map((e) => [e.tags, e['event.action']])).toEqual([
      [['_parse_failure'], undefined],
      [['_parse_failure'], 'node_crashed'],
      [['_parse_failure'], undefined],
      [['_parse_failure'], undefined],
    ]);
  });
});

describe("a 3.9+ node's console (Kubernetes)", () => {
  it('reads the pid of a record whose empty first line lost its trailing blank, the console copy of BOOT FAILED apart', () => {
    const events = parseFixture('rabbitmq/public/3.12-k8s-boot-failed.log');
    const failed = events.find((e) => e['@timestamp'] === '2023-05-18T08:45:16.825Z')!;
    expect(failed).toMatchObject({ 'log.level': 'error', 'rabbitmq.log.pid': '<0.132.0>' });
    expect(failed.message).toMatch(/^\nBOOT FAILED\n===========\nERROR: epmd error for host /);
    expect(events.filter((e) => e.tags?.includes('_parse_failure')).map((e) => e.message.split('\n')[0])).toEqual([
      'Defaulted container "rabbitmq" out of: rabbitmq, setup-container (init)',
      'ERROR: epmd error for host hello-world-server-0.hello-world-nodes.default: timeout (timed out)',
    ]);
  });
});

describe("the Erlang VM's last words on a 3.9+ node's console", () => {
  it('labels `Runtime terminating during boot` in docker compose output, the crash report after it read', () => {
    const events = parseFixture('rabbitmq/public/3.13-compose-runtime-terminating.log');
    // The empty console line after it (`rabbitmq-1  | `) belongs to the same unprefixed record.
    expect(events[0]).toMatchObject({ message: 'Runtime terminating during boot (terminating)\n', 'event.action': 'node_crashed', tags: ['_parse_failure', 'multiline'] });
    expect(events.at(-1)).toMatchObject({ '@timestamp': '2024-07-30T07:43:42.255Z', 'log.level': 'error', 'rabbitmq.log.pid': '<0.154.0>' });
    expect(events.at(-1)!.message).toMatch(/^ {2}crasher:\n {4}initial call: application_master:init\/4/);
  });
});

describe("RabbitMQ's epoch time formats (real 3.10.8 nodes)", () => {
  it.each(['epoch_secs', 'epoch_usecs'])('reads every record of time_format = %s, in UTC, the alarm banner as one record', (format) => {
    const path = `rabbitmq-formatter/rabbitmq-3.10.8.${format}.log`;
    const events = parseFixture(path);
    const first = readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8').split(' ', 1)[0]!;
    // 1795603567.085845 (seconds) or 1795603592100743 (microseconds): milliseconds either way.
    const ms = format === 'epoch_secs' ? Number(first.replace('.', '').slice(0, -3)) : Math.floor(Number(first) / 1000);
    expect(events[0]).toMatchObject({ '@timestamp': new Date(ms).toISOString(), 'log.level': 'notice', 'rabbitmq.log.pid': '<0.223.0>' });
    expect(events.filter((e) => e.tags?.includes('_parse_failure'))).toEqual([]);
    expect(events.map((e) => e['event.action']).filter((a) => a !== undefined)).toEqual(['node_started', 'memory_alarm_set', 'memory_alarm_cleared', 'node_stopped']);
    const alarm = events.find((e) => e['event.action'] === 'memory_alarm_set')!;
    expect(alarm.message).toMatch(/\n\*\*\* Publishers will be blocked until this alarm clears \*\*\*\n\*+$/);
  });
});

describe("RabbitMQ's shortened and upper-case levels (real 3.10.8 nodes)", () => {
  it.each([
    ['uc3', 'NTC', 'WRN'],
    ['lc4', 'noti', 'warn'],
  ])('reads every record of level_format = %s (%s, %s, ...) with its level', (format, notice, warning) => {
    const events = parseFixture(`rabbitmq-formatter/rabbitmq-3.10.8.level_${format}.log`);
    expect(events[0]!['event.original'].split(' ')[2]).toBe(`[${notice}]`);
    expect(events[0]).toMatchObject({ 'log.level': 'notice', 'rabbitmq.log.pid': '<0.223.0>' });
    expect(events.filter((e) => e.tags?.includes('_parse_failure') || e['log.level'] === undefined)).toEqual([]);
    const alarm = events.find((e) => e['event.action'] === 'memory_alarm_set')!;
    expect(alarm['event.original'].split(' ')[2]).toBe(`[${warning}]`);
    expect(alarm).toMatchObject({ 'log.level': 'warning', tags: ['multiline'] });
  });
});

describe('wrapped Kafka logs (public samples)', () => {
  it('reads docker compose output, with and without -t stamps', () => {
    const plain = parseFixture('public/kafka-2.x-docker-compose.log');
    expect(plain).toHaveLength(5);
    expect(plain[0]).toMatchObject({ '@timestamp': '2020-11-16T14:59:32.870Z', 'log.level': 'trace', 'log.logger': 'state.change.logger', 'kafka.log.component': 'Broker id=1' });
    const stamped = parseFixture('public/kafka-2.x-docker-compose-timestamps.log');
    expect(stamped[0]).toMatchObject({ '@timestamp': '2020-01-29T00:06:11.255Z', 'log.logger': 'kafka.network.SocketServer', 'kafka.log.component': 'SocketServer brokerId=1001' });
  });

  it("reads a trace in rsyslog's file lines, its tabs escaped as `#011`", () => {
    const [event, ...rest] = parseFixture('public/kafka-3.6-rsyslog-escaped-tabs.log');
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      '@timestamp': '2025-04-10T04:23:12.167Z',
      'log.logger': 'org.apache.kafka.server.fault.ProcessTerminatingFaultHandler',
      'error.type': 'java.lang.IllegalStateException',
      'error.message': 'Tried to change broker 3, but the given epoch, 9915562, did not match the current broker epoch, 9914910',
    });
    expect(event!['error.stack_trace']).toMatch(/\n\tat org\.apache\.kafka\.image\.ClusterDelta\.getBrokerOrThrow\(ClusterDelta\.java:89\)\n\tat /);
    expect(event!['event.original']).toContain('#011at org.apache.kafka.image.ClusterDelta.getBrokerOrThrow');
  });

  it('keeps the records of interleaved containers apart', () => {
    const lines = readFileSync(new URL('../fixtures/kafka-layouts/kafka-4.1.1.second-start.log', import.meta.url), 'utf8').split('\n').filter((l) => l !== '');
    // Two containers writing the same real log, their lines interleaved one by one.
    const interleaved = lines.flatMap((line) => [`kafka-1  | ${line}`, `kafka-2  | ${line}`]).join('\n');
    const events = parseText(interleaved);
    const alone = parseFixture('kafka-layouts/kafka-4.1.1.second-start.log');
    expect(events.filter((_, i) => i % 2 === 0).map(brief)).toEqual(alone.map(brief));
    expect(events.filter((e) => e['error.type'] !== undefined)).toHaveLength(2 * alone.filter((e) => e['error.type'] !== undefined).length);
  });
});

describe("bare messages in stamped lines (RabbitMQ's log.syslog and log.journald)", () => {
  // RabbitMQ's syslog and journald formatters write the message without time, level or pid
  // (rabbit_prelaunch_early_logging: `prefix_format => []`); rsyslog then writes its own header.
  const syslog = (lines: readonly string[]) => lines.map((line) => `Apr 29 12:42:33 node03 rabbitmq-server[617244]: ${line}\n`).join('');

  it("reads each line as a record of the wrapper's time, the broker told by the syslog tag, and labels it", () => {
    const events = parseText(syslog(['node rabbit@node01 down: net_tick_timeout', 'closing AMQP connection <0.1.0> (10.0.0.1:5000 -> 10.0.0.2:5672):#012{inet_error,etimedout}']), {
      timezone: 'Europe/Berlin',
      context: { filePath: '/var/log/syslog' },
    });
    expect(events.map((e) => [e['@timestamp'], e['service.type'], e['event.action'], e.message, e.tags])).toEqual([
      ['2026-04-29T10:42:33.000Z', 'rabbitmq', 'node_down', 'node rabbit@node01 down: net_tick_timeout', undefined],
      ['2026-04-29T10:42:33.000Z', 'rabbitmq', 'connection_closed_abruptly', 'closing AMQP connection <0.1.0> (10.0.0.1:5000 -> 10.0.0.2:5672):\n{inet_error,etimedout}', ['multiline']],
    ]);
  });

  it("reads the broker's own layout once it follows a short run of bare lines, and keeps the bare reading after long runs", () => {
    const banner = syslog(['Starting RabbitMQ broker...', '  ##  ##      RabbitMQ 3.13.7']);
    const records = syslog(['<0.1.0>', '<0.2.0>', '<0.3.0>'].map((pid) => `2024-04-29 12:42:33.240761+02:00 [error] ${pid} node rabbit@b down: connection_closed`));
    const short = parseBytes(Buffer.from(banner + records));
    expect(short.map((e) => [e['log.level'], e['event.action']])).toEqual([
      [undefined, undefined],
      ['error', 'node_down'],
      ['error', 'node_down'],
      ['error', 'node_down'],
    ]);
    // Four full samples of lines no layout reads: the input is one of bare messages.
    const long = parseBytes(Buffer.from(banner.repeat(4 * 32) + records));
    expect(long.at(-1)).toMatchObject({ message: '2024-04-29 12:42:33.240761+02:00 [error] <0.3.0> node rabbit@b down: connection_closed' });
    expect(long.at(-1)!['log.level']).toBeUndefined();
  });

  it("gives a configured pattern without %d (a SyslogAppender's) the syslog line's time", () => {
    const [started] = parseText('Apr 29 12:42:33 b1 kafka[42]: INFO kafka.server.KafkaServer: [KafkaServer id=1] started\n', {
      format: 'kafka-log4j',
      pattern: '%p %c: %m%n',
    });
    expect(started).toMatchObject({ '@timestamp': '2026-04-29T12:42:33.000Z', 'log.level': 'info', 'event.action': 'broker_started' });
    expect(started!.tags).toBeUndefined();
  });

  it('keeps lines of an unknown layout that begin with a time alone `_parse_failure` (no bare messages outside syslog and journald)', () => {
    // Spring Boot's console layout: an RFC 3339 time, as `docker logs -t` would put it, then its own fields.
    const events = parseText(
      '2026-05-14T12:51:38.343Z  INFO 2537 --- [0-event-handler] o.a.kafka.controller.QuorumController    : [QuorumController id=0] Becoming the active controller at epoch 1, next write offset 1.\n',
    );
    expect(events.map((e) => e.tags)).toEqual([['_parse_failure']]);
  });

  it("dates a record no layout reads by its wrapper's stamp, still a `_parse_failure`", () => {
    const events = parseText(
      [
        '2024-10-31T11:54:23.631087000Z 2024-10-31 11:54:23.631087+00:00 [error] <0.1.0> x',
        '2024-10-31T11:54:25.000000000Z Kernel pid terminated (application_controller) ({application_start_failure,rabbit,{bad_return,x}})',
        '',
      ].join('\n'),
    );
    expect(events.at(-1)).toMatchObject({ '@timestamp': '2024-10-31T11:54:25.000Z', 'event.action': 'node_crashed', tags: ['_parse_failure'] });
  });
});

describe('InputParser', () => {
  it('builds the event from the record and the input context', () => {
    const original = '[2024-05-01 10:11:12,345] INFO [Partition t-0 broker=1] Shrinking ISR from 1,2,3 to 1,2 (kafka.cluster.Partition)';
    const [event] = parseText(`${original}\n`, {
      context: { host: 'b1', fileIdentity: 'dev:ino:abc', filePath: '/var/log/kafka/server.log', cluster: 'prod-eu', brokerId: '1', zone: 'prod' },
    });
    const message = '[Partition t-0 broker=1] Shrinking ISR from 1,2,3 to 1,2';
    // The action and its fields come from the Kafka event table, whatever it extracts.
    const classification = classify(KAFKA_EVENTS, message, 'kafka.cluster.Partition')!;
    expect(classification.action).toBe('isr_shrink');
    expect(event).toEqual({
      '@timestamp': '2024-05-01T10:11:12.345Z',
      message,
      'log.level': 'info',
      'log.logger': 'kafka.cluster.Partition',
      'log.file.path': '/var/log/kafka/server.log',
      'log.offset': 0,
      'event.id': eventId('b1', 'dev:ino:abc', 0),
      'event.original': original,
      'event.dataset': 'kafka.log',
      'event.action': 'isr_shrink',
      'service.type': 'kafka',
      'host.name': 'b1',
      'broker.cluster': 'prod-eu',
      'broker.id': '1',
      'broker.zone': 'prod',
      'kafka.log.component': 'Partition t-0 broker=1',
      ...classification.fields,
    });
    expect(Object.keys(event!).slice(0, 3)).toEqual(['@timestamp', 'message', 'log.level']);
  });

  it('uses a configured format instead of detecting one', () => {
    const text = '2019-04-03 11:13:15.076 [info] <0.1.0> hello\n';
    expect(parseText(text)[0]).toMatchObject({ 'rabbitmq.log.pid': '<0.1.0>', 'service.type': 'rabbitmq' });
    expect(parseText(text, { format: 'kafka-log4j' })[0]).toMatchObject({ 'service.type': 'kafka', tags: ['_parse_failure'], message: text.trimEnd() });
  });

  it('keeps lines of an unknown format as failures and detects the format once real records follow', () => {
    const garbage = Array.from({ length: 70 }, (_, i) => `garbage ${i}`).join('\n');
    const events = parseText(`${garbage}\n2019-04-03 11:13:15.076 [info] <0.1.0> hello\n`, { context: { service: 'rabbitmq' } });
    // The first 64 lines are a detection sample no layout reads: one failure each. Detection then
    // finds the format, and the garbage before its first record becomes one unreadable record.
    expect(events).toHaveLength(66);
    expect(events.slice(0, 64).every((e) => e.tags?.includes('_parse_failure') && e['event.dataset'] === 'rabbitmq.log')).toBe(true);
    expect(events[64]).toMatchObject({ message: Array.from({ length: 6 }, (_, i) => `garbage ${64 + i}`).join('\n'), tags: ['_parse_failure', 'multiline'] });
    expect(events[65]).toMatchObject({ message: 'hello', 'log.level': 'info' });
    expect(events.map((e) => e['log.offset'])).toEqual([...events.map((e) => e['log.offset'])].sort((a, b) => a! - b!));
  });

  it('emits held-back lines of a live input after the flush time, then detects on them', () => {
    const clock = new ManualClock(0);
    const events: BrokerEvent[] = [];
    const parser = new InputParser({ host: 'h', fileIdentity: 'f' }, { format: 'auto', timezone: 'UTC', flushAfterMs: 1000, maxRecordBytes: 1 << 20, clock }, { event: (e) => events.push(e) });
    parser.line('[2024-05-01 10:11:12,345] INFO one (a.B)', 0 as never, 40, false);
    clock.advance(999);
    parser.poll();
    expect(events).toHaveLength(0);
    clock.advance(1);
    parser.poll();
    expect(parser.format).toBe('kafka-log4j');
    clock.advance(1000);
    parser.poll();
    expect(events.map((e) => e.message)).toEqual(['one']);
  });

  it('rejects an unknown zone or an unusable pattern when built', () => {
    const options = { format: 'auto' as const, flushAfterMs: 1, maxRecordBytes: 1, clock: new ManualClock(0) };
    expect(() => new InputParser({ host: 'h', fileIdentity: 'f' }, { ...options, timezone: 'Nowhere/City' }, { event: () => undefined })).toThrow(ParseConfigError);
    expect(() => new InputParser({ host: 'h', fileIdentity: 'f' }, { ...options, timezone: 'UTC', format: 'kafka-log4j', pattern: '%d %p' }, { event: () => undefined })).toThrow(ParseConfigError);
  });
});
