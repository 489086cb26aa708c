import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../parsers/pattern.js';
import { KAFKA_EVENTS } from '../../parsers/kafka/events.js';
import type { EventAction } from '../../src/core/index.js';
import { ACTIONS, EVENT_ACTIONS } from '../../src/core/index.js';
import { classify } from '../../src/parse/index.js';
import { readFixtureRecords, type FixtureRecord } from '../support/fixture-records.js';
import { parseBytes } from '../support/parse.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'kafka');

/**
 * Public samples in a layout the detection does not know, read with the pattern a site running that
 * layout would configure (see the README of test/fixtures/kafka/public).
 */
const PATTERNS: Readonly<Record<string, string>> = {
  'public/kafka-admin-backward-compatibility.log': '>>> %d{yy/MM/dd HH:mm:ss} %p %c{2}: %m%n',
};

/** The records of a fixture as readFixtureRecords gives them, with the file's configured pattern if it has one. */
function recordsOf(file: string): FixtureRecord[] {
  const path = join(FIXTURES, file);
  const pattern = PATTERNS[file];
  if (pattern === undefined) return readFixtureRecords(path);
  const bytes = readFileSync(path);
  return parseBytes(bytes, { pattern, context: { filePath: path } }).map((event) => {
    const trace = event['error.stack_trace'];
    return {
      line: bytes.subarray(0, event['log.offset'] ?? 0).toString('utf8').split('\n').length,
      message: trace === undefined ? event.message : `${event.message}\n${trace}`,
      logger: event['log.logger'],
      event,
    };
  });
}

function recordAt(file: string, line: number): FixtureRecord {
  const record = recordsOf(file).find((r) => r.line === line);
  if (record === undefined) throw new Error(`no record starts at ${file}:${line}`);
  return record;
}

function rowOf(message: string, logger?: string): number {
  return KAFKA_EVENTS.findIndex(
    (row) =>
      message.includes(row.contains) &&
      (row.logger === undefined || (logger !== undefined && row.logger.test(logger))) &&
      row.pattern.test(message),
  );
}

interface Case {
  /** Where the message comes from: a public sample (file:line) or a source's format string. */
  readonly name: string;
  readonly message: string;
  readonly logger?: string;
  readonly action: EventAction;
  readonly fields: EventFields;
}

const real = (file: string, line: number, action: EventAction, fields: EventFields): Case => {
  const record = recordAt(file, line);
  return {
    name: `real record ${file}:${line}`,
    message: record.message,
    ...(record.logger === undefined ? {} : { logger: record.logger }),
    action,
    fields,
  };
};

/** A minimal message that the broker source's format string produces (no real record known). */
const fromSource = (source: string, message: string, action: EventAction, fields: EventFields): Case => ({
  name: `minimal message from the source's format string, ${source}`,
  message,
  action,
  fields,
});

const tp = (topic: string, partition: number): EventFields => ({ 'kafka.topic': topic, 'kafka.partition': partition });

