// Clock skew between hosts, found where two hosts' records contradict an order the brokers' own
// protocols guarantee: a cause logged on one host before a request or response leaves it, its
// effect logged on another host only after that message arrived. If the effect's timestamp is
// earlier than the cause's, the two clocks disagree by at least the difference. Each rule below
// is such a message exchange (docs/timeline.md cites the code path of each); orders that merely
// usually hold (a leader's ISR shrink before the controller fences the lost follower, say) are
// not rules, because real clusters produce both orders with correct clocks. Nothing is reordered:
// events keep the times they were logged with, and the finding says how far the clocks disagree.
import type { BrokerEvent, EventAction, EventId } from '../core/index.js';
import { hostOf } from './storms.js';

/** A cause and its effect are paired only this close together, in either direction: the largest skew found. */
export const PAIR_WINDOW_MS = 60_000;

export type SkewRuleName =
  | 'kraft_registration'
  | 'kraft_unfence'
  | 'controlled_shutdown'
  | 'partition_leader'
  | 'autoheal_decision'
  | 'autoheal_winner';

interface CausalRule {
  readonly name: SkewRuleName;
  /** Cause and effect are both logged as this action, on different nodes. */
  readonly action: EventAction;
  /** The node (broker id or RabbitMQ node name) the effect must be logged by, and what else must match. */
  readonly cause: (event: BrokerEvent) => string | undefined;
  readonly effect: (event: BrokerEvent) => string | undefined;
  /** Each cause has one effect (a request, its response): a cause once paired is not paired again. */
  readonly oneToOne: boolean;
}

const kafkaSubject = (e: BrokerEvent): string | undefined => (e['kafka.broker.subject'] === undefined ? undefined : String(e['kafka.broker.subject']));
const key = (e: BrokerEvent, node: string | undefined, ...rest: Array<string | number | undefined>): string | undefined =>
  node === undefined || rest.some((part) => part === undefined) ? undefined : [e['broker.cluster'] ?? '', node, ...rest].join('\u0000');
const hasPeers = (e: BrokerEvent): boolean => (e['rabbitmq.peers'] ?? []).length > 0;

export const CAUSAL_RULES: readonly CausalRule[] = [
  // KRaft: the controller logs `Registering a new incarnation of broker 3` (or `No previous
  // registration found`) while handling the BrokerRegistrationRequest; broker 3 logs `Successfully
  // registered broker 3` only when the response arrives.
  {
    name: 'kraft_registration',
    action: 'broker_registered',
    cause: (e) => key(e, kafkaSubject(e)),
    effect: (e) => (e['kafka.broker.subject'] === undefined ? key(e, e['broker.id']) : undefined),
    oneToOne: true,
  },
  // KRaft: the controller grants the unfence while handling a heartbeat; the broker logs `The broker
  // has been unfenced` on the heartbeat response that says so.
  {
    name: 'kraft_unfence',
    action: 'broker_unfenced',
    cause: (e) => key(e, kafkaSubject(e)),
    effect: (e) => (e['kafka.broker.subject'] === undefined ? key(e, e['broker.id']) : undefined),
    oneToOne: true,
  },
  // Both modes: a broker logs `shutting down` first thing in its shutdown, then asks the controller
  // for a controlled shutdown; the controller logs `Shutting down broker 2` (ZooKeeper) or `Unfenced
  // broker 2 has requested and been granted a controlled shutdown` (KRaft) on that request.
  {
    name: 'controlled_shutdown',
    action: 'broker_shutdown',
    cause: (e) => (e['kafka.broker.subject'] === undefined ? key(e, e['broker.id']) : undefined),
    effect: (e) => key(e, kafkaSubject(e)),
    oneToOne: true,
  },
  // ZooKeeper mode: the controller logs `Changed partition t-0 from OfflinePartition to
  // OnlinePartition with state LeaderAndIsr(leader=2, ...)` before it sends LeaderAndIsr; broker 2
  // logs `Leader t-0 ... starts at leader epoch` when it handles that request.
  {
    name: 'partition_leader',
    action: 'leader_election',
    cause: (e) => key(e, kafkaSubject(e), e['kafka.topic'], e['kafka.partition']),
    effect: (e) =>
      e['kafka.broker.subject'] === undefined ? key(e, e['broker.id'], e['kafka.topic'], e['kafka.partition']) : undefined,
    oneToOne: true,
  },
  // RabbitMQ autoheal (rabbit_autoheal): the leader logs `Autoheal decision` (winner, losers), then
  // sends become_winner; the winner logs `Autoheal: I am the winner, waiting for [...] to stop`.
  {
    name: 'autoheal_decision',
    action: 'autoheal',
    cause: (e) => (hasPeers(e) ? key(e, e['rabbitmq.node.subject']) : undefined),
    effect: (e) => (hasPeers(e) && e['rabbitmq.node.subject'] === undefined ? key(e, e['broker.id']) : undefined),
    oneToOne: true,
  },
  // ... then sends winner_is to the losers, which log `Autoheal: we were selected to restart; winner
  // is N`, and once they stopped, autoheal_finished to the leader: `Autoheal finished according to winner N`.
  {
    name: 'autoheal_winner',
    action: 'autoheal',
    cause: (e) => (hasPeers(e) && e['rabbitmq.node.subject'] === undefined ? key(e, e['broker.id']) : undefined),
    effect: (e) => (!hasPeers(e) ? key(e, e['rabbitmq.node.subject']) : undefined),
    oneToOne: false,
  },
];

export interface EventRef {
  readonly id: EventId;
  readonly host: string;
  readonly action: EventAction;
  /** As logged, ISO-8601. */
  readonly at: string;
}

