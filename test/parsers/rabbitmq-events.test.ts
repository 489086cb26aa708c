import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../parsers/pattern.js';
import { RABBITMQ_EVENTS } from '../../parsers/rabbitmq/events.js';
import type { EventAction } from '../../src/core/index.js';
import { ACTIONS, EVENT_ACTIONS } from '../../src/core/index.js';
import { classify, eventRows } from '../../src/parse/index.js';
import { readFixtureRecords } from '../support/fixture-records.js';

const PUBLIC = join(import.meta.dirname, '..', 'fixtures', 'rabbitmq', 'public');

interface Expected {
  readonly action: EventAction;
  readonly fields: EventFields;
}

/**
 * Every labelled record of each public sample, by the line it starts on. Every other record of
 * the file must stay unlabelled: the consequences of an event, the steps of a partition handling,
 * Ra's other state transitions.
 */
const PUBLIC_SAMPLES: Record<string, Record<number, Expected>> = {
  '3.6-autoheal.log': {
    1: { action: 'network_partition', fields: { 'rabbitmq.peers': ['rabbit@ubuntu-c3'] } },
    4: {
      action: 'autoheal',
      fields: { 'rabbitmq.node.subject': 'rabbit@ubuntu-c3', 'rabbitmq.peers': ['rabbit@ubuntu-c2', 'rabbit@ubuntu-c1'] },
    },
    12: { action: 'node_down', fields: { 'rabbitmq.node.subject': 'rabbit@ubuntu-c3' } },
    18: { action: 'node_up', fields: { 'rabbitmq.node.subject': 'rabbit@ubuntu-c3' } },
  },
  '3.6-connection-closed-abruptly.log': {
    4: {
      action: 'connection_closed_abruptly',
      fields: { 'rabbitmq.connection': '10.233.77.108:54878 -> 10.233.81.213:5672', 'rabbitmq.vhost': '/' },
    },
  },
  // The first close is a client that stopped reading (`{writer,send_failed,...}`): not labelled.
  '3.6-inet-error.log': {
    5: { action: 'connection_closed_abruptly', fields: { 'rabbitmq.connection': '127.0.0.1:38632 -> 127.0.0.1:5672' } },
  },
  '3.6-memory-alarm.log': {
    3: { action: 'memory_alarm_set', fields: { 'rabbitmq.alarm.resource': 'memory', 'rabbitmq.node.subject': 'rabbit@ctl001' } },
    8: { action: 'memory_alarm_cleared', fields: { 'rabbitmq.alarm.resource': 'memory', 'rabbitmq.node.subject': 'rabbit@ctl001' } },
    12: { action: 'node_down', fields: { 'rabbitmq.node.subject': 'rabbit@ctl001' } },
    14: { action: 'node_down', fields: { 'rabbitmq.node.subject': 'rabbit@ctl001' } },
  },
  '3.6-mirror-promotion.log': {
    4: {
      action: 'mirror_promoted',
      fields: { 'rabbitmq.queue': 'pri_q2_1', 'rabbitmq.vhost': '/', 'rabbitmq.node.subject': 'rabbit@t-srv-rabbit06' },
    },
  },
  // A lager record inside docker-compose output: the message's second line has no lager prefix of its own.
  '3.8-compose-connection-closed.log': {
    5: {
      action: 'connection_closed_abruptly',
      fields: { 'rabbitmq.connection': '172.20.0.1:59916 -> 172.20.0.3:5672', 'rabbitmq.vhost': 'taiga' },
    },
  },
  // Two abrupt closes; the third connection closed properly (info, one line) and stays ordinary.
  '3.9plus-connection-closed-tls.log': {
    1: {
      action: 'connection_closed_abruptly',
      fields: { 'rabbitmq.connection': '10.135.45.51:53066 -> 10.61.253.65:5671', 'rabbitmq.vhost': '/iap' },
    },
    3: {
      action: 'connection_closed_abruptly',
      fields: { 'rabbitmq.connection': '10.135.45.51:53076 -> 10.61.253.65:5671', 'rabbitmq.vhost': '/iap' },
    },
  },
  // MQTT's keepalive is its heartbeat; the poster masked the addresses.
  '3.7-3.8-mqtt-keepalive-timeout.log': {
    2: { action: 'heartbeat_timeout', fields: { 'rabbitmq.connection': 'xx.xx.xx.xx:54254 -> xx.xx.xx.xx:1883' } },
    3: { action: 'heartbeat_timeout', fields: { 'rabbitmq.connection': 'xx.xx.xx.xx:35659 -> xx.xx.xx.xx:1883' } },
  },
  '3.9plus-web-mqtt-keepalive-timeout.log': {
    2: { action: 'heartbeat_timeout', fields: { 'rabbitmq.connection': '172.17.0.1:55698 -> 172.17.0.2:15675' } },
  },
  '3.8-stern-disk-alarm.log': {
    2: {
      action: 'disk_alarm_set',
      fields: { 'rabbitmq.alarm.resource': 'disk', 'rabbitmq.node.subject': 'rabbit@rabbitmq-1.rabbitmq-headless.mhill.svc.cluster.local' },
    },
  },
  '3.7-disk-alarm.log': {
    1: { action: 'disk_alarm_set', fields: { 'rabbitmq.alarm.resource': 'disk', 'rabbitmq.node.subject': 'rabbit@localhost' } },
  },
  '3.7-heartbeat-timeout.log': {
    1: { action: 'heartbeat_timeout', fields: { 'rabbitmq.connection': '127.0.0.1:54720 -> 127.0.0.1:5672' } },
  },
  // The VM's own lines follow a lager record without a prefix of their own, so they join it.
  '3.7-kernel-pid-terminated.log': { 2: { action: 'node_crashed', fields: {} } },
  '3.7.8-partial-partition.log': {
    2: { action: 'node_down', fields: { 'rabbitmq.node.subject': 'rabbit@rmq1' } },
    3: { action: 'network_partition', fields: { 'rabbitmq.peers': ['rabbit@rmq1'] } },
    5: { action: 'node_down', fields: { 'rabbitmq.node.subject': 'rabbit@rmq1' } },
    6: { action: 'node_up', fields: { 'rabbitmq.node.subject': 'rabbit@rmq1' } },
    7: { action: 'partial_partition', fields: { 'rabbitmq.peers': ['rabbit@rmq1'] } },
  },
  '3.7.21-partition-autoheal.log': {
    1: { action: 'node_down', fields: { 'rabbitmq.node.subject': 'rabbit@node3' } },
    2: { action: 'node_up', fields: { 'rabbitmq.node.subject': 'rabbit@node3' } },
    6: { action: 'partial_partition', fields: { 'rabbitmq.peers': ['rabbit@master1'] } },
    7: { action: 'node_down', fields: { 'rabbitmq.node.subject': 'rabbit@master1' } },
  },
  '3.8-node-up-down.log': {
    1: { action: 'node_up', fields: { 'rabbitmq.node.subject': 'rabbit@rabbitmq-server-1.rabbitmq-nodes.foo-rabbitmq-cluster' } },
    2: { action: 'node_up', fields: { 'rabbitmq.node.subject': 'rabbit@rabbitmq-server-1.rabbitmq-nodes.foo-rabbitmq-cluster' } },
    4: { action: 'node_down', fields: { 'rabbitmq.node.subject': 'rabbit@rabbitmq-server-1.rabbitmq-nodes.foo-rabbitmq-cluster' } },
  },
  '3.9-node-stopped.log': { 1: { action: 'node_stopped', fields: {} } },
  '3.8-sigterm-stop.log': { 1: { action: 'node_started', fields: {} }, 3: { action: 'node_stopped', fields: {} } },
  // The term form `{"Kernel pid terminated",...}` printed before the plain line is not labelled.
  '3.8-kernel-pid-console.log': { 2: { action: 'node_crashed', fields: {} } },
  '3.x-init-terminating-do-boot.log': { 2: { action: 'node_crashed', fields: {} } },
  '3.13-compose-runtime-terminating.log': { 1: { action: 'node_crashed', fields: {} } },
  // journalctl: the VM's own assertion, then os_mon's ports closing (as on every stop) and systemd's lines.
  '3.x-journald-vm-assertion.log': { 2: { action: 'node_crashed', fields: {} } },
  '3.9plus-peer-discovery-join.log': { 7: { action: 'cluster_join', fields: { 'rabbitmq.peers': ['rabbit@<rabbit0>'] } } },
  // nami's own error line carries the VM's words inside its message: only the repeated line is labelled.
  '3.7-bitnami-nami-kernel-pid.log': { 11: { action: 'node_crashed', fields: {} } },
  // The logged report is labelled; its console copy (unprefixed, on stderr) is not.
  '3.12-k8s-boot-failed.log': { 5: { action: 'node_crashed', fields: {} } },
  // Windows nodes stamp to the millisecond: two records of one Ra server in the same millisecond
  // share their prefix (lines 1 and 2), each read on its own.
  '3.13-windows-same-millisecond.log': {
    2: { action: 'queue_leader_changed', fields: { 'rabbitmq.queue': '5BF.ProcessCalculations', 'rabbitmq.vhost': '/', 'rabbitmq.node.subject': 'rabbit@5BFVPMC02' } },
    3: { action: 'node_up', fields: { 'rabbitmq.node.subject': 'rabbit@EPCVMSG01' } },
    6: { action: 'queue_leader_changed', fields: { 'rabbitmq.queue': '5BF.CastScheduler.OT', 'rabbitmq.vhost': '/', 'rabbitmq.node.subject': 'rabbit@EPCVMSG01' } },
    7: { action: 'queue_leader_changed', fields: { 'rabbitmq.queue': '5BF.PAMTransfers', 'rabbitmq.vhost': '/', 'rabbitmq.node.subject': 'rabbit@EPCVMSG01' } },
  },
  // A crash report's tail inside stern and kail output.
  '3.10-stern.log': {},
  '3.9-kail.log': {},
  // 3.8.4-3.8.x: each line of the report is a record of its own.
  '3.8-boot-failed.log': { 4: { action: 'node_crashed', fields: {} } },
  '3.8-bitnami-banner-glued.log': {},
  '3.9plus-mirror-promotion.log': {
    1: {
      action: 'mirror_promoted',
      fields: {
        'rabbitmq.queue': 'test.crash.dummy.0007',
        'rabbitmq.vhost': '1e14f0f5-99d6-4ba3-9058-8a9a07ea1485',
        'rabbitmq.node.subject': 'rabbit@420b7edb923ef801e2d4749f65062fde',
      },
    },
  },
  '3.9plus-quorum-leader.log': Object.fromEntries(
    (
      [
        [2, '5BF.BurdenRecipe.OT'],
        [3, '5BF.CastingGUI.OT'],
        [4, '5BF.TrendTransfers.IT'],
        [6, '5BF.CastToLevel2'],
        [7, '5BF.EventViewer.OT'],
      ] as const
    ).map(([line, queue]) => [
      line,
      {
        action: 'queue_leader_changed',
        fields: { 'rabbitmq.queue': queue, 'rabbitmq.vhost': '/', 'rabbitmq.node.subject': 'rabbit@EPCVMSG02' },
      },
    ]),
  ),
  // Ra's transitions other than to leader (recover, recovered, follower) announce nothing.
  '3.13-khepri-transitions.log': {},
  // The message alone, as quoted: no layout reads it, so the product looks only for the VM's last
  // words there and labels nothing. Its wording is checked below, as a message.
  '4.x-quorum-leader-message.log': {},
  // 3.11.8, a clock of millisecond resolution: the two closes are labelled, the accept and the
  // authentication between them are not.
  '3.11-heartbeat-and-abrupt-close.log': {
    1: {
      action: 'connection_closed_abruptly',
      fields: { 'rabbitmq.connection': '10.40.1.240:55748 -> 172.20.178.47:47490', 'rabbitmq.vhost': '/' },
    },
    5: { action: 'heartbeat_timeout', fields: { 'rabbitmq.connection': '10.40.1.240:45558 -> 172.20.178.47:47490' } },
  },
  // The excerpt cuts across two records (pids <0.1068.0> and <0.1086.0>): the tail of one close and
  // the head of the next. Neither names both the connection and the reason, so neither is labelled.
  '3.9-compose-split-connection-records.log': {},
  '3.7-memory-alarm-watermark-zero.log': {
    3: { action: 'memory_alarm_set', fields: { 'rabbitmq.alarm.resource': 'memory', 'rabbitmq.node.subject': 'rabbit@63e2dc61db9f' } },
  },
  // 4.0's console after a failed boot: the runtime's exception term on stderr is cut by a logger
  // record on stdout (`{applica2024-12-16 ... Application rabbit exited ...`), so no line starts a
  // record and every line is a `_parse_failure`; the VM's last words are labelled all the same.
  '4.0-docker-boot-failed-glued.log': { 7: { action: 'node_crashed', fields: {} } },
};

