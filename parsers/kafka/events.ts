// Kafka's event wordings -> taxonomy actions, for every broker version in service (0.10 to 4.x,
// ZooKeeper-era and KRaft-era controllers). Each row cites the broker source that writes the
// wording (apache/kafka at the tags named in `versions`; the ZooKeeper client's ClientCnxn for the
// session rows) and a real record of it, or says that only the source's format string is known.
//
// The message a row sees is the text after the layout prefix and before the `(logger)`: it still
// starts with the class's bracketed log identity (`[Partition t-0 broker=1] `, `[Controller id=1] `,
// `[QuorumController id=1] `), which is where the partition or the node id of many wordings is.
//
// Which record announces an event, where several lines follow one happening (docs/taxonomy.md has
// the reasoning per action): the broker or controller's own decision line is labelled and its
// consequences stay ordinary (`Epoch incremented to` after `elected`, `Exiting Kafka` after a startup
// failure, the KRaft controllers' `Replayed ...` records of a decision). ZooKeeper connection changes
// are taken from the client library's ClientCnxn lines, which every version logs once per change, and
// in 0.10–1.0 also from ZkClient's `zookeeper state changed (...)` that follows each (a log without
// the client's lines still shows them); session expiry from Kafka's own wrapper (ZooKeeperClient, or
// ZkClient before 1.1), and in 0.10–1.0 also from KafkaHealthcheck's re-registration after it (0.10's
// own logging config writes no ZooKeeper line to server.log).
import type { EventAction } from '../../src/core/index.js';
import type { EventFields, EventPattern, EventPatternTable } from '../pattern.js';

type Groups = Readonly<Record<string, string | undefined>>;

const replicaList = (text: string): number[] => text.split(',').filter((id) => id !== '').map(Number);

/**
 * A partition written as `t-0` (TopicPartition, 0.10.2 and later) or `[t,0]` (TopicAndPartition,
 * before): groups `tp`, or `bt` and `bp`. Topic names may contain dashes, so the partition is the
 * number after the last one.
 */
const PARTITION = String.raw`(?:\[(?<bt>[^,\]\s]+),(?<bp>\d+)\]|(?<tp>\S+?-\d+))`;

/** The log identity of kafka.cluster.Partition: `[Partition t-0 broker=1] ` (1.x+) or `Partition [t,0] on broker 1: `. */
const PARTITION_IDENT = String.raw`^(?:(?:\[Partition (?<tp>\S+?-\d+) broker=\d+\]|Partition \[(?<bt>[^,\]\s]+),(?<bp>\d+)\] on broker \d+:) )?`;

function partitionOf(groups: Groups | undefined): EventFields {
  if (groups === undefined) return {};
  const dashed = groups.tp;
  if (dashed !== undefined) {
    const dash = dashed.lastIndexOf('-');
    return { 'kafka.topic': dashed.slice(0, dash), 'kafka.partition': Number(dashed.slice(dash + 1)) };
  }
  if (groups.bt !== undefined && groups.bp !== undefined) {
    return { 'kafka.topic': groups.bt, 'kafka.partition': Number(groups.bp) };
  }
  return {};
}

/** Group `id` as the controller's id and `epoch` as its epoch, where the wording has them. */
function controllerOf(groups: Groups | undefined): EventFields {
  const fields: EventFields = {};
  if (groups?.id !== undefined) fields['kafka.controller.id'] = Number(groups.id);
  if (groups?.epoch !== undefined) fields['kafka.controller.epoch'] = Number(groups.epoch);
  return fields;
}

/**
 * The state-change logger's identity in the ZooKeeper controller, 1.0+: `[Controller id=1 epoch=5] `
 * (groups `id`, `epoch`); 0.10–0.11 write `Controller 1 epoch 5 ` into the message instead
 * (`oldId`, `oldEpoch`, in the patterns that allow it).
 */
const STATE_CHANGE_IDENT = String.raw`^(?:\[Controller id=(?<id>\d+) epoch=(?<epoch>\d+)\] )?`;

/**
 * The log identity of the KRaft controller's classes (QuorumController and the managers it logs
 * through, which share its LogContext): `[Controller 1] ` in 2.8–3.4, `[QuorumController id=1] ` from
 * 3.5 (group `id`). The ZooKeeper controller's `[Controller id=1] ` is not it.
 */
const QUORUM_CONTROLLER_IDENT = String.raw`^(?:\[(?:QuorumController id=|Controller )(?<id>\d+)\] )?`;

function stateChangeControllerOf(groups: Groups | undefined): EventFields {
  return controllerOf({ id: groups?.id ?? groups?.oldId, epoch: groups?.epoch ?? groups?.oldEpoch });
}

/** Group `subject` as the broker the event is about. */
function subjectOf(groups: Groups | undefined): EventFields {
  return groups?.subject === undefined ? {} : { 'kafka.broker.subject': Number(groups.subject) };
}

/** A list of broker ids names its subject only when it holds exactly one. */
function singleSubjectOf(groups: Groups | undefined): EventFields {
  const ids = replicaList(groups?.ids ?? '');
  return ids.length === 1 ? { 'kafka.broker.subject': ids[0]! } : {};
}

/**
 * ZkClient's `zookeeper state changed (STATE)`, the ZooKeeper wrapper of Kafka 0.10–1.0; `line`:
 * where the public sample of the same ZkClient (in another broker) shows it.
 */
function zkClientState(state: string, action: EventAction, line: number): EventPattern {
  return {
    action,
    contains: `zookeeper state changed (${state})`,
    pattern: new RegExp(String.raw`^zookeeper state changed \(${state}\)$`),
    source: 'org.I0Itec.zkclient.ZkClient (processStateChanged: `"zookeeper state changed (" + event.getState() + ")"`, zkclient 0.8/0.9/0.10), the ZooKeeper wrapper of Kafka 0.10–1.0',
    versions: '0.10–1.0',
    example: `test/fixtures/kafka/public/metamorphosis-125.log:${line} (the same ZkClient in another broker)`,
  };
}