const CASES: Case[] = [
  // Real records of the drills run here (test/fixtures/kafka/<version>-<mode>/<drill>/PROVENANCE).
  real('3.9.1-zk/follower-pause/broker-1/server.log', 39, 'isr_shrink', {
    ...tp('drill-pause-1795596106', 0),
    'kafka.isr.before': [1, 2, 3],
    'kafka.isr.after': [1, 2],
    'kafka.isr.removed': [3],
  }),
  real('4.1.1-kraft/follower-pause/broker-1/server.log', 39, 'isr_shrink', {
    ...tp('drill-pause-1795596146', 5),
    'kafka.isr.before': [1, 2, 3],
    'kafka.isr.after': [1, 2],
    'kafka.isr.removed': [3],
  }),
  // The paused follower caught up: 3.9 and 4.1 log no `Expanding ISR`, only this.
  real('3.9.1-zk/follower-pause/broker-1/server.log', 44, 'isr_updated', { ...tp('drill-pause-1795596106', 0), 'kafka.isr.after': [1, 2, 3] }),
  real('4.1.1-kraft/follower-pause/broker-1/server.log', 192, 'isr_updated', { ...tp('drill-pause-1795596146', 0), 'kafka.isr.after': [1, 2, 3] }),
  real('3.9.1-zk/follower-pause/broker-3/server.log', 42, 'isr_updated', { ...tp('drill-pause-1795596106', 5), 'kafka.isr.after': [3] }),
  real('3.9.1-zk/controller-loss/broker-1/controller.log', 1, 'controller_elected', { 'kafka.controller.id': 1, 'kafka.controller.epoch': 2 }),
  real('4.1.1-kraft/controller-loss/broker-1/controller.log', 11, 'controller_elected', { 'kafka.controller.id': 1, 'kafka.controller.epoch': 2 }),
  real('4.1.1-kraft/controller-loss/broker-2/controller.log', 15, 'controller_resigned', { 'kafka.controller.id': 2, 'kafka.controller.epoch': 1 }),
  // A standby controller in an epoch without a leader: the quorum that lost two of its three voters.
  real('4.1.1-kraft/unclean-election/broker-2/controller.log', 31, 'controller_quorum_leaderless', { 'kafka.controller.id': 2, 'kafka.controller.epoch': 2 }),
  real('3.3.2-kraft/controller-loss/broker-2/controller.log', 8, 'controller_quorum_leaderless', { 'kafka.controller.id': 2, 'kafka.controller.epoch': 9 }),
  real('3.9.1-zk/broker-loss/broker-1/state-change.log', 52, 'leader_election', {
    ...tp('drill-loss-1795596038', 5),
    'kafka.broker.subject': 2,
    'kafka.controller.id': 1,
    'kafka.controller.epoch': 2,
  }),
  // The leader's own epoch bump for an ISR change (the previous leader is itself): no election.
  real('3.9.1-zk/broker-loss/broker-1/state-change.log', 201, 'isr_updated', { ...tp('drill-loss-1795595601', 0), 'kafka.isr.after': [1, 2] }),
  // KRaft: a follower back in the ISR, seen by its leader only as the metadata change it applies.
  real('4.1.1-kraft/broker-loss/broker-2/state-change.log', 199, 'isr_updated', { ...tp('drill-loss-1795595750', 0), 'kafka.isr.after': [2, 1, 3] }),
  real('4.1.1-kraft/broker-loss/broker-1/state-change.log', 111, 'leader_election', { ...tp('drill-loss-1795595750', 1), 'kafka.isr.after': [1, 2] }),
  real('public/librdkafka-1575.log', 1, 'leader_election', { ...tp('LIVETOPICOLD', 0), 'kafka.broker.subject': 1, 'kafka.isr.after': [1] }),
  real('4.1.1-kraft/broker-loss/broker-2/controller.log', 11, 'broker_fenced', { 'kafka.broker.subject': 3 }),
  real('4.1.1-kraft/broker-loss/broker-2/controller.log', 1, 'broker_unfenced', { 'kafka.broker.subject': 3 }),
  real('4.1.1-kraft/broker-loss/broker-3/server.log', 796, 'broker_unfenced', {}),
  // Broker 3 back after the kill: its own registration, then the controller taking it in.
  real('3.9.1-zk/broker-loss/broker-3/server.log', 1602, 'broker_registered', { 'kafka.broker.subject': 3 }),
  real('3.9.1-zk/broker-loss/broker-1/controller.log', 794, 'broker_registered', { 'kafka.broker.subject': 3 }),
  real('4.1.1-kraft/broker-loss/broker-2/controller.log', 16, 'broker_registered', { 'kafka.broker.subject': 3 }),
  real('3.9.1-zk/broker-loss/broker-1/controller.log', 784, 'broker_membership_changed', {}),
  real('3.9.1-zk/broker-loss/broker-1/controller.log', 789, 'broker_failure', { 'kafka.broker.subject': 3 }),
  real('3.9.1-zk/controller-loss/broker-2/server.log', 20, 'broker_started', {}),
  real('4.1.1-kraft/broker-loss/broker-3/server.log', 809, 'broker_started', {}),
  real('3.9.1-zk/controller-loss/broker-3/server.log', 107, 'broker_shutdown', {}),
  real('4.1.1-kraft/controller-loss/broker-2/server.log', 40, 'broker_shutdown', {}),
  real('3.9.1-zk/controller-loss/broker-3/controller.log', 136, 'broker_shutdown', { 'kafka.broker.subject': 3 }),
  real('4.1.1-kraft/controller-loss/broker-2/controller.log', 9, 'broker_shutdown', { 'kafka.broker.subject': 2 }),
  real('3.9.1-zk/session-expiry/broker-3/server.log', 41, 'zk_disconnected', {}),
  real('3.9.1-zk/session-expiry/broker-3/server.log', 277, 'zk_session_expired', {}),
  real('3.9.1-zk/session-expiry/broker-3/server.log', 285, 'zk_connected', {}),
  // Kafka 2.8: the same wordings as 3.9 but for the brackets of `version updated to [2]`.
  real('2.8.2-zk/follower-pause/broker-1/server.log', 39, 'isr_shrink', {
    ...tp('drill-pause-1796427646', 0),
    'kafka.isr.before': [1, 2, 3],
    'kafka.isr.after': [1, 3],
    'kafka.isr.removed': [2],
  }),
  real('2.8.2-zk/follower-pause/broker-1/server.log', 43, 'isr_updated', { ...tp('drill-pause-1796427646', 0), 'kafka.isr.after': [1, 3, 2] }),
  real('2.8.2-zk/controller-loss/broker-2/controller.log', 1, 'controller_elected', { 'kafka.controller.id': 2, 'kafka.controller.epoch': 2 }),
  real('2.8.2-zk/broker-loss/broker-3/controller.log', 605, 'broker_failure', { 'kafka.broker.subject': 2 }),
  real('2.8.2-zk/broker-loss/broker-3/controller.log', 610, 'broker_registered', { 'kafka.broker.subject': 2 }),
  real('2.8.2-zk/session-expiry/broker-3/server.log', 38, 'zk_disconnected', {}),
  real('2.8.2-zk/session-expiry/broker-3/server.log', 143, 'zk_session_expired', {}),
  real('2.8.2-zk/session-expiry/broker-3/server.log', 152, 'zk_connected', {}),
  real('2.8.2-zk/unclean-election/broker-2/state-change.log', 76, 'leader_election_failed', {
    ...tp('drill-unclean-1796427796', 2),
    'kafka.controller.id': 2,
    'kafka.controller.epoch': 2,
  }),
  real('2.8.2-zk/unclean-election/broker-2/state-change.log', 171, 'offline_partitions', {
    ...tp('drill-unclean-1796427796', 2),
    'kafka.controller.id': 2,
    'kafka.controller.epoch': 2,
  }),
  real('2.8.2-zk/rolling-restart/broker-2/controller.log', 3, 'broker_shutdown', { 'kafka.broker.subject': 1 }),
  // Kafka 3.3 (KRaft): the controller's identity is `[Controller 1] `.
  real('3.3.2-kraft/follower-pause/broker-1/server.log', 43, 'isr_shrink', {
    ...tp('drill-pause-1796428936', 0),
    'kafka.isr.before': [1, 2, 3],
    'kafka.isr.after': [1, 2],
    'kafka.isr.removed': [3],
  }),
  real('3.3.2-kraft/controller-loss/broker-2/controller.log', 9, 'controller_elected', { 'kafka.controller.id': 2, 'kafka.controller.epoch': 9 }),
  real('3.3.2-kraft/controller-loss/broker-1/controller.log', 12, 'controller_resigned', { 'kafka.controller.id': 1, 'kafka.controller.epoch': 8 }),
  real('3.3.2-kraft/controller-loss/broker-1/controller.log', 9, 'broker_shutdown', { 'kafka.broker.subject': 1 }),
  real('3.3.2-kraft/broker-loss/broker-1/controller.log', 9, 'broker_fenced', { 'kafka.broker.subject': 3 }),
  real('3.3.2-kraft/broker-loss/broker-1/controller.log', 11, 'broker_registered', { 'kafka.broker.subject': 3 }),
  real('3.3.2-kraft/unclean-election/broker-2/controller.log', 14, 'unclean_leader_election', { ...tp('drill-unclean-1796429090', 0), 'kafka.broker.subject': 3, 'kafka.leader.epoch': 3 }),
  real('3.3.2-kraft/unclean-election/broker-3/state-change.log', 40, 'offline_partitions', tp('drill-unclean-1796429090', 0)),
  real('3.3.2-kraft/unclean-election/broker-3/state-change.log', 76, 'unclean_leader_election', { ...tp('drill-unclean-1796429090', 0), 'kafka.broker.subject': 3 }),
  // Kafka 3.5 (KRaft): the identity is `[QuorumController id=1] `, the wordings still 3.3's (`committed offset ...`,
  // `Re-registered broker id ...`; the unclean election only in the replayed `UNCLEAN partition change`).
  real('3.5.2-kraft/controller-loss/broker-3/controller.log', 9, 'controller_elected', { 'kafka.controller.id': 3, 'kafka.controller.epoch': 7 }),
  real('3.5.2-kraft/controller-loss/broker-2/controller.log', 12, 'controller_resigned', { 'kafka.controller.id': 2, 'kafka.controller.epoch': 6 }),
  real('3.5.2-kraft/controller-loss/broker-2/controller.log', 9, 'broker_shutdown', { 'kafka.broker.subject': 2 }),
  real('3.5.2-kraft/follower-pause/broker-1/controller.log', 8, 'controller_quorum_leaderless', { 'kafka.controller.id': 1, 'kafka.controller.epoch': 2 }),
  real('3.5.2-kraft/broker-loss/broker-2/controller.log', 9, 'broker_fenced', { 'kafka.broker.subject': 3 }),
  real('3.5.2-kraft/broker-loss/broker-2/controller.log', 11, 'broker_registered', { 'kafka.broker.subject': 3 }),
  real('3.5.2-kraft/unclean-election/broker-3/controller.log', 14, 'unclean_leader_election', { ...tp('drill-unclean-1796516750', 0), 'kafka.broker.subject': 2, 'kafka.leader.epoch': 3 }),
  // Kafka 3.5 (ZooKeeper mode): `ISR updated to 1,2  and version updated to 1` (two spaces from 3.5), and the
  // unclean election's `leaderRecoveryState=RECOVERING` in a LeaderAndIsr that lists `isrWithBrokerEpoch`.
  real('3.5.2-zk/follower-pause/broker-1/server.log', 39, 'isr_shrink', {
    ...tp('drill-pause-1796516020', 4),
    'kafka.isr.before': [1, 3, 2],
    'kafka.isr.after': [1, 2],
    'kafka.isr.removed': [3],
  }),
  real('3.5.2-zk/follower-pause/broker-1/server.log', 41, 'isr_updated', { ...tp('drill-pause-1796516020', 4), 'kafka.isr.after': [1, 2] }),
  real('3.5.2-zk/unclean-election/broker-3/state-change.log', 209, 'unclean_leader_election', {
    ...tp('drill-unclean-1796516173', 1),
    'kafka.broker.subject': 2,
    'kafka.controller.id': 3,
    'kafka.controller.epoch': 2,
  }),
  // Kafka 1.1: the shrink without `. Leader: (...)`, the leader's own `Expanding ISR`, Partition's
  // `starts at Leader Epoch` in server.log, `[ZooKeeperClient] Session expired.`
  real('1.1.1-zk/follower-pause/broker-1/server.log', 70, 'isr_shrink', {
    ...tp('drill-pause-1796429085', 5),
    'kafka.isr.before': [1, 3, 2],
    'kafka.isr.after': [1, 2],
    'kafka.isr.removed': [3],
  }),
  real('1.1.1-zk/follower-pause/broker-1/server.log', 72, 'isr_expand', {
    ...tp('drill-pause-1796429085', 2),
    'kafka.isr.before': [1, 2],
    'kafka.isr.after': [1, 2, 3],
    'kafka.isr.added': [3],
  }),
  real('1.1.1-zk/broker-loss/broker-1/server.log', 203, 'leader_election', tp('drill-pause-1796429085', 0)),
  real('1.1.1-zk/broker-loss/broker-1/controller.log', 234, 'broker_failure', { 'kafka.broker.subject': 3 }),
  real('1.1.1-zk/controller-loss/broker-3/controller.log', 1, 'controller_elected', { 'kafka.controller.id': 3 }),
  real('1.1.1-zk/session-expiry/broker-3/server.log', 64, 'zk_disconnected', {}),
  real('1.1.1-zk/session-expiry/broker-3/server.log', 72, 'zk_session_expired', {}),
  real('1.1.1-zk/unclean-election/broker-3/state-change.log', 346, 'leader_election_failed', {
    ...tp('drill-unclean-1796429236', 0),
    'kafka.controller.id': 3,
    'kafka.controller.epoch': 2,
  }),
  // The unclean election itself: nothing in 1.1–3.1 says the new leader was outside the ISR.
  real('1.1.1-zk/unclean-election/broker-3/state-change.log', 721, 'leader_election', {
    ...tp('drill-unclean-1796429236', 0),
    'kafka.broker.subject': 2,
    'kafka.controller.id': 3,
    'kafka.controller.epoch': 2,
  }),
  real('1.1.1-zk/rolling-restart/broker-3/controller.log', 3, 'broker_shutdown', { 'kafka.broker.subject': 1 }),
  // Kafka 3.6 (KRaft): `[QuorumController id=1] `, `lastCaughtUpTimeMs` in the shrink, the unclean election's own line at INFO.
  real('3.6.2-kraft/follower-pause/broker-1/server.log', 39, 'isr_shrink', {
    ...tp('drill-pause-1796429456', 3),
    'kafka.isr.before': [1, 3, 2],
    'kafka.isr.after': [1, 2],
    'kafka.isr.removed': [3],
  }),
  real('3.6.2-kraft/controller-loss/broker-1/controller.log', 11, 'controller_elected', { 'kafka.controller.id': 1, 'kafka.controller.epoch': 7 }),
  // The stopping controller's last write failed as it lost the leadership.
  real('3.6.2-kraft/controller-loss/broker-2/controller.log', 14, 'controller_resigned', { 'kafka.controller.id': 2, 'kafka.controller.epoch': 6 }),
  real('3.6.2-kraft/broker-loss/broker-2/controller.log', 9, 'broker_fenced', { 'kafka.broker.subject': 3 }),
  real('3.6.2-kraft/unclean-election/broker-1/controller.log', 17, 'unclean_leader_election', { 'kafka.partition': 0, 'kafka.broker.subject': 3 }),
  // Kafka 4.0 (KRaft, the first without ZooKeeper): the controller elects the out-of-sync replica by
  // itself when it unfences it (no `Triggering unclean leader election`: that is the periodic check).
  real('4.0.2-kraft/unclean-election/broker-2/controller.log', 52, 'unclean_leader_election', { 'kafka.partition': 0, 'kafka.broker.subject': 3 }),
  real('4.0.2-kraft/unclean-election/broker-3/state-change.log', 71, 'offline_partitions', tp('drill-unclean-1796438331', 2)),
  real('4.0.2-kraft/controller-loss/broker-1/controller.log', 15, 'controller_resigned', { 'kafka.controller.id': 1, 'kafka.controller.epoch': 2 }),
  real('4.0.2-kraft/broker-loss/broker-1/controller.log', 14, 'broker_registered', { 'kafka.broker.subject': 3 }),
  // Kafka 2.4: the shrink with `. Leader: (...)`, the leader's own `Expanding ISR` and its `ISR updated to [...] and
  // zkVersion updated to [...]` (INFO from 2.4), Partition's `starts at leader epoch` in server.log.
  real('2.4.1-zk/follower-pause/broker-1/server.log', 57, 'isr_shrink', {
    ...tp('drill-pause-1796430057', 3),
    'kafka.isr.before': [1, 2, 3],
    'kafka.isr.after': [1, 2],
    'kafka.isr.removed': [3],
  }),
  real('2.4.1-zk/follower-pause/broker-1/server.log', 58, 'isr_updated', { ...tp('drill-pause-1796430057', 3), 'kafka.isr.after': [1, 2] }),
  real('2.4.1-zk/follower-pause/broker-1/server.log', 61, 'isr_expand', {
    ...tp('drill-pause-1796430057', 3),
    'kafka.isr.before': [1, 2],
    'kafka.isr.after': [1, 2, 3],
    'kafka.isr.added': [3],
  }),
  real('2.4.1-zk/broker-loss/broker-1/server.log', 265, 'leader_election', tp('drill-loss-1796430097', 3)),
  real('2.4.1-zk/broker-loss/broker-2/controller.log', 306, 'broker_failure', { 'kafka.broker.subject': 3 }),
  real('2.4.1-zk/controller-loss/broker-3/controller.log', 1, 'controller_elected', { 'kafka.controller.id': 3, 'kafka.controller.epoch': 2 }),
  real('2.4.1-zk/session-expiry/broker-3/server.log', 56, 'zk_session_expired', {}),
  real('2.4.1-zk/unclean-election/broker-3/state-change.log', 251, 'leader_election_failed', {
    ...tp('drill-unclean-1796430209', 1),
    'kafka.controller.id': 3,
    'kafka.controller.epoch': 2,
  }),
  // Kafka 0.11: Partition still with its 0.10 identity `Partition [t,1] on broker 1: `, the controller's
  // `[Controller 1]: `, the OfflinePartitionLeaderSelector, ZkClient's state changes.
  real('0.11.0.3-zk/follower-pause/broker-1/server.log', 66, 'isr_shrink', {
    ...tp('drill-pause-1796431427', 1),
    'kafka.isr.before': [1, 3, 2],
    'kafka.isr.after': [1, 2],
    'kafka.isr.removed': [3],
  }),
  real('0.11.0.3-zk/follower-pause/broker-1/server.log', 68, 'isr_expand', {
    ...tp('drill-pause-1796431427', 4),
    'kafka.isr.before': [1, 2],
    'kafka.isr.after': [1, 2, 3],
    'kafka.isr.added': [3],
  }),
  real('0.11.0.3-zk/controller-loss/broker-1/controller.log', 1, 'controller_elected', { 'kafka.controller.id': 1 }),
  real('0.11.0.3-zk/unclean-election/broker-1/controller.log', 1679, 'offline_partitions', tp('drill-unclean-1796431581', 2)),
  real('0.11.0.3-zk/unclean-election/broker-1/state-change.log', 361, 'leader_election_failed', {
    ...tp('drill-unclean-1796431581', 2),
    'kafka.controller.id': 1,
    'kafka.controller.epoch': 2,
  }),
  real('0.11.0.3-zk/unclean-election/broker-1/controller.log', 1703, 'unclean_leader_election', { ...tp('drill-unclean-1796431581', 2), 'kafka.broker.subject': 3 }),
  real('0.11.0.3-zk/unclean-election/broker-1/controller.log', 1704, 'leader_election', {
    ...tp('drill-unclean-1796431581', 2),
    'kafka.broker.subject': 3,
    'kafka.isr.after': [3],
  }),
  real('0.11.0.3-zk/session-expiry/broker-3/server.log', 72, 'zk_session_expired', {}),
  real('0.11.0.3-zk/session-expiry/broker-3/server.log', 81, 'zk_session_expired', {}),
  real('0.11.0.3-zk/session-expiry/broker-3/server.log', 85, 'isr_update_skipped', tp('drill-pause-1796431427', 2)),
  real('0.11.0.3-zk/session-expiry/broker-2/controller.log', 26, 'broker_failure', { 'kafka.broker.subject': 3 }),
  real('0.11.0.3-zk/rolling-restart/broker-1/controller.log', 20, 'broker_shutdown', { 'kafka.broker.subject': 2 }),
  // Kafka 0.10.2: `Shrinking ISR for partition [t,1] from`, `Expanding ISR for partition t-1 from`, the
  // controller election in server.log, and no ZooKeeper line in server.log but Kafka's own re-registration.
  real('0.10.2.2-zk/follower-pause/broker-1/server.log', 32, 'isr_shrink', {
    ...tp('drill-pause-1796431425', 1),
    'kafka.isr.before': [1, 3, 2],
    'kafka.isr.after': [1, 3],
    'kafka.isr.removed': [2],
  }),
  real('0.10.2.2-zk/follower-pause/broker-1/server.log', 34, 'isr_expand', {
    ...tp('drill-pause-1796431425', 1),
    'kafka.isr.before': [1, 3],
    'kafka.isr.after': [1, 3, 2],
    'kafka.isr.added': [2],
  }),
  real('0.10.2.2-zk/controller-loss/broker-1/server.log', 84, 'controller_elected', { 'kafka.controller.id': 1 }),
  real('0.10.2.2-zk/session-expiry/broker-2/server.log', 30, 'zk_session_expired', {}),
  real('0.10.2.2-zk/session-expiry/broker-2/server.log', 32, 'isr_update_skipped', tp('drill-pause-1796431425', 0)),
  real('0.10.2.2-zk/session-expiry/broker-3/controller.log', 32, 'broker_failure', { 'kafka.broker.subject': 2 }),
  real('0.10.2.2-zk/unclean-election/broker-1/controller.log', 726, 'offline_partitions', tp('drill-unclean-1796431577', 0)),
  real('0.10.2.2-zk/unclean-election/broker-1/state-change.log', 324, 'leader_election_failed', {
    ...tp('drill-unclean-1796431577', 0),
    'kafka.controller.id': 1,
    'kafka.controller.epoch': 2,
  }),
  real('0.10.2.2-zk/unclean-election/broker-1/controller.log', 779, 'unclean_leader_election', { ...tp('drill-unclean-1796431577', 0), 'kafka.broker.subject': 3 }),
  real('0.10.2.2-zk/rolling-restart/broker-1/controller.log', 21, 'broker_shutdown', { 'kafka.broker.subject': 2 }),
  // isr_shrink
  real('public/librdkafka-948.log', 2, 'isr_shrink', {
    ...tp('topicold', 24),
    'kafka.isr.before': [1, 0, 2],
    'kafka.isr.after': [1],
    'kafka.isr.removed': [0, 2],
  }),
  fromSource('Partition.scala@1.1.1:515', '[Partition orders-eu-12 broker=1] Shrinking ISR from 1,2,3 to 1,2', 'isr_shrink', {
    ...tp('orders-eu', 12),
    'kafka.isr.before': [1, 2, 3],
    'kafka.isr.after': [1, 2],
    'kafka.isr.removed': [3],
  }),
  fromSource(
    'Partition.scala@3.9:1267',
    '[Partition t-0 broker=1] Shrinking ISR from 3,1,2 to 1,2. Leader: (highWatermark: 10, endOffset: 12). Out of sync replicas: (brokerId: 3, endOffset: 9, lastCaughtUpTimeMs: 1700000000000).',
    'isr_shrink',
    { ...tp('t', 0), 'kafka.isr.before': [3, 1, 2], 'kafka.isr.after': [1, 2], 'kafka.isr.removed': [3] },
  ),
  // 2.2, on a leader whose followers fell behind while it reconnected to ZooKeeper.
  real('public/lyhistory-kafka-consumer-notes.log', 5, 'isr_shrink', {
    ...tp('__consumer_offsets', 43),
    'kafka.isr.before': [3, 1, 4],
    'kafka.isr.after': [3],
    'kafka.isr.removed': [1, 4],
  }),
  // isr_expand
  real('public/lyhistory-kafka-consumer-notes.log', 6, 'isr_expand', {
    ...tp('__consumer_offsets', 43),
    'kafka.isr.before': [3],
    'kafka.isr.after': [3, 4],
    'kafka.isr.added': [4],
  }),
  fromSource('Partition.scala@0.10.2.2:277', 'Partition [t,0] on broker 1: Expanding ISR for partition t-0 from 1,2 to 1,2,3', 'isr_expand', {
    ...tp('t', 0),
    'kafka.isr.before': [1, 2],
    'kafka.isr.after': [1, 2, 3],
    'kafka.isr.added': [3],
  }),
  fromSource('Partition.scala@2.6.3:701', '[Partition orders-eu-12 broker=1] Expanding ISR from 1 to 1,3', 'isr_expand', {
    ...tp('orders-eu', 12),
    'kafka.isr.before': [1],
    'kafka.isr.after': [1, 3],
    'kafka.isr.added': [3],
  }),
  // isr_updated, every variant
  fromSource('Partition.scala@2.6.3:1212', '[Partition t-0 broker=1] ISR updated to [1,2] and zkVersion updated to [5]', 'isr_updated', {
    ...tp('t', 0),
    'kafka.isr.after': [1, 2],
  }),
  fromSource('Partition.scala@2.7.2:1462', '[Partition t-0 broker=1] ISR updated from AlterIsr to 1,2,3 and version updated to [5]', 'isr_updated', {
    ...tp('t', 0),
    'kafka.isr.after': [1, 2, 3],
  }),
  fromSource('Partition.scala@2.8.2:1431', '[Partition t-0 broker=1] ISR updated to 1,2,3 and version updated to [6]', 'isr_updated', {
    ...tp('t', 0),
    'kafka.isr.after': [1, 2, 3],
  }),
  fromSource('Partition.scala@3.2.3:1473', '[Partition t-0 broker=1] ISR updated to 1,2,3 and version updated to 6', 'isr_updated', {
    ...tp('t', 0),
    'kafka.isr.after': [1, 2, 3],
  }),
  fromSource('Partition.scala@3.9:1974 (not under min ISR: two spaces)', '[Partition t-0 broker=1] ISR updated to 1,2,3  and version updated to 7', 'isr_updated', {
    ...tp('t', 0),
    'kafka.isr.after': [1, 2, 3],
  }),
  fromSource('Partition.scala@3.9:1974 (under min ISR)', '[Partition t-0 broker=1] ISR updated to 1 (under-min-isr) and version updated to 8', 'isr_updated', {
    ...tp('t', 0),
    'kafka.isr.after': [1],
  }),
  // isr_update_skipped
  real('public/librdkafka-948.log', 1, 'isr_update_skipped', tp('topicold', 0)),
  fromSource('Partition.scala@2.6.3:1215', '[Partition t-0 broker=1] Cached zkVersion 3 not equal to that in zookeeper, skip updating ISR', 'isr_update_skipped', tp('t', 0)),
  fromSource(
    'KafkaController.scala@3.9:2473',
    '[Controller id=1] Failed to update ISR to LeaderAndIsr(leader=1, leaderEpoch=2, isrWithBrokerEpoch=List(), leaderRecoveryState=RECOVERED, partitionEpoch=3) for partition orders-eu-12, bad ZK version.',
    'isr_update_skipped',
    tp('orders-eu', 12),
  ),
  // 3.0 alone wrote it at DEBUG without the proposed state (controller.log gets DEBUG by default).
  fromSource(
    'KafkaController.scala@3.0.2:2355',
    '[Controller id=1] Failed to update ISR for partition orders-eu-12, bad ZK version',
    'isr_update_skipped',
    tp('orders-eu', 12),
  ),
  // The leader's side once it sends AlterIsr / AlterPartition (DEBUG).
  fromSource(
    'Partition.scala@2.7.2:1441',
    '[Partition t-0 broker=1] Controller failed to update ISR to PendingExpandIsr(isr=Set(1, 2), newInSyncReplicaId=3) due to invalid zk version. Giving up.',
    'isr_update_skipped',
    tp('t', 0),
  ),
  fromSource(
    'Partition.scala@2.8.2:1410',
    '[Partition t-0 broker=1] Failed to update ISR to PendingExpandIsr(isr=Set(1, 2), newInSyncReplicaId=3) due to invalid version. Giving up.',
    'isr_update_skipped',
    tp('t', 0),
  ),
  fromSource(
    'Partition.scala@3.1.2:1413',
    '[Partition t-0 broker=1] Failed to update ISR to PendingShrinkIsr(isr=Set(1, 2, 3), outOfSyncReplicaIds=Set(3), sentLeaderAndIsr=LeaderAndIsr(leader=1, leaderEpoch=4, isr=List(1, 2), zkVersion=7)) because the version is invalid. Giving up.',
    'isr_update_skipped',
    tp('t', 0),
  ),
  fromSource(
    'Partition.scala@3.9:1924',
    '[Partition orders-eu-12 broker=1] Failed to alter partition to PendingExpandIsr(newInSyncReplicaId=3, sentLeaderAndIsr=LeaderAndIsr(leader=1, leaderEpoch=4, isrWithBrokerEpoch=List(BrokerState(brokerId=1, brokerEpoch=-1), BrokerState(brokerId=2, brokerEpoch=-1), BrokerState(brokerId=3, brokerEpoch=25)), leaderRecoveryState=RECOVERED, partitionEpoch=7), leaderRecoveryState=RECOVERED, lastCommittedState=CommittedPartitionState(isr=Set(1, 2), leaderRecoveryState=RECOVERED)) because the partition epoch is invalid. Partition state may be out of sync, awaiting new the latest metadata.',
    'isr_update_skipped',
    tp('orders-eu', 12),
  ),
  // controller_elected
  real('public/kafka-pr-7140.log', 2, 'controller_elected', { 'kafka.controller.id': 0, 'kafka.controller.epoch': 1 }),
  fromSource('ZookeeperLeaderElector.scala@0.10.2.2:83', '1 successfully elected as leader', 'controller_elected', { 'kafka.controller.id': 1 }),
  // 0.11 still wrote KafkaController's old `[Controller 0]: ` identity.
  real('public/kafka-admin-backward-compatibility.log', 5, 'controller_elected', { 'kafka.controller.id': 0 }),
  fromSource('KafkaController.scala@1.1.1:1204', '[Controller id=2] 2 successfully elected as the controller', 'controller_elected', {
    'kafka.controller.id': 2,
  }),
  fromSource('QuorumController.java@3.9:1181', '[QuorumController id=3] Becoming the active controller at epoch 7, next write offset 120.', 'controller_elected', {
    'kafka.controller.id': 3,
    'kafka.controller.epoch': 7,
  }),
  fromSource(
    'QuorumController.java@3.0.2:769 (LogContext `[Controller %d] `, :213)',
    '[Controller 3] Becoming the active controller at epoch 7, committed offset 110 and committed epoch 6.',
    'controller_elected',
    { 'kafka.controller.id': 3, 'kafka.controller.epoch': 7 },
  ),
  // Up to 3.4 the KRaft controller's identity is `[Controller 3] ` (QuorumController's LogContext).
  fromSource(
    'QuorumController.java@3.4.0:1036 (LogContext `[Controller %d] `, :318)',
    '[Controller 3] Becoming the active controller at epoch 7, committed offset 110, committed epoch 6',
    'controller_elected',
    { 'kafka.controller.id': 3, 'kafka.controller.epoch': 7 },
  ),
  fromSource('QuorumController.java@2.8.0:548', '[Controller 3] Becoming active at controller epoch 7.', 'controller_elected', {
    'kafka.controller.id': 3,
    'kafka.controller.epoch': 7,
  }),
  // controller_resigned
  fromSource(
    'QuorumController.java@3.9:1172',
    '[QuorumController id=1] Renouncing the leadership due to a metadata log event. We were the leader at epoch 5, but in the new epoch 6, the leader is 2. Reverting to last stable offset 100.',
    'controller_resigned',
    { 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  fromSource(
    'QuorumController.java@3.4.0:1029 (LogContext `[Controller %d] `, :318)',
    '[Controller 1] Renouncing the leadership due to a metadata log event. We were the leader at epoch 5, but in the new epoch 6, the leader is 2. Reverting to last committed offset 100.',
    'controller_resigned',
    { 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  fromSource(
    'QuorumController.java@3.0.2:786 (LogContext `[Controller %d] `, :213)',
    '[Controller 1] Renouncing the leadership at oldEpoch 5 due to a metadata log event. Reverting to last committed offset 100.',
    'controller_resigned',
    { 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  // 3.6+: a fault (an unexpected exception) is logged by the fault handler, without the identity.
  fromSource(
    'EventHandlerExceptionInfo.java@3.9:154 via QuorumController.java@3.9:547 and LoggingFaultHandler.java@3.9:45 (name `quorum controller`, SharedServer.scala@3.9:238)',
    'Encountered quorum controller fault: registerBroker: event failed with NullPointerException at epoch 5 in 120 microseconds. Renouncing leadership and reverting to the last committed offset 100.',
    'controller_resigned',
    { 'kafka.controller.epoch': 5 },
  ),
  // ... and a lost Raft leadership, which is no fault, by the controller itself.
  fromSource(
    'EventHandlerExceptionInfo.java@3.9:154 via QuorumController.java@3.9:549',
    '[QuorumController id=1] createTopics: event failed with NotLeaderException (treated as NotControllerException) at epoch 5 in 120 microseconds. Renouncing leadership and reverting to the last committed offset 100. Exception message: Append failed because the given epoch 5 is stale. Current leader epoch = 6',
    'controller_resigned',
    { 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  fromSource(
    'QuorumController.java@3.5.2:490',
    '[QuorumController id=1] createTopics: failed with unknown server exception NullPointerException at epoch 5 in 120 us.  Renouncing leadership and reverting to the last committed offset 100.',
    'controller_resigned',
    { 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  fromSource(
    'QuorumController.java@3.3.2:453 (LogContext `[Controller %d] `, :317)',
    '[Controller 1] createTopics: failed with unknown server exception NullPointerException at epoch 5 in 120 us.  Renouncing leadership and reverting to the last committed offset 100.',
    'controller_resigned',
    { 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  // The same on 3.3.1, a controller that lost its Raft leadership mid-event (NotLeaderException).
  real('public/stackoverflow-75055672.log', 1, 'controller_resigned', { 'kafka.controller.id': 3, 'kafka.controller.epoch': 2641 }),
  // 2.8–3.2: a failed event renounced with no word of it; 2.8–3.1 print the controller object, not the event.
  fromSource(
    'QuorumController.java@2.8.2:256 (LogContext `[Controller %d] `, :186)',
    '[Controller 1] org.apache.kafka.controller.QuorumController@5e3a8624: failed with unknown server exception NullPointerException at epoch 5 in 120 us.  Reverting to last committed offset 100.',
    'controller_resigned',
    { 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  fromSource(
    'QuorumController.java@3.2.3:376',
    '[Controller 1] createTopics: failed with unknown server exception NullPointerException at epoch 5 in 120 us.  Reverting to last committed offset 100.',
    'controller_resigned',
    { 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  // unclean_leader_election
  fromSource(
    'PartitionStateMachine.scala@3.2.3 + Election.scala@3.2.3:45',
    '[Controller id=1 epoch=5] Changed partition orders-eu-12 from OfflinePartition to OnlinePartition with state LeaderAndIsr(leader=2, leaderEpoch=6, isr=List(2), leaderRecoveryState=RECOVERING, zkVersion=9)',
    'unclean_leader_election',
    { ...tp('orders-eu', 12), 'kafka.broker.subject': 2, 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  fromSource(
    'Partition.scala@3.9:743',
    '[Broker id=2] The topic partition orders.eu-x-3 was marked as RECOVERING. Marking the topic partition as RECOVERED.',
    'unclean_leader_election',
    { ...tp('orders.eu-x', 3), 'kafka.broker.subject': 2 },
  ),
  fromSource(
    'Partition.scala@3.2.0:554',
    '[Broker id=2] The topic partition t-0 was marked as RECOVERING. Leader log recovery is not implemented. Marking the topic partition as RECOVERED.',
    'unclean_leader_election',
    { ...tp('t', 0), 'kafka.broker.subject': 2 },
  ),
  fromSource(
    'PartitionLeaderSelector.scala@0.10.2.2:79',
    "[OfflinePartitionLeaderSelector]: No broker in ISR is alive for [orders-eu,12]. Elect leader 2 from live brokers 2. There's potential data loss.",
    'unclean_leader_election',
    { ...tp('orders-eu', 12), 'kafka.broker.subject': 2 },
  ),
  fromSource(
    'PartitionChangeBuilder.java@3.9:350',
    'Setting new leader for topicId 5gtB2t0hQ2OAZ3hbYHW5Rg, partition 12 to 2 using an unclean election',
    'unclean_leader_election',
    { 'kafka.partition': 12, 'kafka.broker.subject': 2 },
  ),
  // 4.1: the same line for an election from the eligible leader replicas, a clean one.
  fromSource(
    'kafka-metadata-4.1.1.jar PartitionChangeBuilder',
    'Setting new leader for topicId 5gtB2t0hQ2OAZ3hbYHW5Rg, partition 12 to 3 using ELR. Previous partition: PartitionRegistration(replicas=[1, 2, 3], directories=[AAAAAAAAAAAAAAAAAAAAAA, AAAAAAAAAAAAAAAAAAAAAA, AAAAAAAAAAAAAAAAAAAAAA], isr=[], removingReplicas=[], addingReplicas=[], elr=[3], lastKnownElr=[], leader=-1, leaderRecoveryState=RECOVERED, leaderEpoch=7, partitionEpoch=12), change record: PartitionChangeRecord(partitionId=12, topicId=5gtB2t0hQ2OAZ3hbYHW5Rg, isr=[3], leader=3, replicas=null, removingReplicas=null, addingReplicas=null, leaderRecoveryState=-1, directories=null, eligibleLeaderReplicas=[], lastKnownElr=null)',
    'leader_election',
    { 'kafka.partition': 12, 'kafka.broker.subject': 3 },
  ),
  // Every KRaft controller replaying an unclean change (AutoMQ, a fork of Kafka 3.4: `[Controller 0] ` identity).
  real('public/automq-686.log', 3, 'unclean_leader_election', { ...tp('testOther', 1), 'kafka.broker.subject': 0, 'kafka.leader.epoch': 86 }),
  fromSource(
    'PartitionRegistration.java@3.9:351 (an unclean change that kept the leader: no `leader:` in the diff)',
    '[QuorumController id=2] UNCLEAN partition change for orders-eu-12 with topic ID 5gtB2t0hQ2OAZ3hbYHW5Rg: isr: [1] -> [2], leaderRecoveryState: RECOVERED -> RECOVERING, partitionEpoch: 5 -> 6',
    'unclean_leader_election',
    tp('orders-eu', 12),
  ),
  fromSource(
    'ReplicationControlManager.java@3.9:1708',
    '[QuorumController id=1] Triggering unclean leader election for offline partition orders-eu-12.',
    'unclean_leader_election',
    tp('orders-eu', 12),
  ),
  // leader_election_failed
  fromSource(
    'PartitionStateMachine.scala@3.9:526',
    '[Controller id=1 epoch=5] Controller 1 epoch 5 failed to change state for partition orders-eu-12 from OfflinePartition to OnlinePartition',
    'leader_election_failed',
    { ...tp('orders-eu', 12), 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  fromSource(
    'PartitionStateMachine.scala@0.10.2.2:228',
    'Controller 1 epoch 5 initiated state change for partition [t,0] from OfflinePartition to OnlinePartition failed',
    'leader_election_failed',
    { ...tp('t', 0), 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  fromSource(
    'PartitionStateMachine.scala@1.0.2:184',
    'Initiated state change for partition t-0 from OfflinePartition to OnlinePartition failed',
    'leader_election_failed',
    tp('t', 0),
  ),
  fromSource(
    'KafkaController.scala@3.9:1218',
    '[Controller id=1] Partition t-0 failed to complete preferred replica leader election to 1. Leader is 2',
    'leader_election_failed',
    tp('t', 0),
  ),
  real('public/lyhistory-kafka-notes.log', 21, 'leader_election_failed', tp('T-TEST-SNP', 2)),
  fromSource(
    'ReplicationControlManager.java@3.9:1711',
    '[QuorumController id=1] Cannot trigger unclean leader election for offline partition t-0: ELIGIBLE_LEADERS_NOT_AVAILABLE',
    'leader_election_failed',
    tp('t', 0),
  ),
  // leader_election
  fromSource(
    'PartitionStateMachine.scala@3.9:249',
    '[Controller id=1 epoch=5] Changed partition orders-eu-12 from OfflinePartition to OnlinePartition with state LeaderAndIsr(leader=2, leaderEpoch=6, isrWithBrokerEpoch=List(BrokerState(brokerId=2, brokerEpoch=-1)), leaderRecoveryState=RECOVERED, partitionEpoch=9)',
    'leader_election',
    { ...tp('orders-eu', 12), 'kafka.broker.subject': 2, 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  fromSource(
    'PartitionStateMachine.scala@0.10.2.2:207',
    'Controller 1 epoch 5 changed partition [t,0] from OfflinePartition to OnlinePartition with leader 2',
    'leader_election',
    { ...tp('t', 0), 'kafka.broker.subject': 2, 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  fromSource(
    'Partition.scala@2.4.1:509',
    '[Partition t-0 broker=2] t-0 starts at leader epoch 5 from offset 10 with high watermark 10. Previous leader epoch was 4.',
    'leader_election',
    tp('t', 0),
  ),
  fromSource(
    'Partition.scala@0.11.0.2:184',
    'Partition [t,0] on broker 2: t-0 starts at Leader Epoch 5 from offset 10. Previous Leader Epoch was: 4',
    'leader_election',
    tp('t', 0),
  ),
  // 2.6–3.2 name the ISR without the comma.
  fromSource(
    'Partition.scala@2.6.3:503',
    '[Broker id=2] Leader orders-eu-12 starts at leader epoch 5 from offset 10 with high watermark 10 ISR [2,3] addingReplicas [] removingReplicas []. Previous leader epoch was 4.',
    'leader_election',
    { ...tp('orders-eu', 12), 'kafka.isr.after': [2, 3] },
  ),
  fromSource(
    'Partition.scala@3.9:773',
    '[Broker id=2] Leader orders-eu-12 with topic id Some(5gtB2t0hQ2OAZ3hbYHW5Rg) starts at leader epoch 5 from offset 10 with partition epoch 7, high watermark 10, ISR [2,3], adding replicas [] and removing replicas [] . Previous leader Some(1) and previous leader epoch was 4.',
    'leader_election',
    { ...tp('orders-eu', 12), 'kafka.isr.after': [2, 3] },
  ),
  // offline_partitions
  fromSource(
    'ReplicaStateMachine.scala@3.9:229',
    '[Controller id=1 epoch=5] Partition t-0 state changed to (Leader:-1,ISR:2,LeaderRecoveryState:RECOVERED,LeaderEpoch:6,ZkVersion:9,ControllerEpoch:5) after removing replica 2 from the ISR as part of transition to OfflineReplica',
    'offline_partitions',
    { ...tp('t', 0), 'kafka.controller.id': 1, 'kafka.controller.epoch': 5 },
  ),
  fromSource(
    'KafkaController.scala@0.10.2.2:1094',
    '[Controller 1]: New leader and ISR for partition [t,0] is {"leader":-1,"leader_epoch":6,"isr":[2]}',
    'offline_partitions',
    tp('t', 0),
  ),
  fromSource(
    'Partition.scala@3.9:876',
    '[Broker id=2] Follower orders.eu-x-3 starts at leader epoch 6 from offset 10 with partition epoch 9 and high watermark 10. Current leader is -1. Previous leader Some(1) and previous leader epoch was 5.',
    'offline_partitions',
    tp('orders.eu-x', 3),
  ),
  fromSource(
    'ReplicaManager.scala@3.9:2293',
    'Received LeaderAndIsrRequest with correlation id 5 from controller 1 epoch 3 for partition orders-eu-12 (last update controller epoch 3) but cannot become follower since the new leader -1 is unavailable.',
    'offline_partitions',
    tp('orders-eu', 12),
  ),
  fromSource(
    'ReplicaManager.scala@0.10.2.2:837',
    'Broker 2 received LeaderAndIsrRequest with correlation id 5 from controller 1 epoch 3 for partition t-0 but cannot become follower since the new leader -1 is unavailable.',
    'offline_partitions',
    tp('t', 0),
  ),
  fromSource(
    'ReplicationControlManager.java@3.9:1196',
    '[QuorumController id=1] Rejecting AlterPartition request from node 3 for orders.eu-x-3 because the current partition epoch is 7, not 6.',
    'isr_update_skipped',
    { ...tp('orders.eu-x', 3), 'kafka.broker.subject': 3 },
  ),
  fromSource(
    'ReplicationControlManager.java@3.0.0:637',
    '[Controller 1] Rejecting alterIsr request from node 3 for t-0 because the current partition epoch is 7, not 6.',
    'isr_update_skipped',
    { ...tp('t', 0), 'kafka.broker.subject': 3 },
  ),
  fromSource('ClusterControlManager.java@3.5.0:464', '[QuorumController id=1] Unregistered broker: UnregisterBrokerRecord(brokerId=4, brokerEpoch=52)', 'broker_membership_changed', {
    'kafka.broker.subject': 4,
  }),
  fromSource('ClusterControlManager.java@3.9:605', '[QuorumController id=1] Replayed UnregisterBrokerRecord(brokerId=4, brokerEpoch=52)', 'broker_membership_changed', {
    'kafka.broker.subject': 4,
  }),
  fromSource('ZkClient (0.10–1.0)', 'zookeeper state changed (AuthFailed)', 'zk_disconnected', {}),
  fromSource('ZooKeeperClient.scala@2.8.2:453', '[ZooKeeperClient Kafka server] Auth failed.', 'zk_disconnected', {}),
  fromSource('ZooKeeperClient.scala@1.1.1:401', '[ZooKeeperClient] Auth failed.', 'zk_disconnected', {}),
  fromSource('KafkaHealthcheck.scala@0.10.2.2:111', 'Could not establish session with zookeeper', 'zk_disconnected', {}),
  fromSource(
    'OffsetCheckpoint.scala@0.10.2.2:68',
    'Halting writes to offset checkpoint file because the underlying file system is inaccessible : ',
    'log_dir_failure',
    {},
  ),
  fromSource(
    'CheckpointFile.scala@0.11.0.3-rc0:62',
    'Halting writes to checkpoint file (/data/kafka/replication-offset-checkpoint) because the underlying file system is inaccessible: ',
    'log_dir_failure',
    {},
  ),
  fromSource('ReplicaManager.scala@0.10.2.2:949', '[Replica Manager on Broker 1]: Error writing to highwatermark file: ', 'log_dir_failure', {}),
  fromSource('KafkaApis.scala@0.10.2.2:158', '[KafkaApi-1] Disk error during leadership change.', 'log_dir_failure', {}),
  fromSource(
    'LogManager.scala@3.9:206',
    'Shutdown broker because none of the specified log dirs from /var/lib/kafka/data-0/kafka-log0 can be created or validated',
    'log_dir_failure',
    {},
  ),
  // broker_fenced / broker_unfenced
  real('public/automq-686.log', 1, 'broker_fenced', { 'kafka.broker.subject': 1 }),
  fromSource('ReplicationControlManager.java@3.9 (maybeFenceOneStaleBroker)', '[QuorumController id=1] Fencing broker 2 because its session has timed out.', 'broker_fenced', {
    'kafka.broker.subject': 2,
  }),
  fromSource(
    'ReplicationControlManager in kafka-metadata-4.1.1.jar',
    '[QuorumController id=2] Fencing broker 3 at epoch 18 because its session has timed out.',
    'broker_fenced',
    { 'kafka.broker.subject': 3 },
  ),
  fromSource('BrokerHeartbeatManager.java@3.9:572', '[QuorumController id=1] Unfenced broker 2 has requested and been granted fencing', 'broker_fenced', {
    'kafka.broker.subject': 2,
  }),
  fromSource(
    'BrokerHeartbeatManager.java@3.9:549',
    '[QuorumController id=1] The request from broker 2 to unfence has been granted because it has caught up with the offset of its register broker record 42.',
    'broker_unfenced',
    { 'kafka.broker.subject': 2 },
  ),
  fromSource(
    'BrokerLifecycleManager.scala@3.9:542',
    '[BrokerLifecycleManager id=2] The broker has been unfenced. Transitioning from RECOVERY to RUNNING.',
    'broker_unfenced',
    {},
  ),
  // A ZooKeeper broker migrating to KRaft, 3.5+.
  fromSource(
    'BrokerLifecycleManager.scala@3.5.2:413 (logPrefix, :61)',
    '[BrokerLifecycleManager id=2 isZkBroker=true] The broker has been unfenced. Transitioning from RECOVERY to RUNNING.',
    'broker_unfenced',
    {},
  ),
  // duplicate_broker_registration
  real('public/confluentinc-examples-390.log', 1, 'duplicate_broker_registration', { 'kafka.broker.subject': 2 }),
  real('public/getsentry-self-hosted-2700.log', 2, 'duplicate_broker_registration', { 'kafka.broker.subject': 1001 }),
  fromSource(
    'ZkUtils.scala@0.10.2.2:408, in the trace of KafkaServer.scala@0.10.2.2:287',
    '[Kafka Server 1], Fatal error during KafkaServer startup. Prepare to shutdown\njava.lang.RuntimeException: A broker is already registered on the path /brokers/ids/1. This probably indicates that you either have configured a brokerid that is already in use, or else you have shutdown this broker and restarted it faster than the zookeeper timeout so it appears to be re-registering.',
    'duplicate_broker_registration',
    { 'kafka.broker.subject': 1 },
  ),
  // KRaft 4.0.2: a broker started again while the controller still counted its previous incarnation's session.
  real('4.0.2-kraft/unclean-election/broker-3/server.log', 135, 'duplicate_broker_registration', { 'kafka.broker.subject': 3 }),
  // broker_registered
  real('public/strimzi-3087.log', 3, 'broker_registered', { 'kafka.broker.subject': 0 }),
  // 0.11, ZkUtils (0.10–1.0).
  real('public/kafka-admin-backward-compatibility.log', 40, 'broker_registered', { 'kafka.broker.subject': 0 }),
  fromSource(
    'ZkUtils.scala@0.10.2.2:396',
    'Registered broker 2 at path /brokers/ids/2 with addresses: EndPoint(kafka-2.example.com,9092,ListenerName(PLAINTEXT),PLAINTEXT)',
    'broker_registered',
    { 'kafka.broker.subject': 2 },
  ),
  fromSource(
    'KafkaZkClient.scala@3.9:112',
    'Registered broker 2 at path /brokers/ids/2 with addresses: PLAINTEXT://kafka-2.example.com:9092, czxid (broker epoch): 4294967310',
    'broker_registered',
    { 'kafka.broker.subject': 2 },
  ),
  fromSource('KafkaController.scala@0.10.2.2:426', '[Controller 1]: New broker startup callback for 2', 'broker_registered', {
    'kafka.broker.subject': 2,
  }),
  fromSource('KafkaController.scala@1.1.1:346', '[Controller id=1] New broker startup callback for 2', 'broker_registered', {
    'kafka.broker.subject': 2,
  }),
  fromSource('KafkaController.scala@3.9:573', '[Controller id=1] New broker startup callback for 2,3', 'broker_registered', {}),
  real('public/bitnami-charts-25129.log', 3, 'broker_registered', {}),
  // 3.0 logs every registration, a broker's first too, as `Re-registered broker incarnation` (fixed in 3.1).
  real('public/kafka-pr-11291.log', 1, 'broker_registered', { 'kafka.broker.subject': 0 }),
  fromSource(
    'ClusterControlManager.java@3.9:466',
    '[QuorumController id=1] No previous registration found for broker 2. New incarnation ID is Ur4dgjD8TqSowCXiSyfkVw.  Generated 0 record(s) to clean up previous incarnations. New broker epoch is 15.',
    'broker_registered',
    { 'kafka.broker.subject': 2 },
  ),
  fromSource(
    'ClusterControlManager.java@3.9:470',
    '[QuorumController id=1] Registering a new incarnation of broker 2. Previous incarnation ID was Ur4dgjD8TqSowCXiSyfkVw; new incarnation ID is Q9FPUYRmQYmVHZRH5NAWQQ. Generated 0 record(s) to clean up previous incarnations. Broker epoch will become 20.',
    'broker_registered',
    { 'kafka.broker.subject': 2 },
  ),
  fromSource(
    'ClusterControlManager.java@3.4.1:435 (QuorumController LogContext `[Controller %d] `)',
    '[Controller 1] Registered new broker: RegisterBrokerRecord(brokerId=2, isMigratingZkBroker=false, incarnationId=Ur4dgjD8TqSowCXiSyfkVw, brokerEpoch=15, endPoints=[], features=[], rack=null, fenced=true, inControlledShutdown=false)',
    'broker_registered',
    { 'kafka.broker.subject': 2 },
  ),
  // 3.0 logs every registration so (it stores the new registration before reading the previous one).
  fromSource(
    'ClusterControlManager.java@3.0.2:260',
    '[Controller 1] Re-registered broker incarnation: RegisterBrokerRecord(brokerId=2, incarnationId=Ur4dgjD8TqSowCXiSyfkVw, brokerEpoch=15, endPoints=[], features=[], rack=null, fenced=true)',
    'broker_registered',
    { 'kafka.broker.subject': 2 },
  ),
  fromSource(
    'ClusterControlManager.java@3.4.1:439',
    '[Controller 1] Re-registered broker id 2: RegisterBrokerRecord(brokerId=2, isMigratingZkBroker=false, incarnationId=Q9FPUYRmQYmVHZRH5NAWQQ, brokerEpoch=20, endPoints=[], features=[], rack=null, fenced=true, inControlledShutdown=false)',
    'broker_registered',
    { 'kafka.broker.subject': 2 },
  ),
  // broker_membership_changed, broker_failure
  real('public/mesos-kafka-113.log', 2, 'broker_membership_changed', {}),
  fromSource(
    'KafkaController.scala@3.9:1626',
    '[Controller id=1] Newly added brokers: , deleted brokers: 2, bounced brokers: , all live brokers: 1,3',
    'broker_membership_changed',
    {},
  ),
  real('public/mesos-kafka-113.log', 6, 'broker_failure', { 'kafka.broker.subject': 1 }),
  fromSource('KafkaController.scala@3.9:636', '[Controller id=1] Broker failure callback for 2,3', 'broker_failure', {}),
  // broker_started, broker_shutdown
  fromSource('KafkaServer.scala@3.9:672', '[KafkaServer id=1] started', 'broker_started', {}),
  fromSource('KafkaServer.scala@0.10.2.2:282', '[Kafka Server 1], started', 'broker_started', {}),
  fromSource('KafkaRaftServer.scala@3.9:101', '[KafkaRaftServer nodeId=1] Kafka Server started', 'broker_started', {}),
  fromSource('KafkaServer.scala@3.9:979', '[KafkaServer id=1] shutting down', 'broker_shutdown', {}),
  fromSource('BrokerServer.scala@3.9:617', '[BrokerServer id=1] shutting down', 'broker_shutdown', {}),
  fromSource('KafkaServer.scala@0.10.2.2:572', '[Kafka Server 1], shutting down', 'broker_shutdown', {}),
  fromSource('KafkaController.scala@3.9:1377', '[Controller id=1] Shutting down broker 2', 'broker_shutdown', { 'kafka.broker.subject': 2 }),
  fromSource(
    'BrokerHeartbeatManager.java@3.9:578',
    '[QuorumController id=1] Unfenced broker 2 has requested and been granted a controlled shutdown.',
    'broker_shutdown',
    { 'kafka.broker.subject': 2 },
  ),
  fromSource(
    'BrokerHeartbeatManager.java@3.9:544',
    '[QuorumController id=1] Fenced broker 2 has requested and been granted an immediate shutdown.',
    'broker_shutdown',
    { 'kafka.broker.subject': 2 },
  ),
  // broker_startup_failed
  real('public/confluentinc-examples-390.log', 2, 'broker_startup_failed', {}),
  // KRaft broker (3.x/4.x), as a CI run's output posted it (two appenders: every record twice).
  real('public/kafka-docker-playground-7252.log', 1, 'broker_startup_failed', {}),
  // A KRaft broker halted by its fault handler while starting its managers: no `Fatal error` line follows.
  real('public/strimzi-10054.log', 1, 'broker_startup_failed', {}),
  real('public/strimzi-7484.log', 2, 'broker_startup_failed', {}),
  real('public/getsentry-self-hosted-2700.log', 3, 'broker_startup_failed', {}),
  real('public/qubership-kafka-troubleshooting.log', 16, 'broker_startup_failed', {}),
  fromSource('BrokerServer.scala@3.9:554', '[BrokerServer id=1] Fatal error during broker startup. Prepare to shutdown', 'broker_startup_failed', {}),
  fromSource('KafkaServerStartable.scala@0.10.2.2:43', 'Fatal error during KafkaServerStartable startup. Prepare to shutdown', 'broker_startup_failed', {}),
  fromSource('Kafka.scala@3.9:124', 'Exiting Kafka due to fatal exception', 'broker_startup_failed', {}),
  // A KRaft controller, 3.5+: its startup fault handler logs and halts.
  fromSource(
    'ControllerServer.scala@3.9:464 + ProcessTerminatingFaultHandler.java@3.9:46',
    'Encountered fatal fault: caught exception\njava.lang.RuntimeException: Received a fatal error while waiting for all of the authorizer futures to be completed.',
    'broker_startup_failed',
    {},
  ),
  fromSource('kafka_2.13-4.1.1.jar BrokerMetadataPublisher (initializeManagers)', 'Encountered fatal fault: Error starting Share coordinator', 'broker_startup_failed', {}),
  // controlled_shutdown_failed
  fromSource(
    'KafkaServer.scala@3.9:926',
    '[KafkaServer id=1] Error during controlled shutdown, possibly because leader movement took longer than the configured controller.socket.timeout.ms and/or request.timeout.ms: Connection to 2 was disconnected before the response was read',
    'controlled_shutdown_failed',
    {},
  ),
  fromSource(
    'KafkaServer.scala@3.9:969',
    '[KafkaServer id=1] Proceeding to do an unclean shutdown as all the controlled shutdown attempts failed',
    'controlled_shutdown_failed',
    {},
  ),
  fromSource('BrokerServer.scala@3.9:629', '[BrokerServer id=1] Timed out waiting for the controller to approve controlled shutdown', 'controlled_shutdown_failed', {}),
  fromSource(
    'KafkaServer.scala@3.9:907',
    '[KafkaServer id=1] Controlled shutdown request returned after 12ms with error NOT_CONTROLLER',
    'controlled_shutdown_failed',
    {},
  ),
  fromSource(
    'KafkaServer.scala@3.9:914',
    '[KafkaServer id=1] Controlled shutdown request returned after 5012ms with 3 partitions remaining to move',
    'controlled_shutdown_failed',
    {},
  ),
  fromSource('KafkaServer.scala@2.8.2:613', '[KafkaServer id=1] Error from controller: NOT_CONTROLLER', 'controlled_shutdown_failed', {}),
  fromSource('KafkaServer.scala@0.10.2.2:446', '[Kafka Server 1], Error code from controller: 14', 'controlled_shutdown_failed', {}),
  // ZooKeeper session
  real('public/metamorphosis-125.log', 1, 'zk_session_expired', {}),
  real('public/metamorphosis-125.log', 5, 'zk_disconnected', {}),
  real('public/metamorphosis-125.log', 8, 'zk_connected', {}),
  fromSource('ZkClient.java@zkclient-0.10:713 (Kafka 0.10.2–1.0)', 'zookeeper state changed (SyncConnected)', 'zk_connected', {}),
  fromSource('ZkClient.java@zkclient-0.8:712 (Kafka 0.10.0)', 'zookeeper state changed (Disconnected)', 'zk_disconnected', {}),
  // 1.1–2.2: Kafka's wrapper without the client's name.
  real('public/kafka-7165.log', 11, 'zk_session_expired', {}),
  real('public/kafka-7165.log', 1, 'zk_disconnected', {}),
  real('public/kafka-7165.log', 16, 'zk_connected', {}),
  real('public/lyhistory-kafka-consumer-notes.log', 3, 'zk_connected', {}),
  // A reconnect attempt of the 3.4 client whose exception was not posted: taken for the disconnect.
  real('public/kafka-pr-4283.log', 13, 'zk_disconnected', {}),
  real('public/qubership-kafka-troubleshooting.log', 1, 'zk_disconnected', {}),
  // The ZooKeeper 3.6.3 client of Kafka 3.0–3.4.0 misspells `for sever`; 3.6.4 (Kafka 3.4.1–3.5) does not.
  fromSource(
    'ClientCnxn.java@release-3.6.3:1300 (Kafka 3.0–3.4.0)',
    'Session 0x100003a2cb70000 for sever localhost/127.0.0.1:2181, Closing socket connection. Attempting reconnect except it is a SessionExpiredException.\nEndOfStreamException: Unable to read additional data from server sessionid 0x100003a2cb70000, likely server has closed socket',
    'zk_disconnected',
    {},
  ),
  real('3.5.2-zk/session-expiry/broker-3/server.log', 39, 'zk_disconnected', {}),
  fromSource('ZooKeeperClient.scala@3.9:449', '[ZooKeeperClient Kafka server] Session expired.', 'zk_session_expired', {}),
  fromSource(
    'ClientCnxn.java@release-3.4.14:1103+1168',
    'Client session timed out, have not heard from server in 4002ms for sessionid 0x15cb3fd35a80000, closing socket connection and attempting reconnect',
    'zk_disconnected',
    {},
  ),
  fromSource(
    'ClientCnxnSocketNIO.java@release-3.4.14:71 + ClientCnxn.java:1170',
    'Unable to read additional data from server sessionid 0x15cb3fd35a80000, likely server has closed socket, closing socket connection and attempting reconnect',
    'zk_disconnected',
    {},
  ),
  fromSource(
    'ClientCnxn.java@release-3.8.4:1301',
    'Session 0x100006a10cb0000 for server localhost/127.0.0.1:2181, Closing socket connection. Attempting reconnect except it is a SessionExpiredException.',
    'zk_disconnected',
    {},
  ),
  fromSource(
    'ClientCnxn.java@release-3.8.4:1454',
    'Session establishment complete on server localhost/127.0.0.1:2181, session id = 0x100006a10cb0000, negotiated timeout = 18000',
    'zk_connected',
    {},
  ),
  fromSource(
    'ClientCnxn.java@release-3.4.14:1299',
    'Session establishment complete on server localhost/127.0.0.1:2181, sessionid = 0x15cb3fd35a80000, negotiated timeout = 6000',
    'zk_connected',
    {},
  ),
  // storage and resources
  fromSource(
    'ReplicaManager.scala@3.9:2476',
    '[ReplicaManager broker=1] Stopping serving replicas in dir /var/lib/kafka/data with uuid 5gtB2t0hQ2OAZ3hbYHW5Rg because the log directory has failed.',
    'log_dir_failure',
    {},
  ),
  fromSource('ReplicaManager.scala@2.4.1:1629', '[ReplicaManager broker=1] Stopping serving replicas in dir /var/lib/kafka/data', 'log_dir_failure', {}),
  // 3.7 still without the directory id and reason (3.8.1: `... with uuid Some(...) because the log directory has failed.`).
  real('3.7.2-kraft/log-dir-failure/broker-3/server.log', 131, 'log_dir_failure', {}),
  real('3.8.1-kraft/log-dir-failure/broker-3/server.log', 84, 'log_dir_failure', {}),
  fromSource('ReplicaManager.scala@3.9:322', '[ReplicaManager broker=1] Halting broker because dir /var/lib/kafka/data is offline', 'log_dir_failure', {}),
  fromSource('LogManager.scala@3.9:229', 'Shutdown broker because all log dirs in /var/lib/kafka/data have failed', 'log_dir_failure', {}),
  real('public/strimzi-4844.log', 6, 'log_dir_failure', {}),
  fromSource(
    'ReplicationControlManager.java@3.9:1424',
    '[QuorumController id=1] Directories [5gtB2t0hQ2OAZ3hbYHW5Rg] in broker 2 marked offline, remaining directories: [Q9FPUYRmQYmVHZRH5NAWQQ]',
    'log_dir_failure',
    { 'kafka.broker.subject': 2 },
  ),
  fromSource('KafkaController.scala@2.2.2:345', '[Controller id=1] Handling log directory failure for brokers 2', 'log_dir_failure', {
    'kafka.broker.subject': 2,
  }),
  fromSource(
    'ReplicaFetcherThread.scala@0.10.2.2:143 (ShutdownableThread logIdent `[name], `)',
    '[ReplicaFetcherThread-0-1], Disk error while replicating data for orders-eu-12',
    'log_dir_failure',
    tp('orders-eu', 12),
  ),
  fromSource(
    'ReplicaManager.scala@0.10.2.2:413',
    '[Replica Manager on Broker 1]: Halting due to unrecoverable I/O error while handling produce request: ',
    'log_dir_failure',
    {},
  ),
  real('public/yolean-kubernetes-kafka-108.log', 4, 'not_enough_replicas', tp('__consumer_offsets', 32)),
  real('public/librdkafka-3444.log', 2, 'not_enough_replicas', tp('t2', 1)),
  fromSource(
    'kafka/cluster/Partition.class of the 4.1.1 jar (appendRecordsToLeader)',
    'org.apache.kafka.common.errors.NotEnoughReplicasException: The size of the current ISR : 1 is insufficient to satisfy the min.isr requirement of 2 for partition performance-test-0, live replica(s) broker.id are : Set(1)',
    'not_enough_replicas',
    tp('performance-test', 0),
  ),
  fromSource(
    'Partition.scala@0.10.2.2:447, in the trace of ReplicaManager.scala@0.10.2.2:426',
    '[Replica Manager on Broker 1]: Error processing append operation on partition [t,0]\nkafka.common.NotEnoughReplicasException: Number of insync replicas for partition [t,0] is [1], below required minimum [2]',
    'not_enough_replicas',
    tp('t', 0),
  ),
  real('public/strimzi-6579.log', 1, 'out_of_memory', {}),
  real('public/qubership-kafka-troubleshooting.log', 11, 'out_of_memory', {}),
  real('public/sentry-kubernetes-charts-1733.log', 1, 'out_of_memory', {}),
  // A startup failure caused by the JVM running out of memory: the cause in the trace wins.
  real('public/eventuate-messaging-kafka-53.log', 1, 'out_of_memory', {}),
  fromSource(
    'ReplicaFetcherThread.scala@1.1.1:170',
    "[ReplicaFetcher replicaId=2, leaderId=1, fetcherId=0] Exiting because log truncation is not allowed for partition orders-eu-12, current leader's latest offset 10 is less than replica's latest offset 12",
    'replica_truncation_fatal',
    tp('orders-eu', 12),
  ),
  real('public/yolean-kubernetes-kafka-98.log', 4, 'replica_truncation_fatal', tp('test-produce-consume', 0)),
  // 0.10.0 names only the topic.
  fromSource(
    'ReplicaFetcherThread.scala@0.10.0.1:178',
    "[ReplicaFetcherThread-0-1], Exiting because log truncation is not allowed for topic orders-eu, Current leader 1's latest offset 10 is less than replica 2's latest offset 12",
    'replica_truncation_fatal',
    { 'kafka.topic': 'orders-eu' },
  ),
];

/** Records that resemble an event's wording but announce none of their own. */
const ORDINARY: readonly { readonly name: string; readonly message: string }[] = [
  // PartitionRegistration.maybeLogPartitionChange@3.9 logs UNCLEAN for every new leader outside the old ISR.
  {
    name: 'a completed reassignment making an added replica leader (KAFKA-19212)',
    message:
      '[QuorumController id=1] UNCLEAN partition change for orders-3 with topic ID 5gtB2t0hQ2OAZ3hbYHW5Rg: replicas: [2, 1, 0] -> [2, 1], isr: [1, 0] -> [1, 2], removingReplicas: [0] -> [], addingReplicas: [2] -> [], leader: 0 -> 2, leaderEpoch: 4 -> 5, partitionEpoch: 7 -> 8',
  },
  {
    name: 'an election from the eligible replicas of an empty ISR (KAFKA-18940)',
    message: '[QuorumController id=1] UNCLEAN partition change for orders-3 with topic ID 5gtB2t0hQ2OAZ3hbYHW5Rg: isr: [] -> [2], leader: -1 -> 2, leaderEpoch: 4 -> 5, partitionEpoch: 7 -> 8, elr: [2, 3] -> [3]',
  },
  { name: 'the follower side of a leader change', message: '[Broker id=3] Follower t-0 starts at leader epoch 5 from offset 10 with partition epoch 7 and high watermark 10. Current leader is 2. Previous leader Some(2) and previous leader epoch was 4.' },
  { name: 'a partition created with its topic', message: '[Controller id=1 epoch=5] Changed partition t-0 from NewPartition to OnlinePartition with state LeaderAndIsr(leader=2, leaderEpoch=0, isrWithBrokerEpoch=List(), leaderRecoveryState=RECOVERED, partitionEpoch=0)' },
  { name: 'the epoch line that follows an election (2.0)', message: '[Controller id=1] Epoch incremented to 5' },
  { name: 'a controller znode race, not a broker registration', message: "Error while creating ephemeral at /controller, node already exists and owner '72058047193481216' does not match current session '72058053053317120'" },
  { name: 'the consequence of a startup failure', message: 'Exiting Kafka due to fatal exception during startup.' },
  { name: 'the end of a shutdown already announced', message: '[KafkaServer id=1] shut down completed' },
  { name: 'the controller half of a combined node shutting down', message: '[ControllerServer id=1] shutting down' },
  { name: "ZooKeeper's warning that precedes its own disconnect line", message: 'Client session timed out, have not heard from server in 12002ms for session id 0x100006a10cb0000' },
  { name: "ZooKeeper's expiry warning, announced by Kafka's own Session expired.", message: 'Unable to reconnect to ZooKeeper service, session 0x100006a10cb0000 has expired' },
  { name: 'a standby controller learning of a new leader', message: '[QuorumController id=2] In the new epoch 6, the leader is 1.' },
  { name: 'a controller replaying a registration', message: '[QuorumController id=2] Replayed initial RegisterBrokerRecord for broker 2: RegisterBrokerRecord(brokerId=2)' },
  { name: "a partition's first leader, chosen when its topic is created", message: '[Broker id=1] Leader t-0 with topic id Some(_4q5yZMARBi-3WSu5bXQ2Q) starts at leader epoch 0 from offset 0 with partition epoch 0, high watermark 0, ISR [1,2,3], adding replicas [] and removing replicas [] . Previous leader None and previous leader epoch was -1.' },
  // KafkaController.shutdown() and the session-expiry handler run onControllerResignation on every
  // broker, controller or not (0.10–3.9): the line alone does not say a controller resigned.
  { name: 'every ZooKeeper-mode broker shutting down its controller module (1.0–3.9)', message: '[Controller id=3] Resigned' },
  { name: 'every ZooKeeper-mode broker shutting down its controller module (0.10–0.11)', message: '[Controller 3]: Broker 3 resigned as the controller' },
  { name: 'a broker-change watch that found nothing changed (2.2+)', message: '[Controller id=1] Newly added brokers: , deleted brokers: , bounced brokers: , all live brokers: 1,2,3' },
  { name: 'a broker-change watch that found nothing changed (0.10–2.1)', message: '[Controller 1]: Newly added brokers: , deleted brokers: , all live brokers: 1,2,3' },
  { name: 'the group coordinator resigning a partition', message: '[GroupCoordinator 1]: Resigned as the group coordinator for partition 3 in epoch OptionalInt[0]' },
  { name: "the Raft layer's own transition under QuorumController's announcement", message: '[RaftManager id=2] Completed transition to Leader(localVoterNode=VoterNode(voterKey=ReplicaKey(id=2, directoryId=EzPGGaMQW_NskhTilovKHQ)), epoch=1) from CandidateState(localId=2, epoch=1)' },
  { name: "the LogManager's step before a broker whose last log dir failed shuts down", message: 'Stopping serving logs in dir /var/lib/kafka/data' },
  { name: "the active KRaft controller's follow-up of a fencing", message: '[QuorumController id=1] handleBrokerFenced: changing 6 partition(s)' },
  { name: 'a broker whose ISR is healthy', message: '[Partition t-0 broker=1] Log loaded for partition t-0 with initial high watermark 0' },
  { name: 'a standby KRaft controller (2.8–3.2) failing an event: epoch -1, nothing to renounce', message: '[Controller 2] createTopics: failed with unknown server exception NullPointerException at epoch -1 in 120 us.  Reverting to last committed offset 100.' },
  { name: 'a KRaft controller (3.6+) replaying a registration', message: '[QuorumController id=2] Replayed RegisterBrokerRecord establishing a new incarnation of broker 2: RegisterBrokerRecord(brokerId=2, isMigratingZkBroker=false, incarnationId=Q9FPUYRmQYmVHZRH5NAWQQ, brokerEpoch=20)' },
  { name: 'the leader giving up an AlterPartition refused for another reason', message: '[Partition t-0 broker=1] Failed to alter partition to PendingExpandIsr(newInSyncReplicaId=3) since the leader epoch is old. Giving up.' },
  { name: 'a controlled shutdown attempt that succeeded (before 3.1)', message: '[KafkaServer id=1] Controlled shutdown succeeded' },
];

describe('KAFKA_EVENTS', () => {
  it('recognises every Kafka action of the taxonomy', () => {
    const kafkaActions = EVENT_ACTIONS.filter((action) => ACTIONS[action].service === 'kafka');
    const covered = new Set(KAFKA_EVENTS.map((row) => row.action));
    expect(kafkaActions.filter((action) => !covered.has(action))).toEqual([]);
    expect([...covered].filter((action) => ACTIONS[action].service !== 'kafka')).toEqual([]);
  });

  it.each(CASES.map((c) => [`${c.action}: ${c.name}`, c] as const))('labels %s', (_, c) => {
    expect(classify(KAFKA_EVENTS, c.message, c.logger)).toEqual({ action: c.action, fields: c.fields });
  });

  it('exercises every row with at least one real or source-derived message', () => {
    const exercised = new Set(CASES.map((c) => rowOf(c.message, c.logger)));
    const untested = KAFKA_EVENTS.flatMap((row, i) => (exercised.has(i) ? [] : [`${i}: ${row.action} ${row.contains}`]));
    expect(untested).toEqual([]);
  });

  it.each(ORDINARY.map((o) => [o.name, o.message] as const))('leaves ordinary: %s', (_, message) => {
    expect(classify(KAFKA_EVENTS, message)).toBeUndefined();
  });

  it('takes the partition as the number after the last dash of a topic name with dashes', () => {
    expect(classify(KAFKA_EVENTS, '[Partition my-topic-with-dashes-12 broker=1] Shrinking ISR from 1,2 to 1')?.fields).toMatchObject({
      'kafka.topic': 'my-topic-with-dashes',
      'kafka.partition': 12,
    });
  });

  it('cites a source, the versions and an example on every row', () => {
    for (const row of KAFKA_EVENTS) {
      expect(row.source).not.toBe('');
      expect(row.versions).toMatch(/\d/);
      expect(row.example).not.toBe('');
    }
  });

  // The search over all rows' substrings skips ahead by up to the shortest one's length less two
  // (src/parse/classify.ts): one short substring slows the classification of every record.
  it('keeps every pre-filter substring at least ten characters long', () => {
    expect(KAFKA_EVENTS.filter((row) => row.contains.length < 10).map((row) => row.contains)).toEqual([]);
  });

  it('cites, as each row\'s example, real records that the row itself labels', () => {
    const cited = KAFKA_EVENTS.flatMap((row, i) =>
      [...row.example.matchAll(/test\/fixtures\/kafka\/(\S+?\.log):(\d+)/g)].map((m) => ({ i, file: m[1]!, line: Number(m[2]) })),
    );
    expect(cited.length).toBeGreaterThan(30);
    const wrong = cited.filter(({ i, file, line }) => {
      const record = recordAt(file, line);
      return rowOf(record.message, record.logger) !== i;
    });
    expect(wrong).toEqual([]);
  });

  // Where the search over all rows' substrings finds that one may start, its first character is
  // compared before the whole (src/parse/classify.ts): a leading space would pass at every word.
  it('keeps every pre-filter substring free of leading whitespace', () => {
    expect(KAFKA_EVENTS.filter((row) => /^\s/.test(row.contains)).map((row) => row.contains)).toEqual([]);
  });
});

/** The action of every record of a fixture, counted; `ordinary` counts the unlabelled records. */
function countActions(file: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of recordsOf(file)) {
    const key = classify(KAFKA_EVENTS, record.message, record.logger)?.action ?? 'ordinary';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('KAFKA_EVENTS on the public samples (test/fixtures/kafka/public)', () => {
  const expected: Record<string, Record<string, number>> = {
    'automq-686.log': { broker_fenced: 1, ordinary: 1, unclean_leader_election: 3 },
    'kafka-docker-playground-7252.log': { broker_startup_failed: 3, ordinary: 4 },
    'bitnami-charts-25129.log': { ordinary: 2, broker_registered: 1 },
    'eventuate-messaging-kafka-53.log': { out_of_memory: 1 },
    'sentry-kubernetes-charts-1733.log': { out_of_memory: 1 },
    'strimzi-6579.log': { out_of_memory: 1 },
    'confluentinc-examples-390.log': { duplicate_broker_registration: 1, broker_startup_failed: 1 },
    'kafka-pr-7140.log': { ordinary: 8, controller_elected: 1 },
    // The reporter's masking left the `Shrinking ISR` line without a readable partition identity: ordinary.
    'kafka-7165.log': { zk_disconnected: 2, ordinary: 12, zk_session_expired: 1, zk_connected: 1 },
    // Two reconnect attempts refused (one of a session never established) and one taken for the disconnect.
    'kafka-pr-4283.log': { ordinary: 2, zk_disconnected: 1 },
    // Attempts of a session never established (`0x0`), refused: no disconnect.
    'testcontainers-elixir-44.log': { ordinary: 4 },
    'kafka-admin-backward-compatibility.log': { ordinary: 41, controller_elected: 1, broker_registered: 1, broker_started: 1 },
    'librdkafka-3444.log': { ordinary: 2, not_enough_replicas: 2 },
    'librdkafka-948.log': { isr_update_skipped: 4, isr_shrink: 4 },
    'librdkafka-1575.log': { leader_election: 1 },
    'mesos-kafka-113.log': { ordinary: 6, broker_membership_changed: 1, broker_failure: 1 },
    // A broker run in a terminal and stopped with Ctrl-C: the echoed `^C` before the shutdown record.
    'parkeeper-3.log': { controller_elected: 1, broker_registered: 1, broker_started: 1, broker_shutdown: 1, controlled_shutdown_failed: 1, ordinary: 3 },
    'metamorphosis-125.log': { zk_session_expired: 4, zk_disconnected: 3, zk_connected: 2 },
    'strimzi-3087.log': { ordinary: 4, broker_registered: 1 },
    // A layout sample (test/parse/input.test.ts): start-up records, no event; the `Registered broker` line was cut.
    'strimzi-3815.log': { ordinary: 8 },
    'strimzi-10054.log': { broker_startup_failed: 1 },
    // Kafka 4.0 on Strimzi in its log4j2 default layout: routine records, read without configuration.
    'strimzi-11613.log': { ordinary: 9 },
    'yolean-kubernetes-kafka-108.log': { ordinary: 3, not_enough_replicas: 1 },
    // A site's own layout (`[category=%c]`), inferred: the cause of a failed log directory stays ordinary.
    'qubership-kafka-troubleshooting.log': { zk_disconnected: 1, ordinary: 3, out_of_memory: 1, broker_startup_failed: 1 },
    // Quarkus's layout, inferred: the write error that fails a log directory, the cause, stays ordinary.
    'kafka-native-151.log': { ordinary: 1 },
    // A follower that would have to truncate below its leader halts; its shutdown follows (1.0).
    'yolean-kubernetes-kafka-98.log': { ordinary: 4, leader_election: 1, replica_truncation_fatal: 1, broker_shutdown: 1 },
    // A 3.3.1 KRaft controller losing its Raft leadership mid-event renounces; the failed no-op write after it stays ordinary.
    'stackoverflow-75055672.log': { controller_resigned: 1, ordinary: 1 },
    // The last log directory failed (2.5+, Strimzi): the fetcher and LogManager steps before it stay ordinary.
    'strimzi-4844.log': { ordinary: 5, log_dir_failure: 1 },
    // A full disk at start-up (3.1+, ZooKeeper mode): the startup failure, its cause in the trace.
    'strimzi-7484.log': { ordinary: 1, broker_startup_failed: 1 },
    // Preferred elections failing in 2.2: the per-partition ERROR with its trace and the one that succeeded stay ordinary.
    'lyhistory-kafka-notes.log': { ordinary: 2, leader_election_failed: 3 },
    'lyhistory-kafka-consumer-notes.log': { ordinary: 6, zk_connected: 1, isr_shrink: 1, isr_expand: 1 },
    // A 3.6.0 controller quorum that cannot elect a leader: no action names it, every record stays ordinary.
    'bitnami-charts-20403.log': { ordinary: 3, controller_quorum_leaderless: 1 },
    // `docker compose logs -t` prefixes: a broker restarted within its old ZooKeeper session.
    'getsentry-self-hosted-2700.log': { ordinary: 1, duplicate_broker_registration: 1, broker_startup_failed: 1 },
    // A broker stopped while still starting (3.1): its `shutting down` (not posted) is the event; the failed shutdown and the halt stay ordinary.
    'sentry-kubernetes-charts-907.log': { ordinary: 2 },
    // A KRaft controller of 3.1 development: 3.0's code calls a first registration `Re-registered` too.
    'kafka-pr-11291.log': { broker_registered: 2 },
    // A broker logging JSON (logstash's v1 fields), read without configuration: a routine record.
    'strimzi-1378.log': { ordinary: 1 },
  };

  it('has an expectation for every sample file', () => {
    const files = readdirSync(join(FIXTURES, 'public')).filter((f) => f.endsWith('.log'));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('labels the records of %s as expected, the rest ordinary', (file, counts) => {
    expect(countActions(join('public', file))).toEqual(counts);
  });

  it('reads every record of the samples whose layout is configured', () => {
    for (const file of Object.keys(PATTERNS)) {
      const records = recordsOf(file);
      expect(records.length, file).toBeGreaterThan(0);
      expect(records.filter((r) => r.event.tags?.includes('_parse_failure')).map((r) => r.line), file).toEqual([]);
    }
  });
});

// Every record of the drill fixtures, counted per action: the events each drill causes are labelled
// (and checked one by one above), everything else stays ordinary. A new fixture needs its line here.
describe('KAFKA_EVENTS on the real drill fixtures (test/fixtures/kafka/<version>-<mode>/<drill>)', () => {
  const expected: Record<string, Record<string, number>> = {
    '2.6.3-zk/broker-loss/broker-1/controller.log': { ordinary: 42, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '2.6.3-zk/broker-loss/broker-1/server.log': { ordinary: 100, isr_shrink: 2, isr_updated: 8, isr_expand: 6 },
    '2.6.3-zk/broker-loss/broker-1/state-change.log': { ordinary: 83, leader_election: 8 },
    '2.6.3-zk/broker-loss/broker-2/server.log': { ordinary: 72, isr_shrink: 2, isr_updated: 8, isr_expand: 6 },
    '2.6.3-zk/broker-loss/broker-2/state-change.log': { ordinary: 37, leader_election: 4 },
    '2.6.3-zk/broker-loss/broker-3/controller.log': { ordinary: 2 },
    '2.6.3-zk/broker-loss/broker-3/server.log': { ordinary: 206, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.6.3-zk/broker-loss/broker-3/state-change.log': { ordinary: 28 },
    '2.6.3-zk/controller-loss/broker-1/controller.log': { ordinary: 24, broker_shutdown: 1 },
    '2.6.3-zk/controller-loss/broker-1/server.log': { ordinary: 319, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.6.3-zk/controller-loss/broker-1/state-change.log': { ordinary: 107, leader_election: 8 },
    '2.6.3-zk/controller-loss/broker-2/controller.log': { controller_elected: 1, ordinary: 54, broker_membership_changed: 1, broker_registered: 1 },
    '2.6.3-zk/controller-loss/broker-2/server.log': { ordinary: 69, isr_expand: 9, isr_updated: 9 },
    '2.6.3-zk/controller-loss/broker-2/state-change.log': { ordinary: 115, leader_election: 13 },
    '2.6.3-zk/controller-loss/broker-3/controller.log': { ordinary: 1 },
    '2.6.3-zk/controller-loss/broker-3/server.log': { ordinary: 89, isr_expand: 9, isr_updated: 9 },
    '2.6.3-zk/controller-loss/broker-3/state-change.log': { ordinary: 77, leader_election: 9 },
    '2.6.3-zk/follower-pause/broker-1/controller.log': { ordinary: 13 },
    '2.6.3-zk/follower-pause/broker-1/server.log': { ordinary: 41, isr_shrink: 2, isr_updated: 4, isr_expand: 2 },
    '2.6.3-zk/follower-pause/broker-1/state-change.log': { ordinary: 35 },
    '2.6.3-zk/follower-pause/broker-2/server.log': { ordinary: 42, isr_shrink: 2, isr_updated: 4, isr_expand: 2 },
    '2.6.3-zk/follower-pause/broker-2/state-change.log': { ordinary: 13 },
    '2.6.3-zk/follower-pause/broker-3/server.log': { ordinary: 43, zk_disconnected: 1, isr_shrink: 1, zk_connected: 1, isr_updated: 3, isr_expand: 2 },
    '2.6.3-zk/follower-pause/broker-3/state-change.log': { ordinary: 13 },
    '2.6.3-zk/log-dir-failure/broker-1/controller.log': { ordinary: 175, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '2.6.3-zk/log-dir-failure/broker-1/server.log': { ordinary: 276, isr_shrink: 2, isr_updated: 26, isr_expand: 24 },
    '2.6.3-zk/log-dir-failure/broker-1/state-change.log': { ordinary: 179, leader_election: 37 },
    '2.6.3-zk/log-dir-failure/broker-2/server.log': { ordinary: 136, isr_shrink: 2, isr_updated: 14, isr_expand: 12 },
    '2.6.3-zk/log-dir-failure/broker-2/state-change.log': { ordinary: 78, leader_election: 10 },
    '2.6.3-zk/log-dir-failure/broker-3/controller.log': { ordinary: 2 },
    '2.6.3-zk/log-dir-failure/broker-3/server.log': { ordinary: 411, log_dir_failure: 2, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.6.3-zk/log-dir-failure/broker-3/state-change.log': { ordinary: 60 },
    '2.6.3-zk/reassignment/broker-1/controller.log': { ordinary: 24 },
    '2.6.3-zk/reassignment/broker-1/server.log': { ordinary: 41, isr_expand: 3, isr_updated: 3 },
    '2.6.3-zk/reassignment/broker-1/state-change.log': { ordinary: 113, leader_election: 6 },
    '2.6.3-zk/reassignment/broker-2/server.log': { ordinary: 47 },
    '2.6.3-zk/reassignment/broker-2/state-change.log': { ordinary: 46, leader_election: 6 },
    '2.6.3-zk/reassignment/broker-3/server.log': { ordinary: 50 },
    '2.6.3-zk/reassignment/broker-3/state-change.log': { ordinary: 50 },
    '2.6.3-zk/rolling-restart/broker-1/controller.log': { ordinary: 63, controller_elected: 1, broker_membership_changed: 1, broker_registered: 1 },
    '2.6.3-zk/rolling-restart/broker-1/server.log': { ordinary: 525, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1, isr_expand: 17, isr_updated: 17 },
    '2.6.3-zk/rolling-restart/broker-1/state-change.log': { ordinary: 259, leader_election: 19 },
    '2.6.3-zk/rolling-restart/broker-2/controller.log': { ordinary: 87, broker_shutdown: 3, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '2.6.3-zk/rolling-restart/broker-2/server.log': { ordinary: 396, isr_expand: 49, isr_updated: 49, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.6.3-zk/rolling-restart/broker-2/state-change.log': { ordinary: 358, leader_election: 79 },
    '2.6.3-zk/rolling-restart/broker-3/controller.log': { ordinary: 11 },
    '2.6.3-zk/rolling-restart/broker-3/server.log': { ordinary: 453, isr_expand: 18, isr_updated: 18, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.6.3-zk/rolling-restart/broker-3/state-change.log': { ordinary: 244, leader_election: 18 },
    '2.6.3-zk/session-expiry/broker-1/controller.log': { ordinary: 18, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '2.6.3-zk/session-expiry/broker-1/server.log': { ordinary: 103, isr_shrink: 2, isr_updated: 29, isr_expand: 27 },
    '2.6.3-zk/session-expiry/broker-1/state-change.log': { ordinary: 145, leader_election: 27 },
    '2.6.3-zk/session-expiry/broker-2/server.log': { ordinary: 83, isr_shrink: 2, isr_updated: 20, isr_expand: 18 },
    '2.6.3-zk/session-expiry/broker-2/state-change.log': { ordinary: 66, leader_election: 16 },
    '2.6.3-zk/session-expiry/broker-3/controller.log': { ordinary: 6 },
    '2.6.3-zk/session-expiry/broker-3/server.log': { ordinary: 183, isr_shrink: 1, zk_disconnected: 1, zk_session_expired: 1, zk_connected: 1, broker_registered: 1 },
    '2.6.3-zk/session-expiry/broker-3/state-change.log': { ordinary: 62 },
    '2.6.3-zk/unclean-election/broker-1/controller.log': { ordinary: 2 },
    '2.6.3-zk/unclean-election/broker-1/server.log': { ordinary: 287, isr_shrink: 3, isr_updated: 3, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.6.3-zk/unclean-election/broker-1/state-change.log': { ordinary: 34 },
    '2.6.3-zk/unclean-election/broker-2/controller.log': { ordinary: 275, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '2.6.3-zk/unclean-election/broker-2/server.log': { ordinary: 428, isr_shrink: 3, isr_updated: 39, isr_expand: 36 },
    '2.6.3-zk/unclean-election/broker-2/state-change.log': { ordinary: 142, leader_election: 45, leader_election_failed: 3, offline_partitions: 3 },
    '2.6.3-zk/unclean-election/broker-3/controller.log': { ordinary: 2 },
    '2.6.3-zk/unclean-election/broker-3/server.log': { ordinary: 265, zk_connected: 1, broker_registered: 1, broker_started: 1, isr_expand: 3, isr_updated: 3 },
    '2.6.3-zk/unclean-election/broker-3/state-change.log': { ordinary: 35, offline_partitions: 3, leader_election: 3 },
    '2.8.2-zk/broker-loss/broker-1/server.log': { ordinary: 72, isr_shrink: 2, isr_updated: 8 },
    '2.8.2-zk/broker-loss/broker-1/state-change.log': { ordinary: 44, leader_election: 4 },
    '2.8.2-zk/broker-loss/broker-2/controller.log': { ordinary: 2 },
    '2.8.2-zk/broker-loss/broker-2/server.log': { ordinary: 199, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.8.2-zk/broker-loss/broker-2/state-change.log': { ordinary: 32 },
    '2.8.2-zk/broker-loss/broker-3/controller.log': { ordinary: 135, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '2.8.2-zk/broker-loss/broker-3/server.log': { ordinary: 168, isr_shrink: 2, isr_updated: 8 },
    '2.8.2-zk/broker-loss/broker-3/state-change.log': { ordinary: 94, leader_election: 8 },
    '2.8.2-zk/controller-loss/broker-1/controller.log': { ordinary: 1 },
    '2.8.2-zk/controller-loss/broker-1/server.log': { ordinary: 66, isr_updated: 9 },
    '2.8.2-zk/controller-loss/broker-1/state-change.log': { ordinary: 90, leader_election: 11 },
    '2.8.2-zk/controller-loss/broker-2/controller.log': { controller_elected: 1, ordinary: 75, broker_membership_changed: 1, broker_registered: 1 },
    '2.8.2-zk/controller-loss/broker-2/server.log': { ordinary: 71, isr_updated: 9 },
    '2.8.2-zk/controller-loss/broker-2/state-change.log': { ordinary: 123, leader_election: 11 },
    '2.8.2-zk/controller-loss/broker-3/controller.log': { ordinary: 24, broker_shutdown: 1 },
    '2.8.2-zk/controller-loss/broker-3/server.log': { ordinary: 303, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.8.2-zk/controller-loss/broker-3/state-change.log': { ordinary: 113, leader_election: 8 },
    '2.8.2-zk/follower-pause/broker-1/server.log': { ordinary: 38, isr_shrink: 2, isr_updated: 4 },
    '2.8.2-zk/follower-pause/broker-1/state-change.log': { ordinary: 19 },
    // The paused broker's own ZooKeeper client timed out (13 s, under the 18 s session) and got its session back.
    '2.8.2-zk/follower-pause/broker-2/server.log': { ordinary: 43, zk_disconnected: 1, zk_connected: 1 },
    '2.8.2-zk/follower-pause/broker-2/state-change.log': { ordinary: 19 },
    '2.8.2-zk/follower-pause/broker-3/controller.log': { ordinary: 26 },
    '2.8.2-zk/follower-pause/broker-3/server.log': { ordinary: 43, isr_shrink: 2, isr_updated: 4 },
    '2.8.2-zk/follower-pause/broker-3/state-change.log': { ordinary: 46 },
    '2.8.2-zk/log-dir-failure/broker-1/controller.log': { ordinary: 205, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '2.8.2-zk/log-dir-failure/broker-1/server.log': { ordinary: 239, isr_shrink: 2, isr_updated: 25 },
    '2.8.2-zk/log-dir-failure/broker-1/state-change.log': { ordinary: 194, leader_election: 36 },
    '2.8.2-zk/log-dir-failure/broker-2/server.log': { ordinary: 113, isr_shrink: 2, isr_updated: 15 },
    '2.8.2-zk/log-dir-failure/broker-2/state-change.log': { ordinary: 87, leader_election: 11 },
    '2.8.2-zk/log-dir-failure/broker-3/controller.log': { ordinary: 2 },
    '2.8.2-zk/log-dir-failure/broker-3/server.log': { ordinary: 379, log_dir_failure: 2, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.8.2-zk/log-dir-failure/broker-3/state-change.log': { ordinary: 65 },
    '2.8.2-zk/reassignment/broker-1/controller.log': { ordinary: 28 },
    '2.8.2-zk/reassignment/broker-1/server.log': { ordinary: 43, isr_updated: 3 },
    // The controller moving the leaders to broker 2 (3), and broker 1's own leader-epoch bumps for the move (3): before 3.6 a bump cannot be told from an election.
    '2.8.2-zk/reassignment/broker-1/state-change.log': { ordinary: 119, leader_election: 6 },
    '2.8.2-zk/reassignment/broker-2/server.log': { ordinary: 44 },
    '2.8.2-zk/reassignment/broker-2/state-change.log': { ordinary: 57, leader_election: 6 },
    '2.8.2-zk/reassignment/broker-3/server.log': { ordinary: 57 },
    '2.8.2-zk/reassignment/broker-3/state-change.log': { ordinary: 63 },
    '2.8.2-zk/rolling-restart/broker-1/controller.log': { ordinary: 93, controller_elected: 1, broker_membership_changed: 1, broker_registered: 1 },
    '2.8.2-zk/rolling-restart/broker-1/server.log': { ordinary: 440, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1, isr_updated: 17 },
    '2.8.2-zk/rolling-restart/broker-1/state-change.log': { ordinary: 318, leader_election: 19 },
    '2.8.2-zk/rolling-restart/broker-2/controller.log': { ordinary: 131, broker_shutdown: 3, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '2.8.2-zk/rolling-restart/broker-2/server.log': { ordinary: 355, isr_updated: 43, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.8.2-zk/rolling-restart/broker-2/state-change.log': { ordinary: 395, leader_election: 73 },
    '2.8.2-zk/rolling-restart/broker-3/controller.log': { ordinary: 11 },
    '2.8.2-zk/rolling-restart/broker-3/server.log': { ordinary: 431, isr_updated: 18, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.8.2-zk/rolling-restart/broker-3/state-change.log': { ordinary: 272, leader_election: 18 },
    '2.8.2-zk/session-expiry/broker-1/controller.log': { ordinary: 96, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '2.8.2-zk/session-expiry/broker-1/server.log': { ordinary: 83, isr_shrink: 2, isr_updated: 28 },
    '2.8.2-zk/session-expiry/broker-1/state-change.log': { ordinary: 166, leader_election: 26 },
    '2.8.2-zk/session-expiry/broker-2/server.log': { ordinary: 70, isr_shrink: 2, isr_updated: 21 },
    '2.8.2-zk/session-expiry/broker-2/state-change.log': { ordinary: 78, leader_election: 17 },
    '2.8.2-zk/session-expiry/broker-3/controller.log': { ordinary: 6 },
    '2.8.2-zk/session-expiry/broker-3/server.log': { ordinary: 165, zk_disconnected: 1, isr_shrink: 2, zk_session_expired: 1, zk_connected: 1, broker_registered: 1 },
    '2.8.2-zk/session-expiry/broker-3/state-change.log': { ordinary: 67 },
    '2.8.2-zk/unclean-election/broker-1/controller.log': { ordinary: 2 },
    '2.8.2-zk/unclean-election/broker-1/server.log': { ordinary: 263, isr_shrink: 3, isr_updated: 3, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.8.2-zk/unclean-election/broker-1/state-change.log': { ordinary: 65, leader_election: 9 },
    '2.8.2-zk/unclean-election/broker-2/controller.log': { ordinary: 174, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '2.8.2-zk/unclean-election/broker-2/server.log': { ordinary: 145, isr_updated: 36 },
    // The controller: no live replica (failed election, `Leader:-1`), then the follower elected; 1.1–3.1 write no line that says unclean.
    '2.8.2-zk/unclean-election/broker-2/state-change.log': { ordinary: 139, leader_election: 39, leader_election_failed: 3, offline_partitions: 3 },
    '2.8.2-zk/unclean-election/broker-3/controller.log': { ordinary: 2 },
    '2.8.2-zk/unclean-election/broker-3/server.log': { ordinary: 245, zk_connected: 1, broker_registered: 1, broker_started: 1, isr_updated: 3 },
    '2.8.2-zk/unclean-election/broker-3/state-change.log': { ordinary: 41, offline_partitions: 3, leader_election: 3 },
    '3.3.2-kraft/broker-loss/broker-1/controller.log': { ordinary: 9, broker_fenced: 1, broker_registered: 1, broker_unfenced: 1 },
    '3.3.2-kraft/broker-loss/broker-1/server.log': { ordinary: 102, isr_shrink: 2, isr_updated: 7 },
    // KRaft 3.3: an ISR shrink bumps the leader epoch, and before 3.6 the leader's `starts at leader epoch` cannot be told from an election.
    '3.3.2-kraft/broker-loss/broker-1/state-change.log': { ordinary: 42, leader_election: 7, isr_updated: 7 },
    '3.3.2-kraft/broker-loss/broker-2/controller.log': { ordinary: 7, broker_registered: 1 },
    '3.3.2-kraft/broker-loss/broker-2/server.log': { ordinary: 109, isr_shrink: 2, isr_updated: 5 },
    '3.3.2-kraft/broker-loss/broker-2/state-change.log': { ordinary: 46, leader_election: 5, isr_updated: 5 },
    // Broker 3 starting replays the metadata log: three past `Registered new broker` lines, then its own new registration.
    '3.3.2-kraft/broker-loss/broker-3/controller.log': { ordinary: 23, broker_registered: 4 },
    '3.3.2-kraft/broker-loss/broker-3/server.log': { ordinary: 249, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.3.2-kraft/broker-loss/broker-3/state-change.log': { ordinary: 58 },
    // The old controller back: four registrations replayed from the metadata log, then its own.
    '3.3.2-kraft/controller-loss/broker-1/controller.log': { ordinary: 36, broker_shutdown: 1, controller_resigned: 1, broker_registered: 5 },
    '3.3.2-kraft/controller-loss/broker-1/server.log': { ordinary: 386, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.3.2-kraft/controller-loss/broker-1/state-change.log': { ordinary: 96 },
    '3.3.2-kraft/controller-loss/broker-2/controller.log': { ordinary: 7, controller_elected: 1, broker_registered: 1, broker_unfenced: 1, controller_quorum_leaderless: 1 },
    '3.3.2-kraft/controller-loss/broker-2/server.log': { ordinary: 82, isr_updated: 10 },
    '3.3.2-kraft/controller-loss/broker-2/state-change.log': { ordinary: 38, leader_election: 11, isr_updated: 11 },
    '3.3.2-kraft/controller-loss/broker-3/controller.log': { ordinary: 8, broker_registered: 1, controller_quorum_leaderless: 1 },
    '3.3.2-kraft/controller-loss/broker-3/server.log': { ordinary: 82, isr_updated: 7 },
    '3.3.2-kraft/controller-loss/broker-3/state-change.log': { ordinary: 46, leader_election: 7, isr_updated: 7 },
    // The paused voter, back, started an election (its fetch from the leader had timed out): controller 1
    // renounced and won again five epochs later.
    '3.3.2-kraft/follower-pause/broker-1/controller.log': { ordinary: 12, broker_fenced: 1, broker_unfenced: 1, controller_resigned: 1, controller_elected: 1, controller_quorum_leaderless: 5 },
    '3.3.2-kraft/follower-pause/broker-1/server.log': { ordinary: 65, isr_shrink: 2 },
    '3.3.2-kraft/follower-pause/broker-1/state-change.log': { ordinary: 33, leader_election: 4, isr_updated: 4 },
    '3.3.2-kraft/follower-pause/broker-2/controller.log': { ordinary: 8, controller_quorum_leaderless: 6 },
    '3.3.2-kraft/follower-pause/broker-2/server.log': { ordinary: 72, isr_shrink: 2, isr_updated: 2 },
    '3.3.2-kraft/follower-pause/broker-2/state-change.log': { ordinary: 39, leader_election: 2, isr_updated: 2 },
    '3.3.2-kraft/follower-pause/broker-3/controller.log': { ordinary: 8, controller_quorum_leaderless: 6 },
    '3.3.2-kraft/follower-pause/broker-3/server.log': { ordinary: 86, isr_shrink: 2 },
    '3.3.2-kraft/follower-pause/broker-3/state-change.log': { ordinary: 34 },
    '3.3.2-kraft/log-dir-failure/broker-1/controller.log': { ordinary: 14, broker_fenced: 1, broker_registered: 1, broker_unfenced: 1 },
    '3.3.2-kraft/log-dir-failure/broker-1/server.log': { ordinary: 120, isr_shrink: 3, isr_updated: 18 },
    '3.3.2-kraft/log-dir-failure/broker-1/state-change.log': { ordinary: 64, leader_election: 25, isr_updated: 25 },
    '3.3.2-kraft/log-dir-failure/broker-2/controller.log': { ordinary: 12, broker_registered: 1 },
    '3.3.2-kraft/log-dir-failure/broker-2/server.log': { ordinary: 144, isr_shrink: 3, isr_updated: 11 },
    '3.3.2-kraft/log-dir-failure/broker-2/state-change.log': { ordinary: 86, leader_election: 11, isr_updated: 11 },
    // The broker back replays the metadata log: every past registration and the earlier drill's unclean election.
    '3.3.2-kraft/log-dir-failure/broker-3/controller.log': { ordinary: 58, broker_registered: 11, unclean_leader_election: 3 },
    '3.3.2-kraft/log-dir-failure/broker-3/server.log': { ordinary: 553, log_dir_failure: 2, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.3.2-kraft/log-dir-failure/broker-3/state-change.log': { ordinary: 139 },
    '3.3.2-kraft/reassignment/broker-1/controller.log': { ordinary: 24 },
    '3.3.2-kraft/reassignment/broker-1/server.log': { ordinary: 23 },
    '3.3.2-kraft/reassignment/broker-1/state-change.log': { ordinary: 10, isr_updated: 3 },
    '3.3.2-kraft/reassignment/broker-2/controller.log': { ordinary: 19 },
    '3.3.2-kraft/reassignment/broker-2/server.log': { ordinary: 24 },
    '3.3.2-kraft/reassignment/broker-2/state-change.log': { ordinary: 15, leader_election: 3 },
    '3.3.2-kraft/reassignment/broker-3/controller.log': { ordinary: 19 },
    '3.3.2-kraft/reassignment/broker-3/server.log': { ordinary: 26 },
    '3.3.2-kraft/reassignment/broker-3/state-change.log': { ordinary: 18 },
    // Each restarted controller replays the metadata log, the unclean-election drill's `UNCLEAN partition change` with it: no unclean election happened here.
    '3.3.2-kraft/rolling-restart/broker-1/controller.log': { ordinary: 43, broker_registered: 10, unclean_leader_election: 3, controller_elected: 1, broker_unfenced: 1, controller_quorum_leaderless: 1 },
    '3.3.2-kraft/rolling-restart/broker-1/server.log': { ordinary: 600, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 5 },
    '3.3.2-kraft/rolling-restart/broker-1/state-change.log': { ordinary: 217, leader_election: 17, isr_updated: 17 },
    '3.3.2-kraft/rolling-restart/broker-2/controller.log': { ordinary: 53, broker_shutdown: 3, broker_registered: 12, broker_unfenced: 2, controller_resigned: 1, unclean_leader_election: 3 },
    '3.3.2-kraft/rolling-restart/broker-2/server.log': { ordinary: 455, isr_updated: 3, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.3.2-kraft/rolling-restart/broker-2/state-change.log': { ordinary: 144, leader_election: 43, isr_updated: 43 },
    '3.3.2-kraft/rolling-restart/broker-3/controller.log': { ordinary: 44, broker_registered: 11, unclean_leader_election: 3, controller_quorum_leaderless: 1 },
    '3.3.2-kraft/rolling-restart/broker-3/server.log': { ordinary: 600, isr_updated: 18, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.3.2-kraft/rolling-restart/broker-3/state-change.log': { ordinary: 215, leader_election: 18, isr_updated: 18 },
    // The old leader back replays the unclean election it missed; the election itself was asked for with the tool (KRaft before 3.9).
    '3.3.2-kraft/unclean-election/broker-1/controller.log': { ordinary: 36, broker_registered: 7, unclean_leader_election: 3 },
    '3.3.2-kraft/unclean-election/broker-1/server.log': { ordinary: 434, isr_shrink: 3, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.3.2-kraft/unclean-election/broker-1/state-change.log': { ordinary: 95, leader_election: 9 },
    '3.3.2-kraft/unclean-election/broker-2/controller.log': { ordinary: 9, broker_fenced: 2, broker_registered: 2, broker_unfenced: 2, unclean_leader_election: 3 },
    '3.3.2-kraft/unclean-election/broker-2/server.log': { ordinary: 203, isr_updated: 25 },
    '3.3.2-kraft/unclean-election/broker-2/state-change.log': { ordinary: 15, leader_election: 30, isr_updated: 36 },
    '3.3.2-kraft/unclean-election/broker-3/controller.log': { ordinary: 35, broker_registered: 7, unclean_leader_election: 3 },
    '3.3.2-kraft/unclean-election/broker-3/server.log': { ordinary: 349, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 3 },
    '3.3.2-kraft/unclean-election/broker-3/state-change.log': { ordinary: 94, offline_partitions: 3, unclean_leader_election: 3, leader_election: 3, isr_updated: 3 },
    '1.1.1-zk/broker-loss/broker-1/controller.log': { ordinary: 68, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '1.1.1-zk/broker-loss/broker-1/server.log': { ordinary: 139, isr_shrink: 4, leader_election: 2, isr_expand: 6 },
    '1.1.1-zk/broker-loss/broker-1/state-change.log': { ordinary: 377, leader_election: 4 },
    '1.1.1-zk/broker-loss/broker-2/server.log': { ordinary: 102, isr_shrink: 4, leader_election: 2, isr_expand: 6 },
    '1.1.1-zk/broker-loss/broker-2/state-change.log': { ordinary: 142 },
    '1.1.1-zk/broker-loss/broker-3/controller.log': { ordinary: 2 },
    '1.1.1-zk/broker-loss/broker-3/server.log': { ordinary: 269, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '1.1.1-zk/broker-loss/broker-3/state-change.log': { ordinary: 146 },
    '1.1.1-zk/controller-loss/broker-1/controller.log': { ordinary: 37, broker_shutdown: 1 },
    '1.1.1-zk/controller-loss/broker-1/server.log': { ordinary: 395, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '1.1.1-zk/controller-loss/broker-1/state-change.log': { ordinary: 387, leader_election: 8 },
    '1.1.1-zk/controller-loss/broker-2/controller.log': { ordinary: 1 },
    '1.1.1-zk/controller-loss/broker-2/server.log': { ordinary: 103, leader_election: 11, isr_expand: 13, isr_shrink: 4 },
    '1.1.1-zk/controller-loss/broker-2/state-change.log': { ordinary: 283 },
    '1.1.1-zk/controller-loss/broker-3/controller.log': { controller_elected: 1, ordinary: 59, broker_membership_changed: 1, broker_registered: 1 },
    '1.1.1-zk/controller-loss/broker-3/server.log': { ordinary: 92, leader_election: 9, isr_expand: 10, isr_shrink: 1 },
    '1.1.1-zk/controller-loss/broker-3/state-change.log': { ordinary: 517, leader_election: 2 },
    '1.1.1-zk/follower-pause/broker-1/controller.log': { ordinary: 13 },
    '1.1.1-zk/follower-pause/broker-1/server.log': { ordinary: 67, isr_shrink: 2, isr_expand: 2 },
    '1.1.1-zk/follower-pause/broker-1/state-change.log': { ordinary: 135 },
    '1.1.1-zk/follower-pause/broker-2/server.log': { ordinary: 64, isr_shrink: 2, isr_expand: 2 },
    '1.1.1-zk/follower-pause/broker-2/state-change.log': { ordinary: 43 },
    '1.1.1-zk/follower-pause/broker-3/server.log': { ordinary: 73, isr_shrink: 1, zk_disconnected: 1, zk_connected: 1, isr_expand: 2 },
    '1.1.1-zk/follower-pause/broker-3/state-change.log': { ordinary: 43 },
    '1.1.1-zk/log-dir-failure/broker-1/server.log': { ordinary: 145, leader_election: 2, isr_shrink: 14, isr_expand: 16 },
    '1.1.1-zk/log-dir-failure/broker-1/state-change.log': { ordinary: 318 },
    '1.1.1-zk/log-dir-failure/broker-2/controller.log': { ordinary: 256, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '1.1.1-zk/log-dir-failure/broker-2/server.log': { ordinary: 344, leader_election: 3, isr_shrink: 14, isr_expand: 17 },
    '1.1.1-zk/log-dir-failure/broker-2/state-change.log': { ordinary: 823, leader_election: 3 },
    '1.1.1-zk/log-dir-failure/broker-3/controller.log': { ordinary: 2 },
    '1.1.1-zk/log-dir-failure/broker-3/server.log': { ordinary: 531, log_dir_failure: 2, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '1.1.1-zk/log-dir-failure/broker-3/state-change.log': { ordinary: 354 },
    '1.1.1-zk/reassignment/broker-1/server.log': { ordinary: 65, leader_election: 3, isr_expand: 3 },
    '1.1.1-zk/reassignment/broker-1/state-change.log': { ordinary: 60 },
    '1.1.1-zk/reassignment/broker-2/controller.log': { ordinary: 49 },
    // Partition's `starts at Leader Epoch` (server.log before 2.6): the moves to broker 2 and its own epoch bumps as they complete.
    '1.1.1-zk/reassignment/broker-2/server.log': { ordinary: 64, leader_election: 6 },
    '1.1.1-zk/reassignment/broker-2/state-change.log': { ordinary: 284, leader_election: 3 },
    '1.1.1-zk/reassignment/broker-3/server.log': { ordinary: 72 },
    '1.1.1-zk/reassignment/broker-3/state-change.log': { ordinary: 78 },
    '1.1.1-zk/rolling-restart/broker-1/controller.log': { ordinary: 11 },
    '1.1.1-zk/rolling-restart/broker-1/server.log': { ordinary: 533, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1, leader_election: 18, isr_expand: 17 },
    '1.1.1-zk/rolling-restart/broker-1/state-change.log': { ordinary: 961 },
    '1.1.1-zk/rolling-restart/broker-2/controller.log': { ordinary: 64, controller_elected: 1, broker_membership_changed: 1, broker_registered: 1 },
    '1.1.1-zk/rolling-restart/broker-2/server.log': { ordinary: 568, leader_election: 21, isr_expand: 21, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '1.1.1-zk/rolling-restart/broker-2/state-change.log': { ordinary: 1388, leader_election: 1 },
    '1.1.1-zk/rolling-restart/broker-3/controller.log': { ordinary: 158, broker_shutdown: 3, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '1.1.1-zk/rolling-restart/broker-3/server.log': { ordinary: 505, leader_election: 56, isr_expand: 56, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '1.1.1-zk/rolling-restart/broker-3/state-change.log': { ordinary: 1976, leader_election: 30 },
    // Before 2.1 a leader drops a silent follower from every partition's ISR, idle ones too (only the time since it last caught up counts).
    '1.1.1-zk/session-expiry/broker-1/server.log': { ordinary: 91, isr_shrink: 18, isr_expand: 25, leader_election: 7 },
    '1.1.1-zk/session-expiry/broker-1/state-change.log': { ordinary: 367 },
    '1.1.1-zk/session-expiry/broker-2/controller.log': { ordinary: 60, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '1.1.1-zk/session-expiry/broker-2/server.log': { ordinary: 80, isr_shrink: 22, isr_expand: 31, leader_election: 9 },
    '1.1.1-zk/session-expiry/broker-2/state-change.log': { ordinary: 903, leader_election: 2 },
    '1.1.1-zk/session-expiry/broker-3/controller.log': { ordinary: 6 },
    '1.1.1-zk/session-expiry/broker-3/server.log': { ordinary: 86, zk_disconnected: 1, isr_shrink: 1, zk_session_expired: 1, zk_connected: 1, broker_registered: 1 },
    '1.1.1-zk/session-expiry/broker-3/state-change.log': { ordinary: 309 },
    '1.1.1-zk/unclean-election/broker-1/controller.log': { ordinary: 2 },
    '1.1.1-zk/unclean-election/broker-1/server.log': { ordinary: 376, isr_shrink: 3, leader_election: 6, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '1.1.1-zk/unclean-election/broker-1/state-change.log': { ordinary: 330 },
    '1.1.1-zk/unclean-election/broker-2/controller.log': { ordinary: 2 },
    '1.1.1-zk/unclean-election/broker-2/server.log': { ordinary: 345, zk_connected: 1, broker_registered: 1, broker_started: 1, leader_election: 3, isr_expand: 3 },
    '1.1.1-zk/unclean-election/broker-2/state-change.log': { ordinary: 276, offline_partitions: 3 },
    '1.1.1-zk/unclean-election/broker-3/controller.log': { ordinary: 236, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '1.1.1-zk/unclean-election/broker-3/server.log': { ordinary: 240, isr_shrink: 21, leader_election: 9, isr_expand: 36 },
    // The controller: failed elections, then the follower elected with no word that it was outside the ISR (1.1–3.1); no `Leader:-1` line before 2.6.
    '1.1.1-zk/unclean-election/broker-3/state-change.log': { ordinary: 882, leader_election: 18, leader_election_failed: 3 },
    '3.6.2-kraft/broker-loss/broker-1/controller.log': { ordinary: 10 },
    '3.6.2-kraft/broker-loss/broker-1/server.log': { ordinary: 87, isr_shrink: 2, isr_updated: 8 },
    '3.6.2-kraft/broker-loss/broker-1/state-change.log': { ordinary: 40, isr_updated: 11, leader_election: 1 },
    '3.6.2-kraft/broker-loss/broker-2/controller.log': { ordinary: 12, broker_fenced: 1, broker_unfenced: 1 },
    '3.6.2-kraft/broker-loss/broker-2/server.log': { ordinary: 90, isr_shrink: 2, isr_updated: 8 },
    '3.6.2-kraft/broker-loss/broker-2/state-change.log': { ordinary: 40, isr_updated: 11, leader_election: 1 },
    '3.6.2-kraft/broker-loss/broker-3/controller.log': { ordinary: 36 },
    '3.6.2-kraft/broker-loss/broker-3/server.log': { ordinary: 290, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.6.2-kraft/broker-loss/broker-3/state-change.log': { ordinary: 59 },
    '3.6.2-kraft/controller-loss/broker-1/controller.log': { ordinary: 12, controller_elected: 1, broker_unfenced: 1, controller_quorum_leaderless: 1 },
    '3.6.2-kraft/controller-loss/broker-1/server.log': { ordinary: 77, isr_updated: 1 },
    '3.6.2-kraft/controller-loss/broker-1/state-change.log': { ordinary: 40, isr_updated: 18, leader_election: 2 },
    '3.6.2-kraft/controller-loss/broker-2/controller.log': { ordinary: 56, broker_shutdown: 1, controller_resigned: 1, controller_quorum_leaderless: 1 },
    '3.6.2-kraft/controller-loss/broker-2/server.log': { ordinary: 445, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.6.2-kraft/controller-loss/broker-2/state-change.log': { ordinary: 97 },
    '3.6.2-kraft/controller-loss/broker-3/controller.log': { ordinary: 12, controller_quorum_leaderless: 1 },
    '3.6.2-kraft/controller-loss/broker-3/server.log': { ordinary: 70, isr_updated: 8 },
    '3.6.2-kraft/controller-loss/broker-3/state-change.log': { ordinary: 44, leader_election: 6, isr_updated: 10 },
    '3.6.2-kraft/follower-pause/broker-1/controller.log': { ordinary: 10, controller_quorum_leaderless: 5 },
    '3.6.2-kraft/follower-pause/broker-1/server.log': { ordinary: 64, isr_shrink: 2, isr_updated: 5 },
    '3.6.2-kraft/follower-pause/broker-1/state-change.log': { ordinary: 36, isr_updated: 5, leader_election: 1 },
    '3.6.2-kraft/follower-pause/broker-2/controller.log': { ordinary: 15, broker_fenced: 1, broker_unfenced: 1, controller_resigned: 1, controller_elected: 1, controller_quorum_leaderless: 4 },
    '3.6.2-kraft/follower-pause/broker-2/server.log': { ordinary: 65, isr_shrink: 2, isr_updated: 2 },
    '3.6.2-kraft/follower-pause/broker-2/state-change.log': { ordinary: 36, isr_updated: 5, leader_election: 1 },
    '3.6.2-kraft/follower-pause/broker-3/controller.log': { ordinary: 10, controller_quorum_leaderless: 5 },
    '3.6.2-kraft/follower-pause/broker-3/server.log': { ordinary: 75, isr_shrink: 2 },
    '3.6.2-kraft/follower-pause/broker-3/state-change.log': { ordinary: 35 },
    '3.6.2-kraft/log-dir-failure/broker-1/controller.log': { ordinary: 15 },
    '3.6.2-kraft/log-dir-failure/broker-1/server.log': { ordinary: 106, isr_shrink: 3, isr_updated: 16 },
    '3.6.2-kraft/log-dir-failure/broker-1/state-change.log': { ordinary: 78, isr_updated: 16, leader_election: 10 },
    '3.6.2-kraft/log-dir-failure/broker-2/controller.log': { ordinary: 17, broker_fenced: 1, broker_unfenced: 1 },
    '3.6.2-kraft/log-dir-failure/broker-2/server.log': { ordinary: 116, isr_shrink: 3, isr_updated: 23 },
    '3.6.2-kraft/log-dir-failure/broker-2/state-change.log': { ordinary: 64, isr_updated: 43, leader_election: 3 },
    // The broker back replays the metadata log, the earlier drill's unclean election with it; 3.6-3.8 replays of registrations are `Replayed ...`, ordinary.
    '3.6.2-kraft/log-dir-failure/broker-3/controller.log': { ordinary: 96, unclean_leader_election: 3 },
    '3.6.2-kraft/log-dir-failure/broker-3/server.log': { ordinary: 593, log_dir_failure: 2, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.6.2-kraft/log-dir-failure/broker-3/state-change.log': { ordinary: 138 },
    '3.6.2-kraft/reassignment/broker-1/controller.log': { ordinary: 20 },
    '3.6.2-kraft/reassignment/broker-1/server.log': { ordinary: 28 },
    '3.6.2-kraft/reassignment/broker-1/state-change.log': { ordinary: 11, isr_updated: 3 },
    '3.6.2-kraft/reassignment/broker-2/controller.log': { ordinary: 24 },
    '3.6.2-kraft/reassignment/broker-2/server.log': { ordinary: 29 },
    '3.6.2-kraft/reassignment/broker-2/state-change.log': { ordinary: 16, leader_election: 3 },
    '3.6.2-kraft/reassignment/broker-3/controller.log': { ordinary: 19 },
    '3.6.2-kraft/reassignment/broker-3/server.log': { ordinary: 51 },
    '3.6.2-kraft/reassignment/broker-3/state-change.log': { ordinary: 21 },
    // As on 3.3.2: each restarted controller replays the unclean-election drill's `UNCLEAN partition change`.
    '3.6.2-kraft/rolling-restart/broker-1/controller.log': { ordinary: 100, broker_shutdown: 3, broker_unfenced: 2, controller_resigned: 1, unclean_leader_election: 3 },
    '3.6.2-kraft/rolling-restart/broker-1/server.log': { ordinary: 522, isr_updated: 21, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.6.2-kraft/rolling-restart/broker-1/state-change.log': { ordinary: 147, isr_updated: 82, leader_election: 2 },
    '3.6.2-kraft/rolling-restart/broker-2/controller.log': { ordinary: 80, unclean_leader_election: 3, controller_elected: 1, broker_unfenced: 1, controller_quorum_leaderless: 1 },
    '3.6.2-kraft/rolling-restart/broker-2/server.log': { ordinary: 593, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 18 },
    '3.6.2-kraft/rolling-restart/broker-2/state-change.log': { ordinary: 212, leader_election: 17, isr_updated: 21 },
    '3.6.2-kraft/rolling-restart/broker-3/controller.log': { ordinary: 84, unclean_leader_election: 3, controller_quorum_leaderless: 1 },
    '3.6.2-kraft/rolling-restart/broker-3/server.log': { ordinary: 561, isr_updated: 17, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.6.2-kraft/rolling-restart/broker-3/state-change.log': { ordinary: 215, leader_election: 12, isr_updated: 22 },
    // The active controller: its own `Setting new leader ... using an unclean election` (INFO from 3.6) and the replayed `UNCLEAN partition change`, for each partition.
    '3.6.2-kraft/unclean-election/broker-1/controller.log': { ordinary: 15, broker_fenced: 2, broker_unfenced: 2, unclean_leader_election: 6 },
    '3.6.2-kraft/unclean-election/broker-1/server.log': { ordinary: 212, isr_updated: 18 },
    '3.6.2-kraft/unclean-election/broker-1/state-change.log': { ordinary: 15, isr_updated: 58, leader_election: 8 },
    '3.6.2-kraft/unclean-election/broker-2/controller.log': { ordinary: 60, unclean_leader_election: 3 },
    '3.6.2-kraft/unclean-election/broker-2/server.log': { ordinary: 464, isr_shrink: 3, isr_updated: 3, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.6.2-kraft/unclean-election/broker-2/state-change.log': { ordinary: 95, isr_updated: 3, leader_election: 6 },
    '3.6.2-kraft/unclean-election/broker-3/controller.log': { ordinary: 58, unclean_leader_election: 3 },
    '3.6.2-kraft/unclean-election/broker-3/server.log': { ordinary: 401, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 3 },
    '3.6.2-kraft/unclean-election/broker-3/state-change.log': { ordinary: 118, offline_partitions: 3, unclean_leader_election: 3, leader_election: 3, isr_updated: 3 },
    // Before 2.6 Partition's `starts at leader epoch` is in server.log: the leaders taking over the killed broker's partitions, and their own epoch bumps.
    '2.4.1-zk/broker-loss/broker-1/server.log': { ordinary: 80, isr_shrink: 2, isr_updated: 8, leader_election: 4, isr_expand: 6 },
    '2.4.1-zk/broker-loss/broker-1/state-change.log': { ordinary: 138 },
    '2.4.1-zk/broker-loss/broker-2/controller.log': { ordinary: 66, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '2.4.1-zk/broker-loss/broker-2/server.log': { ordinary: 129, isr_shrink: 2, isr_updated: 8, leader_election: 4, isr_expand: 6 },
    '2.4.1-zk/broker-loss/broker-2/state-change.log': { ordinary: 369, leader_election: 4 },
    '2.4.1-zk/broker-loss/broker-3/controller.log': { ordinary: 2 },
    '2.4.1-zk/broker-loss/broker-3/server.log': { ordinary: 212, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.4.1-zk/broker-loss/broker-3/state-change.log': { ordinary: 146 },
    '2.4.1-zk/controller-loss/broker-1/controller.log': { ordinary: 1 },
    '2.4.1-zk/controller-loss/broker-1/server.log': { ordinary: 70, leader_election: 11, isr_expand: 9, isr_updated: 9 },
    '2.4.1-zk/controller-loss/broker-1/state-change.log': { ordinary: 300 },
    '2.4.1-zk/controller-loss/broker-2/controller.log': { ordinary: 26, broker_shutdown: 1 },
    '2.4.1-zk/controller-loss/broker-2/server.log': { ordinary: 311, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.4.1-zk/controller-loss/broker-2/state-change.log': { ordinary: 469, leader_election: 8 },
    '2.4.1-zk/controller-loss/broker-3/controller.log': { controller_elected: 1, ordinary: 55, broker_membership_changed: 1, broker_registered: 1 },
    '2.4.1-zk/controller-loss/broker-3/server.log': { ordinary: 65, leader_election: 9, isr_expand: 9, isr_updated: 9 },
    '2.4.1-zk/controller-loss/broker-3/state-change.log': { ordinary: 589, leader_election: 2 },
    // 2.4–2.6: every ISR change is told twice by the leader, `Shrinking`/`Expanding ISR` then `ISR updated to [...] and zkVersion updated to [...]` (INFO from 2.4); the window opens on the new cluster's last start-up lines.
    '2.4.1-zk/follower-pause/broker-1/server.log': { ordinary: 55, broker_started: 1, isr_shrink: 2, isr_updated: 4, isr_expand: 2 },
    '2.4.1-zk/follower-pause/broker-1/state-change.log': { ordinary: 44 },
    '2.4.1-zk/follower-pause/broker-2/controller.log': { ordinary: 46, broker_membership_changed: 1, broker_registered: 1 },
    '2.4.1-zk/follower-pause/broker-2/server.log': { ordinary: 56, broker_started: 1, isr_shrink: 2, isr_updated: 4, isr_expand: 2 },
    '2.4.1-zk/follower-pause/broker-2/state-change.log': { ordinary: 142 },
    '2.4.1-zk/follower-pause/broker-3/controller.log': { ordinary: 2 },
    '2.4.1-zk/follower-pause/broker-3/server.log': { ordinary: 64, broker_registered: 1, broker_started: 1, isr_shrink: 4, isr_updated: 8, isr_expand: 4 },
    '2.4.1-zk/follower-pause/broker-3/state-change.log': { ordinary: 44 },
    '2.4.1-zk/log-dir-failure/broker-1/server.log': { ordinary: 127, leader_election: 15, isr_shrink: 2, isr_updated: 19, isr_expand: 17 },
    '2.4.1-zk/log-dir-failure/broker-1/state-change.log': { ordinary: 330 },
    '2.4.1-zk/log-dir-failure/broker-2/controller.log': { ordinary: 211, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '2.4.1-zk/log-dir-failure/broker-2/server.log': { ordinary: 323, leader_election: 14, isr_shrink: 2, isr_updated: 18, isr_expand: 16 },
    '2.4.1-zk/log-dir-failure/broker-2/state-change.log': { ordinary: 816, leader_election: 3 },
    '2.4.1-zk/log-dir-failure/broker-3/controller.log': { ordinary: 2 },
    '2.4.1-zk/log-dir-failure/broker-3/server.log': { ordinary: 393, log_dir_failure: 2, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.4.1-zk/log-dir-failure/broker-3/state-change.log': { ordinary: 363 },
    '2.4.1-zk/reassignment/broker-1/server.log': { ordinary: 37, leader_election: 3, isr_expand: 3, isr_updated: 3 },
    '2.4.1-zk/reassignment/broker-1/state-change.log': { ordinary: 57 },
    '2.4.1-zk/reassignment/broker-2/controller.log': { ordinary: 34 },
    '2.4.1-zk/reassignment/broker-2/server.log': { ordinary: 39, leader_election: 6 },
    '2.4.1-zk/reassignment/broker-2/state-change.log': { ordinary: 254, leader_election: 3 },
    '2.4.1-zk/reassignment/broker-3/server.log': { ordinary: 42 },
    '2.4.1-zk/reassignment/broker-3/state-change.log': { ordinary: 81 },
    '2.4.1-zk/rolling-restart/broker-1/controller.log': { ordinary: 11 },
    '2.4.1-zk/rolling-restart/broker-1/server.log': { ordinary: 403, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1, leader_election: 20, isr_expand: 19, isr_updated: 19 },
    '2.4.1-zk/rolling-restart/broker-1/state-change.log': { ordinary: 1090 },
    '2.4.1-zk/rolling-restart/broker-2/controller.log': { ordinary: 65, controller_elected: 1, broker_membership_changed: 1, broker_registered: 1 },
    '2.4.1-zk/rolling-restart/broker-2/server.log': { ordinary: 401, leader_election: 18, isr_expand: 18, isr_updated: 18, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.4.1-zk/rolling-restart/broker-2/state-change.log': { ordinary: 1490, leader_election: 1 },
    '2.4.1-zk/rolling-restart/broker-3/controller.log': { ordinary: 76, broker_shutdown: 3, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '2.4.1-zk/rolling-restart/broker-3/server.log': { ordinary: 373, leader_election: 43, isr_expand: 43, isr_updated: 43, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.4.1-zk/rolling-restart/broker-3/state-change.log': { ordinary: 1839, leader_election: 30 },
    '2.4.1-zk/session-expiry/broker-1/server.log': { ordinary: 90, isr_shrink: 2, isr_updated: 22, leader_election: 18, isr_expand: 20 },
    '2.4.1-zk/session-expiry/broker-1/state-change.log': { ordinary: 356 },
    '2.4.1-zk/session-expiry/broker-2/controller.log': { ordinary: 18, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '2.4.1-zk/session-expiry/broker-2/server.log': { ordinary: 80, isr_shrink: 2, isr_updated: 24, leader_election: 20, isr_expand: 22 },
    '2.4.1-zk/session-expiry/broker-2/state-change.log': { ordinary: 863, leader_election: 2 },
    '2.4.1-zk/session-expiry/broker-3/controller.log': { ordinary: 6 },
    '2.4.1-zk/session-expiry/broker-3/server.log': { ordinary: 112, zk_disconnected: 1, isr_shrink: 1, zk_session_expired: 1, zk_connected: 1, broker_registered: 1 },
    '2.4.1-zk/session-expiry/broker-3/state-change.log': { ordinary: 405 },
    '2.4.1-zk/unclean-election/broker-1/controller.log': { ordinary: 2 },
    '2.4.1-zk/unclean-election/broker-1/server.log': { ordinary: 268, isr_shrink: 3, isr_updated: 3, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '2.4.1-zk/unclean-election/broker-1/state-change.log': { ordinary: 207 },
    '2.4.1-zk/unclean-election/broker-2/controller.log': { ordinary: 2 },
    '2.4.1-zk/unclean-election/broker-2/server.log': { ordinary: 262, zk_connected: 1, broker_registered: 1, broker_started: 1, leader_election: 3, isr_expand: 3, isr_updated: 3 },
    '2.4.1-zk/unclean-election/broker-2/state-change.log': { ordinary: 255, offline_partitions: 3 },
    '2.4.1-zk/unclean-election/broker-3/controller.log': { ordinary: 210, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '2.4.1-zk/unclean-election/broker-3/server.log': { ordinary: 312, leader_election: 27, isr_expand: 36, isr_updated: 36 },
    '2.4.1-zk/unclean-election/broker-3/state-change.log': { ordinary: 772, leader_election_failed: 3, leader_election: 12 },
    '0.10.2.2-zk/broker-loss/broker-1/server.log': { ordinary: 41, isr_shrink: 4, isr_expand: 6 },
    '0.10.2.2-zk/broker-loss/broker-1/state-change.log': { ordinary: 142 },
    '0.10.2.2-zk/broker-loss/broker-2/controller.log': { ordinary: 2 },
    '0.10.2.2-zk/broker-loss/broker-2/server.log': { ordinary: 100, broker_registered: 1, broker_started: 1 },
    '0.10.2.2-zk/broker-loss/broker-2/state-change.log': { ordinary: 146 },
    '0.10.2.2-zk/broker-loss/broker-3/controller.log': { ordinary: 144, broker_membership_changed: 2, broker_failure: 1, leader_election: 4, broker_registered: 1 },
    '0.10.2.2-zk/broker-loss/broker-3/server.log': { ordinary: 42, isr_shrink: 4, isr_expand: 6 },
    '0.10.2.2-zk/broker-loss/broker-3/state-change.log': { ordinary: 385, leader_election: 4 },
    '0.10.2.2-zk/controller-loss/broker-1/controller.log': { ordinary: 59, broker_membership_changed: 1, broker_registered: 1 },
    // ZookeeperLeaderElector's `1 successfully elected as leader` is a kafka.server logger: server.log, not controller.log.
    '0.10.2.2-zk/controller-loss/broker-1/server.log': { ordinary: 76, controller_elected: 1, isr_expand: 9 },
    '0.10.2.2-zk/controller-loss/broker-1/state-change.log': { ordinary: 515, leader_election: 2 },
    '0.10.2.2-zk/controller-loss/broker-2/server.log': { ordinary: 71, isr_expand: 9 },
    '0.10.2.2-zk/controller-loss/broker-2/state-change.log': { ordinary: 270 },
    '0.10.2.2-zk/controller-loss/broker-3/controller.log': { ordinary: 161, broker_shutdown: 1 },
    '0.10.2.2-zk/controller-loss/broker-3/server.log': { ordinary: 165, broker_shutdown: 1, broker_registered: 1, broker_started: 1 },
    '0.10.2.2-zk/controller-loss/broker-3/state-change.log': { ordinary: 562, leader_election: 8 },
    '0.10.2.2-zk/follower-pause/broker-1/server.log': { ordinary: 31, isr_shrink: 2, isr_expand: 2 },
    '0.10.2.2-zk/follower-pause/broker-1/state-change.log': { ordinary: 43 },
    // The paused broker: 0.10's own logging config keeps ZooKeeper's client and ZkClient out of server.log, so its disconnect shows nowhere here.
    '0.10.2.2-zk/follower-pause/broker-2/server.log': { ordinary: 27, isr_shrink: 1, isr_expand: 2 },
    '0.10.2.2-zk/follower-pause/broker-2/state-change.log': { ordinary: 43 },
    '0.10.2.2-zk/follower-pause/broker-3/controller.log': { ordinary: 37 },
    '0.10.2.2-zk/follower-pause/broker-3/server.log': { ordinary: 32, isr_shrink: 2, isr_expand: 2 },
    '0.10.2.2-zk/follower-pause/broker-3/state-change.log': { ordinary: 135 },
    '0.10.2.2-zk/reassignment/broker-1/server.log': { ordinary: 25, isr_expand: 3 },
    '0.10.2.2-zk/reassignment/broker-1/state-change.log': { ordinary: 60 },
    '0.10.2.2-zk/reassignment/broker-2/server.log': { ordinary: 33 },
    '0.10.2.2-zk/reassignment/broker-2/state-change.log': { ordinary: 84 },
    '0.10.2.2-zk/reassignment/broker-3/controller.log': { ordinary: 113 },
    '0.10.2.2-zk/reassignment/broker-3/server.log': { ordinary: 39 },
    '0.10.2.2-zk/reassignment/broker-3/state-change.log': { ordinary: 281, leader_election: 3 },
    '0.10.2.2-zk/rolling-restart/broker-1/controller.log': { ordinary: 688, broker_shutdown: 3, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '0.10.2.2-zk/rolling-restart/broker-1/server.log': { ordinary: 258, isr_expand: 73, broker_shutdown: 1, broker_registered: 1, broker_started: 1 },
    '0.10.2.2-zk/rolling-restart/broker-1/state-change.log': { ordinary: 2634, leader_election: 30 },
    '0.10.2.2-zk/rolling-restart/broker-2/controller.log': { ordinary: 7 },
    '0.10.2.2-zk/rolling-restart/broker-2/server.log': { ordinary: 314, broker_shutdown: 1, broker_registered: 1, broker_started: 1, isr_expand: 18, isr_shrink: 1 },
    '0.10.2.2-zk/rolling-restart/broker-2/state-change.log': { ordinary: 1073 },
    '0.10.2.2-zk/rolling-restart/broker-3/controller.log': { ordinary: 60, broker_membership_changed: 1, broker_registered: 1 },
    '0.10.2.2-zk/rolling-restart/broker-3/server.log': { ordinary: 330, isr_expand: 22, broker_shutdown: 1, broker_registered: 1, broker_started: 1, controller_elected: 1 },
    '0.10.2.2-zk/rolling-restart/broker-3/state-change.log': { ordinary: 1435, leader_election: 1 },
    '0.10.2.2-zk/session-expiry/broker-1/server.log': { ordinary: 54, isr_shrink: 2, isr_expand: 13 },
    '0.10.2.2-zk/session-expiry/broker-1/state-change.log': { ordinary: 376 },
    '0.10.2.2-zk/session-expiry/broker-2/controller.log': { ordinary: 6 },
    // The only record of the expiry: KafkaHealthcheck's `re-registering broker info in ZK for broker 2`.
    '0.10.2.2-zk/session-expiry/broker-2/server.log': { ordinary: 55, isr_shrink: 7, zk_session_expired: 1, isr_update_skipped: 7, broker_registered: 1 },
    '0.10.2.2-zk/session-expiry/broker-2/state-change.log': { ordinary: 344 },
    '0.10.2.2-zk/session-expiry/broker-3/controller.log': { ordinary: 159, broker_membership_changed: 2, broker_failure: 1, leader_election: 20, broker_registered: 1 },
    '0.10.2.2-zk/session-expiry/broker-3/server.log': { ordinary: 47, isr_shrink: 14, isr_expand: 39 },
    '0.10.2.2-zk/session-expiry/broker-3/state-change.log': { ordinary: 972, leader_election: 20 },
    // As on 0.11: `{"leader":-1` (3), `Elect leader 3 ... potential data loss` (3), `Selected new leader and ISR` (12).
    '0.10.2.2-zk/unclean-election/broker-1/controller.log': { ordinary: 247, broker_membership_changed: 4, broker_failure: 2, leader_election: 12, offline_partitions: 3, broker_registered: 2, unclean_leader_election: 3 },
    '0.10.2.2-zk/unclean-election/broker-1/server.log': { ordinary: 12, isr_shrink: 18, isr_expand: 36 },
    '0.10.2.2-zk/unclean-election/broker-1/state-change.log': { ordinary: 892, leader_election: 12, leader_election_failed: 3 },
    '0.10.2.2-zk/unclean-election/broker-2/controller.log': { ordinary: 2 },
    '0.10.2.2-zk/unclean-election/broker-2/server.log': { ordinary: 121, isr_shrink: 12, broker_registered: 1, broker_started: 1 },
    '0.10.2.2-zk/unclean-election/broker-2/state-change.log': { ordinary: 309 },
    '0.10.2.2-zk/unclean-election/broker-3/controller.log': { ordinary: 2 },
    '0.10.2.2-zk/unclean-election/broker-3/server.log': { ordinary: 125, broker_registered: 1, broker_started: 1, isr_expand: 3 },
    '0.10.2.2-zk/unclean-election/broker-3/state-change.log': { ordinary: 276, offline_partitions: 3 },
    '0.11.0.3-zk/broker-loss/broker-1/server.log': { ordinary: 90, isr_shrink: 4, leader_election: 2, isr_expand: 6 },
    '0.11.0.3-zk/broker-loss/broker-1/state-change.log': { ordinary: 142 },
    '0.11.0.3-zk/broker-loss/broker-2/controller.log': { ordinary: 115, broker_membership_changed: 2, broker_failure: 1, leader_election: 4, broker_registered: 1 },
    '0.11.0.3-zk/broker-loss/broker-2/server.log': { ordinary: 138, isr_shrink: 4, leader_election: 2, isr_expand: 6 },
    '0.11.0.3-zk/broker-loss/broker-2/state-change.log': { ordinary: 385, leader_election: 4 },
    '0.11.0.3-zk/broker-loss/broker-3/controller.log': { ordinary: 2 },
    '0.11.0.3-zk/broker-loss/broker-3/server.log': { ordinary: 238, zk_connected: 2, broker_registered: 1, broker_started: 1 },
    '0.11.0.3-zk/broker-loss/broker-3/state-change.log': { ordinary: 146 },
    '0.11.0.3-zk/controller-loss/broker-1/controller.log': { controller_elected: 1, ordinary: 56, broker_membership_changed: 1, broker_registered: 1 },
    '0.11.0.3-zk/controller-loss/broker-1/server.log': { ordinary: 122, leader_election: 11, isr_expand: 9 },
    '0.11.0.3-zk/controller-loss/broker-1/state-change.log': { ordinary: 519, leader_election: 2 },
    '0.11.0.3-zk/controller-loss/broker-2/controller.log': { ordinary: 171, broker_shutdown: 1 },
    '0.11.0.3-zk/controller-loss/broker-2/server.log': { ordinary: 391, broker_shutdown: 1, zk_connected: 2, broker_registered: 1, broker_started: 1 },
    '0.11.0.3-zk/controller-loss/broker-2/state-change.log': { ordinary: 586, leader_election: 8 },
    '0.11.0.3-zk/controller-loss/broker-3/controller.log': { ordinary: 1 },
    '0.11.0.3-zk/controller-loss/broker-3/server.log': { ordinary: 113, leader_election: 9, isr_expand: 10, isr_shrink: 1 },
    '0.11.0.3-zk/controller-loss/broker-3/state-change.log': { ordinary: 271 },
    '0.11.0.3-zk/follower-pause/broker-1/server.log': { ordinary: 65, isr_shrink: 2, isr_expand: 2 },
    '0.11.0.3-zk/follower-pause/broker-1/state-change.log': { ordinary: 44 },
    '0.11.0.3-zk/follower-pause/broker-2/controller.log': { ordinary: 30 },
    '0.11.0.3-zk/follower-pause/broker-2/server.log': { ordinary: 68, isr_shrink: 2, isr_expand: 2 },
    '0.11.0.3-zk/follower-pause/broker-2/state-change.log': { ordinary: 137 },
    // 0.10–1.0: ZkClient's `zookeeper state changed (Disconnected)` / `(SyncConnected)` after each client line: every change counts twice.
    '0.11.0.3-zk/follower-pause/broker-3/server.log': { ordinary: 67, isr_shrink: 2, zk_disconnected: 2, zk_connected: 2, isr_expand: 4 },
    '0.11.0.3-zk/follower-pause/broker-3/state-change.log': { ordinary: 44 },
    '0.11.0.3-zk/reassignment/broker-1/server.log': { ordinary: 61, leader_election: 3, isr_expand: 3 },
    '0.11.0.3-zk/reassignment/broker-1/state-change.log': { ordinary: 60 },
    '0.11.0.3-zk/reassignment/broker-2/controller.log': { ordinary: 98 },
    '0.11.0.3-zk/reassignment/broker-2/server.log': { ordinary: 59, leader_election: 6 },
    '0.11.0.3-zk/reassignment/broker-2/state-change.log': { ordinary: 287, leader_election: 3 },
    '0.11.0.3-zk/reassignment/broker-3/server.log': { ordinary: 64 },
    '0.11.0.3-zk/reassignment/broker-3/state-change.log': { ordinary: 78 },
    '0.11.0.3-zk/rolling-restart/broker-1/controller.log': { ordinary: 676, broker_shutdown: 3, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '0.11.0.3-zk/rolling-restart/broker-1/server.log': { ordinary: 552, leader_election: 60, isr_expand: 60, broker_shutdown: 1, zk_connected: 2, broker_registered: 1, broker_started: 1 },
    '0.11.0.3-zk/rolling-restart/broker-1/state-change.log': { ordinary: 2618, leader_election: 30 },
    '0.11.0.3-zk/rolling-restart/broker-2/controller.log': { ordinary: 59, controller_elected: 1, broker_membership_changed: 1, broker_registered: 1 },
    '0.11.0.3-zk/rolling-restart/broker-2/server.log': { ordinary: 613, broker_shutdown: 1, zk_connected: 2, broker_registered: 1, broker_started: 1, leader_election: 18, isr_expand: 17 },
    '0.11.0.3-zk/rolling-restart/broker-2/state-change.log': { ordinary: 1367, leader_election: 1 },
    '0.11.0.3-zk/rolling-restart/broker-3/controller.log': { ordinary: 11 },
    '0.11.0.3-zk/rolling-restart/broker-3/server.log': { ordinary: 599, leader_election: 21, isr_expand: 21, broker_shutdown: 1, zk_connected: 2, broker_registered: 1, broker_started: 1 },
    '0.11.0.3-zk/rolling-restart/broker-3/state-change.log': { ordinary: 1141 },
    '0.11.0.3-zk/session-expiry/broker-1/server.log': { ordinary: 86, isr_shrink: 2, isr_expand: 13, leader_election: 11 },
    '0.11.0.3-zk/session-expiry/broker-1/state-change.log': { ordinary: 376 },
    '0.11.0.3-zk/session-expiry/broker-2/controller.log': { ordinary: 136, broker_membership_changed: 2, broker_failure: 1, leader_election: 14, broker_registered: 1 },
    '0.11.0.3-zk/session-expiry/broker-2/server.log': { ordinary: 98, isr_shrink: 20, isr_expand: 45, leader_election: 25 },
    '0.11.0.3-zk/session-expiry/broker-2/state-change.log': { ordinary: 936, leader_election: 14 },
    '0.11.0.3-zk/session-expiry/broker-3/controller.log': { ordinary: 1 },
    // ZkClient's `(Expired)` and KafkaHealthcheck's `re-registering broker info` (0.10–1.0): the expiry counts twice; then its leaders could not write their ISR (`Cached zkVersion ... skip updating ISR`).
    '0.11.0.3-zk/session-expiry/broker-3/server.log': { ordinary: 114, isr_shrink: 5, zk_disconnected: 2, zk_session_expired: 2, zk_connected: 2, broker_registered: 1, isr_update_skipped: 5 },
    '0.11.0.3-zk/session-expiry/broker-3/state-change.log': { ordinary: 338 },
    // 0.10–1.0 controllers: `New leader and ISR ... {"leader":-1` (3), the selector's `No broker in ISR is alive ... Elect leader 3` (3) and its `Selected new leader and ISR` for every partition it moved (18).
    '0.11.0.3-zk/unclean-election/broker-1/controller.log': { ordinary: 420, broker_membership_changed: 4, broker_failure: 2, leader_election: 18, offline_partitions: 3, broker_registered: 2, unclean_leader_election: 3 },
    '0.11.0.3-zk/unclean-election/broker-1/server.log': { ordinary: 427, isr_shrink: 21, leader_election: 9, isr_expand: 36 },
    '0.11.0.3-zk/unclean-election/broker-1/state-change.log': { ordinary: 917, leader_election: 18, leader_election_failed: 3 },
    '0.11.0.3-zk/unclean-election/broker-2/controller.log': { ordinary: 2 },
    '0.11.0.3-zk/unclean-election/broker-2/server.log': { ordinary: 307, isr_shrink: 3, zk_connected: 2, broker_registered: 1, broker_started: 1 },
    '0.11.0.3-zk/unclean-election/broker-2/state-change.log': { ordinary: 216 },
    '0.11.0.3-zk/unclean-election/broker-3/controller.log': { ordinary: 2 },
    '0.11.0.3-zk/unclean-election/broker-3/server.log': { ordinary: 292, zk_connected: 2, broker_registered: 1, broker_started: 1, leader_election: 3, isr_expand: 3 },
    '0.11.0.3-zk/unclean-election/broker-3/state-change.log': { ordinary: 276, offline_partitions: 3 },
    '3.9.1-zk/broker-loss/broker-1/controller.log': { ordinary: 328, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '3.9.1-zk/broker-loss/broker-1/server.log': { isr_updated: 89, ordinary: 613, isr_shrink: 2 },
    '3.9.1-zk/broker-loss/broker-1/state-change.log': { ordinary: 219, leader_election: 3, isr_updated: 42 },
    '3.9.1-zk/broker-loss/broker-2/server.log': { isr_updated: 87, ordinary: 335, isr_shrink: 2 },
    '3.9.1-zk/broker-loss/broker-2/state-change.log': { ordinary: 86, leader_election: 1, isr_updated: 41 },
    '3.9.1-zk/broker-loss/broker-3/controller.log': { ordinary: 2 },
    '3.9.1-zk/broker-loss/broker-3/server.log': { ordinary: 1633, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '3.9.1-zk/broker-loss/broker-3/state-change.log': { ordinary: 203 },
    '3.9.1-zk/controller-loss/broker-1/controller.log': { controller_elected: 1, ordinary: 148, broker_membership_changed: 1, broker_registered: 1 },
    '3.9.1-zk/controller-loss/broker-1/server.log': { ordinary: 259, isr_updated: 73 },
    '3.9.1-zk/controller-loss/broker-1/state-change.log': { ordinary: 334, leader_election: 25, isr_updated: 36 },
    '3.9.1-zk/controller-loss/broker-2/controller.log': { ordinary: 3 },
    '3.9.1-zk/controller-loss/broker-2/server.log': { ordinary: 681, broker_started: 1, isr_updated: 38 },
    '3.9.1-zk/controller-loss/broker-2/state-change.log': { ordinary: 325, leader_election: 36, isr_updated: 2 },
    '3.9.1-zk/controller-loss/broker-3/controller.log': { ordinary: 112, broker_shutdown: 1 },
    '3.9.1-zk/controller-loss/broker-3/server.log': { ordinary: 934, isr_updated: 37, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '3.9.1-zk/controller-loss/broker-3/state-change.log': { ordinary: 226, leader_election: 39 },
    '3.9.1-zk/follower-pause/broker-1/controller.log': { ordinary: 24 },
    '3.9.1-zk/follower-pause/broker-1/server.log': { ordinary: 38, isr_shrink: 2, isr_updated: 4 },
    '3.9.1-zk/follower-pause/broker-1/state-change.log': { ordinary: 52 },
    '3.9.1-zk/follower-pause/broker-2/server.log': { ordinary: 39, isr_shrink: 2, isr_updated: 4 },
    '3.9.1-zk/follower-pause/broker-2/state-change.log': { ordinary: 22 },
    '3.9.1-zk/follower-pause/broker-3/server.log': { ordinary: 39, isr_shrink: 1, zk_disconnected: 1, isr_updated: 3, zk_connected: 1 },
    '3.9.1-zk/follower-pause/broker-3/state-change.log': { ordinary: 22 },
    '3.9.1-zk/session-expiry/broker-1/controller.log': { ordinary: 167, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '3.9.1-zk/session-expiry/broker-1/server.log': { ordinary: 161, isr_shrink: 2, isr_updated: 53 },
    '3.9.1-zk/session-expiry/broker-1/state-change.log': { ordinary: 235, leader_election: 6, isr_updated: 47 },
    '3.9.1-zk/session-expiry/broker-2/server.log': { ordinary: 173, isr_shrink: 2, isr_updated: 52 },
    '3.9.1-zk/session-expiry/broker-2/state-change.log': { ordinary: 92, leader_election: 2, isr_updated: 46 },
    '3.9.1-zk/session-expiry/broker-3/controller.log': { ordinary: 6 },
    // The client's close on finding its session expired (line 269) is not a second disconnect: `Session expired.` follows.
    '3.9.1-zk/session-expiry/broker-3/server.log': { ordinary: 537, isr_shrink: 2, zk_disconnected: 1, zk_session_expired: 1, zk_connected: 1, broker_registered: 1 },
    '3.9.1-zk/rolling-restart/broker-1/controller.log': { ordinary: 73, controller_elected: 1, broker_membership_changed: 1, broker_registered: 1 },
    '3.9.1-zk/rolling-restart/broker-1/server.log': { ordinary: 315, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1, isr_updated: 5 },
    '3.9.1-zk/rolling-restart/broker-1/state-change.log': { ordinary: 125, leader_election: 5, isr_updated: 2 },
    // The controller: `Shutting down broker N` for each broker it moved leaders away from.
    '3.9.1-zk/rolling-restart/broker-2/controller.log': { ordinary: 93, broker_shutdown: 3, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '3.9.1-zk/rolling-restart/broker-2/server.log': { ordinary: 328, isr_updated: 7, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '3.9.1-zk/rolling-restart/broker-2/state-change.log': { ordinary: 181, leader_election: 11, isr_updated: 5 },
    '3.9.1-zk/rolling-restart/broker-3/controller.log': { ordinary: 11 },
    '3.9.1-zk/rolling-restart/broker-3/server.log': { ordinary: 309, isr_updated: 6, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '3.9.1-zk/rolling-restart/broker-3/state-change.log': { ordinary: 101, leader_election: 4, isr_updated: 2 },
    '3.9.1-zk/reassignment/broker-1/server.log': { ordinary: 41, isr_updated: 3 },
    '3.9.1-zk/reassignment/broker-1/state-change.log': { ordinary: 39, isr_updated: 3 },
    '3.9.1-zk/reassignment/broker-2/server.log': { ordinary: 46 },
    '3.9.1-zk/reassignment/broker-2/state-change.log': { ordinary: 54, leader_election: 3, isr_updated: 3 },
    '3.9.1-zk/reassignment/broker-3/controller.log': { ordinary: 32 },
    '3.9.1-zk/reassignment/broker-3/server.log': { ordinary: 60 },
    '3.9.1-zk/reassignment/broker-3/state-change.log': { ordinary: 140, leader_election: 3 },
    '3.9.1-zk/session-expiry/broker-3/state-change.log': { ordinary: 127 },
    '3.9.1-zk/log-dir-failure/broker-1/server.log': { ordinary: 144, isr_shrink: 2, isr_updated: 6 },
    '3.9.1-zk/log-dir-failure/broker-1/state-change.log': { ordinary: 60, isr_updated: 1, leader_election: 1 },
    '3.9.1-zk/log-dir-failure/broker-2/controller.log': { ordinary: 2 },
    // `Stopping serving replicas in dir ...`, then `Shutdown broker because all log dirs in ... have failed`.
    '3.9.1-zk/log-dir-failure/broker-2/server.log': { ordinary: 233, log_dir_failure: 2, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '3.9.1-zk/log-dir-failure/broker-2/state-change.log': { ordinary: 39 },
    '3.9.1-zk/log-dir-failure/broker-3/controller.log': { ordinary: 192, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '3.9.1-zk/log-dir-failure/broker-3/server.log': { ordinary: 583, isr_shrink: 2, isr_updated: 7 },
    '3.9.1-zk/log-dir-failure/broker-3/state-change.log': { ordinary: 133, leader_election: 5, isr_updated: 1 },
    '3.9.1-zk/unclean-election/broker-1/controller.log': { ordinary: 2 },
    '3.9.1-zk/unclean-election/broker-1/server.log': { ordinary: 152, isr_shrink: 3, isr_updated: 3, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '3.9.1-zk/unclean-election/broker-1/state-change.log': { ordinary: 25 },
    '3.9.1-zk/unclean-election/broker-2/controller.log': { ordinary: 2 },
    '3.9.1-zk/unclean-election/broker-2/server.log': { ordinary: 134, zk_connected: 1, broker_registered: 1, broker_started: 1, isr_updated: 3 },
    // The follower elected from outside the ISR: told first that its partitions have no leader.
    '3.9.1-zk/unclean-election/broker-2/state-change.log': { ordinary: 19, offline_partitions: 3, unclean_leader_election: 3, leader_election: 3 },
    '3.9.1-zk/unclean-election/broker-3/controller.log': { ordinary: 146, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '3.9.1-zk/unclean-election/broker-3/server.log': { ordinary: 333 },
    // The controller: no live replica (failed election, `Leader:-1`), then the unclean election.
    '3.9.1-zk/unclean-election/broker-3/state-change.log': { ordinary: 44, leader_election_failed: 3, offline_partitions: 3, unclean_leader_election: 3 },
    '4.1.1-kraft/broker-loss/broker-1/controller.log': { ordinary: 12 },
    '4.1.1-kraft/broker-loss/broker-1/server.log': { ordinary: 237, isr_updated: 51, isr_shrink: 2 },
    '4.1.1-kraft/broker-loss/broker-1/state-change.log': { ordinary: 127, leader_election: 2, isr_updated: 108 },
    '4.1.1-kraft/broker-loss/broker-2/controller.log': { broker_unfenced: 2, ordinary: 15, broker_fenced: 1, broker_registered: 1 },
    '4.1.1-kraft/broker-loss/broker-2/server.log': { ordinary: 305, isr_updated: 3, isr_shrink: 2 },
    '4.1.1-kraft/broker-loss/broker-2/state-change.log': { ordinary: 142, isr_updated: 97 },
    '4.1.1-kraft/broker-loss/broker-3/controller.log': { ordinary: 129 },
    '4.1.1-kraft/broker-loss/broker-3/server.log': { ordinary: 1426, broker_unfenced: 2, broker_started: 2, broker_registered: 1 },
    '4.1.1-kraft/broker-loss/broker-3/state-change.log': { ordinary: 303 },
    '4.1.1-kraft/controller-loss/broker-1/controller.log': { ordinary: 14, controller_elected: 1, broker_registered: 1, broker_unfenced: 1, controller_quorum_leaderless: 1 },
    '4.1.1-kraft/controller-loss/broker-1/server.log': { ordinary: 276, isr_updated: 32 },
    '4.1.1-kraft/controller-loss/broker-1/state-change.log': { ordinary: 78, leader_election: 10, isr_updated: 90 },
    '4.1.1-kraft/controller-loss/broker-2/controller.log': { ordinary: 150, broker_shutdown: 1, controller_resigned: 1, controller_quorum_leaderless: 1 },
    '4.1.1-kraft/controller-loss/broker-2/server.log': { ordinary: 1174, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '4.1.1-kraft/controller-loss/broker-2/state-change.log': { ordinary: 331 },
    '4.1.1-kraft/controller-loss/broker-3/controller.log': { ordinary: 13, controller_quorum_leaderless: 1 },
    '4.1.1-kraft/controller-loss/broker-3/server.log': { ordinary: 265, isr_updated: 27 },
    '4.1.1-kraft/controller-loss/broker-3/state-change.log': { ordinary: 124, leader_election: 25, isr_updated: 29 },
    '4.1.1-kraft/follower-pause/broker-1/controller.log': { ordinary: 11, broker_fenced: 1, broker_unfenced: 1 },
    '4.1.1-kraft/follower-pause/broker-1/server.log': { ordinary: 190, isr_shrink: 2, isr_updated: 10 },
    '4.1.1-kraft/follower-pause/broker-1/state-change.log': { ordinary: 104, leader_election: 18, isr_updated: 74 },
    '4.1.1-kraft/follower-pause/broker-2/controller.log': { ordinary: 9 },
    '4.1.1-kraft/follower-pause/broker-2/server.log': { ordinary: 186, isr_shrink: 2, isr_updated: 38 },
    '4.1.1-kraft/follower-pause/broker-2/state-change.log': { ordinary: 122, leader_election: 10, isr_updated: 64 },
    '4.1.1-kraft/follower-pause/broker-3/controller.log': { ordinary: 9 },
    '4.1.1-kraft/follower-pause/broker-3/server.log': { ordinary: 290, isr_shrink: 2 },
    '4.1.1-kraft/follower-pause/broker-3/state-change.log': { ordinary: 187 },
    '4.1.1-kraft/reassignment/broker-1/controller.log': { ordinary: 19 },
    '4.1.1-kraft/reassignment/broker-1/server.log': { ordinary: 25 },
    '4.1.1-kraft/reassignment/broker-1/state-change.log': { ordinary: 10, isr_updated: 3 },
    '4.1.1-kraft/reassignment/broker-2/controller.log': { ordinary: 24 },
    '4.1.1-kraft/reassignment/broker-2/server.log': { ordinary: 33 },
    '4.1.1-kraft/reassignment/broker-2/state-change.log': { ordinary: 15, leader_election: 3 },
    '4.1.1-kraft/reassignment/broker-3/controller.log': { ordinary: 19 },
    '4.1.1-kraft/reassignment/broker-3/server.log': { ordinary: 36 },
    '4.1.1-kraft/reassignment/broker-3/state-change.log': { ordinary: 18 },
    '4.1.1-kraft/log-dir-failure/broker-1/controller.log': { ordinary: 15 },
    '4.1.1-kraft/log-dir-failure/broker-1/server.log': { ordinary: 111, isr_shrink: 3, isr_updated: 5 },
    '4.1.1-kraft/log-dir-failure/broker-1/state-change.log': { ordinary: 48, isr_updated: 7, leader_election: 1 },
    '4.1.1-kraft/log-dir-failure/broker-2/controller.log': { ordinary: 50 },
    '4.1.1-kraft/log-dir-failure/broker-2/server.log': { ordinary: 293, log_dir_failure: 2, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '4.1.1-kraft/log-dir-failure/broker-2/state-change.log': { ordinary: 57 },
    '4.1.1-kraft/log-dir-failure/broker-3/controller.log': { ordinary: 18, broker_fenced: 1, broker_registered: 1, broker_unfenced: 1 },
    '4.1.1-kraft/log-dir-failure/broker-3/server.log': { ordinary: 154, isr_shrink: 3 },
    '4.1.1-kraft/log-dir-failure/broker-3/state-change.log': { ordinary: 46, isr_updated: 8, leader_election: 2 },
    '4.1.1-kraft/rolling-restart/broker-1/controller.log': { ordinary: 60, controller_elected: 1, broker_registered: 1, broker_unfenced: 1, controller_quorum_leaderless: 1 },
    '4.1.1-kraft/rolling-restart/broker-1/server.log': { ordinary: 494, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 3 },
    '4.1.1-kraft/rolling-restart/broker-1/state-change.log': { ordinary: 75, leader_election: 4, isr_updated: 8 },
    '4.1.1-kraft/rolling-restart/broker-2/controller.log': { ordinary: 64, controller_quorum_leaderless: 1 },
    '4.1.1-kraft/rolling-restart/broker-2/server.log': { ordinary: 470, isr_updated: 4, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '4.1.1-kraft/rolling-restart/broker-2/state-change.log': { ordinary: 74, leader_election: 4, isr_updated: 8 },
    // The active controller: each controlled shutdown granted, and the fencing of the incarnation that left.
    '4.1.1-kraft/rolling-restart/broker-3/controller.log': { ordinary: 82, broker_shutdown: 3, broker_fenced: 2, broker_registered: 2, broker_unfenced: 2, controller_resigned: 1 },
    '4.1.1-kraft/rolling-restart/broker-3/server.log': { ordinary: 508, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '4.1.1-kraft/rolling-restart/broker-3/state-change.log': { ordinary: 75, isr_updated: 10, leader_election: 2 },
    // Every controller replays the `UNCLEAN partition change`; the active one (2) also says it elected.
    '4.1.1-kraft/unclean-election/broker-1/controller.log': { ordinary: 47, unclean_leader_election: 3 },
    '4.1.1-kraft/unclean-election/broker-1/server.log': { ordinary: 231, isr_shrink: 3, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '4.1.1-kraft/unclean-election/broker-1/state-change.log': { ordinary: 23, isr_updated: 3 },
    '4.1.1-kraft/unclean-election/broker-2/controller.log': { ordinary: 39, broker_fenced: 2, controller_resigned: 1, controller_elected: 1, broker_registered: 2, broker_unfenced: 2, unclean_leader_election: 6, controller_quorum_leaderless: 2 },
    '4.1.1-kraft/unclean-election/broker-2/server.log': { ordinary: 351 },
    '4.1.1-kraft/unclean-election/broker-3/controller.log': { ordinary: 46, unclean_leader_election: 3, controller_quorum_leaderless: 2 },
    '4.1.1-kraft/unclean-election/broker-3/server.log': { ordinary: 288, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 3 },
    '4.1.1-kraft/unclean-election/broker-3/state-change.log': { ordinary: 21, unclean_leader_election: 3, leader_election: 3, isr_updated: 3 },
    '4.0.2-kraft/broker-loss/broker-1/controller.log': { ordinary: 14, broker_fenced: 1, broker_registered: 1, broker_unfenced: 1 },
    '4.0.2-kraft/broker-loss/broker-1/server.log': { ordinary: 166, isr_shrink: 2, isr_updated: 3 },
    '4.0.2-kraft/broker-loss/broker-1/state-change.log': { ordinary: 34, isr_updated: 14, leader_election: 2 },
    '4.0.2-kraft/broker-loss/broker-2/controller.log': { ordinary: 11 },
    '4.0.2-kraft/broker-loss/broker-2/server.log': { ordinary: 98, isr_shrink: 2, isr_updated: 6 },
    '4.0.2-kraft/broker-loss/broker-2/state-change.log': { ordinary: 44, isr_updated: 8 },
    '4.0.2-kraft/broker-loss/broker-3/controller.log': { ordinary: 49 },
    '4.0.2-kraft/broker-loss/broker-3/server.log': { ordinary: 322, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '4.0.2-kraft/broker-loss/broker-3/state-change.log': { ordinary: 58 },
    // The stopped controller's last write (writeNoOpRecord) failed as it lost the leadership.
    '4.0.2-kraft/controller-loss/broker-1/controller.log': { ordinary: 72, broker_shutdown: 1, controller_resigned: 1, controller_quorum_leaderless: 1 },
    '4.0.2-kraft/controller-loss/broker-1/server.log': { ordinary: 513, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '4.0.2-kraft/controller-loss/broker-1/state-change.log': { ordinary: 97 },
    '4.0.2-kraft/controller-loss/broker-2/controller.log': { ordinary: 15, controller_elected: 1, broker_fenced: 1, broker_registered: 1, broker_unfenced: 1, controller_quorum_leaderless: 1 },
    '4.0.2-kraft/controller-loss/broker-2/server.log': { ordinary: 123, isr_updated: 6 },
    '4.0.2-kraft/controller-loss/broker-2/state-change.log': { ordinary: 38, leader_election: 5, isr_updated: 17 },
    '4.0.2-kraft/controller-loss/broker-3/controller.log': { ordinary: 14, controller_quorum_leaderless: 1 },
    '4.0.2-kraft/controller-loss/broker-3/server.log': { ordinary: 81, isr_updated: 7 },
    '4.0.2-kraft/controller-loss/broker-3/state-change.log': { ordinary: 46, isr_updated: 9, leader_election: 5 },
    '4.0.2-kraft/follower-pause/broker-1/controller.log': { ordinary: 11, broker_fenced: 1, broker_unfenced: 1 },
    '4.0.2-kraft/follower-pause/broker-1/server.log': { ordinary: 58, isr_shrink: 2 },
    '4.0.2-kraft/follower-pause/broker-1/state-change.log': { ordinary: 31, isr_updated: 6, leader_election: 2 },
    '4.0.2-kraft/follower-pause/broker-2/controller.log': { ordinary: 11 },
    '4.0.2-kraft/follower-pause/broker-2/server.log': { ordinary: 62, isr_shrink: 2, isr_updated: 4 },
    '4.0.2-kraft/follower-pause/broker-2/state-change.log': { ordinary: 37, isr_updated: 4 },
    '4.0.2-kraft/follower-pause/broker-3/controller.log': { ordinary: 10 },
    '4.0.2-kraft/follower-pause/broker-3/server.log': { ordinary: 59 },
    '4.0.2-kraft/follower-pause/broker-3/state-change.log': { ordinary: 36 },
    '4.0.2-kraft/log-dir-failure/broker-1/controller.log': { ordinary: 19, broker_fenced: 1, broker_registered: 1, broker_unfenced: 1 },
    '4.0.2-kraft/log-dir-failure/broker-1/server.log': { ordinary: 161, isr_shrink: 3, isr_updated: 25 },
    '4.0.2-kraft/log-dir-failure/broker-1/state-change.log': { ordinary: 60, isr_updated: 42, leader_election: 8 },
    '4.0.2-kraft/log-dir-failure/broker-2/controller.log': { ordinary: 16 },
    '4.0.2-kraft/log-dir-failure/broker-2/server.log': { ordinary: 124, isr_shrink: 3, isr_updated: 14 },
    '4.0.2-kraft/log-dir-failure/broker-2/state-change.log': { ordinary: 82, isr_updated: 14, leader_election: 8 },
    // The broker restarted without its failed directory replays the unclean election too.
    '4.0.2-kraft/log-dir-failure/broker-3/controller.log': { ordinary: 121, unclean_leader_election: 3 },
    '4.0.2-kraft/log-dir-failure/broker-3/server.log': { ordinary: 613, log_dir_failure: 2, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '4.0.2-kraft/log-dir-failure/broker-3/state-change.log': { ordinary: 139 },
    '4.0.2-kraft/reassignment/broker-1/controller.log': { ordinary: 24 },
    '4.0.2-kraft/reassignment/broker-1/server.log': { ordinary: 25 },
    '4.0.2-kraft/reassignment/broker-1/state-change.log': { ordinary: 10, isr_updated: 3 },
    '4.0.2-kraft/reassignment/broker-2/controller.log': { ordinary: 19 },
    '4.0.2-kraft/reassignment/broker-2/server.log': { ordinary: 26 },
    '4.0.2-kraft/reassignment/broker-2/state-change.log': { ordinary: 15, leader_election: 3 },
    '4.0.2-kraft/reassignment/broker-3/controller.log': { ordinary: 19 },
    '4.0.2-kraft/reassignment/broker-3/server.log': { ordinary: 28 },
    '4.0.2-kraft/reassignment/broker-3/state-change.log': { ordinary: 18 },
    // Each controller restarted replays the unclean-election drill's `UNCLEAN partition change` (3 partitions).
    '4.0.2-kraft/rolling-restart/broker-1/controller.log': { ordinary: 107, unclean_leader_election: 3, controller_elected: 1, broker_fenced: 1, broker_registered: 1, broker_unfenced: 1, controller_quorum_leaderless: 1 },
    '4.0.2-kraft/rolling-restart/broker-1/server.log': { ordinary: 677, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 15 },
    '4.0.2-kraft/rolling-restart/broker-1/state-change.log': { ordinary: 217, leader_election: 14, isr_updated: 18 },
    '4.0.2-kraft/rolling-restart/broker-2/controller.log': { ordinary: 131, broker_shutdown: 3, broker_fenced: 2, broker_registered: 2, broker_unfenced: 2, controller_resigned: 1, unclean_leader_election: 3 },
    '4.0.2-kraft/rolling-restart/broker-2/server.log': { ordinary: 625, isr_updated: 38, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '4.0.2-kraft/rolling-restart/broker-2/state-change.log': { ordinary: 143, isr_updated: 86, leader_election: 2 },
    '4.0.2-kraft/rolling-restart/broker-3/controller.log': { ordinary: 111, unclean_leader_election: 3, controller_quorum_leaderless: 1 },
    '4.0.2-kraft/rolling-restart/broker-3/server.log': { ordinary: 644, isr_updated: 18, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '4.0.2-kraft/rolling-restart/broker-3/state-change.log': { ordinary: 216, isr_updated: 23, leader_election: 13 },
    '4.0.2-kraft/unclean-election/broker-1/controller.log': { ordinary: 77, unclean_leader_election: 3 },
    '4.0.2-kraft/unclean-election/broker-1/server.log': { ordinary: 499, isr_shrink: 3, isr_updated: 3, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '4.0.2-kraft/unclean-election/broker-1/state-change.log': { ordinary: 95, isr_updated: 3, leader_election: 6 },
    '4.0.2-kraft/unclean-election/broker-2/controller.log': { ordinary: 47, broker_fenced: 3, controller_resigned: 1, controller_elected: 1, broker_registered: 2, broker_unfenced: 2, unclean_leader_election: 6, controller_quorum_leaderless: 2 },
    '4.0.2-kraft/unclean-election/broker-2/server.log': { ordinary: 630, isr_updated: 11 },
    '4.0.2-kraft/unclean-election/broker-2/state-change.log': { ordinary: 15, isr_updated: 59, leader_election: 7 },
    '4.0.2-kraft/unclean-election/broker-3/controller.log': { ordinary: 76, unclean_leader_election: 3, controller_quorum_leaderless: 2 },
    // Started again while the newly active controller still counted a session for its previous incarnation: refused five
    // times (DUPLICATE_BROKER_REGISTRATION, a retry, not fatal), registered 10 s later.
    '4.0.2-kraft/unclean-election/broker-3/server.log': { ordinary: 507, duplicate_broker_registration: 5, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 3 },
    // The follower back with `Current leader is -1` (offline), then elected uncleanly: `was marked as RECOVERING`.
    '4.0.2-kraft/unclean-election/broker-3/state-change.log': { ordinary: 118, offline_partitions: 3, unclean_leader_election: 3, leader_election: 3, isr_updated: 3 },
    '3.7.2-kraft/broker-loss/broker-1/controller.log': { ordinary: 13, broker_fenced: 1, broker_unfenced: 1 },
    '3.7.2-kraft/broker-loss/broker-1/server.log': { ordinary: 92, isr_shrink: 2, isr_updated: 1 },
    '3.7.2-kraft/broker-loss/broker-1/state-change.log': { ordinary: 38, isr_updated: 13, leader_election: 1 },
    '3.7.2-kraft/broker-loss/broker-2/controller.log': { ordinary: 11 },
    '3.7.2-kraft/broker-loss/broker-2/server.log': { ordinary: 88, isr_shrink: 2, isr_updated: 7 },
    '3.7.2-kraft/broker-loss/broker-2/state-change.log': { ordinary: 42, isr_updated: 9, leader_election: 1 },
    '3.7.2-kraft/broker-loss/broker-3/controller.log': { ordinary: 41 },
    '3.7.2-kraft/broker-loss/broker-3/server.log': { ordinary: 307, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.7.2-kraft/broker-loss/broker-3/state-change.log': { ordinary: 58 },
    '3.7.2-kraft/controller-loss/broker-1/controller.log': { ordinary: 61, broker_shutdown: 1, controller_resigned: 1 },
    '3.7.2-kraft/controller-loss/broker-1/server.log': { ordinary: 478, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.7.2-kraft/controller-loss/broker-1/state-change.log': { ordinary: 97 },
    '3.7.2-kraft/controller-loss/broker-2/controller.log': { ordinary: 13, controller_elected: 1, broker_unfenced: 1, controller_quorum_leaderless: 1 },
    '3.7.2-kraft/controller-loss/broker-2/server.log': { ordinary: 77, isr_updated: 1 },
    '3.7.2-kraft/controller-loss/broker-2/state-change.log': { ordinary: 38, leader_election: 4, isr_updated: 18 },
    '3.7.2-kraft/controller-loss/broker-3/controller.log': { ordinary: 13, controller_quorum_leaderless: 1 },
    '3.7.2-kraft/controller-loss/broker-3/server.log': { ordinary: 75, isr_updated: 7 },
    '3.7.2-kraft/controller-loss/broker-3/state-change.log': { ordinary: 46, leader_election: 5, isr_updated: 9 },
    '3.7.2-kraft/follower-pause/broker-1/controller.log': { ordinary: 17, broker_fenced: 1, broker_unfenced: 1, controller_resigned: 1, controller_elected: 1, controller_quorum_leaderless: 4 },
    '3.7.2-kraft/follower-pause/broker-1/server.log': { ordinary: 67, isr_shrink: 2, isr_updated: 1 },
    '3.7.2-kraft/follower-pause/broker-1/state-change.log': { ordinary: 30, isr_updated: 6, leader_election: 2 },
    '3.7.2-kraft/follower-pause/broker-2/controller.log': { ordinary: 10, controller_quorum_leaderless: 5 },
    '3.7.2-kraft/follower-pause/broker-2/server.log': { ordinary: 62, isr_shrink: 2, isr_updated: 4 },
    '3.7.2-kraft/follower-pause/broker-2/state-change.log': { ordinary: 36, isr_updated: 4 },
    '3.7.2-kraft/follower-pause/broker-3/controller.log': { ordinary: 10, controller_quorum_leaderless: 5 },
    '3.7.2-kraft/follower-pause/broker-3/server.log': { ordinary: 77, isr_shrink: 2 },
    '3.7.2-kraft/follower-pause/broker-3/state-change.log': { ordinary: 34 },
    '3.7.2-kraft/log-dir-failure/broker-1/controller.log': { ordinary: 18, broker_fenced: 1, broker_unfenced: 1 },
    '3.7.2-kraft/log-dir-failure/broker-1/server.log': { ordinary: 129, isr_shrink: 3, isr_updated: 2 },
    '3.7.2-kraft/log-dir-failure/broker-1/state-change.log': { ordinary: 62, isr_updated: 42, leader_election: 6 },
    '3.7.2-kraft/log-dir-failure/broker-2/controller.log': { ordinary: 17 },
    '3.7.2-kraft/log-dir-failure/broker-2/server.log': { ordinary: 122, isr_shrink: 3, isr_updated: 15 },
    '3.7.2-kraft/log-dir-failure/broker-2/state-change.log': { ordinary: 80, isr_updated: 15, leader_election: 9 },
    '3.7.2-kraft/log-dir-failure/broker-3/controller.log': { ordinary: 108, unclean_leader_election: 3 },
    '3.7.2-kraft/log-dir-failure/broker-3/server.log': { ordinary: 605, log_dir_failure: 2, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.7.2-kraft/log-dir-failure/broker-3/state-change.log': { ordinary: 138 },
    '3.7.2-kraft/reassignment/broker-1/controller.log': { ordinary: 24 },
    '3.7.2-kraft/reassignment/broker-1/server.log': { ordinary: 25 },
    '3.7.2-kraft/reassignment/broker-1/state-change.log': { ordinary: 10, isr_updated: 3 },
    '3.7.2-kraft/reassignment/broker-2/controller.log': { ordinary: 19 },
    '3.7.2-kraft/reassignment/broker-2/server.log': { ordinary: 26 },
    '3.7.2-kraft/reassignment/broker-2/state-change.log': { ordinary: 15, leader_election: 3 },
    '3.7.2-kraft/reassignment/broker-3/controller.log': { ordinary: 19 },
    '3.7.2-kraft/reassignment/broker-3/server.log': { ordinary: 28 },
    '3.7.2-kraft/reassignment/broker-3/state-change.log': { ordinary: 18 },
    '3.7.2-kraft/rolling-restart/broker-1/controller.log': { ordinary: 92, unclean_leader_election: 3, controller_elected: 1, broker_unfenced: 1, controller_quorum_leaderless: 1 },
    '3.7.2-kraft/rolling-restart/broker-1/server.log': { ordinary: 606, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 6 },
    '3.7.2-kraft/rolling-restart/broker-1/state-change.log': { ordinary: 216, leader_election: 15, isr_updated: 19 },
    '3.7.2-kraft/rolling-restart/broker-2/controller.log': { ordinary: 112, broker_shutdown: 3, broker_unfenced: 2, controller_resigned: 1, unclean_leader_election: 3 },
    '3.7.2-kraft/rolling-restart/broker-2/server.log': { ordinary: 543, isr_updated: 23, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.7.2-kraft/rolling-restart/broker-2/state-change.log': { ordinary: 143, isr_updated: 84, leader_election: 2 },
    '3.7.2-kraft/rolling-restart/broker-3/controller.log': { ordinary: 96, unclean_leader_election: 3, controller_quorum_leaderless: 1 },
    '3.7.2-kraft/rolling-restart/broker-3/server.log': { ordinary: 601, isr_updated: 18, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.7.2-kraft/rolling-restart/broker-3/state-change.log': { ordinary: 215, isr_updated: 23, leader_election: 13 },
    '3.7.2-kraft/unclean-election/broker-1/controller.log': { ordinary: 69, unclean_leader_election: 3 },
    '3.7.2-kraft/unclean-election/broker-1/server.log': { ordinary: 475, isr_shrink: 3, isr_updated: 3, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.7.2-kraft/unclean-election/broker-1/state-change.log': { ordinary: 95, isr_updated: 3, leader_election: 6 },
    '3.7.2-kraft/unclean-election/broker-2/controller.log': { ordinary: 39, broker_fenced: 2, controller_resigned: 1, controller_elected: 1, broker_unfenced: 2, unclean_leader_election: 6, controller_quorum_leaderless: 10 },
    '3.7.2-kraft/unclean-election/broker-2/server.log': { ordinary: 582, isr_updated: 17 },
    '3.7.2-kraft/unclean-election/broker-2/state-change.log': { ordinary: 17, isr_updated: 59, leader_election: 7 },
    '3.7.2-kraft/unclean-election/broker-3/controller.log': { ordinary: 67, unclean_leader_election: 3, controller_quorum_leaderless: 1 },
    '3.7.2-kraft/unclean-election/broker-3/server.log': { ordinary: 469, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 3 },
    '3.7.2-kraft/unclean-election/broker-3/state-change.log': { ordinary: 120, offline_partitions: 3, unclean_leader_election: 3, leader_election: 3, isr_updated: 3 },
    '3.8.1-kraft/broker-loss/broker-1/controller.log': { ordinary: 14, broker_fenced: 1, broker_unfenced: 1 },
    '3.8.1-kraft/broker-loss/broker-1/server.log': { ordinary: 90, isr_shrink: 2, isr_updated: 5 },
    '3.8.1-kraft/broker-loss/broker-1/state-change.log': { ordinary: 36, isr_updated: 12, leader_election: 2 },
    '3.8.1-kraft/broker-loss/broker-2/controller.log': { ordinary: 12 },
    '3.8.1-kraft/broker-loss/broker-2/server.log': { ordinary: 88, isr_shrink: 2, isr_updated: 7 },
    '3.8.1-kraft/broker-loss/broker-2/state-change.log': { ordinary: 42, isr_updated: 10 },
    '3.8.1-kraft/broker-loss/broker-3/controller.log': { ordinary: 41 },
    '3.8.1-kraft/broker-loss/broker-3/server.log': { ordinary: 324, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.8.1-kraft/broker-loss/broker-3/state-change.log': { ordinary: 58 },
    '3.8.1-kraft/controller-loss/broker-1/controller.log': { ordinary: 61, broker_shutdown: 1, controller_resigned: 1 },
    '3.8.1-kraft/controller-loss/broker-1/server.log': { ordinary: 501, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.8.1-kraft/controller-loss/broker-1/state-change.log': { ordinary: 97 },
    '3.8.1-kraft/controller-loss/broker-2/controller.log': { ordinary: 15, controller_elected: 1, broker_unfenced: 1, controller_quorum_leaderless: 1 },
    '3.8.1-kraft/controller-loss/broker-2/server.log': { ordinary: 78, isr_updated: 9 },
    '3.8.1-kraft/controller-loss/broker-2/state-change.log': { ordinary: 36, isr_updated: 19, leader_election: 5 },
    '3.8.1-kraft/controller-loss/broker-3/controller.log': { ordinary: 13, controller_quorum_leaderless: 1 },
    '3.8.1-kraft/controller-loss/broker-3/server.log': { ordinary: 74, isr_updated: 6 },
    '3.8.1-kraft/controller-loss/broker-3/state-change.log': { ordinary: 48, leader_election: 4, isr_updated: 8 },
    '3.8.1-kraft/follower-pause/broker-1/controller.log': { ordinary: 15, controller_elected: 1, controller_quorum_leaderless: 5 },
    '3.8.1-kraft/follower-pause/broker-1/server.log': { ordinary: 73, isr_shrink: 2, isr_updated: 2 },
    '3.8.1-kraft/follower-pause/broker-1/state-change.log': { ordinary: 36, isr_updated: 5, leader_election: 1 },
    '3.8.1-kraft/follower-pause/broker-2/controller.log': { ordinary: 18, broker_fenced: 1, broker_unfenced: 1, controller_resigned: 1, controller_quorum_leaderless: 4 },
    '3.8.1-kraft/follower-pause/broker-2/server.log': { ordinary: 78, isr_shrink: 2, isr_updated: 3 },
    '3.8.1-kraft/follower-pause/broker-2/state-change.log': { ordinary: 36, isr_updated: 5, leader_election: 1 },
    '3.8.1-kraft/follower-pause/broker-3/controller.log': { ordinary: 10, controller_quorum_leaderless: 5 },
    '3.8.1-kraft/follower-pause/broker-3/server.log': { ordinary: 78, isr_shrink: 2 },
    '3.8.1-kraft/follower-pause/broker-3/state-change.log': { ordinary: 34 },
    '3.8.1-kraft/log-dir-failure/broker-1/controller.log': { ordinary: 15 },
    '3.8.1-kraft/log-dir-failure/broker-1/server.log': { ordinary: 106, isr_shrink: 3, isr_updated: 16 },
    '3.8.1-kraft/log-dir-failure/broker-1/state-change.log': { ordinary: 78, isr_updated: 16, leader_election: 10 },
    '3.8.1-kraft/log-dir-failure/broker-2/controller.log': { ordinary: 19, broker_fenced: 1, broker_unfenced: 1 },
    '3.8.1-kraft/log-dir-failure/broker-2/server.log': { ordinary: 111, isr_shrink: 3, isr_updated: 23 },
    '3.8.1-kraft/log-dir-failure/broker-2/state-change.log': { ordinary: 64, isr_updated: 44, leader_election: 2 },
    '3.8.1-kraft/log-dir-failure/broker-3/controller.log': { ordinary: 108 },
    '3.8.1-kraft/log-dir-failure/broker-3/server.log': { ordinary: 616, log_dir_failure: 2, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.8.1-kraft/log-dir-failure/broker-3/state-change.log': { ordinary: 138 },
    '3.8.1-kraft/reassignment/broker-1/controller.log': { ordinary: 19 },
    '3.8.1-kraft/reassignment/broker-1/server.log': { ordinary: 28 },
    '3.8.1-kraft/reassignment/broker-1/state-change.log': { ordinary: 10, isr_updated: 3 },
    '3.8.1-kraft/reassignment/broker-2/controller.log': { ordinary: 24 },
    '3.8.1-kraft/reassignment/broker-2/server.log': { ordinary: 32 },
    '3.8.1-kraft/reassignment/broker-2/state-change.log': { ordinary: 15, leader_election: 3 },
    '3.8.1-kraft/reassignment/broker-3/controller.log': { ordinary: 19 },
    '3.8.1-kraft/reassignment/broker-3/server.log': { ordinary: 49 },
    '3.8.1-kraft/reassignment/broker-3/state-change.log': { ordinary: 18 },
    '3.8.1-kraft/rolling-restart/broker-1/controller.log': { ordinary: 114, broker_shutdown: 3, broker_unfenced: 2, controller_resigned: 1 },
    '3.8.1-kraft/rolling-restart/broker-1/server.log': { ordinary: 559, isr_updated: 10, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.8.1-kraft/rolling-restart/broker-1/state-change.log': { ordinary: 145, isr_updated: 82, leader_election: 2 },
    '3.8.1-kraft/rolling-restart/broker-2/controller.log': { ordinary: 92, controller_elected: 1, broker_unfenced: 1, controller_quorum_leaderless: 1 },
    '3.8.1-kraft/rolling-restart/broker-2/server.log': { ordinary: 636, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 18 },
    '3.8.1-kraft/rolling-restart/broker-2/state-change.log': { ordinary: 211, leader_election: 18, isr_updated: 22 },
    '3.8.1-kraft/rolling-restart/broker-3/controller.log': { ordinary: 97, controller_quorum_leaderless: 1 },
    '3.8.1-kraft/rolling-restart/broker-3/server.log': { ordinary: 609, isr_updated: 15, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.8.1-kraft/rolling-restart/broker-3/state-change.log': { ordinary: 217, leader_election: 14, isr_updated: 18 },
    '3.8.1-kraft/unclean-election/broker-1/controller.log': { ordinary: 68, unclean_leader_election: 3 },
    '3.8.1-kraft/unclean-election/broker-1/server.log': { ordinary: 485, isr_shrink: 3, isr_updated: 3, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.8.1-kraft/unclean-election/broker-1/state-change.log': { ordinary: 92, isr_updated: 3, leader_election: 6 },
    // The controller back with the quorum fenced the dead leader, then the tool's election (KRaft before 3.9), replayed by the other voters.
    '3.8.1-kraft/unclean-election/broker-2/controller.log': { ordinary: 47, broker_fenced: 2, controller_resigned: 1, controller_elected: 1, broker_unfenced: 2, unclean_leader_election: 6, controller_quorum_leaderless: 11 },
    '3.8.1-kraft/unclean-election/broker-2/server.log': { ordinary: 626, isr_updated: 3 },
    '3.8.1-kraft/unclean-election/broker-2/state-change.log': { ordinary: 17, isr_updated: 60, leader_election: 6 },
    '3.8.1-kraft/unclean-election/broker-3/controller.log': { ordinary: 67, unclean_leader_election: 3, controller_quorum_leaderless: 1 },
    '3.8.1-kraft/unclean-election/broker-3/server.log': { ordinary: 480, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 3 },
    '3.8.1-kraft/unclean-election/broker-3/state-change.log': { ordinary: 120, offline_partitions: 3, unclean_leader_election: 3, leader_election: 3, isr_updated: 3 },
    '3.5.2-kraft/broker-loss/broker-1/controller.log': { ordinary: 7, broker_registered: 1 },
    '3.5.2-kraft/broker-loss/broker-1/server.log': { ordinary: 106, isr_shrink: 2, isr_updated: 7 },
    '3.5.2-kraft/broker-loss/broker-1/state-change.log': { ordinary: 42, leader_election: 7, isr_updated: 7 },
    '3.5.2-kraft/broker-loss/broker-2/controller.log': { ordinary: 9, broker_fenced: 1, broker_registered: 1, broker_unfenced: 1 },
    '3.5.2-kraft/broker-loss/broker-2/server.log': { ordinary: 99, isr_shrink: 2, isr_updated: 3 },
    '3.5.2-kraft/broker-loss/broker-2/state-change.log': { ordinary: 46, leader_election: 5, isr_updated: 5 },
    // As on 3.3.2: broker 3 starting replays the metadata log, three past `Registered new broker` lines, then its own new registration.
    '3.5.2-kraft/broker-loss/broker-3/controller.log': { ordinary: 24, broker_registered: 4 },
    '3.5.2-kraft/broker-loss/broker-3/server.log': { ordinary: 286, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.5.2-kraft/broker-loss/broker-3/state-change.log': { ordinary: 58 },
    '3.5.2-kraft/controller-loss/broker-1/controller.log': { ordinary: 8, controller_quorum_leaderless: 1, broker_registered: 1 },
    '3.5.2-kraft/controller-loss/broker-1/server.log': { ordinary: 76, isr_updated: 10 },
    '3.5.2-kraft/controller-loss/broker-1/state-change.log': { ordinary: 40, leader_election: 10, isr_updated: 10 },
    // As on 3.3.2: the old controller back, four registrations replayed from the metadata log, then its own.
    '3.5.2-kraft/controller-loss/broker-2/controller.log': { ordinary: 37, broker_shutdown: 1, controller_resigned: 1, broker_registered: 5 },
    '3.5.2-kraft/controller-loss/broker-2/server.log': { ordinary: 441, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.5.2-kraft/controller-loss/broker-2/state-change.log': { ordinary: 97 },
    '3.5.2-kraft/controller-loss/broker-3/controller.log': { ordinary: 8, controller_quorum_leaderless: 1, controller_elected: 1, broker_registered: 1, broker_unfenced: 1 },
    '3.5.2-kraft/controller-loss/broker-3/server.log': { ordinary: 86 },
    '3.5.2-kraft/controller-loss/broker-3/state-change.log': { ordinary: 44, leader_election: 8, isr_updated: 8 },
    '3.5.2-kraft/follower-pause/broker-1/controller.log': { ordinary: 8, controller_quorum_leaderless: 5 },
    '3.5.2-kraft/follower-pause/broker-1/server.log': { ordinary: 73, isr_shrink: 2, isr_updated: 3 },
    '3.5.2-kraft/follower-pause/broker-1/state-change.log': { ordinary: 38, leader_election: 3, isr_updated: 3 },
    // As on 3.3.2: the paused voter, back, started an election (its fetch from the leader had timed out): controller 2 renounced and won again five epochs later.
    '3.5.2-kraft/follower-pause/broker-2/controller.log': { ordinary: 18, broker_fenced: 1, broker_unfenced: 1, controller_resigned: 1, controller_quorum_leaderless: 4, controller_elected: 1 },
    '3.5.2-kraft/follower-pause/broker-2/server.log': { ordinary: 75, isr_shrink: 2 },
    '3.5.2-kraft/follower-pause/broker-2/state-change.log': { ordinary: 38, leader_election: 3, isr_updated: 3 },
    '3.5.2-kraft/follower-pause/broker-3/controller.log': { ordinary: 8, controller_quorum_leaderless: 5 },
    '3.5.2-kraft/follower-pause/broker-3/server.log': { ordinary: 83, isr_shrink: 2 },
    '3.5.2-kraft/follower-pause/broker-3/state-change.log': { ordinary: 33 },
    '3.5.2-kraft/log-dir-failure/broker-1/controller.log': { ordinary: 14, broker_fenced: 1, broker_registered: 1, broker_unfenced: 1 },
    '3.5.2-kraft/log-dir-failure/broker-1/server.log': { ordinary: 117, isr_shrink: 3, isr_updated: 19 },
    '3.5.2-kraft/log-dir-failure/broker-1/state-change.log': { ordinary: 68, leader_election: 20, isr_updated: 20 },
    '3.5.2-kraft/log-dir-failure/broker-2/controller.log': { ordinary: 11, broker_registered: 1 },
    '3.5.2-kraft/log-dir-failure/broker-2/server.log': { ordinary: 153, isr_shrink: 3, isr_updated: 13 },
    '3.5.2-kraft/log-dir-failure/broker-2/state-change.log': { ordinary: 82, leader_election: 13, isr_updated: 13 },
    // The broker back replays the metadata log: every past registration and the earlier drill's unclean election.
    '3.5.2-kraft/log-dir-failure/broker-3/controller.log': { ordinary: 60, broker_registered: 11, unclean_leader_election: 3 },
    '3.5.2-kraft/log-dir-failure/broker-3/server.log': { ordinary: 542, log_dir_failure: 2, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.5.2-kraft/log-dir-failure/broker-3/state-change.log': { ordinary: 129 },
    '3.5.2-kraft/reassignment/broker-1/controller.log': { ordinary: 24 },
    '3.5.2-kraft/reassignment/broker-1/server.log': { ordinary: 27 },
    '3.5.2-kraft/reassignment/broker-1/state-change.log': { ordinary: 10, isr_updated: 3 },
    '3.5.2-kraft/reassignment/broker-2/controller.log': { ordinary: 19 },
    '3.5.2-kraft/reassignment/broker-2/server.log': { ordinary: 26 },
    '3.5.2-kraft/reassignment/broker-2/state-change.log': { ordinary: 15, leader_election: 3 },
    '3.5.2-kraft/reassignment/broker-3/controller.log': { ordinary: 20 },
    '3.5.2-kraft/reassignment/broker-3/server.log': { ordinary: 28 },
    '3.5.2-kraft/reassignment/broker-3/state-change.log': { ordinary: 18 },
    // As on 3.3.2: each restarted controller replays the unclean-election drill's `UNCLEAN partition change`.
    '3.5.2-kraft/rolling-restart/broker-1/controller.log': { ordinary: 45, broker_registered: 10, unclean_leader_election: 3, controller_quorum_leaderless: 1, controller_elected: 1, broker_unfenced: 1 },
    '3.5.2-kraft/rolling-restart/broker-1/server.log': { ordinary: 649, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 6 },
    '3.5.2-kraft/rolling-restart/broker-1/state-change.log': { ordinary: 210, leader_election: 20, isr_updated: 20 },
    '3.5.2-kraft/rolling-restart/broker-2/controller.log': { ordinary: 45, broker_registered: 11, unclean_leader_election: 3, controller_quorum_leaderless: 1 },
    '3.5.2-kraft/rolling-restart/broker-2/server.log': { ordinary: 646, isr_updated: 15, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.5.2-kraft/rolling-restart/broker-2/state-change.log': { ordinary: 220, leader_election: 15, isr_updated: 15 },
    '3.5.2-kraft/rolling-restart/broker-3/controller.log': { ordinary: 54, broker_shutdown: 3, broker_registered: 12, broker_unfenced: 2, controller_resigned: 1, unclean_leader_election: 3 },
    '3.5.2-kraft/rolling-restart/broker-3/server.log': { ordinary: 500, isr_updated: 1, broker_shutdown: 1, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.5.2-kraft/rolling-restart/broker-3/state-change.log': { ordinary: 145, leader_election: 43, isr_updated: 43 },
    // The old leader back replays the unclean election it missed; the election itself was asked for with the tool (KRaft before 3.9).
    '3.5.2-kraft/unclean-election/broker-1/controller.log': { ordinary: 36, broker_registered: 7, unclean_leader_election: 3 },
    '3.5.2-kraft/unclean-election/broker-1/server.log': { ordinary: 403, isr_shrink: 3, broker_registered: 1, broker_unfenced: 1, broker_started: 1 },
    '3.5.2-kraft/unclean-election/broker-1/state-change.log': { ordinary: 91, leader_election: 13 },
    '3.5.2-kraft/unclean-election/broker-2/controller.log': { ordinary: 36, broker_registered: 7, unclean_leader_election: 3 },
    '3.5.2-kraft/unclean-election/broker-2/server.log': { ordinary: 392, broker_registered: 1, broker_unfenced: 1, broker_started: 1, isr_updated: 3 },
    '3.5.2-kraft/unclean-election/broker-2/state-change.log': { ordinary: 94, offline_partitions: 3, unclean_leader_election: 3, leader_election: 3, isr_updated: 3 },
    // The active controller: both brokers fenced, the follower back, then the tool's election, told only by the replayed `UNCLEAN partition change` (its `Setting new leader ...` is DEBUG before 3.6).
    '3.5.2-kraft/unclean-election/broker-3/controller.log': { ordinary: 9, broker_fenced: 2, broker_registered: 2, broker_unfenced: 2, unclean_leader_election: 3 },
    '3.5.2-kraft/unclean-election/broker-3/server.log': { ordinary: 168, isr_updated: 34 },
    '3.5.2-kraft/unclean-election/broker-3/state-change.log': { ordinary: 19, leader_election: 26, isr_updated: 36 },
    '3.5.2-zk/broker-loss/broker-1/server.log': { ordinary: 132, isr_shrink: 2, isr_updated: 8 },
    '3.5.2-zk/broker-loss/broker-1/state-change.log': { ordinary: 44, leader_election: 4 },
    '3.5.2-zk/broker-loss/broker-2/controller.log': { ordinary: 162, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '3.5.2-zk/broker-loss/broker-2/server.log': { ordinary: 505, isr_shrink: 2, isr_updated: 8 },
    '3.5.2-zk/broker-loss/broker-2/state-change.log': { ordinary: 96, leader_election: 8 },
    '3.5.2-zk/broker-loss/broker-3/controller.log': { ordinary: 2 },
    '3.5.2-zk/broker-loss/broker-3/server.log': { ordinary: 246, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '3.5.2-zk/broker-loss/broker-3/state-change.log': { ordinary: 34 },
    '3.5.2-zk/controller-loss/broker-1/controller.log': { ordinary: 1 },
    '3.5.2-zk/controller-loss/broker-1/server.log': { ordinary: 70, isr_updated: 9 },
    '3.5.2-zk/controller-loss/broker-1/state-change.log': { ordinary: 81, leader_election: 11 },
    '3.5.2-zk/controller-loss/broker-2/controller.log': { ordinary: 28, broker_shutdown: 1 },
    '3.5.2-zk/controller-loss/broker-2/server.log': { ordinary: 361, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '3.5.2-zk/controller-loss/broker-2/state-change.log': { ordinary: 92, leader_election: 8 },
    '3.5.2-zk/controller-loss/broker-3/controller.log': { controller_elected: 1, ordinary: 76, broker_membership_changed: 1, broker_registered: 1 },
    '3.5.2-zk/controller-loss/broker-3/server.log': { ordinary: 68, isr_updated: 9 },
    '3.5.2-zk/controller-loss/broker-3/state-change.log': { ordinary: 119, leader_election: 11 },
    '3.5.2-zk/follower-pause/broker-1/server.log': { ordinary: 38, isr_shrink: 2, isr_updated: 4 },
    '3.5.2-zk/follower-pause/broker-1/state-change.log': { ordinary: 21 },
    '3.5.2-zk/follower-pause/broker-2/controller.log': { ordinary: 30 },
    '3.5.2-zk/follower-pause/broker-2/server.log': { ordinary: 43, isr_shrink: 2, isr_updated: 4 },
    '3.5.2-zk/follower-pause/broker-2/state-change.log': { ordinary: 50 },
    // The paused broker back: its ZooKeeper client had timed out (13 s, under the 18 s session) and got its session back, and its own partition's ISR lost broker 2, whose fetches it had missed, and took it back at once.
    '3.5.2-zk/follower-pause/broker-3/server.log': { ordinary: 43, isr_shrink: 1, zk_disconnected: 1, isr_updated: 2, zk_connected: 1 },
    '3.5.2-zk/follower-pause/broker-3/state-change.log': { ordinary: 21 },
    '3.5.2-zk/log-dir-failure/broker-1/server.log': { ordinary: 163, isr_shrink: 2, isr_updated: 19 },
    '3.5.2-zk/log-dir-failure/broker-1/state-change.log': { ordinary: 73, leader_election: 15 },
    '3.5.2-zk/log-dir-failure/broker-2/controller.log': { ordinary: 203, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '3.5.2-zk/log-dir-failure/broker-2/server.log': { ordinary: 598, isr_shrink: 2, isr_updated: 18 },
    '3.5.2-zk/log-dir-failure/broker-2/state-change.log': { ordinary: 172, leader_election: 17 },
    '3.5.2-zk/log-dir-failure/broker-3/controller.log': { ordinary: 2 },
    '3.5.2-zk/log-dir-failure/broker-3/server.log': { ordinary: 505, log_dir_failure: 2, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '3.5.2-zk/log-dir-failure/broker-3/state-change.log': { ordinary: 63 },
    '3.5.2-zk/reassignment/broker-1/server.log': { ordinary: 40, isr_updated: 3 },
    // Broker 1's leader-epoch bumps as broker 3 is added: before 3.6 a bump cannot be told from an election.
    '3.5.2-zk/reassignment/broker-1/state-change.log': { ordinary: 39, leader_election: 3 },
    '3.5.2-zk/reassignment/broker-2/controller.log': { ordinary: 28 },
    '3.5.2-zk/reassignment/broker-2/server.log': { ordinary: 46 },
    // The controller moving the leaders to broker 2 (3), broker 2 taking over (3) and its own bumps as broker 1 leaves (3).
    '3.5.2-zk/reassignment/broker-2/state-change.log': { ordinary: 131, leader_election: 9 },
    '3.5.2-zk/reassignment/broker-3/server.log': { ordinary: 65 },
    '3.5.2-zk/reassignment/broker-3/state-change.log': { ordinary: 63 },
    '3.5.2-zk/rolling-restart/broker-1/controller.log': { ordinary: 11 },
    '3.5.2-zk/rolling-restart/broker-1/server.log': { ordinary: 461, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1, isr_updated: 17 },
    '3.5.2-zk/rolling-restart/broker-1/state-change.log': { ordinary: 213, leader_election: 18 },
    '3.5.2-zk/rolling-restart/broker-2/controller.log': { ordinary: 95, controller_elected: 1, broker_membership_changed: 1, broker_registered: 1 },
    '3.5.2-zk/rolling-restart/broker-2/server.log': { ordinary: 492, isr_updated: 18, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '3.5.2-zk/rolling-restart/broker-2/state-change.log': { ordinary: 260, leader_election: 19 },
    '3.5.2-zk/rolling-restart/broker-3/controller.log': { ordinary: 130, broker_shutdown: 3, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '3.5.2-zk/rolling-restart/broker-3/server.log': { ordinary: 455, isr_updated: 43, broker_shutdown: 1, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '3.5.2-zk/rolling-restart/broker-3/state-change.log': { ordinary: 341, leader_election: 73 },
    '3.5.2-zk/session-expiry/broker-1/server.log': { ordinary: 101, isr_shrink: 2, isr_updated: 22 },
    '3.5.2-zk/session-expiry/broker-1/state-change.log': { ordinary: 56, leader_election: 18 },
    '3.5.2-zk/session-expiry/broker-2/controller.log': { ordinary: 94, broker_membership_changed: 2, broker_failure: 1, broker_registered: 1 },
    '3.5.2-zk/session-expiry/broker-2/server.log': { ordinary: 59, isr_shrink: 2, isr_updated: 24 },
    '3.5.2-zk/session-expiry/broker-2/state-change.log': { ordinary: 140, leader_election: 22 },
    '3.5.2-zk/session-expiry/broker-3/controller.log': { ordinary: 6 },
    '3.5.2-zk/session-expiry/broker-3/server.log': { ordinary: 168, isr_shrink: 2, zk_disconnected: 1, zk_session_expired: 1, zk_connected: 1, broker_registered: 1 },
    '3.5.2-zk/session-expiry/broker-3/state-change.log': { ordinary: 66 },
    '3.5.2-zk/unclean-election/broker-1/controller.log': { ordinary: 2 },
    '3.5.2-zk/unclean-election/broker-1/server.log': { ordinary: 346, isr_shrink: 3, isr_updated: 3, zk_connected: 1, broker_registered: 1, broker_started: 1 },
    '3.5.2-zk/unclean-election/broker-1/state-change.log': { ordinary: 40 },
    '3.5.2-zk/unclean-election/broker-2/controller.log': { ordinary: 2 },
    '3.5.2-zk/unclean-election/broker-2/server.log': { ordinary: 346, zk_connected: 1, broker_registered: 1, broker_started: 1, isr_updated: 3 },
    // The follower back: told its partitions have no leader (`the new leader -1 is unavailable`), then elected from outside the ISR: `was marked as RECOVERING`.
    '3.5.2-zk/unclean-election/broker-2/state-change.log': { ordinary: 42, offline_partitions: 3, unclean_leader_election: 3, leader_election: 3 },
    '3.5.2-zk/unclean-election/broker-3/controller.log': { ordinary: 382, broker_membership_changed: 4, broker_failure: 2, broker_registered: 2 },
    '3.5.2-zk/unclean-election/broker-3/server.log': { ordinary: 1023, isr_updated: 36 },
    // The controller: no live replica (failed election, `Leader:-1`), then the follower elected with `leaderRecoveryState=RECOVERING` (3.2+); the other elections move the earlier drills' partitions off the killed brokers.
    '3.5.2-zk/unclean-election/broker-3/state-change.log': { ordinary: 122, leader_election: 36, leader_election_failed: 3, offline_partitions: 3, unclean_leader_election: 3 },
  };

  it('has an expectation for every log file of every drill', () => {
    const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.log') && !f.startsWith('public'))
      .sort();
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('labels the records of %s as expected, the rest ordinary', (file, counts) => {
    expect(countActions(file)).toEqual(counts);
  });
});