function labelled(path: string): Record<number, Expected> {
  const labels: Record<number, Expected> = {};
  for (const record of readFixtureRecords(path)) {
    const framed = record.event.tags?.includes('_parse_failure') !== true;
    const found = classify(eventRows('rabbitmq', framed), record.message);
    expect(record.event['event.action'], `line ${record.line}`).toBe(found?.action);
    if (found !== undefined) labels[record.line] = { action: found.action, fields: found.fields };
  }
  return labels;
}

describe('RABBITMQ_EVENTS on public samples of real logs', () => {
  it('has an expectation for every sample file', () => {
    const files = readdirSync(PUBLIC).filter((name) => name.endsWith('.log'));
    expect(files.sort()).toEqual(Object.keys(PUBLIC_SAMPLES).sort());
  });

  for (const [file, expected] of Object.entries(PUBLIC_SAMPLES)) {
    it(`labels exactly the event records of ${file}`, () => {
      expect(labelled(join(PUBLIC, file))).toEqual(expected);
    });
  }

  it('labels the 4.x leader message quoted without its prefix, read as a message', () => {
    const message = readFileSync(join(PUBLIC, '4.x-quorum-leader-message.log'), 'utf8').trimEnd();
    expect(classify(RABBITMQ_EVENTS, message)).toEqual({
      action: 'queue_leader_changed',
      fields: { 'rabbitmq.queue': 'x', 'rabbitmq.vhost': '/' },
    });
  });
});

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rabbitmq');

const down = (node: string): Expected => ({ action: 'node_down', fields: { 'rabbitmq.node.subject': node } });
const up = (node: string): Expected => ({ action: 'node_up', fields: { 'rabbitmq.node.subject': node } });
const partition = (peer: string): Expected => ({ action: 'network_partition', fields: { 'rabbitmq.peers': [peer] } });
/** A follower's `detected a new leader` of a quorum queue in vhost `/`. */
const leader = (queue: string, node: string): Expected => ({
  action: 'queue_leader_changed',
  fields: { 'rabbitmq.queue': queue, 'rabbitmq.vhost': '/', 'rabbitmq.node.subject': node },
});
const alarm = (action: EventAction, node: string): Expected => ({
  action,
  fields: { 'rabbitmq.alarm.resource': action.startsWith('memory') ? 'memory' : 'disk', 'rabbitmq.node.subject': node },
});

/**
 * The RabbitMQ samples of test/fixtures/public (kept there for their layouts and wrappers, see its
 * README), labelled as the ones above. `rabbitmq-3.13-docker-t.log` keeps the blank lines the page
 * put between its lines, which split its records: test/parse/input.test.ts reads it without them
 * and pins its heartbeat timeout.
 */
const LAYOUT_SAMPLES_DIR = join(import.meta.dirname, '..', 'fixtures', 'public');
const LAYOUT_SAMPLES: Record<string, Record<number, Expected>> = {
  // Erlang's `** Node N not responding **` reports stay ordinary; `rabbit on node N down` is the event.
  'rabbitmq-3.11-journald.log': { 7: { action: 'node_down', fields: { 'rabbitmq.node.subject': 'rabbit@node01' } } },
  // Refused logins (`PLAIN login refused`) are no taxonomy action.
  'rabbitmq-3.12-docker-desktop.log': {},
  'rabbitmq-3.12-logger-partition.log': {
    1: { action: 'partial_partition', fields: { 'rabbitmq.peers': ['rabbit@host-309'] } },
    2: { action: 'network_partition', fields: { 'rabbitmq.peers': ['rabbit@host-309'] } },
  },
  'rabbitmq-3.13-docker-banner.log': {},
  // Erlang/OTP's alarm_handler reports os_mon's thresholds (disksup's `disk_almost_full`, memsup's
  // `system_memory_high_watermark`) before RabbitMQ's logger starts. rabbit_alarm is a gen_event of
  // its own that never receives them: they are not RabbitMQ's resource alarms and block nothing.
  'rabbitmq-3.13-docker-boot.log': {},
  'rabbitmq-3.13-docker-desktop-banner.log': {},
  'rabbitmq-3.6-compose-banner.log': {},
  'rabbitmq-3.6-report-blank-lines.log': {},
  'rabbitmq-3.6-report.log': {
    3: alarm('memory_alarm_set', 'rabbit@ctl001'),
    8: alarm('memory_alarm_cleared', 'rabbit@ctl001'),
    12: down('rabbit@ctl001'),
    14: down('rabbit@ctl001'),
  },
  // `Received a 'DOWN' message from N but still can communicate with it` is the check that may lead
  // to a partial partition, not one: the `Partial partition disconnect` after it is labelled.
  'rabbitmq-3.7-lager-autoheal.log': {
    2: down('rabbit@node3'),
    3: up('rabbit@node3'),
    7: { action: 'partial_partition', fields: { 'rabbitmq.peers': ['rabbit@master1'] } },
    8: down('rabbit@master1'),
  },
  'rabbitmq-3.7-lager-crash.log': {},
  'rabbitmq-3.7-lager-partition.log': {
    2: down('rabbit@rmq1'),
    3: partition('rabbit@rmq1'),
    5: down('rabbit@rmq1'),
    6: up('rabbit@rmq1'),
    7: { action: 'partial_partition', fields: { 'rabbitmq.peers': ['rabbit@rmq1'] } },
  },
};

describe('RABBITMQ_EVENTS on the RabbitMQ samples of test/fixtures/public', () => {
  it('has an expectation for every RabbitMQ sample file there', () => {
    const files = readdirSync(LAYOUT_SAMPLES_DIR).filter((name) => name.startsWith('rabbitmq-') && name.endsWith('.log'));
    expect(files.filter((name) => name !== 'rabbitmq-3.13-docker-t.log').sort()).toEqual(Object.keys(LAYOUT_SAMPLES).sort());
  });

  for (const [file, expected] of Object.entries(LAYOUT_SAMPLES)) {
    it(`labels exactly the event records of ${file}`, () => {
      expect(labelled(join(LAYOUT_SAMPLES_DIR, file))).toEqual(expected);
    });
  }
});

/**
 * Every labelled record of the drills' captures (RabbitMQ 3.8.9, 3.10.8, 4.0.5 and 4.3.6 from
 * Debian's packages, see each PROVENANCE), by the line it starts on; every other record must stay
 * unlabelled.
 */
