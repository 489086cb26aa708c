// The event taxonomy (`event.action`): one row per action a parser may set. docs/taxonomy.md
// describes the same list; test/core/actions.test.ts checks the two agree in both directions.
import type { ServiceType } from './service.js';

export interface ActionSpec {
  readonly service: ServiceType;
  readonly summary: string;
}

export const ACTIONS = {
  isr_shrink: { service: 'kafka', summary: 'a partition leader removed replicas from the in-sync replica set' },
  isr_expand: { service: 'kafka', summary: 'a partition leader added caught-up replicas back to the ISR' },
  isr_updated: { service: 'kafka', summary: 'a persisted ISR change was confirmed, with the new set but no before-list' },
  isr_update_skipped: { service: 'kafka', summary: 'an ISR update was skipped because the cached zkVersion did not match' },
  controller_elected: { service: 'kafka', summary: 'a broker or KRaft controller became the active controller' },
  controller_resigned: { service: 'kafka', summary: 'the active controller resigned or lost leadership' },
  controller_quorum_leaderless: { service: 'kafka', summary: 'a KRaft controller entered a new epoch of the metadata quorum without a leader' },
  leader_election: { service: 'kafka', summary: 'partition leaders were (re-)elected' },
  unclean_leader_election: { service: 'kafka', summary: 'an out-of-sync replica was elected leader: data may be lost' },
  offline_partitions: { service: 'kafka', summary: 'partitions have no live leader' },
  broker_fenced: { service: 'kafka', summary: 'the KRaft controller fenced a broker' },
  broker_unfenced: { service: 'kafka', summary: 'the KRaft controller unfenced a broker' },
  broker_registered: { service: 'kafka', summary: 'a broker registered with the controller or ZooKeeper' },
  broker_membership_changed: { service: 'kafka', summary: 'the controller saw brokers join or leave the cluster' },
  broker_failure: { service: 'kafka', summary: 'the controller handled the failure of brokers' },
  broker_started: { service: 'kafka', summary: 'a broker finished starting' },
  broker_shutdown: { service: 'kafka', summary: 'a broker shut down or began shutting down' },
  broker_startup_failed: { service: 'kafka', summary: 'a broker failed during start-up' },
  controlled_shutdown_failed: { service: 'kafka', summary: 'a controlled shutdown attempt failed' },
  duplicate_broker_registration: { service: 'kafka', summary: 'a broker id was already registered by another broker' },
  zk_session_expired: { service: 'kafka', summary: 'the ZooKeeper session of a broker expired' },
  zk_disconnected: { service: 'kafka', summary: 'a broker lost its ZooKeeper connection' },
  zk_connected: { service: 'kafka', summary: 'a broker (re-)connected to ZooKeeper' },
  log_dir_failure: { service: 'kafka', summary: 'a log directory went offline' },
  not_enough_replicas: { service: 'kafka', summary: 'a produce was rejected for too few in-sync replicas' },
  out_of_memory: { service: 'kafka', summary: 'the JVM ran out of memory' },
  leader_election_failed: { service: 'kafka', summary: 'a partition leader election failed' },
  replica_truncation_fatal: { service: 'kafka', summary: 'a replica would have to truncate below the high watermark and halted' },
  node_down: { service: 'rabbitmq', summary: 'a cluster peer node went down' },
  node_up: { service: 'rabbitmq', summary: 'a cluster peer node came up' },
  network_partition: { service: 'rabbitmq', summary: 'the cluster split: nodes see inconsistent databases or lost each other' },
  partial_partition: { service: 'rabbitmq', summary: 'a node sees peers that another node reports as down' },
  autoheal: { service: 'rabbitmq', summary: 'the autoheal partition handling acted' },
  pause_minority: { service: 'rabbitmq', summary: 'the pause_minority partition handling paused or resumed a node' },
  memory_alarm_set: { service: 'rabbitmq', summary: 'the memory high watermark was reached: publishers are blocked' },
  memory_alarm_cleared: { service: 'rabbitmq', summary: 'the memory alarm cleared' },
  disk_alarm_set: { service: 'rabbitmq', summary: 'free disk fell below the limit: publishers are blocked' },
  disk_alarm_cleared: { service: 'rabbitmq', summary: 'the disk alarm cleared' },
  fd_alarm_set: { service: 'rabbitmq', summary: 'the node has no file descriptors left for client sockets: new connections wait' },
  fd_alarm_cleared: { service: 'rabbitmq', summary: 'the file descriptor alarm cleared' },
  connection_closed_abruptly: { service: 'rabbitmq', summary: 'a client connection was closed without a proper close' },
  heartbeat_timeout: { service: 'rabbitmq', summary: 'a client missed heartbeats and was disconnected' },
  connection_blocked: { service: 'rabbitmq', summary: 'a publishing connection was blocked by an alarm' },
  mirror_promoted: { service: 'rabbitmq', summary: 'a classic mirrored queue promoted a mirror to master' },
  queue_leader_changed: { service: 'rabbitmq', summary: 'a quorum queue or stream elected a new leader' },
  node_started: { service: 'rabbitmq', summary: 'a node finished booting' },
  node_stopped: { service: 'rabbitmq', summary: 'a node stopped' },
  cluster_join: { service: 'rabbitmq', summary: 'a node joined a cluster' },
  cluster_leave: { service: 'rabbitmq', summary: 'a node left or was removed from a cluster' },
  metadata_store_leader_changed: { service: 'rabbitmq', summary: 'the Khepri metadata store elected a new Raft leader' },
  node_crashed: { service: 'rabbitmq', summary: 'the Erlang VM terminated' },
} as const satisfies Record<string, ActionSpec>;

export type EventAction = keyof typeof ACTIONS;

export const EVENT_ACTIONS = Object.keys(ACTIONS) as readonly EventAction[];

export function isEventAction(name: string): name is EventAction {
  return Object.hasOwn(ACTIONS, name);
}
