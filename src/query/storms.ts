// Storm collapsing: which notable events of one host become one timeline entry, and how that entry
// reads. One row per action family (docs/timeline.md has the same table for readers). Partition,
// connection and queue events come in storms (a broker lost: an ISR shrink for every partition it
// followed), chained while each event follows the previous one of its group within the storm gap;
// the other actions are state changes of one broker or node, of which only repeats close together
// (the same happening logged twice, `node r3 down` and `rabbit on node r3 down`) collapse.
import type { BrokerEvent, EventAction, LogLevel, ServiceType } from '../core/index.js';
import { LOG_LEVELS } from '../core/index.js';

/**
 * Kafka's default `replica.lag.time.max.ms`: a leader checks its followers every half of it, so the
 * shrinks caused by one lost broker can be spread over two checks up to this far apart.
 */
export const DEFAULT_STORM_GAP_MS = 30_000;
/** Repeats of a state change (same host, action and subject) this close together are one entry. */
export const REPEAT_GAP_MS = 5_000;

export interface TopicPartitions {
  readonly topic: string;
  /** Ascending, each once. */
  readonly partitions: readonly number[];
}

/** What one entry collected from its events; the family's describe() turns it into a sentence. */
export interface StormGroup {
  readonly action: EventAction;
  readonly service: ServiceType;
  readonly cluster: string | undefined;
  readonly host: string;
  readonly broker: string | undefined;
  readonly subject: string | undefined;
  readonly events: BrokerEvent[];
  readonly partitions: Map<string, Set<number>>;
  readonly removed: Set<number>;
  readonly added: Set<number>;
  readonly isrs: Set<string>;
  readonly queues: Set<string>;
  readonly vhosts: Set<string>;
  readonly peers: Set<string>;
}

interface Family {
  /** What else, besides cluster, host and action, must be equal for events to share an entry. */
  readonly key: (event: BrokerEvent) => string;
  readonly storm: boolean;
  readonly describe: (group: StormGroup) => string;
}

const sorted = (values: Iterable<number>): number[] => [...values].sort((a, b) => a - b);
const list = (values: Iterable<number>): string => sorted(values).join(',');
const names = (values: Iterable<string>): string => [...values].sort().join(', ');
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function partitionCount(group: StormGroup): number {
  let n = 0;
  for (const set of group.partitions.values()) n += set.size;
  return n;
}

/** `broker 2` for a Kafka broker with an id, the host otherwise; a RabbitMQ node by its name. */
function who(group: StormGroup): string {
  if (group.broker === undefined) return group.host;
  return group.service === 'kafka' ? `broker ${group.broker}` : group.broker;
}

const subjectOf = (event: BrokerEvent): string | undefined =>
  event['kafka.broker.subject'] === undefined ? event['rabbitmq.node.subject'] : String(event['kafka.broker.subject']);

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}

function onPartitions(group: StormGroup, what: string): string {
  return `${what} on ${plural(partitionCount(group), 'partition')}`;
}

const isrShrink: Family = {
  key: (e) => list(e['kafka.isr.removed'] ?? []),
  storm: true,
  describe: (g) => `${onPartitions(g, 'ISR shrink')} led by ${who(g)}${g.removed.size > 0 ? ` (removed ${list(g.removed)})` : ''}`,
};
const isrExpand: Family = {
  key: (e) => list(e['kafka.isr.added'] ?? []),
  storm: true,
  describe: (g) => `${onPartitions(g, 'ISR expand')} led by ${who(g)}${g.added.size > 0 ? ` (added ${list(g.added)})` : ''}`,
};
/** By the new ISR: `ISR updated to 1,2` (a shrink persisted) and `to 1,2,3` (caught up) are different news. */
const isrUpdated: Family = {
  key: (e) => list(e['kafka.isr.after'] ?? []),
  storm: true,
  describe: (g) => `${onPartitions(g, 'ISR updated')} led by ${who(g)}${g.isrs.size > 0 ? ` (now ${[...g.isrs][0]!})` : ''}`,
};
const partitionStorm = (what: string): Family => ({ key: () => '', storm: true, describe: (g) => `${onPartitions(g, what)} (${who(g)})` });

/** The controller names the new leader (subject); the new leader's own line has none. */
const leaderElection = (title: string): Family => ({
  key: (e) => subjectOf(e) ?? '',
  storm: true,
  describe: (g) =>
    g.subject === undefined
      ? `${title}: ${who(g)} became leader of ${plural(partitionCount(g), 'partition')}`
      : `${onPartitions(g, title)}: broker ${g.subject} elected by ${who(g)}`,
});

const connectionStorm = (what: string): Family => ({
  key: () => '',
  storm: true,
  describe: (g) => `${plural(g.events.length, 'client connection')} ${what} on ${who(g)}${g.vhosts.size > 0 ? ` (vhost ${names(g.vhosts)})` : ''}`,
});
const queueStorm = (what: string): Family => ({
  key: () => '',
  storm: true,
  describe: (g) => `${what} for ${plural(g.queues.size === 0 ? g.events.length : g.queues.size, 'queue')} on ${who(g)}${g.vhosts.size > 0 ? ` (vhost ${names(g.vhosts)})` : ''}`,
});

/** Everything else: one broker's or node's state change, told in the broker's own words. */
const stateChange: Family = {
  key: (e) => `${subjectOf(e) ?? ''}|${(e['rabbitmq.peers'] ?? []).join(',')}`,
  storm: false,
  describe: (g) => {
    const line = firstLine(g.events[0]!.message);
    const peers = [...g.peers].filter((peer) => !line.includes(peer));
    return `${line}${peers.length > 0 ? ` (peers ${names(peers)})` : ''}${g.events.length > 1 ? ` (${plural(g.events.length, 'record')})` : ''}`;
  },
};