const DRILL_CAPTURES: Record<string, Record<number, Expected>> = {
  '3.8.9-alarms/r1.log': {
    3: alarm('memory_alarm_set', 'r1-1000@vm'),
    10: alarm('memory_alarm_cleared', 'r1-1000@vm'),
    14: alarm('disk_alarm_set', 'r1-1000@vm'),
    21: alarm('disk_alarm_cleared', 'r1-1000@vm'),
  },
  '3.8.9-alarms/r2.log': {
    1: alarm('memory_alarm_set', 'r1-1000@vm'),
    6: alarm('memory_alarm_cleared', 'r1-1000@vm'),
    8: alarm('disk_alarm_set', 'r1-1000@vm'),
    13: alarm('disk_alarm_cleared', 'r1-1000@vm'),
  },
  '3.8.9-alarms/r3.log': {
    1: { action: 'node_started', fields: {} },
    3: alarm('memory_alarm_set', 'r1-1000@vm'),
    8: alarm('memory_alarm_cleared', 'r1-1000@vm'),
    10: alarm('disk_alarm_set', 'r1-1000@vm'),
    15: alarm('disk_alarm_cleared', 'r1-1000@vm'),
  },
  '3.8.9-node-crash/r1.log': {
    1: down('r3-1000@vm'),
    3: down('r3-1000@vm'),
    4: up('r3-1000@vm'),
    5: up('r3-1000@vm'),
  },
  '3.8.9-node-crash/r2.log': {
    1: down('r3-1000@vm'),
    3: down('r3-1000@vm'),
    4: up('r3-1000@vm'),
    5: up('r3-1000@vm'),
  },
  '3.8.9-node-crash/r3.log': {
    108: up('r1-1000@vm'),
    110: up('r2-1000@vm'),
    114: { action: 'node_started', fields: {} },
  },
  '3.8.9-node-restart/r1.log': {
    1: down('r2-1000@vm'),
    3: down('r2-1000@vm'),
    4: up('r2-1000@vm'),
    5: up('r2-1000@vm'),
  },
  '3.8.9-node-restart/r2.log': {
    37: { action: 'node_stopped', fields: {} },
    170: up('r1-1000@vm'),
    171: up('r3-1000@vm'),
    175: { action: 'node_started', fields: {} },
  },
  '3.8.9-node-restart/r3.log': {
    1: { action: 'node_started', fields: {} },
    3: down('r2-1000@vm'),
    5: down('r2-1000@vm'),
    6: up('r2-1000@vm'),
    7: up('r2-1000@vm'),
  },
  '3.8.9-partition-autoheal/r1.log': {
    1: up('r3-1000@vm'),
    4: down('r3-1000@vm'),
    6: down('r3-1000@vm'),
    8: partition('r3-1000@vm'),
    9: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r3-1000@vm', 'rabbitmq.peers': ['r2-1000@vm'] } },
    13: up('r3-1000@vm'),
    17: down('r2-1000@vm'),
    19: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r3-1000@vm' } },
    20: partition('r3-1000@vm'),
    21: up('r2-1000@vm'),
    24: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r2-1000@vm', 'rabbitmq.peers': ['r3-1000@vm'] } },
    29: down('r3-1000@vm'),
    31: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r2-1000@vm' } },
    32: up('r3-1000@vm'),
    35: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r2-1000@vm', 'rabbitmq.peers': ['r3-1000@vm'] } },
  },
  '3.8.9-partition-autoheal/r2.log': {
    1: up('r3-1000@vm'),
    4: down('r3-1000@vm'),
    6: down('r3-1000@vm'),
    7: up('r3-1000@vm'),
    10: down('r3-1000@vm'),
    11: up('r3-1000@vm'),
    12: partition('r3-1000@vm'),
    14: partition('r3-1000@vm'),
    16: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r3-1000@vm' } },
    52: { action: 'node_stopped', fields: {} },
    69: partition('r3-1000@vm'),
    172: up('r3-1000@vm'),
    176: up('r1-1000@vm'),
    177: { action: 'autoheal', fields: { 'rabbitmq.peers': ['r3-1000@vm'] } },
    178: down('r3-1000@vm'),
    184: { action: 'node_started', fields: {} },
    186: up('r3-1000@vm'),
    187: { action: 'autoheal', fields: { 'rabbitmq.peers': ['r3-1000@vm'] } },
  },
  '3.8.9-partition-autoheal/r3.log': {
    121: up('r1-1000@vm'),
    122: up('r2-1000@vm'),
    126: { action: 'node_started', fields: {} },
    128: down('r2-1000@vm'),
    129: partition('r2-1000@vm'),
    131: partition('r1-1000@vm'),
    132: down('r2-1000@vm'),
    133: down('r1-1000@vm'),
    135: down('r1-1000@vm'),
    136: up('r2-1000@vm'),
    137: down('r2-1000@vm'),
    138: up('r2-1000@vm'),
    140: up('r1-1000@vm'),
    142: { action: 'autoheal', fields: { 'rabbitmq.peers': ['r2-1000@vm'] } },
    143: down('r2-1000@vm'),
    146: partition('r1-1000@vm'),
    147: up('r2-1000@vm'),
    149: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r2-1000@vm' } },
    186: { action: 'node_stopped', fields: {} },
    300: up('r1-1000@vm'),
    304: up('r2-1000@vm'),
    308: { action: 'node_started', fields: {} },
  },
  '3.8.9-partition-ignore/r1.log': {
    1: up('r3-1000@vm'),
    4: down('r3-1000@vm'),
    6: down('r3-1000@vm'),
    7: up('r3-1000@vm'),
    10: down('r3-1000@vm'),
    11: up('r3-1000@vm'),
    12: partition('r3-1000@vm'),
    13: partition('r3-1000@vm'),
  },
  '3.8.9-partition-ignore/r2.log': {
    1: up('r3-1000@vm'),
    4: down('r3-1000@vm'),
    6: down('r3-1000@vm'),
    9: up('r3-1000@vm'),
    10: down('r3-1000@vm'),
    11: up('r3-1000@vm'),
    12: partition('r3-1000@vm'),
    13: partition('r3-1000@vm'),
  },
  '3.8.9-partition-ignore/r3.log': {
    117: up('r1-1000@vm'),
    121: up('r2-1000@vm'),
    125: { action: 'node_started', fields: {} },
    127: down('r1-1000@vm'),
    129: down('r1-1000@vm'),
    130: down('r2-1000@vm'),
    131: partition('r1-1000@vm'),
    133: down('r2-1000@vm'),
    134: up('r2-1000@vm'),
    135: up('r1-1000@vm'),
    136: down('r1-1000@vm'),
    137: down('r2-1000@vm'),
    138: up('r1-1000@vm'),
    139: up('r2-1000@vm'),
    140: partition('r2-1000@vm'),
  },
  '3.8.9-partition-pause_minority/r1.log': {
    3: down('r3-1000@vm'),
    5: down('r3-1000@vm'),
    6: up('r3-1000@vm'),
    7: partition('r3-1000@vm'),
    8: down('r3-1000@vm'),
    10: up('r3-1000@vm'),
  },
  '3.8.9-partition-pause_minority/r2.log': {
    3: down('r3-1000@vm'),
    5: down('r3-1000@vm'),
    6: up('r3-1000@vm'),
    7: up('r3-1000@vm'),
  },
  '3.8.9-partition-pause_minority/r3.log': {
    4: { action: 'node_started', fields: {} },
    6: down('r1-1000@vm'),
    7: partition('r1-1000@vm'),
    9: down('r1-1000@vm'),
    10: { action: 'pause_minority', fields: {} },
    11: down('r2-1000@vm'),
    14: down('r2-1000@vm'),
    15: up('r1-1000@vm'),
    51: { action: 'node_stopped', fields: {} },
    67: partition('r1-1000@vm'),
    68: partition('r2-1000@vm'),
    167: up('r1-1000@vm'),
    171: up('r2-1000@vm'),
    175: { action: 'node_started', fields: {} },
  },
  '3.8.9-queues/r1.log': {
    2: down('r3-1000@vm'),
    4: down('r3-1000@vm'),
    5: up('r3-1000@vm'),
    6: up('r3-1000@vm'),
    24: { action: 'connection_closed_abruptly', fields: { 'rabbitmq.connection': '127.0.0.1:57912 -> 127.0.0.1:16701', 'rabbitmq.vhost': '/' } },
    28: { action: 'heartbeat_timeout', fields: { 'rabbitmq.connection': '127.0.0.1:57928 -> 127.0.0.1:16701' } },
    67: { action: 'node_stopped', fields: {} },
  },
  '3.8.9-queues/r2.log': {
    1: down('r3-1000@vm'),
    3: down('r3-1000@vm'),
    4: up('r3-1000@vm'),
    5: up('r3-1000@vm'),
    9: down('r1-1000@vm'),
    12: down('r1-1000@vm'),
    // Ra's follower names the stopped r1 as term 2's leader, then r3: both as logged.
    18: leader('bw-qq', 'r1-1000@vm'),
    19: leader('bw-qq', 'r3-1000@vm'),
    20: { action: 'cluster_leave', fields: { 'rabbitmq.node.subject': 'r1-1000@vm' } },
  },
  '3.8.9-queues/r3.log': {
    37: { action: 'node_stopped', fields: {} },
    70: { action: 'cluster_join', fields: { 'rabbitmq.peers': ['r2-1000@vm', 'r1-1000@vm'] } },
    209: up('r1-1000@vm'),
    210: up('r2-1000@vm'),
    214: { action: 'node_started', fields: {} },
    218: down('r1-1000@vm'),
    221: down('r1-1000@vm'),
    224: { action: 'queue_leader_changed', fields: { 'rabbitmq.queue': 'bw-qq', 'rabbitmq.vhost': '/' } },
    226: { action: 'mirror_promoted', fields: { 'rabbitmq.queue': 'bw-cmq', 'rabbitmq.vhost': '/', 'rabbitmq.node.subject': 'r3-1000@vm' } },
  },
  '3.10.8-alarms/r1.log': {
    3: alarm('memory_alarm_set', 'r1@vm'),
    11: alarm('memory_alarm_cleared', 'r1@vm'),
    15: alarm('disk_alarm_set', 'r1@vm'),
    23: alarm('disk_alarm_cleared', 'r1@vm'),
  },
  '3.10.8-alarms/r2.log': {
    1: alarm('memory_alarm_set', 'r1@vm'),
    7: alarm('memory_alarm_cleared', 'r1@vm'),
    9: alarm('disk_alarm_set', 'r1@vm'),
    15: alarm('disk_alarm_cleared', 'r1@vm'),
  },
  '3.10.8-alarms/r3.log': {
    1: alarm('memory_alarm_set', 'r1@vm'),
    7: alarm('memory_alarm_cleared', 'r1@vm'),
    9: alarm('disk_alarm_set', 'r1@vm'),
    15: alarm('disk_alarm_cleared', 'r1@vm'),
  },
  // r3 killed (SIGKILL) 0.6 s into the capture (which begins in the second of its boot), back 90 s later.
  '3.10.8-node-crash/r1.log': { 1: up('r3@vm'), 2: down('r3@vm'), 4: down('r3@vm'), 5: up('r3@vm'), 6: up('r3@vm') },
  '3.10.8-node-crash/r2.log': { 1: up('r3@vm'), 2: down('r3@vm'), 4: down('r3@vm'), 5: up('r3@vm'), 6: up('r3@vm') },
  '3.10.8-node-crash/r3.log': {
    111: up('r1@vm'),
    113: up('r2@vm'),
    114: { action: 'node_started', fields: {} },
    245: up('r1@vm'),
    247: up('r2@vm'),
    248: { action: 'node_started', fields: {} },
  },
  '3.10.8-node-restart/r1.log': {
    1: down('r2@vm'),
    3: down('r2@vm'),
    4: up('r2@vm'),
    5: up('r2@vm'),
  },
  '3.10.8-node-restart/r2.log': {
    35: { action: 'node_stopped', fields: {} },
    190: up('r1@vm'),
    194: up('r3@vm'),
    195: { action: 'node_started', fields: {} },
  },
  '3.10.8-node-restart/r3.log': {
    1: down('r2@vm'),
    3: down('r2@vm'),
    4: up('r2@vm'),
    5: up('r2@vm'),
  },
  '3.10.8-partition-autoheal/r1.log': {
    4: down('r3@vm'),
    6: down('r3@vm'),
    10: up('r3@vm'),
    11: down('r3@vm'),
    13: partition('r3@vm'),
    15: partition('r3@vm'),
    17: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r3@vm', 'rabbitmq.peers': ['r2@vm'] } },
    21: up('r3@vm'),
    25: down('r2@vm'),
    27: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r3@vm' } },
    28: partition('r3@vm'),
  },
  '3.10.8-partition-autoheal/r2.log': {
    4: down('r3@vm'),
    6: down('r3@vm'),
    10: up('r3@vm'),
    11: down('r3@vm'),
    12: up('r3@vm'),
    13: partition('r3@vm'),
    15: partition('r3@vm'),
    19: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r3@vm' } },
    54: { action: 'node_stopped', fields: {} },
    60: partition('r3@vm'),
  },
  '3.10.8-partition-autoheal/r3.log': {
    1: down('r2@vm'),
    2: partition('r2@vm'),
    5: down('r2@vm'),
    6: down('r1@vm'),
    7: partition('r1@vm'),
    10: down('r1@vm'),
    11: up('r2@vm'),
    12: down('r2@vm'),
    13: up('r1@vm'),
    14: down('r1@vm'),
    15: up('r2@vm'),
    17: up('r1@vm'),
    19: { action: 'autoheal', fields: { 'rabbitmq.peers': ['r2@vm'] } },
    20: down('r2@vm'),
    23: partition('r1@vm'),
  },
  // The same drill in a run whose loser (r3) booted again: `rabbit on node r3@vm up`, `Server startup complete`.
  '3.10.8-partition-autoheal-healed/r1.log': {
    4: down('r3@vm'),
    6: down('r3@vm'),
    10: up('r3@vm'),
    11: down('r3@vm'),
    12: up('r3@vm'),
    13: partition('r3@vm'),
    15: partition('r3@vm'),
    23: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r2@vm', 'rabbitmq.peers': ['r3@vm'] } },
    31: down('r3@vm'),
    33: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r2@vm' } },
    34: up('r3@vm'),
  },
  '3.10.8-partition-autoheal-healed/r2.log': {
    4: down('r3@vm'),
    6: down('r3@vm'),
    7: up('r3@vm'),
    11: down('r3@vm'),
    12: up('r3@vm'),
    13: partition('r3@vm'),
    15: partition('r3@vm'),
    19: { action: 'autoheal', fields: { 'rabbitmq.peers': ['r3@vm'] } },
    20: down('r3@vm'),
    23: up('r3@vm'),
  },
  '3.10.8-partition-autoheal-healed/r3.log': {
    1: down('r1@vm'),
    2: partition('r1@vm'),
    5: down('r2@vm'),
    6: partition('r2@vm'),
    9: down('r2@vm'),
    10: down('r1@vm'),
    11: up('r1@vm'),
    12: down('r1@vm'),
    13: up('r1@vm'),
    15: up('r2@vm'),
    16: down('r2@vm'),
    17: up('r2@vm'),
    19: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r2@vm' } },
    54: { action: 'node_stopped', fields: {} },
    60: partition('r1@vm'),
    62: partition('r2@vm'),
    190: up('r1@vm'),
    192: up('r2@vm'),
    193: { action: 'node_started', fields: {} },
  },
  '3.10.8-partition-ignore/r1.log': {
    4: down('r3@vm'),
    6: down('r3@vm'),
    10: up('r3@vm'),
    11: down('r3@vm'),
    12: up('r3@vm'),
    13: partition('r3@vm'),
    15: partition('r3@vm'),
  },
  '3.10.8-partition-ignore/r2.log': {
    4: down('r3@vm'),
    6: down('r3@vm'),
    10: up('r3@vm'),
    11: down('r3@vm'),
    12: up('r3@vm'),
    13: partition('r3@vm'),
    15: partition('r3@vm'),
  },
  '3.10.8-partition-ignore/r3.log': {
    1: down('r2@vm'),
    3: down('r2@vm'),
    4: down('r1@vm'),
    5: partition('r2@vm'),
    8: down('r1@vm'),
    9: up('r2@vm'),
    10: down('r2@vm'),
    11: up('r2@vm'),
    12: up('r1@vm'),
    13: down('r1@vm'),
    14: up('r1@vm'),
    15: partition('r1@vm'),
  },
  '3.10.8-partition-pause_minority/r1.log': {
    4: down('r3@vm'),
    6: down('r3@vm'),
    7: up('r3@vm'),
    8: up('r3@vm'),
  },
  '3.10.8-partition-pause_minority/r2.log': {
    4: down('r3@vm'),
    6: down('r3@vm'),
    7: up('r3@vm'),
    8: up('r3@vm'),
  },
  '3.10.8-partition-pause_minority/r3.log': {
    1: down('r2@vm'),
    3: down('r2@vm'),
    4: { action: 'pause_minority', fields: {} },
    6: down('r1@vm'),
    8: down('r1@vm'),
    9: { action: 'pause_minority', fields: {} },
    43: { action: 'node_stopped', fields: {} },
    49: partition('r1@vm'),
    51: partition('r2@vm'),
    177: up('r1@vm'),
    181: up('r2@vm'),
    182: { action: 'node_started', fields: {} },
  },

  '3.10.8-queues/r1.log': {
    1: down('r3-100@vm'),
    3: down('r3-100@vm'),
    4: up('r3-100@vm'),
    5: up('r3-100@vm'),
    // Line 8: bw-qq's first leader, elected when it was declared (term 1): not a change.
    23: {
      action: 'connection_closed_abruptly',
      fields: { 'rabbitmq.connection': '127.0.0.1:49002 -> 127.0.0.1:15801', 'rabbitmq.vhost': '/' },
    },
    27: { action: 'heartbeat_timeout', fields: { 'rabbitmq.connection': '127.0.0.1:40634 -> 127.0.0.1:15801' } },
    63: { action: 'node_stopped', fields: {} },
  },
  '3.10.8-queues/r2.log': {
    1: down('r3-100@vm'),
    3: down('r3-100@vm'),
    4: up('r3-100@vm'),
    5: up('r3-100@vm'),
    9: down('r1-100@vm'),
    13: down('r1-100@vm'),
    14: leader('bw-qq', 'r3-100@vm'),
    15: { action: 'cluster_leave', fields: { 'rabbitmq.node.subject': 'r1-100@vm' } },
  },
  '3.10.8-queues/r3.log': {
    35: { action: 'node_stopped', fields: {} },
    59: { action: 'cluster_join', fields: { 'rabbitmq.peers': ['r2-100@vm', 'r1-100@vm'] } },
    217: up('r1-100@vm'),
    220: up('r2-100@vm'),
    221: { action: 'node_started', fields: {} },
    224: down('r1-100@vm'),
    227: down('r1-100@vm'),
    228: { action: 'queue_leader_changed', fields: { 'rabbitmq.queue': 'bw-qq', 'rabbitmq.vhost': '/' } },
    230: {
      action: 'mirror_promoted',
      fields: { 'rabbitmq.queue': 'bw-cmq', 'rabbitmq.vhost': '/', 'rabbitmq.node.subject': 'r3-100@vm' },
    },
  },
  '4.0.5-alarms/r1.log': {
    3: alarm('memory_alarm_set', 'r1@vm'),
    11: alarm('memory_alarm_cleared', 'r1@vm'),
    15: alarm('disk_alarm_set', 'r1@vm'),
    23: alarm('disk_alarm_cleared', 'r1@vm'),
  },
  '4.0.5-alarms/r2.log': {
    1: alarm('memory_alarm_set', 'r1@vm'),
    7: alarm('memory_alarm_cleared', 'r1@vm'),
    9: alarm('disk_alarm_set', 'r1@vm'),
    15: alarm('disk_alarm_cleared', 'r1@vm'),
  },
  '4.0.5-alarms/r3.log': {
    1: alarm('memory_alarm_set', 'r1@vm'),
    7: alarm('memory_alarm_cleared', 'r1@vm'),
    9: alarm('disk_alarm_set', 'r1@vm'),
    15: alarm('disk_alarm_cleared', 'r1@vm'),
  },
  '4.0.5-node-crash/r1.log': {
    1: up('r3@vm'),
    2: down('r3@vm'),
    3: down('r3@vm'),
    4: up('r3@vm'),
    5: up('r3@vm'),
  },
  '4.0.5-node-crash/r2.log': {
    1: up('r3@vm'),
    2: down('r3@vm'),
    3: down('r3@vm'),
    4: up('r3@vm'),
    5: up('r3@vm'),
  },
  '4.0.5-node-crash/r3.log': {
    47: up('r2@vm'),
    49: up('r1@vm'),
    50: { action: 'node_started', fields: {} },
    67: { action: 'metadata_store_leader_changed', fields: {} },
    179: up('r2@vm'),
    181: up('r1@vm'),
    184: { action: 'node_started', fields: {} },
  },
  '4.0.5-node-restart/r1.log': {
    1: up('r3@vm'),
    2: down('r2@vm'),
    3: down('r2@vm'),
    4: up('r2@vm'),
    5: up('r2@vm'),
  },
  // 4.0 runs the Khepri store (unused while khepri_db is off) beside Mnesia: its Ra leader moves too.
  '4.0.5-node-restart/r2.log': {
    1: up('r3@vm'),
    39: { action: 'node_stopped', fields: {} },
    87: { action: 'metadata_store_leader_changed', fields: {} },
    196: up('r3@vm'),
    200: up('r1@vm'),
    203: { action: 'node_started', fields: {} },
  },
  '4.0.5-node-restart/r3.log': {
    100: up('r2@vm'),
    101: up('r1@vm'),
    102: { action: 'node_started', fields: {} },
    104: down('r2@vm'),
    105: down('r2@vm'),
    106: up('r2@vm'),
    107: up('r2@vm'),
  },
  '4.0.5-partition-autoheal/r1.log': {
    1: up('r3@vm'),
    5: down('r3@vm'),
    6: down('r3@vm'),
    7: up('r3@vm'),
    8: partition('r3@vm'),
    12: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r2@vm', 'rabbitmq.peers': ['r3@vm'] } },
    18: down('r3@vm'),
    19: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r2@vm' } },
    20: up('r3@vm'),
  },
  '4.0.5-partition-autoheal/r2.log': {
    1: up('r3@vm'),
    5: down('r3@vm'),
    6: down('r3@vm'),
    7: up('r3@vm'),
    8: partition('r3@vm'),
    11: { action: 'autoheal', fields: { 'rabbitmq.peers': ['r3@vm'] } },
    12: down('r3@vm'),
    14: up('r3@vm'),
  },
  '4.0.5-partition-autoheal/r3.log': {
    109: up('r2@vm'),
    111: up('r1@vm'),
    114: { action: 'node_started', fields: {} },
    116: down('r2@vm'),
    117: partition('r2@vm'),
    119: partition('r1@vm'),
    121: down('r2@vm'),
    122: down('r1@vm'),
    123: down('r1@vm'),
    124: up('r2@vm'),
    126: up('r1@vm'),
    128: { action: 'autoheal', fields: { 'rabbitmq.node.subject': 'r2@vm' } },
    166: { action: 'node_stopped', fields: {} },
    185: { action: 'metadata_store_leader_changed', fields: {} },
    189: partition('r1@vm'),
    191: partition('r2@vm'),
    297: up('r2@vm'),
    300: up('r1@vm'),
    304: { action: 'node_started', fields: {} },
  },
  '4.0.5-partition-ignore/r1.log': {
    4: down('r3@vm'),
    5: down('r3@vm'),
    6: up('r3@vm'),
    7: partition('r3@vm'),
  },
  '4.0.5-partition-ignore/r2.log': {
    4: down('r3@vm'),
    5: down('r3@vm'),
    6: up('r3@vm'),
    7: partition('r3@vm'),
  },
  '4.0.5-partition-ignore/r3.log': {
    2: down('r2@vm'),
    3: partition('r2@vm'),
    5: partition('r1@vm'),
    7: down('r2@vm'),
    8: down('r1@vm'),
    9: down('r1@vm'),
    10: up('r2@vm'),
    11: up('r1@vm'),
  },
  '4.0.5-partition-pause_minority/r1.log': {
    4: down('r3@vm'),
    5: down('r3@vm'),
    6: up('r3@vm'),
    7: partition('r3@vm'),
  },
  '4.0.5-partition-pause_minority/r2.log': {
    4: down('r3@vm'),
    5: down('r3@vm'),
    6: up('r3@vm'),
    7: partition('r3@vm'),
  },
  '4.0.5-partition-pause_minority/r3.log': {
    1: down('r1@vm'),
    2: partition('r2@vm'),
    4: down('r1@vm'),
    5: down('r2@vm'),
    6: partition('r1@vm'),
    8: down('r2@vm'),
    9: up('r2@vm'),
    10: up('r1@vm'),
  },
  '4.0.5-queues/r1.log': {
    1: down('r3@vm'),
    2: down('r3@vm'),
    3: up('r3@vm'),
    4: up('r3@vm'),
    18: { action: 'connection_closed_abruptly', fields: { 'rabbitmq.connection': '127.0.0.1:48654 -> 127.0.0.1:15701', 'rabbitmq.vhost': '/' } },
    22: { action: 'heartbeat_timeout', fields: { 'rabbitmq.connection': '127.0.0.1:48658 -> 127.0.0.1:15701' } },
    61: { action: 'node_stopped', fields: {} },
  },
  '4.0.5-queues/r2.log': {
    1: down('r3@vm'),
    // r3's `reset` takes it out of the cluster before it joins again.
    2: { action: 'cluster_leave', fields: { 'rabbitmq.node.subject': 'r3@vm' } },
    3: down('r3@vm'),
    4: up('r3@vm'),
    5: up('r3@vm'),
    8: down('r1@vm'),
    10: down('r1@vm'),
    11: { action: 'queue_leader_changed', fields: { 'rabbitmq.queue': 'bw-qq', 'rabbitmq.vhost': '/' } },
    12: { action: 'cluster_leave', fields: { 'rabbitmq.node.subject': 'r1@vm' } },
    13: { action: 'cluster_leave', fields: { 'rabbitmq.node.subject': 'r1@vm' } },
  },
  '4.0.5-queues/r3.log': {
    38: { action: 'node_stopped', fields: {} },
    // 3.13+ announces the join (`DB: joining cluster`) before Mnesia's `Clustering with`.
    70: { action: 'cluster_join', fields: { 'rabbitmq.peers': ['r2@vm', 'r1@vm'] } },
    72: { action: 'cluster_join', fields: { 'rabbitmq.peers': ['r2@vm', 'r1@vm'] } },
    210: up('r2@vm'),
    214: up('r1@vm'),
    215: { action: 'node_started', fields: {} },
    219: down('r1@vm'),
    221: down('r1@vm'),
    223: leader('bw-qq', 'r2@vm'),
  },
  '4.3.6-alarms/r1.log': {
    1: up('r3@vm'),
    4: alarm('memory_alarm_set', 'r1@vm'),
    12: alarm('memory_alarm_cleared', 'r1@vm'),
    16: alarm('disk_alarm_set', 'r1@vm'),
    24: alarm('disk_alarm_cleared', 'r1@vm'),
  },
  '4.3.6-alarms/r2.log': {
    1: up('r3@vm'),
    2: alarm('memory_alarm_set', 'r1@vm'),
    8: alarm('memory_alarm_cleared', 'r1@vm'),
    10: alarm('disk_alarm_set', 'r1@vm'),
    16: alarm('disk_alarm_cleared', 'r1@vm'),
  },
  '4.3.6-alarms/r3.log': {
    120: up('r1@vm'),
    122: up('r2@vm'),
    132: { action: 'node_started', fields: {} },
    134: alarm('memory_alarm_set', 'r1@vm'),
    140: alarm('memory_alarm_cleared', 'r1@vm'),
    142: alarm('disk_alarm_set', 'r1@vm'),
    148: alarm('disk_alarm_cleared', 'r1@vm'),
  },
  '4.3.6-node-crash/r1.log': {
    1: down('r3@vm'),
    2: down('r3@vm'),
    3: up('r2@vm'),
    4: up('r3@vm'),
    5: up('r2@vm'),
    6: up('r3@vm'),
    7: down('r3@vm'),
    11: { action: 'metadata_store_leader_changed', fields: { 'rabbitmq.node.subject': 'r3@vm' } },
    12: up('r3@vm'),
  },
  '4.3.6-node-crash/r2.log': {
    1: down('r3@vm'),
    2: down('r3@vm'),
    3: up('r3@vm'),
    4: up('r1@vm'),
    5: up('r3@vm'),
    6: down('r3@vm'),
    7: up('r1@vm'),
    9: { action: 'metadata_store_leader_changed', fields: { 'rabbitmq.node.subject': 'r3@vm' } },
    10: up('r3@vm'),
  },
  '4.3.6-node-crash/r3.log': {
    21: { action: 'metadata_store_leader_changed', fields: {} },
    128: up('r1@vm'),
    134: up('r2@vm'),
    140: { action: 'node_started', fields: {} },
  },
  '4.3.6-node-restart/r1.log': {
    1: down('r2@vm'),
    2: down('r2@vm'),
    3: up('r2@vm'),
    4: up('r2@vm'),
    5: up('r3@vm'),
    6: up('r3@vm'),
    7: down('r2@vm'),
    11: { action: 'metadata_store_leader_changed', fields: { 'rabbitmq.node.subject': 'r2@vm' } },
    12: up('r2@vm'),
  },
  '4.3.6-node-restart/r2.log': {
    36: { action: 'node_stopped', fields: {} },
    86: { action: 'metadata_store_leader_changed', fields: {} },
    191: up('r1@vm'),
    194: up('r3@vm'),
    204: { action: 'node_started', fields: {} },
  },
  '4.3.6-node-restart/r3.log': {
    1: down('r2@vm'),
    2: down('r2@vm'),
    3: up('r1@vm'),
    4: up('r2@vm'),
    5: up('r1@vm'),
    6: up('r2@vm'),
    7: down('r2@vm'),
    9: { action: 'metadata_store_leader_changed', fields: { 'rabbitmq.node.subject': 'r2@vm' } },
    10: up('r2@vm'),
  },
  '4.3.6-partition-autoheal/r1.log': {
    12: down('r3@vm'),
    13: down('r3@vm'),
    14: up('r2@vm'),
    15: up('r3@vm'),
    16: up('r3@vm'),
    17: up('r2@vm'),
    18: up('r3@vm'),
  },
  '4.3.6-partition-autoheal/r2.log': {
    12: down('r3@vm'),
    13: down('r3@vm'),
    14: up('r3@vm'),
    15: up('r1@vm'),
    16: up('r3@vm'),
    19: up('r3@vm'),
    26: up('r3@vm'),
    27: up('r1@vm'),
  },
  '4.3.6-partition-autoheal/r3.log': {
    1: down('r2@vm'),
    2: down('r2@vm'),
    4: down('r1@vm'),
    5: down('r1@vm'),
    6: up('r2@vm'),
    7: up('r2@vm'),
    8: up('r2@vm'),
    9: up('r1@vm'),
    10: up('r1@vm'),
    11: up('r2@vm'),
    12: up('r1@vm'),
  },
  // 4.3.6 keeps its metadata in Khepri: the partition is nodes down and up, and r3, back, wins the store's next election.
  '4.3.6-partition-ignore/r1.log': {
    1: up('r3@vm'),
    13: down('r3@vm'),
    14: down('r3@vm'),
    15: up('r2@vm'),
    16: up('r3@vm'),
    17: up('r2@vm'),
    18: up('r3@vm'),
    19: up('r3@vm'),
    20: up('r3@vm'),
    24: { action: 'metadata_store_leader_changed', fields: { 'rabbitmq.node.subject': 'r3@vm' } },
  },
  '4.3.6-partition-ignore/r2.log': {
    1: up('r3@vm'),
    13: down('r3@vm'),
    14: down('r3@vm'),
    15: up('r3@vm'),
    16: up('r1@vm'),
    17: up('r3@vm'),
    18: up('r3@vm'),
    19: up('r3@vm'),
    20: up('r1@vm'),
    22: { action: 'metadata_store_leader_changed', fields: { 'rabbitmq.node.subject': 'r3@vm' } },
  },
  '4.3.6-partition-ignore/r3.log': {
    110: up('r1@vm'),
    113: up('r2@vm'),
    123: { action: 'node_started', fields: {} },
    126: down('r2@vm'),
    127: down('r2@vm'),
    128: down('r1@vm'),
    129: down('r1@vm'),
    130: up('r2@vm'),
    131: up('r1@vm'),
    132: up('r2@vm'),
    133: up('r1@vm'),
    134: up('r2@vm'),
    135: up('r1@vm'),
    136: up('r2@vm'),
    137: up('r1@vm'),
    138: { action: 'metadata_store_leader_changed', fields: {} },
  },
  '4.3.6-partition-pause_minority/r1.log': {
    12: down('r3@vm'),
    13: down('r3@vm'),
    25: up('r3@vm'),
    26: up('r3@vm'),
    27: down('r3@vm'),
    28: up('r2@vm'),
    29: up('r3@vm'),
    30: up('r2@vm'),
    31: up('r3@vm'),
    32: up('r3@vm'),
    33: up('r2@vm'),
    34: up('r2@vm'),
    35: up('r3@vm'),
  },
  '4.3.6-partition-pause_minority/r2.log': {
    12: down('r3@vm'),
    13: down('r3@vm'),
    14: up('r3@vm'),
    15: up('r1@vm'),
    27: up('r1@vm'),
    28: up('r1@vm'),
    29: up('r3@vm'),
    30: up('r3@vm'),
    31: up('r3@vm'),
    32: down('r3@vm'),
    33: up('r3@vm'),
    34: up('r1@vm'),
    35: up('r3@vm'),
    36: up('r3@vm'),
  },
  '4.3.6-partition-pause_minority/r3.log': {
    4: down('r1@vm'),
    5: down('r1@vm'),
    6: down('r2@vm'),
    7: down('r2@vm'),
    8: up('r1@vm'),
    9: up('r1@vm'),
    10: up('r2@vm'),
    11: up('r1@vm'),
    12: up('r2@vm'),
    13: down('r1@vm'),
    14: down('r1@vm'),
    15: up('r1@vm'),
    16: up('r1@vm'),
    17: up('r2@vm'),
    18: up('r1@vm'),
    19: up('r2@vm'),
    20: down('r2@vm'),
    21: down('r2@vm'),
    22: up('r2@vm'),
    23: up('r1@vm'),
    24: up('r2@vm'),
    25: up('r2@vm'),
  },
  '4.3.6-queues/r1.log': {
    1: down('r3@vm'),
    3: up('r3@vm'),
    17: { action: 'connection_closed_abruptly', fields: { 'rabbitmq.connection': '127.0.0.1:39002 -> 127.0.0.1:15701', 'rabbitmq.vhost': '/' } },
    22: { action: 'heartbeat_timeout', fields: { 'rabbitmq.connection': '127.0.0.1:39010 -> 127.0.0.1:15701' } },
    60: { action: 'node_stopped', fields: {} },
  },
  '4.3.6-queues/r2.log': {
    1: down('r3@vm'),
    2: up('r3@vm'),
    5: down('r1@vm'),
    8: down('r1@vm'),
    9: { action: 'queue_leader_changed', fields: { 'rabbitmq.queue': 'bw-qq', 'rabbitmq.vhost': '/' } },
    11: { action: 'metadata_store_leader_changed', fields: { 'rabbitmq.node.subject': 'r3@vm' } },
    15: { action: 'cluster_leave', fields: { 'rabbitmq.node.subject': 'r1@vm' } },
  },
  '4.3.6-queues/r3.log': {
    36: { action: 'node_stopped', fields: {} },
    55: { action: 'cluster_join', fields: { 'rabbitmq.peers': ['r1@vm', 'r2@vm'] } },
    63: { action: 'cluster_join', fields: { 'rabbitmq.node.subject': 'r3@vm', 'rabbitmq.peers': ['r1@vm'] } },
    185: up('r1@vm'),
    187: up('r2@vm'),
    198: { action: 'node_started', fields: {} },
    202: down('r1@vm'),
    205: down('r1@vm'),
    207: leader('bw-qq', 'r2@vm'),
    208: { action: 'metadata_store_leader_changed', fields: {} },
  },
};