/** One cause and effect on different hosts. `marginMs`: effect time minus cause time, as logged (negative: contradicts). */
export interface CausalPair {
  readonly rule: SkewRuleName;
  readonly cause: EventRef;
  readonly effect: EventRef;
  readonly marginMs: number;
}

interface Timed {
  readonly event: BrokerEvent;
  readonly at: number;
}

const refOf = ({ event, at }: Timed): EventRef => ({
  id: event['event.id'],
  host: hostOf(event),
  action: event['event.action']!,
  at: new Date(at).toISOString(),
});

/**
 * Pairs each effect, in logged order, with its cause: the latest matching cause logged at or
 * before it, else (which only skew explains) the earliest one after it, within PAIR_WINDOW_MS; a
 * one-to-one rule's cause is used once, so a skewed effect is not paired with an earlier episode's
 * cause. Pairs on one host share a clock and are left out. `events` in any order.
 */
export function causalPairs(events: readonly BrokerEvent[]): CausalPair[] {
  const pairs: CausalPair[] = [];
  // Only the rules' actions are read (and their times parsed once): a storm's other events cost nothing.
  const byAction = new Map<EventAction, Timed[]>(CAUSAL_RULES.map((rule) => [rule.action, []]));
  for (const event of events) {
    const action = event['event.action'];
    if (action !== undefined) byAction.get(action)?.push({ event, at: Date.parse(event['@timestamp']) });
  }
  for (const rule of CAUSAL_RULES) {
    const causes = new Map<string, Timed[]>();
    const effects: Array<Timed & { key: string }> = [];
    for (const { event, at } of byAction.get(rule.action)!) {
      const causeKey = rule.cause(event);
      if (causeKey !== undefined) {
        let list = causes.get(causeKey);
        if (list === undefined) causes.set(causeKey, (list = []));
        list.push({ event, at });
      }
      const effectKey = rule.effect(event);
      if (effectKey !== undefined) effects.push({ event, at, key: effectKey });
    }
    for (const list of causes.values()) list.sort((a, b) => a.at - b.at);
    effects.sort((a, b) => a.at - b.at);
    const used = new Set<Timed>();
    for (const effect of effects) {
      const cause = pairedCause(causes.get(effect.key) ?? [], effect, rule.oneToOne ? used : undefined);
      if (cause === undefined) continue;
      used.add(cause);
      if (hostOf(cause.event) === hostOf(effect.event)) continue;
      pairs.push({ rule: rule.name, cause: refOf(cause), effect: refOf(effect), marginMs: effect.at - cause.at });
    }
  }
  return pairs;
}

function pairedCause(causes: readonly Timed[], effect: Timed, used: ReadonlySet<Timed> | undefined): Timed | undefined {
  let before: Timed | undefined;
  for (const cause of causes) {
    if (used?.has(cause) === true) continue;
    if (cause.at <= effect.at) {
      if (effect.at - cause.at <= PAIR_WINDOW_MS) before = cause;
    } else {
      return before ?? (cause.at - effect.at <= PAIR_WINDOW_MS ? cause : undefined);
    }
  }
  return before;
}

/**
 * A suspected offset between two hosts' clocks: `host`'s clock runs behind `reference`'s by at
 * least `atLeastMs` (and, when evidence in the other direction bounds it, at most `atMostMs`).
 */
export interface ClockSkew {
  readonly host: string;
  readonly reference: string;
  readonly atLeastMs: number;
  readonly atMostMs?: number;
  /** The pairs whose logged order contradicts their causal order. */
  readonly contradictions: readonly CausalPair[];
  /** Pairs between the two hosts in causal order: they bound the offset from the other side. */
  readonly consistentPairs: number;
}

/**
 * Each pair bounds the offset of the effect host's clock relative to the cause host's from above
 * by its margin (an effect cannot happen before its cause). The bounds of all pairs between two
 * hosts give an interval; skew is suspected when the interval excludes zero.
 */
export function clockSkews(pairs: readonly CausalPair[]): ClockSkew[] {
  const byHosts = new Map<string, { a: string; b: string; upper: number; lower: number; pairs: CausalPair[] }>();
  for (const pair of pairs) {
    const [a, b] = [pair.cause.host, pair.effect.host].sort() as [string, string];
    const id = `${a}\u0000${b}`;
    let bound = byHosts.get(id);
    if (bound === undefined) byHosts.set(id, (bound = { a, b, upper: Infinity, lower: -Infinity, pairs: [] }));
    bound.pairs.push(pair);
    // Offset of b's clock minus a's.
    if (pair.effect.host === b) bound.upper = Math.min(bound.upper, pair.marginMs);
    else bound.lower = Math.max(bound.lower, -pair.marginMs);
  }
  const skews: ClockSkew[] = [];
  for (const { a, b, upper, lower, pairs: all } of byHosts.values()) {
    if (upper >= 0 && lower <= 0) continue;
    const contradictions = all.filter((p) => p.marginMs < 0);
    // b behind a when upper < 0; otherwise a behind b (lower > 0).
    const [host, reference, atLeast, atMost] = upper < 0 ? [b, a, -upper, -lower] : [a, b, lower, upper];
    skews.push({
      host,
      reference,
      atLeastMs: atLeast,
      ...(Number.isFinite(atMost) && atMost >= atLeast ? { atMostMs: atMost } : {}),
      contradictions,
      consistentPairs: all.length - contradictions.length,
    });
  }
  return skews.sort((x, y) => y.atLeastMs - x.atLeastMs || (x.host < y.host ? -1 : 1));
}
