import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir, loadRules } from '../../src/config/rules.js';
import { eventId, type BrokerEvent, type Instant } from '../../src/core/index.js';
import { DEFAULT_ALLOWED_LATENESS_MS, replay, RuleEngine, ruleSpecSchema, type RuleSpec } from '../../src/rules/index.js';
import { parseFixture } from '../support/parse.js';
import { at as atSecond, ev } from './support.js';

const rule: RuleSpec = ruleSpecSchema.parse({
  name: 'memory_alarm',
  kind: 'match',
  severity: 'critical',
  match: { 'event.action': 'memory_alarm_set' },
  group_by: ['broker.id'],
  resolve: { match: { 'event.action': 'memory_alarm_cleared' } },
  summary: 'memory alarm on {{ label.broker.id }}',
  description: '{{ last.message }}',
});

let offset = 0;
function event(time: string, action: 'memory_alarm_set' | 'memory_alarm_cleared', node = 'r1'): BrokerEvent {
  offset += 1;
  return {
    '@timestamp': time,
    message: action,
    'event.id': eventId('host', 'file', offset),
    'event.original': action,
    'event.dataset': 'rabbitmq.log',
    'event.action': action,
    'service.type': 'rabbitmq',
    'broker.id': node,
  };
}

const at = (time: string): Instant => Date.parse(time) as Instant;

describe('replay', () => {
  it('feeds events of several files in event-time order, whatever order they come in', () => {
    const changes = replay(new RuleEngine([rule]), [
      event('2026-11-25T10:00:09.000Z', 'memory_alarm_cleared'),
      event('2026-11-25T10:00:01.000Z', 'memory_alarm_set'),
    ]);
    expect(changes.map((c) => [c.change.kind, new Date(c.at).toISOString()])).toEqual([
      ['fired', '2026-11-25T10:00:01.000Z'],
      ['resolved', '2026-11-25T10:00:09.000Z'],
    ]);
  });

  it('feeds only the events inside the window', () => {
    const events = [event('2026-11-25T10:00:01.000Z', 'memory_alarm_set'), event('2026-11-25T10:00:09.000Z', 'memory_alarm_cleared')];
    expect(replay(new RuleEngine([rule]), events, { until: at('2026-11-25T10:00:05.000Z') }).map((c) => c.change.kind)).toEqual(['fired']);
    expect(replay(new RuleEngine([rule]), events, { since: at('2026-11-25T10:00:05.000Z') })).toEqual([]);
  });

  it('returns nothing for no events', () => {
    expect(replay(new RuleEngine([rule]), [])).toEqual([]);
  });
});