describe('RABBITMQ_EVENTS on the drills\' captures (test/fixtures/rabbitmq/<version>-<drill>)', () => {
  it('has an expectation for every captured log', () => {
    const files = readdirSync(FIXTURES)
      .filter((dir) => dir !== 'public')
      .flatMap((dir) => readdirSync(join(FIXTURES, dir)).filter((name) => name.endsWith('.log')).map((name) => `${dir}/${name}`));
    expect(files.sort()).toEqual(Object.keys(DRILL_CAPTURES).sort());
  });

  for (const [file, expected] of Object.entries(DRILL_CAPTURES)) {
    it(`labels exactly the event records of ${file}`, () => {
      expect(labelled(join(FIXTURES, file))).toEqual(expected);
    });
  }
});

/**
 * A multi-line message as 3.9+ writes it with `log.<output>.formatter.single_line = on`: every
 * line break, a comma before it and the blanks after it become `, `
 * (rabbit_logger_fmt_helpers:format_msg/3, v3.9.29 deps/rabbit/apps/rabbitmq_prelaunch/src/
 * rabbit_logger_fmt_helpers.erl:132-142, the same at v4.2.9 deps/rabbitmq_prelaunch/src/); the
 * layout then trims the end of the record.
 */
const singleLine = (message: string): string => message.replace(/,?\r?\n\s*/g, ', ').trimEnd();