/** rabbit_autoheal's decision is a multi-line report; its fields say it in one line. */
const autoheal: Family = {
  key: stateChange.key,
  storm: false,
  describe: (g) => (g.subject !== undefined && g.peers.size > 0 ? `Autoheal decision by ${who(g)}: winner ${g.subject}, losers ${names(g.peers)}` : stateChange.describe(g)),
};

const FAMILIES: Partial<Record<EventAction, Family>> = {
  isr_shrink: isrShrink,
  isr_expand: isrExpand,
  isr_updated: isrUpdated,
  isr_update_skipped: partitionStorm('ISR update skipped (stale zkVersion)'),
  leader_election: leaderElection('Leader election'),
  unclean_leader_election: leaderElection('Unclean leader election'),
  leader_election_failed: partitionStorm('Leader election failed'),
  offline_partitions: partitionStorm('Partitions offline'),
  not_enough_replicas: partitionStorm('Produce rejected: not enough in-sync replicas'),
  replica_truncation_fatal: partitionStorm('Replica halted: truncation below the high watermark'),
  connection_closed_abruptly: connectionStorm('closed abruptly'),
  heartbeat_timeout: connectionStorm('missed heartbeats'),
  connection_blocked: connectionStorm('blocked by a resource alarm'),
  queue_leader_changed: queueStorm('Leader changed'),
  mirror_promoted: queueStorm('Mirror promoted to leader'),
  autoheal,
};

export function familyOf(action: EventAction): Family {
  return FAMILIES[action] ?? stateChange;
}

/** The actions with a family of their own (the rest are state changes); docs/timeline.md lists them. */
export const FAMILY_ACTIONS = Object.keys(FAMILIES) as EventAction[];

export function hostOf(event: BrokerEvent): string {
  return event['host.name'] ?? event['broker.id'] ?? '-';
}

export function groupKey(event: BrokerEvent & { 'event.action': EventAction }): string {
  return [event['broker.cluster'] ?? '', hostOf(event), event['event.action'], familyOf(event['event.action']).key(event)].join('\u0000');
}

export function newGroup(event: BrokerEvent & { 'event.action': EventAction }): StormGroup {
  return {
    action: event['event.action'],
    service: event['service.type'],
    cluster: event['broker.cluster'],
    host: hostOf(event),
    broker: event['broker.id'],
    subject: subjectOf(event),
    events: [],
    partitions: new Map(),
    removed: new Set(),
    added: new Set(),
    isrs: new Set(),
    queues: new Set(),
    vhosts: new Set(),
    peers: new Set(),
  };
}

export function addToGroup(group: StormGroup, event: BrokerEvent): void {
  group.events.push(event);
  const topic = event['kafka.topic'];
  const partition = event['kafka.partition'];
  if (topic !== undefined && partition !== undefined) {
    let set = group.partitions.get(topic);
    if (set === undefined) group.partitions.set(topic, (set = new Set()));
    set.add(partition);
  }
  for (const id of event['kafka.isr.removed'] ?? []) group.removed.add(id);
  for (const id of event['kafka.isr.added'] ?? []) group.added.add(id);
  if (event['kafka.isr.after'] !== undefined) group.isrs.add(list(event['kafka.isr.after']));
  const queue = event['rabbitmq.queue'];
  const vhost = event['rabbitmq.vhost'];
  if (queue !== undefined) group.queues.add(vhost === undefined ? queue : `${vhost}/${queue}`);
  if (vhost !== undefined) group.vhosts.add(vhost);
  for (const peer of event['rabbitmq.peers'] ?? []) group.peers.add(peer);
}

export function topicPartitions(group: StormGroup): TopicPartitions[] {
  return [...group.partitions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([topic, set]) => ({ topic, partitions: sorted(set) }));
}

/** `0-5,7,9-10`: partition numbers with runs folded, as admins write them. */
export function partitionRanges(partitions: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < partitions.length; ) {
    let j = i;
    while (j + 1 < partitions.length && partitions[j + 1] === partitions[j]! + 1) j += 1;
    parts.push(j - i >= 2 ? `${partitions[i]}-${partitions[j]}` : partitions.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return parts.join(',');
}

/** `orders 0-5,7; payments 1 (+3 more topics)`: the first `maxTopics` topics, by name. */
export function compactPartitions(topics: readonly TopicPartitions[], maxTopics = 5): string {
  const shown = topics.slice(0, maxTopics).map((t) => `${t.topic} ${partitionRanges(t.partitions)}`);
  const more = topics.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? ` (+${plural(more, 'more topic')})` : ''}`;
}

/** The most severe level of the events, if any has one. */
export function worstLevel(events: readonly BrokerEvent[]): LogLevel | undefined {
  let worst = -1;
  for (const event of events) {
    const level = event['log.level'];
    if (level !== undefined) worst = Math.max(worst, LOG_LEVELS.indexOf(level));
  }
  return worst === -1 ? undefined : LOG_LEVELS[worst];
}

export function firstMessageLine(event: BrokerEvent): string {
  return firstLine(event.message);
}

export function queuesOf(group: StormGroup): string[] {
  return [...group.queues].sort();
}

export function describeGroup(group: StormGroup): string {
  return familyOf(group.action).describe(group);
}