/** Every log file of a drill folder (all nodes), or the one file given, parsed as `rules test` does. */
function fixtureEvents(path: string): BrokerEvent[] {
  const files = path.endsWith('.log')
    ? [path]
    : readdirSync(new URL(`../fixtures/${path}`, import.meta.url), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.log'))
        .map((file) => `${path}/${file}`);
  return files.flatMap((file) => parseFixture(file, { context: { cluster: 'drill', fileIdentity: file } }));
}

/** An engine of every built-in rule. */
const builtinEngine = (): RuleEngine => new RuleEngine(loadRules([builtinRulesDir()]).map((loaded) => loaded.spec));

/** The built-in rules over real logs: each alert change as `rule kind [subject]`, in order. */
function builtinChanges(path: string, rule?: string, until?: string): string[] {
  const engine = builtinEngine();
  return replay(engine, fixtureEvents(path), until === undefined ? {} : { until: Date.parse(until) as Instant })
    .filter(({ change }) => change.kind !== 'updated' && (rule === undefined || change.alert.rule === rule))
    .map(({ change }) => `${change.alert.rule} ${change.kind}`);
}

describe('the built-in node-down rule over real RabbitMQ restarts and partitions', () => {
  it('pages nobody for a node restarted within a minute, nor for the down/up bursts peers log around a partition', () => {
    // 3.10.8: r2 stopped and started again, its peers' `node r2@vm down` at 08:45:01 and `up` 16 s
    // later; in the ignore-mode partition every node reports the others down and up within a second.
    expect(builtinChanges('rabbitmq/3.10.8-node-restart', 'rabbitmq_node_down')).toEqual([]);
    expect(builtinChanges('rabbitmq/3.10.8-partition-ignore', 'rabbitmq_node_down')).toEqual([]);
  });

  it('pages a node killed and down for 90 s, from its down record on', () => {
    // 3.10.8: r3's VM killed with SIGKILL (no last words), started again 90 s later. The replay has
    // no record in between, so the alert is sent when the node is seen up, fired then resolved.
    const engine = builtinEngine();
    const changes = replay(engine, fixtureEvents('rabbitmq/3.10.8-node-crash')).filter(({ change }) => change.alert.rule === 'rabbitmq_node_down');
    expect(changes.map(({ change }) => [change.kind, change.alert.labels['rabbitmq.node.subject']])).toEqual([
      ['fired', 'r3@vm'],
      ['resolved', 'r3@vm'],
    ]);
    const alert = changes[1]!.change.alert;
    expect(alert.endsAt! - alert.startsAt).toBeGreaterThan(85_000);
  });

  it('pages a node its peer saw go down and not come back within the minute', () => {
    // RabbitMQ 3.6: `node rabbit@ctl001 down: connection_closed` at 03:56:47, the log's last record.
    const path = 'rabbitmq/public/3.6-memory-alarm.log';
    expect(builtinChanges(path, 'rabbitmq_node_down', '2019-05-06T03:57:30Z')).toEqual([]);
    expect(builtinChanges(path, 'rabbitmq_node_down', '2019-05-06T03:58:30Z')).toEqual(['rabbitmq_node_down fired']);
  });
});

describe('the built-in rules over real RabbitMQ partitions', () => {
  it('keeps one partition alert while an ignore-mode cluster stays split, though `node N up` lines follow the report', () => {
    // 3.10.8, cluster_partition_handling = ignore: r3 paused 20 s; on its return each node logs
    // `node N up` around Mnesia's inconsistent_database, and nothing heals the split.
    expect(builtinChanges('rabbitmq/3.10.8-partition-ignore', 'rabbitmq_network_partition')).toEqual(['rabbitmq_network_partition fired']);
  });

  it('ends the partition alert when the paused minority node boots again (pause_minority)', () => {
    const changes = builtinChanges('rabbitmq/3.10.8-partition-pause_minority').filter((c) => !c.startsWith('rabbitmq_node_down'));
    expect(changes).toEqual([
      'rabbitmq_pause_minority fired',
      'rabbitmq_network_partition fired',
      'rabbitmq_network_partition resolved',
      'rabbitmq_pause_minority resolved',
    ]);
  });

  it('ends the autoheal alert at `Autoheal finished`, and keeps the partition alert while the loser is still booting', () => {
    // The loser r2 hung in its restart (rabbitmq-server#6034): no `Server startup complete` before
    // the capture ended, and the restarting nodes report the partition again.
    const changes = builtinChanges('rabbitmq/3.10.8-partition-autoheal').filter((c) => !c.startsWith('rabbitmq_node_down'));
    expect(changes).toEqual(['rabbitmq_network_partition fired', 'rabbitmq_autoheal fired', 'rabbitmq_autoheal resolved']);
  });

  it('ends the partition alert once the autoheal loser has booted again', () => {
    // The same drill in a run whose loser r3 came back: its `Server startup complete`, its peers'
    // `rabbit on node r3@vm up`.
    const changes = builtinChanges('rabbitmq/3.10.8-partition-autoheal-healed').filter((c) => !c.startsWith('rabbitmq_node_down'));
    expect(changes).toEqual([
      'rabbitmq_network_partition fired',
      'rabbitmq_autoheal fired',
      'rabbitmq_autoheal resolved',
      'rabbitmq_network_partition resolved',
    ]);
  });

  it('keeps the partition alert of RabbitMQ 3.7.8 when `node up` precedes the partial-partition pause', () => {
    // rabbitmq-server#1789: inconsistent_database, `node 'rabbit@rmq1' up`, then `Partial partition
    // detected` and pause_minority: the split goes on.
    expect(builtinChanges('rabbitmq/public/3.7.8-partial-partition.log').filter((c) => c.includes('partition'))).toEqual([
      'rabbitmq_network_partition fired',
      'rabbitmq_partial_partition fired',
    ]);
  });

  it('pages a node whose boot failed (its own log file), and a crash seen only on the console or in the journal', () => {
    expect(builtinChanges('rabbitmq/public/3.8-boot-failed.log', 'rabbitmq_node_crashed')).toEqual(['rabbitmq_node_crashed fired']);
    expect(builtinChanges('rabbitmq/public/3.13-compose-runtime-terminating.log', 'rabbitmq_node_crashed')).toEqual(['rabbitmq_node_crashed fired']);
    expect(builtinChanges('rabbitmq/public/3.x-journald-vm-assertion.log', 'rabbitmq_node_crashed')).toEqual(['rabbitmq_node_crashed fired']);
  });

  it('keeps the partition alert of RabbitMQ 3.6 through an aborted autoheal', () => {
    expect(builtinChanges('rabbitmq/public/3.6-autoheal.log').filter((c) => !c.startsWith('rabbitmq_node_down'))).toEqual([
      'rabbitmq_network_partition fired',
      'rabbitmq_autoheal fired',
    ]);
  });
});

describe('the built-in rules over the drills of RabbitMQ 3.8.9, 4.0.5 and 4.3.6', () => {
  const alarms = ['rabbitmq_memory_alarm fired', 'rabbitmq_memory_alarm resolved', 'rabbitmq_disk_alarm fired', 'rabbitmq_disk_alarm resolved'];
  const crash = ['rabbitmq_node_down fired', 'rabbitmq_node_down resolved'];
  // Every alert each drill raises, in order (see each folder's PROVENANCE). A restart, a rejoin and
  // the down/up bursts of a 20 s pause stay under rabbitmq_node_down's pending minute.
  const EXPECTED: Record<string, string[]> = {
    '3.8.9-alarms': alarms,
    '3.8.9-node-crash': crash,
    '3.8.9-node-restart': [],
    '3.8.9-queues': [],
    '3.8.9-partition-ignore': ['rabbitmq_network_partition fired'],
    '3.8.9-partition-pause_minority': [
      'rabbitmq_network_partition fired',
      'rabbitmq_pause_minority fired',
      'rabbitmq_network_partition resolved',
      'rabbitmq_pause_minority resolved',
    ],
    // The loser r2 restarted; the nodes then found the split again at its boot and autoheal ran
    // twice more, the last still running when the capture ended.
    '3.8.9-partition-autoheal': [
      'rabbitmq_network_partition fired',
      'rabbitmq_autoheal fired',
      'rabbitmq_autoheal resolved',
      'rabbitmq_network_partition resolved',
      'rabbitmq_autoheal fired',
      'rabbitmq_autoheal resolved',
      'rabbitmq_autoheal fired',
    ],
    '4.0.5-alarms': alarms,
    '4.0.5-node-crash': crash,
    '4.0.5-node-restart': [],
    '4.0.5-queues': [],
    '4.0.5-partition-ignore': ['rabbitmq_network_partition fired'],
    // r3 saw its peers down and up in the same millisecond and never paused: Mnesia stays split,
    // and only a restart ends it.
    '4.0.5-partition-pause_minority': ['rabbitmq_network_partition fired'],
    '4.0.5-partition-autoheal': [
      'rabbitmq_network_partition fired',
      'rabbitmq_autoheal fired',
      'rabbitmq_autoheal resolved',
      'rabbitmq_network_partition resolved',
    ],
    // Khepri: Raft brings the paused node back in by itself, and nothing reports a partition.
    '4.3.6-alarms': alarms,
    '4.3.6-node-crash': crash,
    '4.3.6-node-restart': [],
    '4.3.6-queues': [],
    '4.3.6-partition-ignore': [],
    '4.3.6-partition-pause_minority': [],
    '4.3.6-partition-autoheal': [],
  };

  it.each(Object.entries(EXPECTED))('%s', (drill, expected) => {
    expect(builtinChanges(`rabbitmq/${drill}`)).toEqual(expected);
  });
});

/** One built-in rule over real logs: each alert change as `kind [broker subject] time`, in order. */
function builtinTimeline(path: string, rule: string): string[] {
  const engine = builtinEngine();
  return replay(engine, fixtureEvents(path))
    .filter(({ change }) => change.kind !== 'updated' && change.alert.rule === rule)
    .map(({ at, change }) => [change.kind, change.alert.labels['kafka.broker.subject'], new Date(at).toISOString()].filter(Boolean).join(' '));
}

describe('the built-in rules over every Kafka drill of every version', () => {
  const none: string[] = [];
  const controllerChange = ['kafka_controller_change fired'];
  const shrink = ['kafka_isr_shrink fired', 'kafka_isr_shrink resolved'];
  const zkLoss = ['kafka_isr_shrink fired', 'kafka_broker_failure fired', 'kafka_broker_failure resolved', 'kafka_isr_shrink resolved'];
  const kraftLoss = ['kafka_isr_shrink fired', 'kafka_broker_fenced fired', 'kafka_broker_fenced resolved', 'kafka_isr_shrink resolved'];
  // A broker could not create a new partition's directory (a plain file held its name): it took its
  // only log directory offline and shut down; started again without the files.
  const zkLogDir = [
    'kafka_log_dir_failure fired',
    'kafka_isr_shrink fired',
    'kafka_broker_failure fired',
    'kafka_broker_failure resolved',
    'kafka_log_dir_failure resolved',
    'kafka_isr_shrink resolved',
  ];
  const kraftLogDir = [
    'kafka_log_dir_failure fired',
    'kafka_isr_shrink fired',
    'kafka_broker_fenced fired',
    'kafka_broker_fenced resolved',
    'kafka_log_dir_failure resolved',
    'kafka_isr_shrink resolved',
  ];
  // 1.1+: the expired broker re-registers with a new session.
  const zkExpiry = [
    'kafka_isr_shrink fired',
    'kafka_broker_failure fired',
    'kafka_zk_session_expired fired',
    'kafka_zk_session_expired resolved',
    'kafka_broker_failure resolved',
    'kafka_isr_shrink resolved',
  ];
  // A paused KRaft voter (combined mode) comes back and calls an election: the active controller
  // resigns. 4.0's pre-vote (KIP-996) ends that.
  const pausedVoter = [
    'kafka_isr_shrink fired',
    'kafka_broker_fenced fired',
    'kafka_broker_fenced resolved',
    'kafka_controller_change fired',
    'kafka_isr_shrink resolved',
  ];
  // The broker restarted without its failed directory replays the unclean election of an earlier drill:
  // nothing in this folder's window holds the original, so it pages (with the original it would not).
  const replayedLogDir = [
    'kafka_log_dir_failure fired',
    'kafka_isr_shrink fired',
    'kafka_broker_fenced fired',
    'kafka_unclean_leader_election fired',
    'kafka_broker_fenced resolved',
    'kafka_log_dir_failure resolved',
    'kafka_isr_shrink resolved',
  ];
  // KRaft before 3.9: the partitions stay offline until the leader-election tool elects the follower.
  const toolElection = [
    'kafka_isr_shrink fired',
    'kafka_broker_fenced fired',
    'kafka_broker_fenced fired',
    'kafka_offline_partitions fired',
    'kafka_broker_fenced resolved',
    'kafka_unclean_leader_election fired',
    'kafka_isr_shrink resolved',
    'kafka_offline_partitions resolved',
    'kafka_broker_fenced resolved',
  ];
  // 3.7 and 3.8: the same, and the controller moved while two of the three voters were down.
  const toolElectionNewController = [
    'kafka_isr_shrink fired',
    'kafka_broker_fenced fired',
    'kafka_controller_change fired',
    'kafka_broker_fenced resolved',
    'kafka_broker_fenced fired',
    'kafka_offline_partitions fired',
    'kafka_unclean_leader_election fired',
    'kafka_isr_shrink resolved',
    'kafka_offline_partitions resolved',
    'kafka_broker_fenced resolved',
  ];
  // 1.1–3.1 ZooKeeper mode: nothing in the log says the election was unclean.
  const zkUncleanUntold = [
    'kafka_isr_shrink fired',
    'kafka_broker_failure fired',
    'kafka_broker_failure fired',
    'kafka_broker_failure resolved',
    'kafka_offline_partitions fired',
    'kafka_offline_partitions resolved',
    'kafka_broker_failure resolved',
    'kafka_isr_shrink resolved',
  ];
  // 2.6 and 2.7 ZooKeeper mode: as zkUncleanUntold, but the controller's `Leader:-1` (2.6+) pages the
  // offline partitions, and the follower elected, just started, refuses the controller's earlier request
  // (`cannot become follower since the new leader -1 is unavailable`), paging them again until it
  // starts as their leader a moment later.
  const zkUncleanStaleRequest = [
    'kafka_isr_shrink fired',
    'kafka_broker_failure fired',
    'kafka_broker_failure fired',
    'kafka_offline_partitions fired',
    'kafka_broker_failure resolved',
    'kafka_offline_partitions resolved',
    'kafka_offline_partitions fired',
    'kafka_offline_partitions resolved',
    'kafka_broker_failure resolved',
    'kafka_isr_shrink resolved',
  ];
  // 3.2–3.9 ZooKeeper mode: follower killed, leader killed 15 s later (no replica left: `Leader:-1`),
  // the follower started again 22 s after that and elected from outside the ISR
  // (`leaderRecoveryState=RECOVERING`), the old leader back 15 s later.
  const zkUncleanRecovering = [
    'kafka_isr_shrink fired',
    'kafka_broker_failure fired',
    'kafka_broker_failure fired',
    'kafka_offline_partitions fired',
    'kafka_broker_failure resolved',
    'kafka_unclean_leader_election fired',
    'kafka_isr_shrink resolved',
    'kafka_offline_partitions resolved',
    'kafka_broker_failure resolved',
  ];
  // Each controller restarted replays the earlier unclean election (see replayedLogDir; with the
  // original it pages nothing, below).
  const replayedRestart = ['kafka_unclean_leader_election fired', 'kafka_controller_change fired'];
  // KRaft from 3.9 (its controller honours the topic's unclean.leader.election.enable): follower
  // killed, leader killed 15 s later (two of three voters gone), the follower started again 22 s
  // after that: the controller fences the leader and elects the follower at once, uncleanly. The
  // quorum lost with two nodes says nothing of the leaderless partitions. (4.0.2's run differs: its
  // follower, refused registration for 10 s, first saw its partitions without a leader.)
  const electedOnUnfence = [
    'kafka_isr_shrink fired',
    'kafka_broker_fenced fired',
    'kafka_controller_change fired',
    'kafka_broker_fenced resolved',
    'kafka_broker_fenced fired',
    'kafka_unclean_leader_election fired',
    'kafka_isr_shrink resolved',
    'kafka_broker_fenced resolved',
  ];
  const EXPECTED: Record<string, string[]> = {
    '0.10.2.2-zk/broker-loss': zkLoss,
    '0.10.2.2-zk/controller-loss': controllerChange,
    '0.10.2.2-zk/follower-pause': shrink,
    '0.10.2.2-zk/reassignment': none,
    '0.10.2.2-zk/rolling-restart': ['kafka_controller_change fired', 'kafka_isr_shrink fired', 'kafka_isr_shrink resolved'],
    '0.10.2.2-zk/session-expiry': [
      'kafka_isr_shrink fired',
      'kafka_broker_failure fired',
      'kafka_isr_shrink resolved',
      'kafka_zk_session_expired fired',
      'kafka_isr_shrink fired',
      'kafka_broker_failure resolved',
      'kafka_isr_flapping fired',
      'kafka_isr_update_skipped fired',
      'kafka_isr_shrink resolved',
    ],
    '0.10.2.2-zk/unclean-election': [
      'kafka_isr_shrink fired',
      'kafka_broker_failure fired',
      'kafka_broker_failure fired',
      'kafka_offline_partitions fired',
      'kafka_broker_failure resolved',
      'kafka_unclean_leader_election fired',
      'kafka_offline_partitions resolved',
      'kafka_offline_partitions fired',
      'kafka_broker_failure resolved',
      'kafka_isr_shrink resolved',
    ],
    '0.11.0.3-zk/broker-loss': zkLoss,
    '0.11.0.3-zk/controller-loss': ['kafka_controller_change fired', 'kafka_isr_shrink fired', 'kafka_isr_shrink resolved'],
    '0.11.0.3-zk/follower-pause': shrink,
    '0.11.0.3-zk/reassignment': none,
    '0.11.0.3-zk/rolling-restart': controllerChange,
    '0.11.0.3-zk/session-expiry': [
      'kafka_isr_shrink fired',
      'kafka_broker_failure fired',
      'kafka_isr_shrink resolved',
      'kafka_zk_session_expired fired',
      'kafka_zk_session_expired resolved',
      'kafka_zk_session_expired fired',
      'kafka_broker_failure resolved',
      'kafka_isr_shrink fired',
      'kafka_isr_shrink resolved',
    ],
    '0.11.0.3-zk/unclean-election': [
      'kafka_isr_shrink fired',
      'kafka_broker_failure fired',
      'kafka_broker_failure fired',
      'kafka_offline_partitions fired',
      'kafka_broker_failure resolved',
      'kafka_unclean_leader_election fired',
      'kafka_offline_partitions resolved',
      'kafka_offline_partitions fired',
      'kafka_offline_partitions resolved',
      'kafka_broker_failure resolved',
      'kafka_isr_shrink resolved',
    ],
    '1.1.1-zk/broker-loss': zkLoss,
    '1.1.1-zk/controller-loss': ['kafka_controller_change fired', 'kafka_isr_shrink fired', 'kafka_isr_shrink resolved'],
    '1.1.1-zk/follower-pause': shrink,
    '1.1.1-zk/log-dir-failure': zkLogDir,
    '1.1.1-zk/reassignment': none,
    '1.1.1-zk/rolling-restart': controllerChange,
    '1.1.1-zk/session-expiry': zkExpiry,
    '1.1.1-zk/unclean-election': zkUncleanUntold,
    '2.2.2-zk/broker-loss': zkLoss,
    // Broker 3, the old controller, back: a leader shrank it out before it had fetched (`endOffset: -1`)
    // and took it back a moment later.
    '2.2.2-zk/controller-loss': ['kafka_controller_change fired', 'kafka_isr_shrink fired', 'kafka_isr_shrink resolved'],
    '2.2.2-zk/follower-pause': shrink,
    '2.2.2-zk/log-dir-failure': zkLogDir,
    '2.2.2-zk/reassignment': none,
    '2.2.2-zk/rolling-restart': controllerChange,
    '2.2.2-zk/session-expiry': zkExpiry,
    '2.2.2-zk/unclean-election': zkUncleanUntold,
    '2.4.1-zk/broker-loss': zkLoss,
    '2.4.1-zk/controller-loss': controllerChange,
    '2.4.1-zk/follower-pause': ['kafka_isr_shrink fired', 'kafka_isr_shrink resolved', 'kafka_isr_shrink fired', 'kafka_isr_shrink resolved'],
    '2.4.1-zk/log-dir-failure': zkLogDir,
    '2.4.1-zk/reassignment': none,
    '2.4.1-zk/rolling-restart': controllerChange,
    '2.4.1-zk/session-expiry': zkExpiry,
    '2.4.1-zk/unclean-election': zkUncleanUntold,
    '2.6.3-zk/broker-loss': zkLoss,
    '2.6.3-zk/controller-loss': controllerChange,
    '2.6.3-zk/follower-pause': shrink,
    '2.6.3-zk/log-dir-failure': zkLogDir,
    '2.6.3-zk/reassignment': none,
    '2.6.3-zk/rolling-restart': controllerChange,
    '2.6.3-zk/session-expiry': zkExpiry,
    '2.6.3-zk/unclean-election': zkUncleanStaleRequest,
    '2.7.2-zk/broker-loss': zkLoss,
    // The stopped controller, taken out of the ISR by its own controlled shutdown, still fetched and was
    // taken back by a leader's AlterIsr that the next controller accepted (`ISR updated from AlterIsr to
    // 3,2,1`), then shrunk out again a moment later; as broker 2, the controller, in the rolling restart.
    '2.7.2-zk/controller-loss': ['kafka_controller_change fired', 'kafka_isr_shrink fired', 'kafka_isr_shrink resolved'],
    '2.7.2-zk/follower-pause': shrink,
    '2.7.2-zk/log-dir-failure': zkLogDir,
    '2.7.2-zk/reassignment': none,
    '2.7.2-zk/rolling-restart': ['kafka_controller_change fired', 'kafka_isr_shrink fired', 'kafka_isr_shrink resolved'],
    '2.7.2-zk/session-expiry': zkExpiry,
    '2.7.2-zk/unclean-election': zkUncleanStaleRequest,
    '2.8.2-zk/broker-loss': zkLoss,
    '2.8.2-zk/controller-loss': controllerChange,
    '2.8.2-zk/follower-pause': shrink,
    '2.8.2-zk/log-dir-failure': zkLogDir,
    '2.8.2-zk/reassignment': none,
    '2.8.2-zk/rolling-restart': controllerChange,
    '2.8.2-zk/session-expiry': zkExpiry,
    // 1.1–3.1: the controller's `Changed partition ... to OnlinePartition` has no
    // `leaderRecoveryState=RECOVERING` before 3.2, so only the offline partitions page.
    '2.8.2-zk/unclean-election': [
      'kafka_isr_shrink fired',
      'kafka_broker_failure fired',
      'kafka_broker_failure fired',
      'kafka_offline_partitions fired',
      'kafka_broker_failure resolved',
      'kafka_offline_partitions resolved',
      'kafka_offline_partitions fired',
      'kafka_isr_shrink resolved',
      'kafka_offline_partitions resolved',
      'kafka_broker_failure resolved',
    ],
    '3.2.3-zk/broker-loss': zkLoss,
    '3.2.3-zk/controller-loss': controllerChange,
    '3.2.3-zk/follower-pause': shrink,
    '3.2.3-zk/log-dir-failure': zkLogDir,
    '3.2.3-zk/reassignment': none,
    '3.2.3-zk/rolling-restart': controllerChange,
    // Broker 3 back from its pause fetched at once (the leaders' shrink ends) and, as leader of two
    // partitions whose followers it had not heard from, shrank their ISR to itself before it learnt
    // that its session had expired.
    '3.2.3-zk/session-expiry': [
      'kafka_isr_shrink fired',
      'kafka_broker_failure fired',
      'kafka_isr_shrink resolved',
      'kafka_isr_shrink fired',
      'kafka_zk_session_expired fired',
      'kafka_zk_session_expired resolved',
      'kafka_broker_failure resolved',
      'kafka_isr_shrink resolved',
    ],
    '3.2.3-zk/unclean-election': zkUncleanRecovering,
    '3.3.2-kraft/broker-loss': kraftLoss,
    '3.3.2-kraft/controller-loss': controllerChange,
    '3.3.2-kraft/follower-pause': pausedVoter,
    '3.3.2-kraft/log-dir-failure': replayedLogDir,
    '3.3.2-kraft/reassignment': none,
    '3.3.2-kraft/rolling-restart': replayedRestart,
    '3.3.2-kraft/unclean-election': toolElection,
    '3.4.1-kraft/broker-loss': kraftLoss,
    '3.4.1-kraft/controller-loss': controllerChange,
    '3.4.1-kraft/follower-pause': pausedVoter,
    '3.4.1-kraft/log-dir-failure': replayedLogDir,
    '3.4.1-kraft/reassignment': none,
    '3.4.1-kraft/rolling-restart': replayedRestart,
    '3.4.1-kraft/unclean-election': toolElection,
    '3.5.2-kraft/broker-loss': kraftLoss,
    '3.5.2-kraft/controller-loss': controllerChange,
    '3.5.2-kraft/follower-pause': pausedVoter,
    '3.5.2-kraft/log-dir-failure': replayedLogDir,
    '3.5.2-kraft/reassignment': none,
    '3.5.2-kraft/rolling-restart': replayedRestart,
    '3.5.2-kraft/unclean-election': toolElection,
    '3.5.2-zk/broker-loss': zkLoss,
    '3.5.2-zk/controller-loss': controllerChange,
    '3.5.2-zk/follower-pause': shrink,
    '3.5.2-zk/log-dir-failure': zkLogDir,
    '3.5.2-zk/reassignment': none,
    '3.5.2-zk/rolling-restart': controllerChange,
    '3.5.2-zk/session-expiry': zkExpiry,
    '3.5.2-zk/unclean-election': zkUncleanRecovering,
    '3.6.2-kraft/broker-loss': kraftLoss,
    '3.6.2-kraft/controller-loss': controllerChange,
    '3.6.2-kraft/follower-pause': pausedVoter,
    '3.6.2-kraft/log-dir-failure': replayedLogDir,
    '3.6.2-kraft/reassignment': none,
    '3.6.2-kraft/rolling-restart': replayedRestart,
    '3.6.2-kraft/unclean-election': toolElection,
    '3.7.2-kraft/broker-loss': kraftLoss,
    '3.7.2-kraft/controller-loss': controllerChange,
    '3.7.2-kraft/follower-pause': pausedVoter,
    '3.7.2-kraft/log-dir-failure': replayedLogDir,
    '3.7.2-kraft/reassignment': none,
    '3.7.2-kraft/rolling-restart': replayedRestart,
    '3.7.2-kraft/unclean-election': toolElectionNewController,
    '3.8.1-kraft/broker-loss': kraftLoss,
    '3.8.1-kraft/controller-loss': controllerChange,
    '3.8.1-kraft/follower-pause': pausedVoter,
    '3.8.1-kraft/log-dir-failure': kraftLogDir,
    '3.8.1-kraft/reassignment': none,
    '3.8.1-kraft/rolling-restart': controllerChange,
    '3.8.1-kraft/unclean-election': toolElectionNewController,
    '3.9.1-kraft/broker-loss': kraftLoss,
    '3.9.1-kraft/controller-loss': controllerChange,
    '3.9.1-kraft/follower-pause': kraftLoss,
    '3.9.1-kraft/log-dir-failure': replayedLogDir,
    '3.9.1-kraft/reassignment': none,
    '3.9.1-kraft/rolling-restart': replayedRestart,
    '3.9.1-kraft/unclean-election': electedOnUnfence,
    '3.9.1-zk/broker-loss': zkLoss,
    '3.9.1-zk/controller-loss': controllerChange,
    '3.9.1-zk/follower-pause': shrink,
    '3.9.1-zk/log-dir-failure': zkLogDir,
    '3.9.1-zk/reassignment': none,
    '3.9.1-zk/rolling-restart': controllerChange,
    '3.9.1-zk/session-expiry': zkExpiry,
    '3.9.1-zk/unclean-election': zkUncleanRecovering,
    '4.0.2-kraft/broker-loss': kraftLoss,
    '4.0.2-kraft/controller-loss': controllerChange,
    '4.0.2-kraft/follower-pause': kraftLoss,
    '4.0.2-kraft/log-dir-failure': replayedLogDir,
    '4.0.2-kraft/reassignment': none,
    '4.0.2-kraft/rolling-restart': replayedRestart,
    '4.0.2-kraft/unclean-election': [
      'kafka_isr_shrink fired',
      'kafka_broker_fenced fired',
      'kafka_controller_change fired',
      'kafka_broker_fenced fired',
      'kafka_offline_partitions fired',
      'kafka_broker_fenced resolved',
      'kafka_unclean_leader_election fired',
      'kafka_isr_shrink resolved',
      'kafka_offline_partitions resolved',
      'kafka_broker_fenced resolved',
    ],
    '4.1.1-kraft/broker-loss': kraftLoss,
    '4.1.1-kraft/controller-loss': controllerChange,
    '4.1.1-kraft/follower-pause': kraftLoss,
    '4.1.1-kraft/log-dir-failure': kraftLogDir,
    '4.1.1-kraft/reassignment': none,
    '4.1.1-kraft/rolling-restart': controllerChange,
    '4.1.1-kraft/unclean-election': electedOnUnfence,
    '4.2.2-kraft/broker-loss': kraftLoss,
    '4.2.2-kraft/controller-loss': controllerChange,
    '4.2.2-kraft/follower-pause': kraftLoss,
    '4.2.2-kraft/log-dir-failure': replayedLogDir,
    '4.2.2-kraft/reassignment': none,
    '4.2.2-kraft/rolling-restart': replayedRestart,
    '4.2.2-kraft/unclean-election': electedOnUnfence,
    '4.4.0-kraft/broker-loss': kraftLoss,
    '4.4.0-kraft/controller-loss': controllerChange,
    // Broker 3 was back from its 9 s pause before its session (9 s) ran out: no fencing, unlike 4.1.1 and 4.2.2.
    '4.4.0-kraft/follower-pause': shrink,
    '4.4.0-kraft/log-dir-failure': replayedLogDir,
    '4.4.0-kraft/reassignment': none,
    '4.4.0-kraft/rolling-restart': replayedRestart,
    '4.4.0-kraft/unclean-election': electedOnUnfence,
  };

  it('covers every drill capture', () => {
    const root = new URL('../fixtures/kafka/', import.meta.url);
    const folders = readdirSync(root)
      .filter((version) => /^\d/.test(version))
      .flatMap((version) => readdirSync(new URL(`${version}/`, root)).map((drill) => `${version}/${drill}`));
    expect(folders.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (drill, expected) => {
    expect(builtinChanges(`kafka/${drill}`)).toEqual(expected);
  });
});


describe('the built-in rules over a real partition reassignment', () => {
  it('page nobody when replicas move to other brokers and the leaders with them', () => {
    for (const version of ['3.9.1-zk', '4.1.1-kraft']) {
      const events = fixtureEvents(`kafka/${version}/reassignment`);
      expect(events.filter((e) => e['event.action'] === 'leader_election').length, version).toBeGreaterThan(0);
      expect(builtinChanges(`kafka/${version}/reassignment`), version).toEqual([]);
    }
  });
});

describe('the built-in rules over a real rolling restart', () => {
  it('page only the controller moving when every broker is restarted in turn with controlled shutdowns', () => {
    // ZooKeeper: the controller calls each broker that left failed (excused by its `Shutting down
    // broker N`); KRaft: it fences each incarnation that left when its session times out, seconds
    // after the broker is back (excused by the controlled shutdown it granted).
    for (const version of ['3.9.1-zk', '4.1.1-kraft']) {
      const events = fixtureEvents(`kafka/${version}/rolling-restart`);
      expect(events.filter((e) => e['event.action'] === (version === '3.9.1-zk' ? 'broker_failure' : 'broker_fenced')).length, version).toBeGreaterThan(0);
      expect(builtinChanges(`kafka/${version}/rolling-restart`), version).toEqual(['kafka_controller_change fired']);
    }
  });
});

describe('the built-in rules over real unclean leader elections', () => {
  it('names the topic, its partitions and the new leader from the first page, however many brokers log each election', () => {
    for (const [version, leader] of [['3.9.1-zk', '2'], ['4.1.1-kraft', '3']] as const) {
      const engine = builtinEngine();
      const fired = replay(engine, fixtureEvents(`kafka/${version}/unclean-election`)).find(
        ({ change }) => change.kind === 'fired' && change.alert.rule === 'kafka_unclean_leader_election',
      )!.change.alert.annotations;
      expect(fired.summary, version).toMatch(/^Unclean leader election in drill: data loss possible on drill-unclean-\d+ partitions [0-2]/);
      expect(fired.description, version).toBe(`New leaders, elected from outside the ISR: ${leader}. The alert ends after an hour without another unclean election.`);
    }
  });

  it('does not page a past unclean election again when a KRaft controller restarts and replays the metadata log', () => {
    // 3.3.2, 3.4.1, 3.5.2, 3.6.2, 3.7.2, 3.9.1, 4.0.2, 4.2.2 and 4.4.0: the rolling restart after the unclean-election
    // drill; each restarted controller writes that election's `UNCLEAN partition change` again, with its leader epoch.
    // Replayed two hours after the drill, past the alert's quiet hour, it pages nothing new.
    const hours = 2 * 3_600_000;
    for (const version of ['3.3.2-kraft', '3.4.1-kraft', '3.5.2-kraft', '3.6.2-kraft', '3.7.2-kraft', '3.9.1-kraft', '4.0.2-kraft', '4.2.2-kraft', '4.4.0-kraft']) {
      const restart = fixtureEvents(`kafka/${version}/rolling-restart`).map((event) => ({
        ...event,
        '@timestamp': new Date(Date.parse(event['@timestamp']) + hours).toISOString(),
      }));
      const replayed = restart.filter((event) => event['event.action'] === 'unclean_leader_election');
      expect(replayed.length, version).toBe(9);
      expect(replayed.every((event) => event['kafka.leader.epoch'] !== undefined), version).toBe(true);
      const engine = builtinEngine();
      const unclean = replay(engine, [...fixtureEvents(`kafka/${version}/unclean-election`), ...restart])
        .filter(({ change }) => change.kind !== 'updated' && change.alert.rule === 'kafka_unclean_leader_election')
        .map(({ change }) => change.kind);
      expect(unclean, version).toEqual(['fired', 'resolved']);
    }
  });
});

describe('the built-in rules over real Kafka broker losses and session expiries', () => {
  it('ends the ZooKeeper-mode broker failure alert when the broker registers again', () => {
    // Kafka 3.9.1, broker 3 killed, restarted 25 s later: the controller's `Broker failure callback
    // for 3` at 08:41:00.187, broker 3's `Registered broker 3 at path /brokers/ids/3` at 08:41:18.952,
    // well within the rule's 15 minutes of quiet time.
    expect(builtinTimeline('kafka/3.9.1-zk/broker-loss', 'kafka_broker_failure')).toEqual([
      'fired 3 2026-11-25T08:41:00.187Z',
      'resolved 3 2026-11-25T08:41:18.952Z',
    ]);
  });

  it("ends it from the controller's log alone, at `New broker startup callback for 3`", () => {
    expect(builtinTimeline('kafka/3.9.1-zk/broker-loss/broker-1/controller.log', 'kafka_broker_failure')).toEqual([
      'fired 3 2026-11-25T08:41:00.187Z',
      'resolved 3 2026-11-25T08:41:18.965Z',
    ]);
  });

  it('ends it when a broker whose ZooKeeper session expired registers again', () => {
    const changes = builtinChanges('kafka/3.9.1-zk/session-expiry').filter((c) => c.startsWith('kafka_broker_failure') || c.startsWith('kafka_zk'));
    expect(changes).toEqual([
      'kafka_broker_failure fired',
      'kafka_zk_session_expired fired',
      'kafka_zk_session_expired resolved',
      'kafka_broker_failure resolved',
    ]);
  });

  it('ends the ZooKeeper session alert of a ZkClient log (Kafka 0.10–1.0) at `zookeeper state changed (SyncConnected)`', () => {
    // A public sample of the ZkClient that Kafka 0.10–1.0 bundle (in MetaQ): `(Expired)`, then
    // `(Disconnected)` and `(SyncConnected)`, without the ZooKeeper client's own lines.
    expect(builtinTimeline('kafka/public/metamorphosis-125.log', 'kafka_zk_session_expired')).toEqual([
      'fired 2016-06-22T16:53:39.956Z',
      'resolved 2016-06-22T16:53:40.051Z',
    ]);
  });

  it('shows a KRaft broker loss as fencing, ended by the unfencing', () => {
    // Kafka 4.1.1, the same drill: no `Broker failure callback` in KRaft; the controller fences
    // broker 3 and unfences it once it has registered again and caught up.
    expect(builtinChanges('kafka/4.1.1-kraft/broker-loss').filter((c) => c.startsWith('kafka_broker'))).toEqual([
      'kafka_broker_fenced fired',
      'kafka_broker_fenced resolved',
    ]);
    expect(builtinTimeline('kafka/4.1.1-kraft/broker-loss', 'kafka_broker_fenced')).toEqual([
      'fired 3 2026-11-25T08:36:05.572Z',
      'resolved 3 2026-11-25T08:36:34.549Z',
    ]);
  });
});

describe('the built-in rule for refused ISR updates', () => {
  const skipped = (seconds: number, partition: number) =>
    ev(seconds, { 'event.action': 'isr_update_skipped', 'kafka.topic': 'orders', 'kafka.partition': partition, 'broker.id': '1' });

  it('fires when one partition keeps refusing, not for one refusal per partition after a controller change', () => {
    const once = builtinEngine();
    for (let partition = 0; partition < 20; partition++) once.feed(skipped(0, partition));
    expect(once.advance(atSecond(60)).filter((c) => c.alert.rule === 'kafka_isr_update_skipped')).toEqual([]);
    const stuck = builtinEngine();
    for (const seconds of [0, 5, 10]) stuck.feed(skipped(seconds, 3));
    const changes = stuck.advance(atSecond(11)).filter((c) => c.alert.rule === 'kafka_isr_update_skipped');
    expect(changes.map((c) => [c.kind, c.alert.annotations.summary])).toEqual([
      ['fired', "ISR updates of orders-3 in prod-a refused 3 times within 5m: the leader's metadata is stale"],
    ]);
  });
});

describe('the built-in rule for a broker id registered twice', () => {
  const refused = (seconds: number) => ev(seconds, { 'event.action': 'duplicate_broker_registration', 'broker.id': '2', 'kafka.broker.subject': 2 });
  const changesOf = (e: RuleEngine, seconds: number) =>
    e.advance(atSecond(seconds)).filter((c) => c.alert.rule === 'kafka_duplicate_broker_registration').map((c) => c.kind);

  it("pages nobody for a KRaft broker refused until its previous incarnation's session ends (real 4.0.2)", () => {
    // The 4.0.2 unclean-election drill: broker 3 started again while the new controller still
    // counted its old session, refused five times in ten seconds, then registered.
    const events = fixtureEvents('kafka/4.0.2-kraft/unclean-election');
    expect(events.filter((e) => e['event.action'] === 'duplicate_broker_registration').length).toBe(5);
    expect(builtinChanges('kafka/4.0.2-kraft/unclean-election', 'kafka_duplicate_broker_registration')).toEqual([]);
    expect(builtinChanges('kafka/4.0.2-kraft/unclean-election', 'kafka_broker_fatal')).toEqual([]);
  });

  it('pages a broker still refused after a minute, and ends 30 minutes after the last refusal', () => {
    // Times are event times; each decision waits out the allowed lateness too.
    const late = DEFAULT_ALLOWED_LATENESS_MS / 1000;
    const e = builtinEngine();
    for (let seconds = 0; seconds <= 70; seconds += 5) e.feed(refused(seconds));
    expect(changesOf(e, late + 59)).toEqual([]);
    expect(changesOf(e, late + 61)).toEqual(['fired']);
    expect(changesOf(e, late + 70 + 1799)).toEqual([]);
    expect(changesOf(e, late + 70 + 1801)).toEqual(['resolved']);
  });

  it('pages nobody when the broker registers within the minute', () => {
    const e = builtinEngine();
    for (const seconds of [0, 2, 4]) e.feed(refused(seconds));
    e.feed(ev(10, { 'event.action': 'broker_registered', 'broker.id': '2', 'kafka.broker.subject': 2 }));
    expect(changesOf(e, 120)).toEqual([]);
  });
});

describe('the built-in rule for a KRaft controller quorum without a leader', () => {
  const leaderless = (seconds: number, id: number, epoch: number) =>
    ev(seconds, { 'event.action': 'controller_quorum_leaderless', 'broker.id': String(id), 'kafka.controller.id': id, 'kafka.controller.epoch': epoch });
  const elected = (seconds: number) => ev(seconds, { 'event.action': 'controller_elected', 'broker.id': '1', 'kafka.controller.id': 1, 'kafka.controller.epoch': 9 });
  const changesOf = (e: RuleEngine, seconds: number) =>
    e.advance(atSecond(seconds)).filter((c) => c.alert.rule === 'kafka_controller_quorum_leaderless');
  const late = DEFAULT_ALLOWED_LATENESS_MS / 1000;

  it('pages nobody for a quorum lost for 22 s (4.1.1), as for the moment of every election (the drill table above)', () => {
    // The 4.1.1 unclean-election drill lost two of three voters for 22 s: the survivor's two
    // leaderless epochs, then a leader again.
    const events = fixtureEvents('kafka/4.1.1-kraft/unclean-election');
    expect(events.filter((e) => e['event.action'] === 'controller_quorum_leaderless').length).toBeGreaterThan(1);
    expect(builtinChanges('kafka/4.1.1-kraft/unclean-election', 'kafka_controller_quorum_leaderless')).toEqual([]);
  });

  it('pages a quorum that has stayed without a leader for 30 s, and ends when a controller becomes active', () => {
    const e = builtinEngine();
    e.feed(leaderless(0, 2, 8));
    e.feed(leaderless(0, 3, 8));
    e.feed(leaderless(20, 3, 9));
    expect(changesOf(e, late + 29)).toEqual([]);
    const fired = changesOf(e, late + 31);
    expect(fired.map((c) => [c.kind, c.alert.annotations.summary])).toEqual([['fired', 'Kafka controller quorum of prod-a has no leader (epoch 9)']]);
    e.feed(elected(200));
    expect(changesOf(e, late + 201).map((c) => c.kind)).toEqual(['resolved']);
  });

  it('pages nobody when a controller becomes active within the 30 s', () => {
    const e = builtinEngine();
    e.feed(leaderless(0, 2, 8));
    e.feed(elected(2));
    expect(changesOf(e, 300)).toEqual([]);
  });
});

describe('the built-in rule for the file descriptor alarm', () => {
  it('pages the node that ran out of sockets for clients, and ends when it has them again (real 3.10.8)', () => {
    expect(builtinChanges('rabbitmq-alarms/rabbitmq-3.10.8.fd_alarm.log')).toEqual(['rabbitmq_fd_alarm fired', 'rabbitmq_fd_alarm resolved']);
  });
});