/** The alarm banner of rabbit_alarm:handle_set_resource_alarm/3 (v4.2.9 rabbit_alarm.erl:333-336), ending in `~n`. */
const alarmBanner = (resource: string, node: string): string =>
  [
    `${resource} resource limit alarm set on node ${node}.`,
    '',
    '**********************************************************',
    '*** Publishers will be blocked until this alarm clears ***',
    '**********************************************************',
    '',
  ].join('\n');

// Wordings and variants that neither the drills nor a public sample show (other versions, quoted
// or FQDN node names): each message is the format string of the cited module filled with plain
// values, as RabbitMQ's formatter would print it. They test the patterns; they are not records of
// a real broker.
const RENDERED: readonly (Expected & { readonly message: string; readonly from: string })[] = [
  {
    from: 'rabbit_alarm:handle_set_alarm({file_descriptor_limit, []}, _) (v3.10.8 rabbit_alarm.erl:331-337), single_line',
    message: singleLine(
      [
        'file descriptor limit alarm set.',
        '',
        '********************************************************************',
        '*** New connections will not be accepted until this alarm clears ***',
        '********************************************************************',
        '',
      ].join('\n'),
    ),
    action: 'fd_alarm_set',
    fields: {},
  },
  {
    from: 'rabbit_autoheal:restart_loser/2 (3.9+, ~tp of a quoted atom)',
    message: "Autoheal: we were selected to restart; winner is 'rabbit@node-a'",
    action: 'autoheal',
    fields: { 'rabbitmq.node.subject': 'rabbit@node-a' },
  },
  {
    from: 'rabbit_autoheal:handle_msg({autoheal_finished, _}, ...), the "Unexpected" variant',
    message: 'Autoheal finished according to winner rabbit@a.example.com. Unexpected, I might have previously seen the winner down',
    action: 'autoheal',
    fields: { 'rabbitmq.node.subject': 'rabbit@a.example.com' },
  },
  {
    from: "rabbit_alarm:handle_event({node_down, _}) (3.9+, ~tp of a quoted atom)",
    message: "memory resource limit alarm cleared for dead node 'rabbit@node-b'",
    action: 'memory_alarm_cleared',
    fields: { 'rabbitmq.alarm.resource': 'memory', 'rabbitmq.node.subject': 'rabbit@node-b' },
  },
  {
    from: 'rabbit_alarm:handle_set_resource_alarm/3 with an FQDN node name',
    message: [
      'memory resource limit alarm set on node rabbit@a.example.com.',
      '',
      '**********************************************************',
      '*** Publishers will be blocked until this alarm clears ***',
      '**********************************************************',
    ].join('\n'),
    action: 'memory_alarm_set',
    fields: { 'rabbitmq.alarm.resource': 'memory', 'rabbitmq.node.subject': 'rabbit@a.example.com' },
  },
  {
    from: "rabbit_reader:log_connection_exception/4 (4.x adds the duration; connection_duration/1 prints `~Bs`)",
    message: "closing AMQP connection <0.1234.0> (127.0.0.1:50000 -> 127.0.0.1:5672, duration: '5s'):\nmissed heartbeats from client, timeout: 60s",
    action: 'heartbeat_timeout',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:5672' },
  },
  {
    from: 'rabbit_reader:log_connection_exception/4 (4.x, opened connection)',
    message:
      "closing AMQP connection <0.1234.0> (127.0.0.1:50000 -> 127.0.0.1:5672, vhost: 'orders', user: 'app', duration: '1M, 2s'):\nclient unexpectedly closed TCP connection",
    action: 'connection_closed_abruptly',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:5672', 'rabbitmq.vhost': 'orders' },
  },
  {
    from: 'rabbit_reader:log_connection_exception/3 (before connection.open)',
    message: 'closing AMQP connection <0.1234.0> (127.0.0.1:50000 -> 127.0.0.1:5672):\nclient unexpectedly closed TCP connection',
    action: 'connection_closed_abruptly',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:5672' },
  },
  {
    from: 'rabbit_reader:log_connection_exception/4, connection_closed_abruptly (4.x: also thrown by rabbit_amqp_reader for AMQP 1.0)',
    message: "closing AMQP connection <0.1234.0> (127.0.0.1:50000 -> 127.0.0.1:5672, duration: '2s'):\nclient unexpectedly closed TCP connection",
    action: 'connection_closed_abruptly',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:5672' },
  },
  {
    from: 'rabbit_reader:log_connection_exception/3 with the {heartbeat_timeout, ConnState} of the 3.x AMQP 1.0 plugin',
    message: 'closing AMQP connection <0.1234.0> (127.0.0.1:50000 -> 127.0.0.1:5672):\nmissed heartbeats from client, timeout: runnings',
    action: 'heartbeat_timeout',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:5672' },
  },
  {
    from: 'rabbit_amqp_reader:handle_other(heartbeat_timeout, _) through handle_exception/3 (4.x AMQP 1.0 idle timeout)',
    message: 'Error on AMQP 1.0 connection <0.1234.0> (running), channel number 0:\n<<"no frame received from client within idle timeout threshold">>',
    action: 'heartbeat_timeout',
    fields: {},
  },
  {
    from: 'rabbit_mqtt_reader:handle_info({keepalive, check}) (3.12+: the name is a binary)',
    message: 'closing MQTT connection <<"127.0.0.1:50000 -> 127.0.0.1:1883">> (keepalive timeout)',
    action: 'heartbeat_timeout',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:1883' },
  },
  {
    from: 'rabbit_web_mqtt_handler:websocket_info({keepalive, check}) (3.12+)',
    message: 'keepalive timeout in Web MQTT connection <<"127.0.0.1:50000 -> 127.0.0.1:15675">>',
    action: 'heartbeat_timeout',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:15675' },
  },
  {
    from: 'rabbit_stomp_reader:log_reason({shutdown, client_heartbeat_timeout}, _)',
    message: 'STOMP detected missed client heartbeat(s) on connection 127.0.0.1:50000 -> 127.0.0.1:61613, closing it',
    action: 'heartbeat_timeout',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:61613' },
  },
  {
    from: 'rabbit_mqtt_reader:network_error(closed, _) (3.9-3.11: the name is a string)',
    message: 'MQTT connection "127.0.0.1:50000 -> 127.0.0.1:1883" will terminate because peer closed TCP connection',
    action: 'connection_closed_abruptly',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:1883' },
  },
  {
    from: 'rabbit_mqtt_reader:network_error(closed, _) (3.12+: the name is a binary)',
    message: 'MQTT connection <<"127.0.0.1:50000 -> 127.0.0.1:1883">> will terminate because peer closed TCP connection',
    action: 'connection_closed_abruptly',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:1883' },
  },
  {
    from: 'rabbit_stream_reader (~tp of the connection name, a binary)',
    message: 'Blocking connection <<"127.0.0.1:50000 -> 127.0.0.1:5552">> after resource alarm',
    action: 'connection_blocked',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:5552' },
  },
  {
    from: 'ra_server_proc:handle_state_enter/3 with rabbit_khepri ?RA_FRIENDLY_NAME (ra 2.x)',
    message: 'RabbitMQ metadata store: candidate -> leader in term: 2 machine version: 1',
    action: 'metadata_store_leader_changed',
    fields: {},
  },
  {
    from: 'ra_server_proc (leader detected) with rabbit_khepri ?RA_FRIENDLY_NAME',
    message: 'RabbitMQ metadata store: detected a new leader {rabbitmq_metadata,rabbit@b} in term 3',
    action: 'metadata_store_leader_changed',
    fields: { 'rabbitmq.node.subject': 'rabbit@b' },
  },
  {
    from: 'ra 1.x ra_server_proc:handle_state_enter/3 (RabbitMQ 3.8: no machine version)',
    message: "queue 'orders' in vhost 'shop': candidate -> leader in term: 4",
    action: 'queue_leader_changed',
    fields: { 'rabbitmq.queue': 'orders', 'rabbitmq.vhost': 'shop' },
  },
  {
    from: 'rabbit:log_boot_error_and_exit/3 (3.7.28; the BOOT FAILED banner went to the console only)',
    message: '\nError description:\n    init:do_boot/3\n    init:start_em/1\n    rabbit:start_it/1 line 480\n\nLog file(s) (may contain more information):\n   /var/log/rabbitmq/rabbit@a.log',
    action: 'node_crashed',
    fields: {},
  },
  {
    from: 'rabbit:boot_error/2 (3.7.28, timeout_waiting_for_tables)',
    message: '\nTimeout contacting cluster nodes: [rabbit@b].\n\nBACKGROUND\n==========\n\nThis cluster node was shut down while other nodes were still running.',
    action: 'node_crashed',
    fields: {},
  },
  {
    from: 'erts erl_alloc.c (the VM out of memory)',
    message: 'eheap_alloc: Cannot allocate 1781763260 bytes of memory (of type "heap").',
    action: 'node_crashed',
    fields: {},
  },
  {
    from: 'rabbit_amqqueue:forget_all/1 (v4.2.0)',
    message: 'Will remove all queues from node rabbit@node-3. The node is likely being removed from the cluster.',
    action: 'cluster_leave',
    fields: { 'rabbitmq.node.subject': 'rabbit@node-3' },
  },
  {
    from: 'rabbit_amqqueue:forget_all/1 (4.0–4.1)',
    message: 'Will remove all classic queues from node rabbit@node-3. The node is likely being removed from the cluster.',
    action: 'cluster_leave',
    fields: { 'rabbitmq.node.subject': 'rabbit@node-3' },
  },
  {
    from: 'rabbit_mqtt_reader:network_error/2 (rabbitmq-mqtt 3.6.16)',
    message: 'MQTT detected network error for "10.0.0.1:5000 -> 10.0.0.2:1883": peer closed TCP connection',
    action: 'connection_closed_abruptly',
    fields: { 'rabbitmq.connection': '10.0.0.1:5000 -> 10.0.0.2:1883' },
  },
  {
    from: 'rabbit_stream_coordinator (phase_start_writer)',
    message: 'rabbit_stream_coordinator: started writer __events_1700000000000 on rabbit@c in 2',
    action: 'queue_leader_changed',
    fields: { 'rabbitmq.node.subject': 'rabbit@c' },
  },
  {
    from: 'rabbit:log_broker_started/1 (3.6: the plugin list follows)',
    message: 'Server startup complete; 2 plugins started.\n * rabbitmq_management\n * rabbitmq_web_dispatch',
    action: 'node_started',
    fields: {},
  },
  {
    from: 'rabbit_db_cluster:join/2',
    message: 'DB: joining cluster using remote nodes:\n[rabbit@a,rabbit@b]',
    action: 'cluster_join',
    fields: { 'rabbitmq.peers': ['rabbit@a', 'rabbit@b'] },
  },
  {
    from: 'rabbit_khepri:post_add_member/3',
    message: 'Khepri clustering: Node rabbit@c successfully added to cluster "rabbitmq_metadata" through node rabbit@a',
    action: 'cluster_join',
    fields: { 'rabbitmq.node.subject': 'rabbit@c', 'rabbitmq.peers': ['rabbit@a'] },
  },
  {
    from: 'rabbit_node_monitor:handle_cast({joined_cluster, ...}) (debug, v3.9.29 rabbit_node_monitor.erl:547, `~p`)',
    message: "Node 'rabbit@c' has joined the cluster",
    action: 'cluster_join',
    fields: { 'rabbitmq.node.subject': 'rabbit@c' },
  },
  {
    from: 'rabbit_node_monitor:handle_cast({joined_cluster, ...}) (debug, v4.2.9 rabbit_node_monitor.erl:604, `~tp` of a quoted atom)',
    message: "Node ''rabbit@node-c'' has joined the cluster",
    action: 'cluster_join',
    fields: { 'rabbitmq.node.subject': 'rabbit@node-c' },
  },
  {
    from: 'rabbit_stream_reader:open(info, heartbeat_timeout, _) (debug, v3.9.29 rabbit_stream_reader.erl:822, v4.2.9 :945)',
    message: 'Heartbeat timeout, closing connection',
    action: 'heartbeat_timeout',
    fields: {},
  },
  {
    from: 'rabbit_mirror_queue_slave:promote_me/2 (v3.8.35 rabbit_mirror_queue_slave.erl:636, 3.8.6+: mirror, still master)',
    message: "Mirrored queue 'orders' in vhost '/': Promoting mirror <rabbit@b.3.1234.0> to master",
    action: 'mirror_promoted',
    fields: { 'rabbitmq.queue': 'orders', 'rabbitmq.vhost': '/', 'rabbitmq.node.subject': 'rabbit@b' },
  },
  {
    from: "ra_server_proc:follower_leader_change/2 (ra v2.17.3 ra_server_proc.erl:1756, `~w` of a Ra name quoted for its comma)",
    message: "queue 'a,b' in vhost '/': detected a new leader {'%2F_a,b',rabbit@b} in term 5",
    action: 'queue_leader_changed',
    fields: { 'rabbitmq.queue': 'a,b', 'rabbitmq.vhost': '/', 'rabbitmq.node.subject': 'rabbit@b' },
  },
  {
    from: 'rabbit_node_monitor:handle_cast({partial_partition, ...}), any other handling (v4.2.9 rabbit_node_monitor.erl:522-524, 546-548)',
    message:
      'Partial partition detected:\n * We saw DOWN from rabbit@b\n * We can still see rabbit@c which can see rabbit@b\nWe will therefore intentionally disconnect from rabbit@c',
    action: 'partial_partition',
    fields: { 'rabbitmq.peers': ['rabbit@b'] },
  },
  // 3.9+ with `single_line = on`.
  {
    from: 'rabbit_reader:log_connection_exception/3 (v3.13.7 rabbit_reader.erl:411-413), single_line',
    message: singleLine('closing AMQP connection <0.1234.0> (127.0.0.1:50000 -> 127.0.0.1:5672):\nmissed heartbeats from client, timeout: 60s'),
    action: 'heartbeat_timeout',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:5672' },
  },
  {
    from: 'rabbit_reader:log_connection_exception/4 (v4.2.9 rabbit_reader.erl:407-408), single_line',
    message: singleLine("closing AMQP connection <0.1234.0> (127.0.0.1:50000 -> 127.0.0.1:5672, duration: '1M, 5s'):\nmissed heartbeats from client, timeout: 60s"),
    action: 'heartbeat_timeout',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:5672' },
  },
  {
    from: 'rabbit_reader:log_connection_exception/4 (v4.2.9 rabbit_reader.erl:418-419), single_line',
    message: singleLine(
      "closing AMQP connection <0.1234.0> (127.0.0.1:50000 -> 127.0.0.1:5672, vhost: 'orders', user: 'app', duration: '2H, 1M, 5s'):\nclient unexpectedly closed TCP connection",
    ),
    action: 'connection_closed_abruptly',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:5672', 'rabbitmq.vhost': 'orders' },
  },
  {
    from: 'rabbit_reader:log_connection_exception/3 (v3.9.29 rabbit_reader.erl:426), single_line',
    message: singleLine('closing AMQP connection <0.1234.0> (127.0.0.1:50000 -> 127.0.0.1:5672):\nclient unexpectedly closed TCP connection'),
    action: 'connection_closed_abruptly',
    fields: { 'rabbitmq.connection': '127.0.0.1:50000 -> 127.0.0.1:5672' },
  },
  {
    from: 'rabbit_amqp_reader:handle_exception/3 (v4.2.9 rabbit_amqp_reader.erl:362), single_line',
    message: singleLine('Error on AMQP 1.0 connection <0.1234.0> (running), channel number 0:\n<<"no frame received from client within idle timeout threshold">>'),
    action: 'heartbeat_timeout',
    fields: {},
  },
  {
    from: 'rabbit_alarm:handle_set_resource_alarm/3 (v3.9.29 rabbit_alarm.erl:324), single_line',
    message: singleLine(alarmBanner('memory', 'rabbit@a.example.com')),
    action: 'memory_alarm_set',
    fields: { 'rabbitmq.alarm.resource': 'memory', 'rabbitmq.node.subject': 'rabbit@a.example.com' },
  },
  {
    from: 'rabbit_alarm:handle_set_resource_alarm/3 (v4.2.9 rabbit_alarm.erl:333, `~tp` of a quoted atom), single_line',
    message: singleLine(alarmBanner('disk', "'rabbit@node-a'")),
    action: 'disk_alarm_set',
    fields: { 'rabbitmq.alarm.resource': 'disk', 'rabbitmq.node.subject': 'rabbit@node-a' },
  },
  {
    from: 'rabbit_node_monitor:handle_cast({partial_partition, ...}), pause_minority (v4.2.9 rabbit_node_monitor.erl:522-531), single_line',
    message: singleLine(
      'Partial partition detected:\n * We saw DOWN from rabbit@b\n * We can still see rabbit@c which can see rabbit@b\n * pause_minority mode enabled\nWe will therefore pause until the *entire* cluster recovers',
    ),
    action: 'partial_partition',
    fields: { 'rabbitmq.peers': ['rabbit@b'] },
  },
  {
    from: 'rabbit_autoheal:handle_msg({request_start, _}, ...) (v4.2.9 rabbit_autoheal.erl:217-220), single_line',
    message: singleLine('Autoheal decision\n  * Partitions: [[rabbit@a],[rabbit@b,rabbit@c]]\n  * Winner:     rabbit@a\n  * Losers:     [rabbit@b,rabbit@c]'),
    action: 'autoheal',
    fields: { 'rabbitmq.node.subject': 'rabbit@a', 'rabbitmq.peers': ['rabbit@b', 'rabbit@c'] },
  },
  {
    from: 'rabbit_db_cluster:join/2 (v4.2.9 rabbit_db_cluster.erl:175), single_line',
    message: singleLine('DB: joining cluster using remote nodes:\n[rabbit@a,rabbit@b]'),
    action: 'cluster_join',
    fields: { 'rabbitmq.peers': ['rabbit@a', 'rabbit@b'] },
  },
  {
    from: 'rabbit:stop/0 (rabbitmq_v3_6_6 src/rabbit.erl:428)',
    message: 'Stopped RabbitMQ application',
    action: 'node_stopped',
    fields: {},
  },
  {
    from: 'rabbit_khepri:remove_reachable_member/1',
    message: 'Node rabbit@c removed from Khepri cluster "rabbitmq_metadata"',
    action: 'cluster_leave',
    fields: { 'rabbitmq.node.subject': 'rabbit@c' },
  },
];