export const KAFKA_EVENTS: EventPatternTable = [
  // ---- ISR changes (kafka.cluster.Partition, on the partition leader) ----
  {
    action: 'isr_shrink',
    contains: 'Shrinking ISR ',
    // 0.10: `Partition [t,0] on broker 1: Shrinking ISR for partition [t,0] from 1,2,3 to 1,2`;
    // 0.11–2.6: `[Partition t-0 broker=1] Shrinking ISR from 1,2,3 to 1,2` (0.11 still with the old
    // identity), from 2.2 followed by `. Leader: (highWatermark: ..., endOffset: ...). Out of sync
    // replicas: (brokerId: 3, endOffset: ...)`, with `lastCaughtUpTimeMs` from 3.6 (apache/kafka#13187;
    // the 3.5.2 drills' shrinks are without it).
    pattern: new RegExp(
      PARTITION_IDENT +
        String.raw`Shrinking ISR (?:for partition \[[^\]]+\] )?from (?<before>[\d,]+) to (?<after>[\d,]*)`,
    ),
    fields: (m) => {
      const before = replicaList(m.groups!.before!);
      const after = replicaList(m.groups!.after!);
      return {
        ...partitionOf(m.groups),
        'kafka.isr.before': before,
        'kafka.isr.after': after,
        'kafka.isr.removed': before.filter((id) => !after.includes(id)),
      };
    },
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (maybeShrinkIsr)',
    versions: '0.10–4.x',
    example: 'test/fixtures/kafka/public/librdkafka-948.log:2 (0.10); test/fixtures/kafka/3.9.1-zk/follower-pause/broker-1/server.log:39; test/fixtures/kafka/4.1.1-kraft/follower-pause/broker-1/server.log:39',
  },
  {
    action: 'isr_expand',
    contains: 'Expanding ISR ',
    // 0.10: `Expanding ISR for partition t-0 from 1,2 to 1,2,3`; 0.11–2.7 (and 2.7+ brokers still on
    // an inter.broker.protocol.version below 2.7-IV2): `Expanding ISR from 1,2 to 1,2,3`. From 2.7 a
    // leader using AlterIsr logs only the `ISR updated to` line below.
    pattern: new RegExp(
      PARTITION_IDENT + String.raw`Expanding ISR (?:for partition \S+ )?from (?<before>[\d,]*) to (?<after>[\d,]+)`,
    ),
    fields: (m) => {
      const before = replicaList(m.groups!.before!);
      const after = replicaList(m.groups!.after!);
      return {
        ...partitionOf(m.groups),
        'kafka.isr.before': before,
        'kafka.isr.after': after,
        'kafka.isr.added': after.filter((id) => !before.includes(id)),
      };
    },
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (maybeExpandIsr, expandIsrWithZk)',
    versions: '0.10–2.7',
    example: 'test/fixtures/kafka/public/lyhistory-kafka-consumer-notes.log:6 (2.2)',
  },
  {
    action: 'isr_updated',
    contains: 'ISR updated ',
    // 0.10–2.3 (TRACE) and 2.4–2.7 (INFO): `ISR updated to [1,2] and zkVersion updated to [5]`;
    // 2.7: `ISR updated from AlterIsr to 1,2 and version updated to [5]`; 2.8–3.0: `ISR updated to
    // 1,2 and version updated to [5]`; 3.1–3.4: `... version updated to 5`; 3.5+: `ISR updated to 1,2
    // (under-min-isr) and version updated to 5`, with two spaces before `and` when not under min ISR.
    pattern: new RegExp(
      PARTITION_IDENT +
        String.raw`ISR updated (?:from AlterIsr )?to \[?(?<after>[\d,]*)\]?(?: \(under-min-isr\))? +and (?:zkVersion|version) updated to \[?\d+\]?`,
    ),
    fields: (m) => ({ ...partitionOf(m.groups), 'kafka.isr.after': replicaList(m.groups!.after!) }),
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (maybeUpdateIsrAndVersion, handleAlterPartitionUpdate)',
    versions: '0.10–4.x',
    example: 'test/fixtures/kafka/3.9.1-zk/follower-pause/broker-1/server.log:44; test/fixtures/kafka/4.1.1-kraft/follower-pause/broker-1/server.log:192',
  },
  {
    action: 'isr_updated',
    contains: 'Skipped the become-leader state change for ',
    // A leader applying a partition change it already leads (KRaft's metadata log; a ZooKeeper
    // controller's request of the same leader epoch) states the ISR it now has: `[Broker id=1]
    // Skipped the become-leader state change for t-0 with topic id Some(...) and partition state
    // LeaderAndIsrPartitionState(...) since it is already the leader with leader epoch 1. Current high
    // watermark 10, ISR [1,2,3], adding replicas [] and removing replicas [].` (3.3–4.1); from 4.2,
    // with LeaderAndIsr gone, `... with topic id Some(...), partition registration
    // PartitionRegistration(...) and isNew=false since it is already the leader ...` (the 4.2.2 and
    // 4.4.0 drills). In KRaft this is often the only line of a replica rejoining the ISR: the
    // metadata reaches the leader before the AlterPartition response, and no `ISR updated` follows.
    // The other `Skipped the become-leader` wordings (a newer partition epoch, a storage error) say
    // nothing of the ISR.
    pattern:
      /^(?:\[Broker id=\d+\] )?Skipped the become-leader state change for (?<tp>\S+?-\d+) with topic id .*? since it is already the leader with leader epoch \d+\. Current high watermark -?\d+, ISR \[(?<after>[\d,]*)\]/,
    fields: (m) => ({ ...partitionOf(m.groups), 'kafka.isr.after': replicaList(m.groups!.after!) }),
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (makeLeader)',
    versions: '3.3–4.x',
    example: 'test/fixtures/kafka/4.1.1-kraft/broker-loss/broker-2/state-change.log:199; test/fixtures/kafka/4.4.0-kraft/broker-loss/broker-1/state-change.log:22',
  },
  {
    action: 'isr_update_skipped',
    contains: 'because the current partition epoch is ',
    // The KRaft controller refusing a leader's ISR change made on a stale partition state (the
    // counterpart of ZooKeeper's bad version; the broker's side is DEBUG): 3.0–3.1 `Rejecting
    // alterIsr request from node 1 for t-0 because the current partition epoch is 7, not 6.`, 3.2+
    // `Rejecting AlterPartition request ...`, 4.3+ followed by the partition's state (` Proposed ISR
    // was [BrokerState(...), ...] and current ISR is [1, 2, 3]. ...`: the format strings of the
    // 4.3.0 and 4.4.0 jars). The subject is the leader refused.
    pattern: /Rejecting (?:alterIsr|AlterPartition) request from node (?<subject>\d+) for (?<tp>\S+?-\d+) because the current partition epoch is \d+, not \d+/,
    fields: (m) => ({ ...partitionOf(m.groups), ...subjectOf(m.groups) }),
    source: 'metadata/src/main/java/org/apache/kafka/controller/ReplicationControlManager.java (alterPartition)',
    versions: '3.0–4.x (KRaft)',
    example: 'source only: ReplicationControlManager.java@3.9:1196 `Rejecting AlterPartition request from node {} for {}-{} because the current partition epoch is {}, not {}.`',
  },
  {
    action: 'isr_update_skipped',
    contains: 'Cached zkVersion ',
    // 0.10–2.3: `Cached zkVersion [3] not equal to that in zookeeper, skip updating ISR`; 2.4–2.7 without brackets.
    pattern: new RegExp(PARTITION_IDENT + String.raw`Cached zkVersion \[?\d+\]? not equal to that in zookeeper, skip updating ISR`),
    fields: (m) => partitionOf(m.groups),
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (updateIsr, maybeUpdateIsrAndVersionWithZk)',
    versions: '0.10–2.7',
    example: 'test/fixtures/kafka/public/librdkafka-948.log:1 (0.10)',
  },
  {
    action: 'isr_update_skipped',
    contains: 'bad ZK version',
    // The ZooKeeper-mode controller refusing a leader's AlterIsr because the partition's znode moved on:
    // 2.7–2.8 and 3.1–3.9 `Failed to update ISR to LeaderAndIsr(...) for partition t-0, bad ZK version.`
    // (INFO); 3.0 `Failed to update ISR for partition t-0, bad ZK version` (DEBUG, which Kafka's
    // log4j.properties writes to controller.log: the kafka.controller logger is at TRACE).
    pattern: new RegExp(String.raw`Failed to update ISR (?:to .+ )?for partition ${PARTITION}, bad ZK version`),
    fields: (m) => partitionOf(m.groups),
    source: 'core/src/main/scala/kafka/controller/KafkaController.scala (processAlterIsr / processAlterPartition)',
    versions: '2.7–3.9 (ZooKeeper mode)',
    example: 'source only: KafkaController.scala@3.9:2473 `Failed to update ISR to ${...} for partition $partition, bad ZK version.`; KafkaController.scala@3.0.2:2355 `Failed to update ISR for partition $partition, bad ZK version`',
  },
  {
    action: 'isr_update_skipped',
    contains: 'due to invalid ',
    // The leader's side of the same refusal, once it sends AlterIsr instead of writing ZooKeeper
    // (DEBUG): 2.7 `Controller failed to update ISR to PendingExpandIsr(...) due to invalid zk version.
    // Giving up.`; 2.8–3.0 `Failed to update ISR to ... due to invalid version. Giving up.`
    pattern: new RegExp(PARTITION_IDENT + String.raw`(?:Controller failed|Failed) to update ISR to .+ due to invalid (?:zk )?version\. Giving up\.`),
    fields: (m) => partitionOf(m.groups),
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (handleAlterIsrError)',
    versions: '2.7–3.0 (DEBUG)',
    example: 'source only: Partition.scala@2.8.2:1410 `Failed to update ISR to $proposedIsrState due to invalid version. Giving up.`',
  },
  {
    action: 'isr_update_skipped',
    contains: 'is invalid. ',
    // The same from 3.1 (DEBUG; KRaft too, where the partition epoch is the controller's): 3.1 `Failed
    // to update ISR to ... because the version is invalid. Giving up.`; 3.2 `Failed to alter partition
    // to ... because the partition epoch is invalid. Giving up.`; 3.3+ `... is invalid. Partition state
    // may be out of sync, awaiting new the latest metadata.`
    pattern: new RegExp(
      PARTITION_IDENT + String.raw`Failed to (?:update ISR|alter partition) to .+ because the (?:version|partition epoch) is invalid\. `,
    ),
    fields: (m) => partitionOf(m.groups),
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (handleAlterPartitionError)',
    versions: '3.1–4.x (DEBUG)',
    example: 'source only: Partition.scala@3.9:1924 `Failed to alter partition to $proposedIsrState because the partition epoch is invalid. ` + `Partition state may be out of sync, ...`',
  },

  // ---- controller changes ----
  {
    action: 'controller_elected',
    contains: 'successfully elected as ',
    // 0.10 (ZookeeperLeaderElector): `1 successfully elected as leader`; 0.11 (KafkaController's old
    // identity): `[Controller 1]: 1 successfully elected as the controller`; 1.0–2.0: `[Controller id=1] 1
    // successfully elected as the controller`; 2.1+: `... Epoch incremented to 5 and epoch zk version is now 5`.
    pattern: /^(?:\[Controller id=\d+\] |\[Controller \d+\]: )?(?<id>\d+) successfully elected as (?:the controller|leader)(?:\. Epoch incremented to (?<epoch>\d+))?/,
    fields: (m) => controllerOf(m.groups),
    source: 'core/src/main/scala/kafka/controller/KafkaController.scala (elect; logIdent `[Controller %d]: ` in 0.11, `[Controller id=%d] ` from 1.0); 0.10 kafka/server/ZookeeperLeaderElector.scala',
    versions: '0.10–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/public/kafka-admin-backward-compatibility.log:5 (0.11); test/fixtures/kafka/public/kafka-pr-7140.log:2 (2.4); test/fixtures/kafka/3.9.1-zk/controller-loss/broker-1/controller.log:1',
  },
  {
    action: 'controller_elected',
    contains: 'Becoming the active controller at epoch ',
    // 3.0–3.2: `... at epoch 5, committed offset 10 and committed epoch 4.`; 3.3–3.5 `..., committed
    // offset 10, committed epoch 4`; 3.6+: `Becoming the active controller at epoch 5, next write offset 11.`
    // Up to 3.4 the identity is `[Controller 1] `, from 3.5 `[QuorumController id=1] `.
    pattern: new RegExp(QUORUM_CONTROLLER_IDENT + String.raw`Becoming the active controller at epoch (?<epoch>\d+)`),
    fields: (m) => controllerOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/QuorumController.java (QuorumMetaLogListener.handleLeaderChange)',
    versions: '3.0–4.x (KRaft)',
    example: 'test/fixtures/kafka/4.1.1-kraft/controller-loss/broker-1/controller.log:11',
  },
  {
    action: 'controller_elected',
    contains: 'Becoming active at controller epoch ',
    // 2.8 (KRaft early access): `[Controller 1] Becoming active at controller epoch 5.`
    pattern: new RegExp(QUORUM_CONTROLLER_IDENT + String.raw`Becoming active at controller epoch (?<epoch>\d+)`),
    fields: (m) => controllerOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/QuorumController.java (QuorumMetaLogListener.handleClaim)',
    versions: '2.8 (KRaft)',
    example: 'source only: QuorumController.java@2.8.0:548 `Becoming active at controller epoch {}.`',
  },
  {
    action: 'controller_quorum_leaderless',
    contains: 'the leader is (none).',
    // A standby controller's view of a new Raft epoch that has no leader yet:
    // `[QuorumController id=2] In the new epoch 7, the leader is (none).` (`[Controller 2] ` before
    // 3.5). Every election passes through one, for a moment; a quorum that lost its majority stays
    // there (kafka_controller_quorum_leaderless waits). The same line with a leader id is ordinary.
    pattern: new RegExp(QUORUM_CONTROLLER_IDENT + String.raw`In the new epoch (?<epoch>\d+), the leader is \(none\)\.`),
    fields: (m) => controllerOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/QuorumController.java (QuorumMetaLogListener.handleLeaderChange)',
    versions: '3.3–4.x (KRaft)',
    example: 'test/fixtures/kafka/4.1.1-kraft/unclean-election/broker-2/controller.log:31',
  },
  {
    action: 'controller_resigned',
    contains: 'Renouncing ',
    // A new Raft leader: 2.8–3.2 `Renouncing the leadership at oldEpoch 5 due to a metadata log event.
    // Reverting to last committed offset 10.`; 3.3+ `Renouncing the leadership due to a metadata log
    // event. We were the leader at epoch 5, but in the new epoch 6, the leader is 2. Reverting to ...`.
    // A failed event: 3.3–3.5 `NAME: failed with unknown server exception X at epoch 5 in 10 us.
    // Renouncing leadership and reverting to the last committed offset 10.`, 3.6+ `NAME: event failed
    // with X at epoch 5 in 10 microseconds. Renouncing leadership and reverting to ...`. The identity
    // is `[Controller 1] ` up to 3.4, `[QuorumController id=1] ` from 3.5. From 3.6 an unexpected
    // exception (a fault) goes through the fault handler instead, without the identity:
    // `Encountered quorum controller fault: NAME: event failed with X at epoch 5 in ...`.
    pattern: new RegExp(
      QUORUM_CONTROLLER_IDENT +
        String.raw`(?:Renouncing the leadership (?:at oldEpoch (?<epoch>\d+) |due to a metadata log event\. We were the leader at epoch (?<epoch2>\d+))|.* at epoch (?<epoch3>\d+) in \d+ (?:us|microseconds)\.\s+Renouncing leadership)`,
    ),
    fields: (m) =>
      controllerOf({ id: m.groups!.id, epoch: m.groups!.epoch ?? m.groups!.epoch2 ?? m.groups!.epoch3 }),
    source: 'metadata/src/main/java/org/apache/kafka/controller/QuorumController.java (handleLeaderChange, handleEventException); controller/errors/EventHandlerExceptionInfo.java',
    versions: '2.8–4.x (KRaft)',
    example: 'test/fixtures/kafka/4.1.1-kraft/controller-loss/broker-2/controller.log:15; test/fixtures/kafka/public/stackoverflow-75055672.log:1 (3.3.1, a failed event)',
  },
  {
    action: 'controller_resigned',
    contains: 'Reverting to last committed offset ',
    // A failed event before 3.3 renounced without saying so: `X: failed with unknown server exception
    // NullPointerException at epoch 5 in 120 us.  Reverting to last committed offset 100.` (WARN),
    // where X is the controller object (`org.apache.kafka.controller.QuorumController@1b2c3d4e`) in
    // 2.8–3.1 and the event's name in 3.2. A standby controller writes `at epoch -1`: not matched.
    pattern: new RegExp(
      QUORUM_CONTROLLER_IDENT +
        String.raw`\S+: failed with unknown server exception \S+ at epoch (?<epoch>\d+) in \d+ us\.\s+Reverting to last committed offset`,
    ),
    fields: (m) => controllerOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/QuorumController.java (handleEventException)',
    versions: '2.8–3.2 (KRaft)',
    example: 'source only: QuorumController.java@3.2.3:376 `{}: failed with unknown server exception {} at epoch {} in {} us.  Reverting to last committed offset {}.`',
  },

  // ---- partition leadership ----
  {
    action: 'unclean_leader_election',
    contains: "There's potential data loss",
    // `[OfflinePartitionLeaderSelector]: No broker in ISR is alive for [t,0]. Elect leader 2 from live
    // brokers 2. There's potential data loss.` From 1.1 the ZooKeeper controller only counts unclean
    // elections in a metric.
    pattern: new RegExp(String.raw`No broker in ISR is alive for ${PARTITION}\. Elect leader (?<subject>\d+) from live brokers`),
    fields: (m) => ({ ...partitionOf(m.groups), ...subjectOf(m.groups) }),
    source: 'core/src/main/scala/kafka/controller/PartitionLeaderSelector.scala (OfflinePartitionLeaderSelector)',
    versions: '0.10–1.0',
    example: 'test/fixtures/kafka/0.11.0.3-zk/unclean-election/broker-1/controller.log:1703',
  },
  {
    action: 'unclean_leader_election',
    contains: 'Setting new leader for topicId ',
    // `Setting new leader for topicId AbC..., partition 0 to 2 using an unclean election`: the topic
    // is named only by its id, so kafka.topic stays empty.
    pattern: /Setting new leader for topicId \S+, partition (?<partition>\d+) to (?<subject>\d+) using an unclean election/,
    fields: (m) => ({ 'kafka.partition': Number(m.groups!.partition), ...subjectOf(m.groups) }),
    source: 'metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java (tryElection)',
    versions: '3.2–4.x (KRaft; INFO from 3.6, DEBUG in 3.2–3.5)',
    example: 'test/fixtures/kafka/4.1.1-kraft/unclean-election/broker-2/controller.log:42',
  },
  {
    action: 'leader_election',
    contains: 'Setting new leader for topicId ',
    // A leader elected from the eligible leader replicas (KIP-966: replicas that left the ISR only
    // because it fell below min.insync.replicas, so they hold every committed record): a clean
    // election while the ISR is empty. `... partition 0 to 2 using ELR. Previous partition: ...`;
    // the topic is named only by its id.
    pattern: /Setting new leader for topicId \S+, partition (?<partition>\d+) to (?<subject>\d+) using ELR\b/,
    fields: (m) => ({ 'kafka.partition': Number(m.groups!.partition), ...subjectOf(m.groups) }),
    source: 'metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java (electLeader)',
    versions: '4.1–4.x (KRaft; TRACE before 4.1)',
    example: 'source only: kafka-metadata-4.1.1.jar PartitionChangeBuilder `Setting new leader for topicId {}, partition {} to {} using ELR. Previous partition: {}, change record: {}`',
  },
  {
    action: 'unclean_leader_election',
    contains: 'UNCLEAN partition change for ',
    // Every KRaft controller, active or standby, replaying a PartitionChangeRecord whose new leader
    // was not in the previous ISR (INFO; a clean change is DEBUG): `UNCLEAN partition change for t-0
    // with topic ID AbC...: isr: [1] -> [2], leader: 1 -> 2, leaderEpoch: 5 -> 6, ...`. Before 3.6 it
    // is the only record of an unclean election at INFO; from 3.6 the active controller's `Setting new
    // leader ... using an unclean election` (above) precedes it. The leader changes in the diff only
    // when it moved (`leader: 1 -> 2`), so the subject may be missing. Kafka's test is only "the new
    // leader was not in the old ISR", which a completed reassignment making an added replica leader
    // (KAFKA-19212, before 4.1) and an election from the eligible replicas with an empty ISR
    // (KAFKA-18940, before 4.0) also fail: a real unclean election marks the log RECOVERING
    // (metadata.version 3.2+) and, before that, leaves the new leader alone in the ISR, without a
    // replica set or ELR change.
    pattern: new RegExp(
      String.raw`UNCLEAN partition change for ${PARTITION} with topic ID \S+: ` +
        String.raw`(?=.*?\bleaderRecoveryState: RECOVERED -> RECOVERING\b|(?!.*?\b(?:elr|addingReplicas|removingReplicas): )(?=.*?\bisr: \[[^\]]*\] -> \[(?<only>\d+)\])(?=.*?\bleader: -?\d+ -> \k<only>\b))` +
        String.raw`(?:.*?\bleader: -?\d+ -> (?<subject>\d+))?(?:.*?\bleaderEpoch: \d+ -> (?<epoch>\d+))?`,
    ),
    // The leader epoch identifies the election: a controller that starts replays the metadata log
    // since its last snapshot and writes the line again (rules/kafka-unclean-leader-election.yaml).
    fields: (m) => ({ ...partitionOf(m.groups), ...subjectOf(m.groups), ...(m.groups!.epoch === undefined ? {} : { 'kafka.leader.epoch': Number(m.groups!.epoch) }) }),
    source: 'metadata/src/main/java/org/apache/kafka/metadata/PartitionRegistration.java (maybeLogPartitionChange, called from ReplicationControlManager.replay)',
    versions: '3.0–4.x (KRaft)',
    example: 'test/fixtures/kafka/4.1.1-kraft/unclean-election/broker-1/controller.log:43, test/fixtures/kafka/public/automq-686.log:3 (AutoMQ, a fork of Kafka 3.4 whose controller is Kafka\'s)',
  },
  {
    action: 'unclean_leader_election',
    contains: 'was marked as RECOVERING.',
    // The new leader's side of an unclean election (KRaft, metadata.version 3.2+, which marks the
    // log RECOVERING): `[Broker id=2] The topic partition t-0 was marked as RECOVERING. Marking the
    // topic partition as RECOVERED.` (every drill from 3.3.2 on). The subject is the broker that logs
    // it. 3.2 has the line, with `Leader log recovery is not implemented. ` in the middle, but never
    // writes it: its makeLeader compares the request's state, a boxed byte, with the enum RECOVERING
    // (kafka_2.13-3.2.3.jar), so the 3.2.3 ZooKeeper drill's new leader says nothing and only the
    // controller's `leaderRecoveryState=RECOVERING` (below) tells; 3.4.1's compares the values.
    pattern: /^(?:\[Broker id=(?<subject>\d+)\] )?The topic partition (?<tp>\S+?-\d+) was marked as RECOVERING\./,
    fields: (m) => ({ ...partitionOf(m.groups), ...subjectOf(m.groups) }),
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (makeLeader)',
    versions: '3.3–4.x (KRaft, and ZooKeeper mode with an inter-broker protocol of 3.2+)',
    example: 'test/fixtures/kafka/3.9.1-zk/unclean-election/broker-2/state-change.log:18, test/fixtures/kafka/4.1.1-kraft/unclean-election/broker-3/state-change.log:20',
  },
  {
    action: 'unclean_leader_election',
    contains: 'Triggering unclean leader election for offline partition ',
    // `Triggering unclean leader election for offline partition t-0.` (ERROR in 3.9, INFO from 4.0);
    // 4.3+ followed by the partition's state, ` (isr: [1], replicaSet: [1, 3], partitionEpoch: 2,
    // leaderEpoch: 1)` (the format strings of the 4.3.0 and 4.4.0 jars).
    pattern: new RegExp(String.raw`Triggering unclean leader election for offline partition ${PARTITION}\.`),
    fields: (m) => partitionOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/ReplicationControlManager.java (maybeTriggerUncleanLeaderElectionForLeaderlessPartitions)',
    versions: '3.9–4.x (KRaft)',
    example: 'source only: ReplicationControlManager.java@3.9:1708 `Triggering unclean leader election for offline partition {}-{}.`',
  },
  {
    action: 'leader_election_failed',
    contains: 'Cannot trigger unclean leader election for offline partition ',
    // `Cannot trigger unclean leader election for offline partition t-0: <error>`, 4.3+ followed by
    // `. (isr: ..., leaderEpoch: 1)` as above. The `... because unclean leader election is disabled
    // for this topic.` of the same check is DEBUG.
    pattern: new RegExp(String.raw`Cannot trigger unclean leader election for offline partition ${PARTITION}: `),
    fields: (m) => partitionOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/ReplicationControlManager.java (maybeTriggerUncleanLeaderElectionForLeaderlessPartitions)',
    versions: '3.9–4.x (KRaft)',
    example: 'source only: ReplicationControlManager.java@3.9:1711 `Cannot trigger unclean leader election for offline partition {}-{}: {}`',
  },
  {
    action: 'leader_election_failed',
    contains: 'failed to change state for partition ',
    // state-change.log, 1.0+: `[Controller id=1 epoch=5] Controller 1 epoch 5 failed to change state
    // for partition t-0 from OfflinePartition to OnlinePartition`, then a StateChangeFailedException
    // (`Failed to elect leader for partition t-0 under strategy ...`) or NoReplicaOnlineException.
    pattern: new RegExp(
      String.raw`Controller (?<id>\d+) epoch (?<epoch>\d+) failed to change state for partition ${PARTITION} from \w+ to OnlinePartition`,
    ),
    fields: (m) => ({ ...partitionOf(m.groups), ...controllerOf(m.groups) }),
    source: 'core/src/main/scala/kafka/controller/PartitionStateMachine.scala (logFailedStateChange)',
    versions: '1.1–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/3.9.1-zk/unclean-election/broker-3/state-change.log:25',
  },
  {
    action: 'leader_election_failed',
    contains: 'nitiated state change for partition ',
    // state-change.log, 0.10–0.11: `Controller 1 epoch 5 initiated state change for partition [t,0]
    // from OfflinePartition to OnlinePartition failed`; 1.0: `Initiated state change for partition
    // t-0 from OfflinePartition to OnlinePartition failed`.
    pattern: new RegExp(
      String.raw`(?:Controller (?<id>\d+) epoch (?<epoch>\d+) initiated|Initiated) state change for partition ${PARTITION} from \w+ to OnlinePartition failed`,
    ),
    fields: (m) => ({ ...partitionOf(m.groups), ...controllerOf(m.groups) }),
    source: 'core/src/main/scala/kafka/controller/PartitionStateMachine.scala (handleStateChange)',
    versions: '0.10–1.0',
    example: 'test/fixtures/kafka/0.11.0.3-zk/unclean-election/broker-1/state-change.log:361',
  },
  {
    action: 'leader_election_failed',
    contains: 'failed to complete preferred replica leader election',
    // `Partition t-0 failed to complete preferred replica leader election to 1. Leader is 2` (2.0+;
    // before: `... leader election. Leader is 2`).
    pattern: new RegExp(String.raw`Partition ${PARTITION} failed to complete preferred replica leader election`),
    fields: (m) => partitionOf(m.groups),
    source: 'core/src/main/scala/kafka/controller/KafkaController.scala (onPreferredReplicaElection / checkAndTriggerPartitionRebalance)',
    versions: '0.10–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/public/lyhistory-kafka-notes.log:21 (2.2)',
  },
  {
    action: 'unclean_leader_election',
    contains: 'leaderRecoveryState=RECOVERING',
    // The ZooKeeper controller electing a leader from outside the ISR marks the partition RECOVERING
    // (3.2+, an inter-broker protocol that supports it): `Changed partition t-0 from OfflinePartition
    // to OnlinePartition with state LeaderAndIsr(leader=2, leaderEpoch=2, isr=List(2),
    // leaderRecoveryState=RECOVERING, zkVersion=3)` (the 3.2.3 drill; `partitionEpoch=` for
    // `zkVersion=` from 3.3, `isrWithBrokerEpoch=List(BrokerState(brokerId=2, ...))` for `isr=` from
    // 3.5: the 3.5.2 drill). In 3.2 this is the only record of it: the new leader writes none.
    pattern: new RegExp(
      STATE_CHANGE_IDENT +
        String.raw`Changed partition ${PARTITION} from OfflinePartition to OnlinePartition with state LeaderAndIsr\(leader=(?<subject>\d+),.*?leaderRecoveryState=RECOVERING`,
    ),
    fields: (m) => ({ ...partitionOf(m.groups), ...subjectOf(m.groups), ...stateChangeControllerOf(m.groups) }),
    source: 'core/src/main/scala/kafka/controller/Election.scala (leaderForOffline), logged by PartitionStateMachine.doHandleStateChanges',
    versions: '3.2–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/3.9.1-zk/unclean-election/broker-3/state-change.log:105; test/fixtures/kafka/3.5.2-zk/unclean-election/broker-3/state-change.log:209; test/fixtures/kafka/3.2.3-zk/unclean-election/broker-3/state-change.log:227',
  },
  {
    action: 'leader_election',
    contains: 'OnlinePartition with ',
    // state-change.log of the ZooKeeper controller, a leader chosen for a partition that had one
    // (NewPartition -> OnlinePartition is a topic being created, not an election): 1.1+ `Changed
    // partition t-0 from OfflinePartition to OnlinePartition with state LeaderAndIsr(leader=2, ...)`
    // (TRACE to 2.5, INFO from 2.6; Kafka's log4j.properties sets the state-change logger to TRACE up
    // to 2.5 and to INFO from 2.6, so every version writes it by default);
    // 1.0 `Changed partition t-0 from OfflinePartition to OnlinePartition with leader 2`; 0.10–0.11
    // `Controller 1 epoch 5 changed partition [t,0] from OfflinePartition to OnlinePartition with leader 2`.
    pattern: new RegExp(
      STATE_CHANGE_IDENT +
        String.raw`(?:Controller (?<oldId>\d+) epoch (?<oldEpoch>\d+) c|C)hanged partition ${PARTITION} from (?:Offline|Online)Partition to OnlinePartition with (?:state LeaderAndIsr\(leader=|leader )(?<subject>\d+)`,
    ),
    fields: (m) => ({ ...partitionOf(m.groups), ...subjectOf(m.groups), ...stateChangeControllerOf(m.groups) }),
    source: 'core/src/main/scala/kafka/controller/PartitionStateMachine.scala (doHandleStateChanges / handleStateChange)',
    versions: '0.10–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/3.9.1-zk/broker-loss/broker-1/state-change.log:52',
  },
  {
    action: 'leader_election',
    contains: 'for offline partition ',
    // controller.log of the 0.10–1.0 ZooKeeper controller, at INFO: `[OfflinePartitionLeaderSelector]:
    // Selected new leader and ISR {"leader":1,"leader_epoch":1,"isr":[1]} for offline partition
    // [t,0]` (LeaderAndIsr printed as JSON). After an unclean election it follows the `No broker in
    // ISR is alive` record, and both are labelled, each by what it announces.
    pattern: new RegExp(
      String.raw`Selected new leader and ISR \{"leader":(?<subject>\d+),"leader_epoch":\d+,"isr":\[(?<after>[\d,]*)\]\} for offline partition ${PARTITION}`,
    ),
    fields: (m) => ({ ...partitionOf(m.groups), ...subjectOf(m.groups), 'kafka.isr.after': replicaList(m.groups!.after!) }),
    source: 'core/src/main/scala/kafka/controller/PartitionLeaderSelector.scala (OfflinePartitionLeaderSelector)',
    versions: '0.10–1.0 (the selector is gone in 1.1)',
    example: 'test/fixtures/kafka/public/librdkafka-1575.log:1',
  },
  {
    action: 'isr_updated',
    contains: 'starts at leader epoch ',
    // 3.6+: `[Broker id=1] Leader t-0 ... starts at leader epoch 3 ..., ISR [1,2], ... Previous leader
    // Some(1) and ...`: the broker led the partition already, its leader epoch was bumped for an ISR
    // change (the ZooKeeper controller taking a lost replica out, a KRaft controller before
    // metadata.version 3.6): no election, the ISR it now has. Before 3.6 the line does not say.
    pattern:
      /^\[Broker id=(?<self>\d+)\] Leader (?<tp>\S+?-\d+)(?: with topic id \S+)? starts at leader epoch \d+.*? ISR \[(?<after>[\d,]*)\].*? Previous leader Some\(\k<self>\) /,
    fields: (m) => ({ ...partitionOf(m.groups), 'kafka.isr.after': replicaList(m.groups!.after!) }),
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (makeLeader)',
    versions: '3.6–4.x',
    example: 'test/fixtures/kafka/3.9.1-zk/broker-loss/broker-1/state-change.log:201',
  },
  {
    action: 'leader_election',
    contains: 'starts at ',
    // The new leader itself, in ZooKeeper and KRaft mode: 0.11–2.3 `t-0 starts at Leader Epoch 5 from
    // offset 10. Previous Leader Epoch was: 4`; 2.4–2.5 `t-0 starts at leader epoch 5 from offset 10
    // with high watermark 10. ...`; 2.6+ (state-change logger, `[Broker id=1] `) `Leader t-0 starts at
    // leader epoch 5 ...`, 3.3+ `Leader t-0 with topic id Some(...) starts at leader epoch 5 ...`.
    // `Follower t-0 starts at leader epoch` is the other replicas' side, and leader epoch 0 is a
    // partition's first leader, chosen when its topic was created: neither is matched. From 2.6 the
    // line names the ISR the leader starts with (2.6–3.2 `... with high watermark 10 ISR [1,2,3]
    // addingReplicas [] ...`, 3.3+ `..., high watermark 10, ISR [1,2,3], adding replicas ...`), which
    // ends an ISR shrink too.
    pattern:
      /^(?:\[Partition \S+ broker=\d+\] |Partition \[[^\]]+\] on broker \d+: |\[Broker id=\d+\] )?(?:Leader )?(?<tp>\S+?-\d+)(?: with topic id \S+)? starts at [Ll]eader [Ee]poch (?!0 )\d+(?:.*? ISR \[(?<after>[\d,]*)\])?/,
    fields: (m) => ({ ...partitionOf(m.groups), ...(m.groups!.after === undefined ? {} : { 'kafka.isr.after': replicaList(m.groups!.after) }) }),
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (makeLeader)',
    versions: '0.11–4.x',
    example: 'test/fixtures/kafka/4.1.1-kraft/broker-loss/broker-1/state-change.log:111',
  },
  {
    action: 'offline_partitions',
    contains: 'state changed to (Leader:-1,',
    // state-change.log of the ZooKeeper controller, 2.6+: `Partition t-0 state changed to
    // (Leader:-1,ISR:2,...) after removing replica 2 from the ISR as part of transition to
    // OfflineReplica`: the last ISR member is gone and the partition has no leader.
    pattern: new RegExp(STATE_CHANGE_IDENT + String.raw`Partition ${PARTITION} state changed to \(Leader:-1,`),
    fields: (m) => ({ ...partitionOf(m.groups), ...stateChangeControllerOf(m.groups) }),
    source: 'core/src/main/scala/kafka/controller/ReplicaStateMachine.scala (doRemoveReplicasFromIsr)',
    versions: '2.6–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/3.9.1-zk/unclean-election/broker-3/state-change.log:95',
  },
  {
    action: 'offline_partitions',
    contains: 'Current leader is -1.',
    // A replica told its partition has no leader (state-change.log, 3.3+; in KRaft, where the
    // controller logs no per-partition offline line, the only record of it): `[Broker id=2] Follower
    // t-0 starts at leader epoch 6 from offset 10 with partition epoch 9 and high watermark 10.
    // Current leader is -1. ...`
    pattern: /^(?:\[Broker id=\d+\] )?Follower (?<tp>\S+?-\d+) starts at leader epoch \d+ .*?\. Current leader is -1\./,
    fields: (m) => partitionOf(m.groups),
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (makeFollower)',
    versions: '3.3–4.x',
    example: 'test/fixtures/kafka/3.3.2-kraft/unclean-election/broker-3/state-change.log:40',
  },
  {
    action: 'offline_partitions',
    contains: 'but cannot become follower since the new leader -1 ',
    // The ZooKeeper-mode replica's side: `Received LeaderAndIsrRequest with correlation id 5 from
    // controller 1 epoch 3 for partition t-0 (last update controller epoch 3) but cannot become
    // follower since the new leader -1 is unavailable.` (ERROR; 0.10: `Broker 2 received ...`).
    pattern: new RegExp(String.raw`for partition ${PARTITION} (?:\(last update controller epoch \d+\) )?but cannot become follower since the new leader -1 is unavailable`),
    fields: (m) => partitionOf(m.groups),
    source: 'core/src/main/scala/kafka/server/ReplicaManager.scala (makeFollowers)',
    versions: '0.10–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/3.9.1-zk/unclean-election/broker-2/state-change.log:10',
  },
  {
    action: 'offline_partitions',
    contains: '{"leader":-1,',
    // 0.10–1.0 controller: `New leader and ISR for partition [t,0] is {"leader":-1,"leader_epoch":5,"isr":[2]}`.
    pattern: new RegExp(String.raw`New leader and ISR for partition ${PARTITION} is \{"leader":-1,`),
    fields: (m) => partitionOf(m.groups),
    source: 'core/src/main/scala/kafka/controller/KafkaController.scala (removeReplicaFromIsr)',
    versions: '0.10–1.0',
    example: 'test/fixtures/kafka/0.11.0.3-zk/unclean-election/broker-1/controller.log:1679',
  },

  // ---- broker membership, fencing, registration ----
  {
    action: 'broker_fenced',
    contains: 'Fencing broker ',
    // 2.8–3.9 `Fencing broker 3 because its session has timed out.`; 4.x `Fencing broker 3 at epoch 18 because ...`.
    pattern: /Fencing broker (?<subject>\d+) (?:at epoch \d+ )?because its session has timed out/,
    fields: (m) => subjectOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/ReplicationControlManager.java (fenceStaleBrokers / maybeFenceOneStaleBroker)',
    versions: '2.8–4.x (KRaft)',
    example: 'test/fixtures/kafka/4.1.1-kraft/broker-loss/broker-2/controller.log:11',
  },
  {
    action: 'broker_fenced',
    contains: 'granted fencing',
    pattern: /Unfenced broker (?<subject>\d+) has requested and been granted fencing/,
    fields: (m) => subjectOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/BrokerHeartbeatManager.java (calculateNextBrokerState)',
    versions: '2.8–4.x (KRaft)',
    example: 'source only: BrokerHeartbeatManager.java@3.9:572 `Unfenced broker {} has requested and been granted fencing`',
  },
  {
    action: 'broker_unfenced',
    contains: 'unfence has been granted',
    pattern: /The request from broker (?<subject>\d+) to unfence has been granted/,
    fields: (m) => subjectOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/BrokerHeartbeatManager.java (calculateNextBrokerState)',
    versions: '2.8–4.x (KRaft)',
    example: 'test/fixtures/kafka/4.1.1-kraft/broker-loss/broker-2/controller.log:1',
  },
  {
    action: 'broker_unfenced',
    contains: 'The broker has been unfenced.',
    // The broker's own side: `[BrokerLifecycleManager id=2] The broker has been unfenced. Transitioning
    // from RECOVERY to RUNNING.`; from 3.5 a ZooKeeper broker migrating to KRaft has the identity
    // `[BrokerLifecycleManager id=2 isZkBroker=true] `.
    pattern: /^(?:\[BrokerLifecycleManager id=\d+(?: isZkBroker=true)?\] )?The broker has been unfenced\./,
    source: 'core/src/main/scala/kafka/server/BrokerLifecycleManager.scala (BrokerHeartbeatResponseEvent; logPrefix from 3.5); server/src/main/java/org/apache/kafka/server/BrokerLifecycleManager.java from 4.3, same wording',
    versions: '2.8–4.x (KRaft)',
    example: 'test/fixtures/kafka/4.1.1-kraft/broker-loss/broker-3/server.log:796; test/fixtures/kafka/4.4.0-kraft/broker-loss/broker-3/server.log:2509',
  },
  {
    action: 'duplicate_broker_registration',
    contains: 'node already exists and owner',
    // 1.1+: `Error while creating ephemeral at /brokers/ids/1, node already exists and owner '7205...'
    // does not match current session '7205...'`. The same wording on /controller is an election race.
    pattern: /Error while creating ephemeral at \/brokers\/ids\/(?<subject>\d+), node already exists and owner/,
    fields: (m) => subjectOf(m.groups),
    source: 'core/src/main/scala/kafka/zk/KafkaZkClient.scala (CheckedEphemeral)',
    versions: '1.1–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/public/confluentinc-examples-390.log:1',
  },
  {
    action: 'duplicate_broker_registration',
    contains: 'A broker is already registered on the path ',
    // 0.10–1.0 (KafkaHealthcheck): the RuntimeException of ZkUtils.registerBrokerInZk, in the trace of the startup failure.
    pattern: /A broker is already registered on the path \/brokers\/ids\/(?<subject>\d+)\./,
    fields: (m) => subjectOf(m.groups),
    source: 'core/src/main/scala/kafka/utils/ZkUtils.scala (registerBrokerInZk; from 1.1 the broker registers through KafkaZkClient)',
    versions: '0.10–1.0',
    example: 'source only: ZkUtils.scala@0.10.2.2:408 `A broker is already registered on the path ` + brokerIdPath + `. This probably indicates ...`',
  },
  {
    action: 'duplicate_broker_registration',
    contains: 'DUPLICATE_BROKER_REGISTRATION',
    // KRaft broker side: `Unable to register broker 2 because the controller returned error
    // DUPLICATE_BROKER_REGISTRATION` (INFO), and the broker asks again. The controller refuses while
    // another incarnation of the id holds a session: a second broker with the id, or this one
    // restarted before its previous incarnation's session ended (the 4.0.2 fixture).
    pattern: /Unable to register broker (?<subject>\d+) because the controller returned error DUPLICATE_BROKER_REGISTRATION/,
    fields: (m) => subjectOf(m.groups),
    source: 'core/src/main/scala/kafka/server/BrokerLifecycleManager.scala (BrokerRegistrationResponseHandler); server/src/main/java/org/apache/kafka/server/BrokerLifecycleManager.java from 4.3, same wording',
    versions: '2.8–4.x (KRaft)',
    example: 'test/fixtures/kafka/4.0.2-kraft/unclean-election/broker-3/server.log:135',
  },
  {
    action: 'broker_registered',
    contains: 'Registered broker ',
    // ZooKeeper mode, the broker itself: `Registered broker 1 at path /brokers/ids/1 with addresses: ...`
    // (2.2+ followed by `, czxid (broker epoch): 1225`). The broker is the subject, as on the
    // controller's side of the same registration (`New broker startup callback for 1`, below).
    pattern: /^Registered broker (?<subject>\d+) at path \/brokers\/ids\//,
    fields: (m) => subjectOf(m.groups),
    source: 'core/src/main/scala/kafka/zk/KafkaZkClient.scala (registerBroker); 0.10–1.0 kafka/utils/ZkUtils.scala (registerBrokerInZk)',
    versions: '0.10–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/public/strimzi-3087.log:3 (2.x); test/fixtures/kafka/3.9.1-zk/broker-loss/broker-3/server.log:1602',
  },
  {
    action: 'broker_registered',
    contains: 'New broker startup callback for ',
    // The ZooKeeper controller taking in brokers whose registration appeared (new, or bounced: their
    // `Broker failure callback` comes first), after `Newly added brokers: ...`: `[Controller id=1] New
    // broker startup callback for 3` (`[Controller 1]: ` identity in 0.10–0.11). The counterpart of the
    // `Broker failure callback` row, and of the KRaft controller's registration rows.
    pattern: /New broker startup callback for (?<ids>[\d,]+)/,
    fields: (m) => singleSubjectOf(m.groups),
    source: 'core/src/main/scala/kafka/controller/KafkaController.scala (onBrokerStartup)',
    versions: '0.10–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/3.9.1-zk/broker-loss/broker-1/controller.log:794',
  },
  {
    action: 'broker_registered',
    contains: 'Successfully registered broker ',
    // KRaft, the broker itself: `[BrokerLifecycleManager id=1] Successfully registered broker 1 with broker epoch 5`.
    pattern: /Successfully registered broker \d+ with broker epoch \d+/,
    source: 'core/src/main/scala/kafka/server/BrokerLifecycleManager.scala (BrokerRegistrationResponseHandler); server/src/main/java/org/apache/kafka/server/BrokerLifecycleManager.java from 4.3, same wording',
    versions: '2.8–4.x (KRaft)',
    example: 'test/fixtures/kafka/public/bitnami-charts-25129.log:3 (3.7); test/fixtures/kafka/4.1.1-kraft/broker-loss/broker-3/server.log:1393; test/fixtures/kafka/4.4.0-kraft/broker-loss/broker-3/server.log:1503',
  },
  {
    action: 'broker_registered',
    contains: 'No previous registration found for broker ',
    // KRaft, the active controller's decision (3.9+): `No previous registration found for broker 2.
    // New incarnation ID is ... New broker epoch is 5.`
    pattern: /No previous registration found for broker (?<subject>\d+)\./,
    fields: (m) => subjectOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/ClusterControlManager.java (registerBroker)',
    versions: '3.9–4.x (KRaft)',
    example: 'source only: ClusterControlManager.java@3.9:466 `No previous registration found for broker {}. New incarnation ID is {}. ...`',
  },
  {
    action: 'broker_registered',
    contains: 'Registering a new incarnation of broker ',
    // 3.9+, a broker that restarted: `Registering a new incarnation of broker 2. Previous incarnation ID was ...`
    pattern: /Registering a new incarnation of broker (?<subject>\d+)\./,
    fields: (m) => subjectOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/ClusterControlManager.java (registerBroker)',
    versions: '3.9–4.x (KRaft)',
    example: 'test/fixtures/kafka/4.1.1-kraft/broker-loss/broker-2/controller.log:16',
  },
  {
    action: 'broker_registered',
    contains: 'RegisterBrokerRecord(brokerId=',
    // 2.8–3.5, every controller replaying the registration (the only wordings then): `Registered new
    // broker: RegisterBrokerRecord(brokerId=2, ...)`, a restarted broker `Re-registered broker id 2:
    // RegisterBrokerRecord(...)`, the same process again `Re-registered broker incarnation:
    // RegisterBrokerRecord(...)`. 3.0 stores the registration before looking up the previous one, so
    // it logs every registration, a new broker's too, as `Re-registered broker incarnation: `. The
    // 3.6+ `Replayed ... RegisterBrokerRecord ...` records are not matched. A controller that starts
    // replays the metadata log and writes the line again for every registration in it (the 3.3.2
    // controller-loss fixture: broker 1's lines 16-18 and 33 are the cluster's past): the line alone
    // cannot tell, so a controller's start-up shows past registrations as if they were new.
    pattern: /(?:Registered new broker|Re-registered broker incarnation|Re-registered broker id \d+): RegisterBrokerRecord\(brokerId=(?<subject>\d+)/,
    fields: (m) => subjectOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/ClusterControlManager.java (replay(RegisterBrokerRecord))',
    versions: '2.8–3.5 (KRaft)',
    example: 'test/fixtures/kafka/3.3.2-kraft/broker-loss/broker-1/controller.log:11 (`Re-registered broker id 3: `); test/fixtures/kafka/3.3.2-kraft/broker-loss/broker-3/controller.log:10 (`Registered new broker: `, replayed at start-up); test/fixtures/kafka/public/kafka-pr-11291.log:1 (`Re-registered broker incarnation: ` of a first registration, 3.0\'s code)',
  },
  {
    action: 'broker_membership_changed',
    contains: 'Newly added brokers: ',
    // 0.10–2.1: `Newly added brokers: 3, deleted brokers: , all live brokers: 1,2,3`; 2.2+ with `bounced
    // brokers: `. With every list empty (a watch fired, nothing changed) it announces nothing.
    pattern: /Newly added brokers: (?!, deleted brokers: , (?:bounced brokers: , )?all live brokers)[\d,]*, deleted brokers: [\d,]*, (?:bounced brokers: [\d,]*, )?all live brokers: /,
    source: 'core/src/main/scala/kafka/controller/KafkaController.scala (processBrokerChange); 0.10 ReplicaStateMachine.scala (BrokerChangeListener)',
    versions: '0.10–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/public/mesos-kafka-113.log:2 (0.8.2, same wording as 0.10–2.1)',
  },
  {
    action: 'broker_membership_changed',
    contains: 'UnregisterBrokerRecord(brokerId=',
    // KRaft, every controller replaying the removal of a broker's registration (`kafka-cluster
    // unregister`, a decommissioned broker): 2.8–3.5 `Unregistered broker: UnregisterBrokerRecord(
    // brokerId=2, brokerEpoch=5)`, 3.6+ `Replayed UnregisterBrokerRecord(brokerId=2, brokerEpoch=5)`.
    pattern: /(?:Unregistered broker: |Replayed )UnregisterBrokerRecord\(brokerId=(?<subject>\d+)/,
    fields: (m) => subjectOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/ClusterControlManager.java (replay(UnregisterBrokerRecord))',
    versions: '2.8–4.x (KRaft)',
    example: 'source only: ClusterControlManager.java@3.5.0:464 `Unregistered broker: {}`, @3.9:605 `Replayed {}`',
  },
  {
    action: 'broker_failure',
    contains: 'Broker failure callback for ',
    pattern: /Broker failure callback for (?<ids>[\d,]+)/,
    fields: (m) => singleSubjectOf(m.groups),
    source: 'core/src/main/scala/kafka/controller/KafkaController.scala (onBrokerFailure)',
    versions: '0.10–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/public/mesos-kafka-113.log:6 (0.8.2, same wording as 0.10–3.9)',
  },

  // ---- broker lifecycle ----
  {
    action: 'broker_started',
    contains: '[KafkaServer id=',
    // ZooKeeper mode, 1.0+: `[KafkaServer id=1] started`.
    pattern: /^\[KafkaServer id=\d+\] started$/,
    source: 'core/src/main/scala/kafka/server/KafkaServer.scala (startup)',
    versions: '1.0–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/3.9.1-zk/controller-loss/broker-2/server.log:20',
  },
  {
    action: 'broker_started',
    contains: '[Kafka Server ',
    // 0.10–0.11: `[Kafka Server 1], started`.
    pattern: /^\[Kafka Server \d+\], started$/,
    source: 'core/src/main/scala/kafka/server/KafkaServer.scala (startup)',
    versions: '0.10–0.11',
    example: 'test/fixtures/kafka/0.11.0.3-zk/unclean-election/broker-3/server.log:348',
  },
  {
    action: 'broker_started',
    contains: 'Kafka Server started',
    // KRaft: `[KafkaRaftServer nodeId=1] Kafka Server started`, once the broker and controller of the node run.
    pattern: /^(?:\[KafkaRaftServer nodeId=\d+\] )?Kafka Server started$/,
    source: 'core/src/main/scala/kafka/server/KafkaRaftServer.scala (startup), KafkaBroker.STARTED_MESSAGE',
    versions: '2.8–4.x (KRaft)',
    example: 'test/fixtures/kafka/4.1.1-kraft/broker-loss/broker-3/server.log:809',
  },
  {
    action: 'broker_shutdown',
    contains: '] shutting down',
    // The broker beginning its own shutdown: `[KafkaServer id=1] shutting down` (1.0+), `[BrokerServer
    // id=1] shutting down` (KRaft; the `[ControllerServer id=1]` half of a combined node is not it).
    // `shut down completed` follows as a consequence.
    pattern: /^\[(?:KafkaServer|BrokerServer) id=\d+\] shutting down$/,
    source: 'core/src/main/scala/kafka/server/KafkaServer.scala (shutdown); kafka/server/BrokerServer.scala (shutdown)',
    versions: '1.0–4.x',
    example: 'test/fixtures/kafka/3.9.1-zk/controller-loss/broker-3/server.log:107; test/fixtures/kafka/4.1.1-kraft/controller-loss/broker-2/server.log:40',
  },
  {
    action: 'broker_shutdown',
    contains: '], shutting down',
    // 0.10–0.11: `[Kafka Server 1], shutting down`.
    pattern: /^\[Kafka Server \d+\], shutting down$/,
    source: 'core/src/main/scala/kafka/server/KafkaServer.scala (shutdown)',
    versions: '0.10–0.11',
    example: 'test/fixtures/kafka/0.11.0.3-zk/rolling-restart/broker-3/server.log:147',
  },
  {
    action: 'broker_shutdown',
    contains: 'Shutting down broker ',
    // The ZooKeeper controller handling broker 2's controlled shutdown: `[Controller id=1] Shutting down broker 2`.
    pattern: /^(?:\[Controller id=\d+\] |\[Controller \d+\]: )?Shutting down broker (?<subject>\d+)$/,
    fields: (m) => subjectOf(m.groups),
    source: 'core/src/main/scala/kafka/controller/KafkaController.scala (doControlledShutdown / shutdownBroker)',
    versions: '0.10–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/3.9.1-zk/controller-loss/broker-3/controller.log:136',
  },
  {
    action: 'broker_shutdown',
    contains: 'has requested and been granted ',
    // The KRaft controller granting broker 2's shutdown: `Unfenced broker 2 has requested and been
    // granted a controlled shutdown.`, `Fenced broker 2 has requested and been granted an immediate shutdown.`
    pattern: /(?:Unf|F)enced broker (?<subject>\d+) has requested and been granted (?:a controlled|an immediate) shutdown/,
    fields: (m) => subjectOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/BrokerHeartbeatManager.java (calculateNextBrokerState)',
    versions: '2.8–4.x (KRaft)',
    example: 'test/fixtures/kafka/4.1.1-kraft/controller-loss/broker-2/controller.log:9',
  },
  {
    action: 'out_of_memory',
    contains: 'OutOfMemoryError',
    // Recognised in a record's message or its stack trace, before the record's own wording: `Fatal
    // error during KafkaServer startup` caused by an OutOfMemoryError is labelled out_of_memory.
    pattern: /java\.lang\.OutOfMemoryError\b/,
    source: 'the JVM (any thread whose error Kafka logs, e.g. `Uncaught exception in thread ...`)',
    versions: '0.10–4.x',
    example: 'test/fixtures/kafka/public/eventuate-messaging-kafka-53.log:1; test/fixtures/kafka/public/strimzi-6579.log:1; test/fixtures/kafka/public/sentry-kubernetes-charts-1733.log:1',
  },
  {
    action: 'broker_startup_failed',
    contains: 'Fatal error during ',
    // `Fatal error during KafkaServer startup. Prepare to shutdown` (all ZooKeeper versions),
    // `Fatal error during KafkaServerStartable startup. Prepare to shutdown` (0.10), `Fatal error during
    // broker startup. Prepare to shutdown` / `... controller startup ...` (KRaft; the controller's
    // only up to 3.4, see the next row). Kafka.scala's
    // `Exiting Kafka due to fatal exception during startup.` that follows is its consequence.
    pattern: /Fatal error during (?:KafkaServer|KafkaServerStartable|broker|controller) startup\. Prepare to shutdown/,
    source: 'core/src/main/scala/kafka/server/KafkaServer.scala, BrokerServer.scala, ControllerServer.scala (startup)',
    versions: '0.10–4.x',
    example: 'test/fixtures/kafka/public/confluentinc-examples-390.log:2 (1.1+)',
  },
  {
    action: 'broker_startup_failed',
    contains: 'Encountered fatal fault: ',
    // Faults that halt a KRaft node while it starts, logged by the fatal fault handler (logger
    // ProcessTerminatingFaultHandler, ProcessExitingFaultHandler in 3.3–3.4, with the trace) before
    // the JVM halts, so no `Fatal error during ... startup` follows: a controller failing to start
    // (3.5+, `Encountered fatal fault: caught exception`; no other caller passes that text), and a
    // broker failing to start its managers on the first metadata it loads (3.3+, `Encountered fatal
    // fault: Error starting LogManager`, also ReplicaManager, GroupCoordinator, TransactionCoordinator,
    // and from 4.0 the share coordinator).
    pattern: /^Encountered fatal fault: (?:caught exception|Error starting (?:LogManager|ReplicaManager|GroupCoordinator|TransactionCoordinator|Share coordinator))$/m,
    source:
      'core/src/main/scala/kafka/server/ControllerServer.scala (startup: controllerStartupFaultHandler); core/src/main/scala/kafka/server/metadata/BrokerMetadataPublisher.scala (initializeManagers); server-common/.../fault/ProcessTerminatingFaultHandler.java',
    versions: '3.3–4.x (KRaft; the controller\'s from 3.5)',
    example: 'test/fixtures/kafka/public/strimzi-10054.log:1; ControllerServer.scala@3.9:464 `handleFault("caught exception", e)`',
  },
  {
    action: 'broker_startup_failed',
    contains: 'Exiting Kafka due to fatal exception',
    // Kafka.scala failing before any server started (a bad server.properties): `Exiting Kafka due to
    // fatal exception` with nothing after it. The `... during startup.` variant is not matched.
    pattern: /^Exiting Kafka due to fatal exception$/m,
    source: 'core/src/main/scala/kafka/Kafka.scala (main)',
    versions: '1.1–4.x',
    example: 'source only: Kafka.scala@3.9:124 `Exiting Kafka due to fatal exception`',
  },
  {
    action: 'controlled_shutdown_failed',
    contains: 'controlled shutdown',
    // ZooKeeper mode: `Error during controlled shutdown, possibly because leader movement took longer
    // than the configured ...` (an attempt failed), `Proceeding to do an unclean shutdown as all the
    // controlled shutdown attempts failed` (all failed); KRaft: `Timed out waiting for the controller to
    // approve controlled shutdown`, `Got unexpected exception waiting for controlled shutdown future`.
    pattern:
      /(?:Error during controlled shutdown, possibly because|Proceeding to do an unclean shutdown as all the controlled shutdown attempts failed|Timed out waiting for the controller to approve controlled shutdown|Got unexpected exception waiting for controlled shutdown future)/,
    source: 'core/src/main/scala/kafka/server/KafkaServer.scala (controlledShutdown); kafka/server/BrokerServer.scala (shutdown)',
    versions: '0.10–4.x',
    example: 'source only: KafkaServer.scala@3.9:969 `Proceeding to do an unclean shutdown as all the controlled shutdown attempts failed`',
  },
  {
    action: 'controlled_shutdown_failed',
    contains: 'Controlled shutdown request returned after ',
    // 3.1+ ZooKeeper mode, one attempt not completed: `Controlled shutdown request returned after 12ms
    // with error NOT_CONTROLLER` or `... with 3 partitions remaining to move`.
    pattern: /Controlled shutdown request returned after \d+ms with (?:error |\d+ partitions remaining to move)/,
    source: 'core/src/main/scala/kafka/server/KafkaServer.scala (controlledShutdown)',
    versions: '3.1–3.9 (ZooKeeper mode)',
    example: 'source only: KafkaServer.scala@3.9:907 `Controlled shutdown request returned after ${...}ms with error ${...}`',
  },
  {
    action: 'controlled_shutdown_failed',
    contains: 'from controller: ',
    // The same, one attempt not completed, before 3.1: `Remaining partitions to move: ...` and then
    // `[KafkaServer id=1] Error from controller: NOT_CONTROLLER` (`NONE` when partitions remain),
    // 0.10–1.0 `Error code from controller: 14` (after `[Kafka Server 1], ` in 0.10–0.11). The second
    // line is labelled.
    pattern: /^(?:\[KafkaServer id=\d+\] |\[Kafka Server \d+\], )?Error (?:code )?from controller: \S+$/,
    source: 'core/src/main/scala/kafka/server/KafkaServer.scala (controlledShutdown)',
    versions: '0.10–3.0 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/public/parkeeper-3.log:7 (0.8.2.2: `Error code from controller`); 2.x+ `Error from controller: ${shutdownResponse.error}` only in KafkaServer.scala@2.8.2:613',
  },

  // ---- ZooKeeper session ----
  {
    action: 'zk_session_expired',
    contains: '] Session expired.',
    // Kafka's own wrapper: 1.1–2.2 `[ZooKeeperClient] Session expired.`, 2.3+ with the client's name,
    // `[ZooKeeperClient Kafka server] Session expired.`
    pattern: /^\[ZooKeeperClient(?: [^\]]+)?\] Session expired\.$/,
    source: 'core/src/main/scala/kafka/zookeeper/ZooKeeperClient.scala (ZooKeeperClientWatcher; logIdent `[ZooKeeperClient] ` in 1.1–2.2)',
    versions: '1.1–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/public/kafka-7165.log:11 (1.1); test/fixtures/kafka/3.9.1-zk/session-expiry/broker-3/server.log:277',
  },
  // 0.10–1.0, logger org.I0Itec.zkclient.ZkClient. `(Disconnected)` comes right after the ZooKeeper
  // client's own `..., closing socket connection and attempting reconnect` and `(SyncConnected)`
  // after its `Session establishment complete on server ...` (the ClientCnxn rows below), so
  // 0.10–1.0 label those changes twice; after `(Expired)`, `(SyncConnected)` follows ZkClient's
  // reconnect and ends that expiry.
  zkClientState('Expired', 'zk_session_expired', 1),
  {
    action: 'zk_session_expired',
    contains: 're-registering broker info in ZK for broker ',
    // 0.10–1.0, KafkaHealthcheck's SessionExpireListener once the new session is up: Kafka's own
    // record of the expiry. Kafka 0.10's own log4j.properties writes only the kafka.* loggers to
    // server.log (ZkClient's and the ZooKeeper client's lines go to the console), so there this is
    // the only record of it; in 0.11–1.0 it follows ZkClient's `(Expired)` and the expiry counts twice.
    pattern: /^re-registering broker info in ZK for broker \d+$/,
    source: 'core/src/main/scala/kafka/server/KafkaHealthcheck.scala (SessionExpireListener.handleNewSession: `"re-registering broker info in ZK for broker " + brokerId`)',
    versions: '0.10–1.0',
    example: 'test/fixtures/kafka/0.10.2.2-zk/session-expiry/broker-2/server.log:30 (the only record of it there); test/fixtures/kafka/0.11.0.3-zk/session-expiry/broker-3/server.log:81 (after ZkClient\'s `(Expired)` at :72)',
  },
  zkClientState('Disconnected', 'zk_disconnected', 5),
  zkClientState('SyncConnected', 'zk_connected', 8),
  {
    action: 'zk_disconnected',
    contains: 'zookeeper state changed (AuthFailed)',
    // ZkClient's state when ZooKeeper refused the broker's credentials (SASL): before 2.8 the broker
    // stays without ZooKeeper until it is restarted.
    pattern: /^zookeeper state changed \(AuthFailed\)$/,
    source: 'org.I0Itec.zkclient.ZkClient (processStateChanged), the ZooKeeper wrapper of Kafka 0.10–1.0',
    versions: '0.10–1.0',
    example: 'source only: ZkClient processStateChanged `"zookeeper state changed (" + event.getState() + ")"`',
  },
  {
    action: 'zk_disconnected',
    contains: 'Auth failed.',
    // Kafka's own ZooKeeper client, 1.1–3.9 (ERROR): `[ZooKeeperClient Kafka server] Auth failed.`
    // (`[ZooKeeperClient] ` to 2.x); 2.8+ then logs `Reinitializing due to auth failure.`, its consequence.
    pattern: /^\[ZooKeeperClient(?: [^\]]*)?\] Auth failed\.$/,
    source: 'core/src/main/scala/kafka/zookeeper/ZooKeeperClient.scala (ZooKeeperClientWatcher.process, AUTH_FAILED)',
    versions: '1.1–3.9',
    example: 'source only: ZooKeeperClient.scala@2.8.2:453 `error("Auth failed.")`',
  },
  {
    action: 'zk_disconnected',
    contains: 'Could not establish session with zookeeper',
    // 0.10–1.0 (FATAL): after an expiry, no new session could be made; the broker stays up but
    // unregistered.
    pattern: /Could not establish session with zookeeper/,
    source: 'core/src/main/scala/kafka/server/KafkaHealthcheck.scala (SessionExpireListener.handleSessionEstablishmentError)',
    versions: '0.10–1.0',
    example: 'source only: KafkaHealthcheck.scala@0.10.2.2:111 `Could not establish session with zookeeper`',
  },
  {
    action: 'zk_disconnected',
    contains: 'losing socket connection',
    // ZooKeeper's ClientCnxn, once per lost connection: 3.4–3.5 `Client session timed out, have not
    // heard from server in 4002ms for sessionid 0x..., closing socket connection and attempting
    // reconnect` (also `Unable to read additional data from server sessionid 0x..., likely server
    // has closed socket, ...` and `Session 0x... for server ..., unexpected error, ...`); 3.6+
    // `Session 0x... for server localhost/127.0.0.1:2181, Closing socket connection. Attempting
    // reconnect except it is a SessionExpiredException.`, which the 3.6.3 client (Kafka 3.0–3.4.0)
    // misspells `... for sever /127.0.0.1:2181, ...` (the 3.2.3 drills; 3.6.4, in Kafka 3.4.1–3.5,
    // spells it right: the 3.5.2 drills). The 3.6+ client writes this line for every failed attempt
    // to reconnect as well; those are not new disconnects, and neither is a session that never
    // connected (`0x0`): not labelled, as the 3.4–3.5 client's `Socket error occurred: ...:
    // Connection refused` is not. An attempt is told by the exception after the line: a refused or
    // unresolvable server, or the expired session (`Session expired.` follows and is labelled).
    pattern:
      /^(?![^\n]*\b(?:Session|sessionid) 0x0\b)(?:[^\n]*, closing socket connection and attempting reconnect|Session 0x[0-9a-f]+ for (?:server|sever) \S+, Closing socket connection\. Attempting reconnect)[^\n]*(?=\n|$)(?!\n(?:java\.net\.(?:ConnectException|UnknownHostException|NoRouteToHostException)|org\.apache\.zookeeper\.ClientCnxn\$SessionExpiredException|java\.lang\.IllegalArgumentException: Unable to canonicalize))/,
    source: 'zookeeper-server/src/main/java/org/apache/zookeeper/ClientCnxn.java (SendThread.run), ZooKeeper 3.4–3.8',
    versions: '0.10–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/3.9.1-zk/session-expiry/broker-3/server.log:41; test/fixtures/kafka/public/kafka-7165.log:1 (3.4 client); test/fixtures/kafka/3.5.2-zk/session-expiry/broker-3/server.log:39 (the 3.6.4 client); test/fixtures/kafka/3.2.3-zk/session-expiry/broker-3/server.log:38 (the 3.6.3 client\'s `for sever`)',
  },
  {
    action: 'zk_connected',
    contains: 'Session establishment complete on server ',
    // ZooKeeper's ClientCnxn: `Session establishment complete on server localhost/127.0.0.1:2181,
    // sessionid = 0x..., negotiated timeout = 6000` (3.4), `..., session id = 0x..., ...` (3.5+).
    pattern: /^Session establishment complete on server \S+, session ?id = 0x[0-9a-f]+/,
    source: 'zookeeper-server/src/main/java/org/apache/zookeeper/ClientCnxn.java (onConnected), ZooKeeper 3.4–3.8',
    versions: '0.10–3.9 (ZooKeeper mode)',
    example: 'test/fixtures/kafka/3.9.1-zk/session-expiry/broker-3/server.log:285',
  },

  // ---- storage and resources ----
  {
    action: 'log_dir_failure',
    contains: 'because the underlying file system is inaccessible',
    // 0.10–0.11 (FATAL, then the JVM halts): a checkpoint write failing on a broken or read-only
    // disk, often the first and only record of it: 0.10 `Halting writes to offset checkpoint file
    // because the underlying file system is inaccessible : ...`, 0.11 `Halting writes to checkpoint
    // file (/data/replication-offset-checkpoint) because the underlying file system is inaccessible: ...`.
    pattern: /Halting writes to (?:offset )?checkpoint file .*?because the underlying file system is inaccessible/,
    source: 'core/src/main/scala/kafka/server/OffsetCheckpoint.scala (0.10), checkpoints/CheckpointFile.scala (0.11)',
    versions: '0.10–0.11',
    example: 'source only: OffsetCheckpoint.scala@0.10.2.2:68, CheckpointFile.scala@0.11.0.3-rc0:62',
  },
  {
    action: 'log_dir_failure',
    contains: 'Error writing to highwatermark file',
    // 0.10–0.11 (FATAL, then the JVM halts): `[Replica Manager on Broker 1]: Error writing to highwatermark file: ...`.
    pattern: /Error writing to highwatermark file/,
    source: 'core/src/main/scala/kafka/server/ReplicaManager.scala (checkpointHighWatermarks)',
    versions: '0.10–0.11',
    example: 'source only: ReplicaManager.scala@0.10.2.2:949 `Error writing to highwatermark file: `',
  },
  {
    action: 'log_dir_failure',
    contains: 'Disk error during leadership change.',
    // 0.10–0.11 (FATAL, then the JVM halts): `[KafkaApi-1] Disk error during leadership change.`
    pattern: /Disk error during leadership change\./,
    source: 'core/src/main/scala/kafka/server/KafkaApis.scala (handleLeaderAndIsrRequest)',
    versions: '0.10–0.11',
    example: 'source only: KafkaApis.scala@0.10.2.2:158 `Disk error during leadership change.`',
  },
  {
    action: 'log_dir_failure',
    contains: 'Stopping serving replicas in dir ',
    // `[ReplicaManager broker=1] Stopping serving replicas in dir /var/kafka` (1.0–3.7), 3.8+ `... in dir
    // /var/kafka with uuid AbC... because the log directory has failed.` (the 3.7.2 and 3.8.1 drills).
    pattern: /Stopping serving replicas in dir \S+/,
    source: 'core/src/main/scala/kafka/server/ReplicaManager.scala (handleLogDirFailure)',
    versions: '1.0–4.x',
    example: 'test/fixtures/kafka/3.9.1-zk/log-dir-failure/broker-2/server.log:108, test/fixtures/kafka/4.1.1-kraft/log-dir-failure/broker-2/server.log:128',
  },
  {
    action: 'log_dir_failure',
    contains: 'Halting broker because dir ',
    // A broker that cannot serve without the dir halts instead (ZooKeeper mode below
    // inter.broker.protocol 1.0, KRaft before 3.7): `Halting broker because dir /var/kafka is offline`.
    pattern: /Halting broker because dir \S+ is offline/,
    source: 'core/src/main/scala/kafka/server/ReplicaManager.scala (LogDirFailureHandler)',
    versions: '1.0–3.9',
    example: 'source only: ReplicaManager.scala@3.9:322 `Halting broker because dir $newOfflineLogDir is offline`',
  },
  {
    action: 'log_dir_failure',
    contains: 'Shutdown broker because all log dirs in ',
    // The last log directory of a broker failed (the only one, on most installations): `Shutdown broker
    // because all log dirs in /var/kafka have failed` (FATAL in log4j 1 layouts, ERROR in log4j2).
    // `Stopping serving logs in dir /var/kafka` before it is the LogManager's step, not the event.
    pattern: /Shutdown broker because all log dirs in .+ have failed/,
    source: 'core/src/main/scala/kafka/log/LogManager.scala (handleLogDirFailure); storage/src/main/java/org/apache/kafka/storage/internals/log/LogManager.java from 4.4, same wording',
    versions: '1.0–4.x',
    example: 'test/fixtures/kafka/3.9.1-zk/log-dir-failure/broker-2/server.log:263, test/fixtures/kafka/4.1.1-kraft/log-dir-failure/broker-2/server.log:315, test/fixtures/kafka/4.4.0-kraft/log-dir-failure/broker-3/server.log:305',
  },
  {
    action: 'log_dir_failure',
    contains: 'can be created or validated',
    // No log directory usable when the broker starts (FATAL, then the JVM halts: no `Fatal error
    // during KafkaServer startup` follows): `Shutdown broker because none of the specified log dirs
    // from /var/kafka can be created or validated`.
    pattern: /Shutdown broker because none of the specified log dirs from .+ can be created or validated/,
    source: 'core/src/main/scala/kafka/log/LogManager.scala (createAndValidateLogDirs); storage/src/main/java/org/apache/kafka/storage/internals/log/LogManager.java from 4.4, same wording',
    versions: '1.0–4.x',
    example: 'source only: LogManager.scala@3.9:206 `Shutdown broker because none of the specified log dirs from ${dirs.mkString(", ")} can be created or validated`',
  },
  {
    action: 'log_dir_failure',
    contains: 'marked offline, remaining directories',
    // The KRaft controller learning it from broker 2's heartbeat: `Directories [AbC...] in broker 2 marked offline, remaining directories: [...]`.
    pattern: /Directories \S+ in broker (?<subject>\d+) marked offline, remaining directories: /,
    fields: (m) => subjectOf(m.groups),
    source: 'metadata/src/main/java/org/apache/kafka/controller/ReplicationControlManager.java (handleDirectoriesOffline)',
    versions: '3.7–4.x (KRaft)',
    example: 'source only: ReplicationControlManager.java@3.9:1424 `Directories {} in broker {} marked offline, remaining directories: {}`',
  },
  {
    action: 'log_dir_failure',
    contains: 'Handling log directory failure for brokers ',
    // The ZooKeeper controller learning it from broker 2's LogDirEventNotification: `[Controller id=1]
    // Handling log directory failure for brokers 2` (no record of it before 2.2).
    pattern: /Handling log directory failure for brokers (?<ids>[\d,]+)/,
    fields: (m) => singleSubjectOf(m.groups),
    source: 'core/src/main/scala/kafka/controller/KafkaController.scala (onBrokerLogDirFailure)',
    versions: '2.2–3.9 (ZooKeeper mode)',
    example: 'source only: KafkaController.scala@3.9:553 `Handling log directory failure for brokers ${brokerIds.mkString(",")}`',
  },
  {
    action: 'log_dir_failure',
    contains: 'Halting due to unrecoverable',
    // 0.10–0.11, before log directories could fail one by one: `Halting due to unrecoverable I/O error while handling produce request: `.
    pattern: /Halting due to unrecoverable I\/O error/,
    source: 'core/src/main/scala/kafka/server/ReplicaManager.scala (appendToLocalLog)',
    versions: '0.10–0.11',
    example: 'source only: ReplicaManager.scala@0.10.2.2:413 `Halting due to unrecoverable I/O error while handling produce request: `',
  },
  {
    action: 'log_dir_failure',
    contains: 'Disk error while replicating data for ',
    // 0.10–0.11, the follower side of the same: `[ReplicaFetcherThread-0-1], Disk error while
    // replicating data for t-0` (FATAL, with the KafkaStorageException), then the broker halts.
    pattern: new RegExp(String.raw`Disk error while replicating data for ${PARTITION}`),
    fields: (m) => partitionOf(m.groups),
    source: 'core/src/main/scala/kafka/server/ReplicaFetcherThread.scala (processPartitionData)',
    versions: '0.10–0.11',
    example: 'source only: ReplicaFetcherThread.scala@0.10.2.2:143 `Disk error while replicating data for $topicPartition`',
  },
  {
    action: 'not_enough_replicas',
    contains: 'insufficient to satisfy the min.isr',
    // The NotEnoughReplicasException in the trace of `[ReplicaManager broker=1] Error processing
    // append operation on partition t-0` (2.1+): `The size of the current ISR Set(1) is insufficient
    // to satisfy the min.isr requirement of 2 for partition t-0`; 4.1 `The size of the current ISR :
    // 1 is insufficient ... for partition t-0, live replica(s) broker.id are : Set(1)`.
    pattern: new RegExp(String.raw`is insufficient to satisfy the min\.isr requirement of \d+ for partition ${PARTITION}`),
    fields: (m) => partitionOf(m.groups),
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (appendRecordsToLeader)',
    versions: '2.1–4.x',
    example: 'test/fixtures/kafka/public/librdkafka-3444.log:2 (2.x)',
  },
  {
    action: 'not_enough_replicas',
    contains: 'below required minimum',
    // 0.10–2.0: `Number of insync replicas for partition [t,0] is [1], below required minimum [2]`
    // (`t-0` from 0.11).
    pattern: new RegExp(String.raw`Number of insync replicas for partition ${PARTITION} is \[\d+\], below required minimum`),
    fields: (m) => partitionOf(m.groups),
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (appendRecordsToLeader)',
    versions: '0.10–2.0',
    example: 'test/fixtures/kafka/public/yolean-kubernetes-kafka-108.log:4 (1.0)',
  },
  {
    action: 'replica_truncation_fatal',
    contains: 'Exiting because log truncation',
    // `Exiting because log truncation is not allowed for partition t-0, current leader's latest offset
    // 10 is less than replica's latest offset 12`: the follower stops rather than lose committed data.
    // 0.10.0 names only the topic: `... not allowed for topic t, Current leader 1's latest offset ...`.
    pattern: new RegExp(
      String.raw`Exiting because log truncation is not allowed for (?:partition ${PARTITION}|topic (?<topic>[^\s,]+)),`,
    ),
    fields: (m) => (m.groups!.topic === undefined ? partitionOf(m.groups) : { 'kafka.topic': m.groups!.topic }),
    source: 'core/src/main/scala/kafka/server/ReplicaFetcherThread.scala (handleOffsetOutOfRange)',
    versions: '0.10–1.1',
    example: 'test/fixtures/kafka/public/yolean-kubernetes-kafka-98.log:4 (1.0); the 0.10.0 wording source only: ReplicaFetcherThread.scala@0.10.0.1:178 `... for topic %s,`',
  },
];