const ALARMS_DIR = join(import.meta.dirname, '..', 'fixtures', 'rabbitmq-alarms');

describe('RABBITMQ_EVENTS on the file descriptor alarm of a real 3.10.8 node (test/fixtures/rabbitmq-alarms)', () => {
  it('labels the alarm, its clearing, and every client connection the node dropped', () => {
    // 150 clients against the 135 sockets 256 descriptors allow; the clients exit without closing.
    const labels = labelled(join(ALARMS_DIR, 'rabbitmq-3.10.8.fd_alarm.log'));
    expect(labels[450]).toEqual({ action: 'fd_alarm_set', fields: {} });
    expect(labels[830]).toEqual({ action: 'fd_alarm_cleared', fields: {} });
    const counts: Record<string, number> = {};
    for (const { action } of Object.values(labels)) counts[action] = (counts[action] ?? 0) + 1;
    expect(counts).toEqual({ node_started: 1, fd_alarm_set: 1, connection_closed_abruptly: 150, fd_alarm_cleared: 1, node_stopped: 1 });
  });
});

describe('RABBITMQ_EVENTS on wordings rendered from the sources', () => {
  for (const rendered of RENDERED) {
    it(`labels ${rendered.action} as written by ${rendered.from}`, () => {
      expect(classify(RABBITMQ_EVENTS, rendered.message)).toEqual({ action: rendered.action, fields: rendered.fields });
    });
  }
});

describe('RABBITMQ_EVENTS as a table', () => {
  it('covers every RabbitMQ action of the taxonomy', () => {
    const rabbitmqActions = EVENT_ACTIONS.filter((action) => ACTIONS[action].service === 'rabbitmq');
    expect(new Set(RABBITMQ_EVENTS.map((row) => row.action))).toEqual(new Set(rabbitmqActions));
  });

  it('holds rows whose pattern can only match a message containing their `contains`', () => {
    for (const row of RABBITMQ_EVENTS) {
      expect(row.pattern.source.replaceAll('\\', ''), row.action).toContain(row.contains.replaceAll('\\', ''));
    }
  });

  // A row cites the line that holds its wording, which may be a continuation line of the record
  // (the VM's last words after a 3.7 record); a message quoted without its log prefix is read as a
  // site would read it, with `--format message`.
  it("cites, as each row's example, real records that the product labels with the row's action", () => {
    const root = join(import.meta.dirname, '..', '..');
    const messageOnly = new Set(['test/fixtures/rabbitmq/public/4.x-quorum-leader-message.log']);
    const cited = RABBITMQ_EVENTS.flatMap((row) => [...row.example.matchAll(/(test\/fixtures\/\S+?\.log):(\d+)/g)].map((m) => ({ row, file: m[1]!, line: Number(m[2]) })));
    expect(cited.length).toBeGreaterThan(30);
    const records = new Map<string, ReturnType<typeof readFixtureRecords>>();
    const wrong = cited.filter(({ row, file, line }) => {
      if (!records.has(file)) records.set(file, readFixtureRecords(join(root, file), messageOnly.has(file) ? { format: 'message' } : {}));
      const record = records.get(file)!.findLast((r) => r.line <= line);
      return record?.event['event.action'] !== row.action || !row.pattern.test(record.message);
    });
    expect(wrong.map(({ row, file, line }) => `${row.action}: ${file}:${line}`)).toEqual([]);
  });

  it('leaves the consequences of an alarm and of a partition unlabelled', () => {
    for (const message of [
      'memory resource limit alarm cleared across the cluster',
      "Received a 'DOWN' message from rabbit@b but still can communicate with it ",
      'Autoheal request received from rabbit@a',
      'vm_memory_high_watermark set. Memory used:1000 allowed:100',
      'Free disk space is insufficient. Free bytes: 10. Limit: 100',
      'Node rabbit@b is down, deleting its listeners',
      // The stream coordinator's own Ra cluster electing a leader is neither a queue's nor the metadata store's.
      'rabbit_stream_coordinator: candidate -> leader in term: 3 machine version: 4',
      // A new quorum queue's, stream's or metadata store's first leader (term or epoch 1): a creation.
      "queue 'orders' in vhost 'shop': candidate -> leader in term: 1 machine version: 3",
      "queue 'orders' in vhost 'shop': detected a new leader {'%2F_orders',rabbit@b} in term 1",
      'rabbit_stream_coordinator: started writer __events_1700000000000 on rabbit@c in 1',
      'RabbitMQ metadata store: candidate -> leader in term: 1 machine version: 1',
      // 3.8.4+: the timeout text is one record of the BOOT FAILED report (labelled by its banner).
      'Timeout contacting cluster nodes: [rabbit@b].',
      // A follow-up of a `node down` whose peer came back with a new creation.
      'Node rabbit@b was restarted',
      // An MQTT/STOMP connection closed properly, and the AMQP 1.0 session errors that are not the idle timeout.
      'closing STOMP connection <0.1234.0> (127.0.0.1:50000 -> 127.0.0.1:61613)',
      'Error on AMQP 1.0 connection <0.1234.0> (running), channel number 1:\n<<"Access for user \'app\' was refused: insufficient permissions">>',
    ]) {
      expect(classify(RABBITMQ_EVENTS, message), message).toBeUndefined();
    }
  });
});
