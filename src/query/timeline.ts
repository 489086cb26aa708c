// The incident timeline: the notable events of a cluster in a time window, across every broker and
// node, storms collapsed into one entry each (storms.ts), in logged-time order, with the clock
// skew their causal order reveals (skew.ts). assembleTimeline() is pure; buildTimeline() only pages
// the events out of a store. The JSON form is the Timeline object itself (docs/timeline.md).
import {
  QueryError,
  toInstant,
  type BrokerEvent,
  type EventAction,
  type EventId,
  type FieldFilter,
  type Instant,
  type LogLevel,
  type Scope,
  type ServiceType,
} from '../core/index.js';
import type { EventStore } from '../store/index.js';
import { pages } from './pages.js';
import { clockSkews, causalPairs, PAIR_WINDOW_MS, type ClockSkew, type SkewRuleName } from './skew.js';
import {
  addToGroup,
  DEFAULT_STORM_GAP_MS,
  describeGroup,
  familyOf,
  firstMessageLine,
  groupKey,
  hostOf,
  newGroup,
  queuesOf,
  REPEAT_GAP_MS,
  topicPartitions,
  worstLevel,
  type StormGroup,
  type TopicPartitions,
} from './storms.js';

export const TIMELINE_FORMAT = 'brokerwatch.timeline/v1';
/** A timeline reads at most this many notable events unless told otherwise. */
export const DEFAULT_MAX_EVENTS = 200_000;
const PAGE = 5_000;

export interface TimelineRequest {
  /** `broker.cluster`; absent: every cluster the scope allows. */
  readonly cluster?: string;
  /** `from` inclusive, `to` exclusive. */
  readonly from: Instant;
  readonly to: Instant;
  /** Further filters (a host, a topic, ...), as in a search. */
  readonly filters?: readonly FieldFilter[];
  readonly scope?: Scope;
  /** How far apart two events of a storm may be and still be one entry (default DEFAULT_STORM_GAP_MS). */
  readonly stormGapMs?: number;
  /** Stop reading after this many events (default DEFAULT_MAX_EVENTS); the timeline says it is truncated. */
  readonly maxEvents?: number;
}

/** What an alert contributes to a timeline request; a rules `Alert` is one. */
export interface AlertSpan {
  readonly labels: Readonly<Record<string, string>>;
  readonly startsAt: Instant;
  readonly endsAt?: Instant;
}

/** How far before an alert started its timeline begins: the causes come before the alert. */
export const ALERT_LEAD_MS = 5 * 60_000;
/** How far after an alert ended its timeline goes on: the recovery follows it. */
export const ALERT_TRAIL_MS = 5 * 60_000;

/**
 * The timeline of an alert: its cluster (label `broker.cluster`), from ALERT_LEAD_MS before it
 * started to ALERT_TRAIL_MS after it ended, or to `now` while it fires. The other labels (a topic,
 * a broker) are not filters: an incident's causes are usually logged about something else.
 */
export function alertTimelineRequest(alert: AlertSpan, now: Instant, options: Pick<TimelineRequest, 'scope' | 'stormGapMs' | 'maxEvents'> = {}): TimelineRequest {
  const cluster = alert.labels['broker.cluster'];
  return {
    ...options,
    ...(cluster === undefined ? {} : { cluster }),
    from: toInstant(alert.startsAt - ALERT_LEAD_MS),
    to: toInstant(alert.endsAt === undefined ? Math.max(now, alert.startsAt + 1) : alert.endsAt + ALERT_TRAIL_MS),
  };
}

/** An entry's event that the clock-skew analysis put in question. */
export interface SkewMark {
  readonly rule: SkewRuleName;
  /** Whether this entry holds the cause or the effect of the contradicting pair. */
  readonly role: 'cause' | 'effect';
  readonly eventId: EventId;
  /** The host of the other event of the pair. */
  readonly otherHost: string;
  /** How much earlier the effect was logged than its cause. */
  readonly byMs: number;
}

export interface TimelineEntry {
  /** The `event.id` of its first event: stable for the same events. */
  readonly id: string;
  /** ISO-8601 UTC, as logged: the first and the last event of the entry. */
  readonly start: string;
  readonly end: string;
  readonly action: EventAction;
  readonly service: ServiceType;
  readonly cluster?: string;
  /** The host that logged it (`host.name`) and its broker or node (`broker.id`). */
  readonly host: string;
  readonly broker?: string;
  /** The broker or node the events are about, when not the logging one. */
  readonly subject?: string;
  readonly level?: LogLevel;
  /** How many events it stands for. */
  readonly count: number;
  /** One line for a postmortem: `ISR shrink on 312 partitions led by broker 2 (removed 3)`. */
  readonly summary: string;
  /** The first line of its first event's message, as the broker wrote it. */
  readonly message: string;
  readonly partitions?: readonly TopicPartitions[];
  /** Replicas removed from (isr_shrink) or added to (isr_expand) the ISR. */
  readonly removed?: readonly number[];
  readonly added?: readonly number[];
  /** RabbitMQ: `vhost/queue` of queue events, the vhosts of connection events, the far side of a partition. */
  readonly queues?: readonly string[];
  readonly vhosts?: readonly string[];
  readonly peers?: readonly string[];
  readonly eventIds: readonly EventId[];
  readonly skew?: readonly SkewMark[];
}

/** A host that logged notable events in the window: a lane on the web page. */
export interface TimelineLane {
  readonly host: string;
  readonly service: ServiceType;
  /** The `broker.id`s seen on it. */
  readonly brokers: readonly string[];
  readonly events: number;
}

export interface Timeline {
  readonly format: typeof TIMELINE_FORMAT;
  readonly cluster?: string;
  /** The window, ISO-8601 UTC: `from` inclusive, `to` exclusive. */
  readonly from: string;
  readonly to: string;
  /** Notable events in the window (those of the entries). */
  readonly eventCount: number;
  /** True when maxEvents stopped the reading: the timeline ends early. */
  readonly truncated: boolean;
  readonly lanes: readonly TimelineLane[];
  /** Oldest first by their start, as logged. */
  readonly entries: readonly TimelineEntry[];
  readonly skew: readonly ClockSkew[];
}

type Notable = BrokerEvent & { 'event.action': EventAction };

/**
 * The timeline of `events` (any order; notable ones are used). Entries are made of the events in
 * [from, to); events just outside (up to PAIR_WINDOW_MS) only serve as causes or effects for the
 * clock-skew analysis, so that a window starting between a cause and its effect flags nothing.
 */
export function assembleTimeline(events: readonly BrokerEvent[], request: TimelineRequest, truncated = false): Timeline {
  validateRequest(request);
  const gap = request.stormGapMs ?? DEFAULT_STORM_GAP_MS;
  // Each timestamp parsed once: a timeline reads up to DEFAULT_MAX_EVENTS events.
  const notable: Array<{ event: Notable; at: number }> = [];
  for (const event of events) if (event['event.action'] !== undefined) notable.push({ event: event as Notable, at: Date.parse(event['@timestamp']) });
  const ordered = notable
    .filter(({ at }) => at >= request.from && at < request.to)
    .sort((a, b) => a.at - b.at || compare(hostOf(a.event), hostOf(b.event)) || compare(a.event['event.id'], b.event['event.id']));

  const groups: StormGroup[] = [];
  const open = new Map<string, { group: StormGroup; last: number }>();
  for (const { event, at } of ordered) {
    const key = groupKey(event);
    const current = open.get(key);
    const limit = familyOf(event['event.action']).storm ? gap : REPEAT_GAP_MS;
    if (current === undefined || at - current.last > limit) {
      const group = newGroup(event);
      groups.push(group);
      open.set(key, { group, last: at });
    }
    const entry = open.get(key)!;
    addToGroup(entry.group, event);
    entry.last = at;
  }

  const pairs = causalPairs(notable.filter(({ at }) => at >= request.from - PAIR_WINDOW_MS && at < request.to + PAIR_WINDOW_MS).map(({ event }) => event));
  const skew = clockSkews(pairs.filter((p) => inWindowIso(p.cause.at, request) || inWindowIso(p.effect.at, request)));
  const marks = new Map<EventId, SkewMark[]>();
  for (const finding of skew) {
    for (const pair of finding.contradictions) {
      const byMs = -pair.marginMs;
      pushTo(marks, pair.effect.id, { rule: pair.rule, role: 'effect', eventId: pair.effect.id, otherHost: pair.cause.host, byMs });
      pushTo(marks, pair.cause.id, { rule: pair.rule, role: 'cause', eventId: pair.cause.id, otherHost: pair.effect.host, byMs });
    }
  }

  return {
    format: TIMELINE_FORMAT,
    ...(request.cluster === undefined ? {} : { cluster: request.cluster }),
    from: new Date(request.from).toISOString(),
    to: new Date(request.to).toISOString(),
    eventCount: ordered.length,
    truncated,
    lanes: lanesOf(ordered.map(({ event }) => event)),
    entries: groups.map((group) => entryOf(group, marks)),
    skew,
  };
}

function entryOf(group: StormGroup, marks: ReadonlyMap<EventId, SkewMark[]>): TimelineEntry {
  const first = group.events[0]!;
  const last = group.events.at(-1)!;
  const level = worstLevel(group.events);
  const partitions = topicPartitions(group);
  const queues = queuesOf(group);
  const skew = group.events.flatMap((e) => marks.get(e['event.id']) ?? []);
  return {
    id: first['event.id'],
    start: first['@timestamp'],
    end: last['@timestamp'],
    action: group.action,
    service: group.service,
    ...(group.cluster === undefined ? {} : { cluster: group.cluster }),
    host: group.host,
    ...(group.broker === undefined ? {} : { broker: group.broker }),
    ...(group.subject === undefined ? {} : { subject: group.subject }),
    ...(level === undefined ? {} : { level }),
    count: group.events.length,
    summary: describeGroup(group),
    message: firstMessageLine(first),
    ...(partitions.length === 0 ? {} : { partitions }),
    ...(group.removed.size === 0 ? {} : { removed: [...group.removed].sort((a, b) => a - b) }),
    ...(group.added.size === 0 ? {} : { added: [...group.added].sort((a, b) => a - b) }),
    ...(queues.length === 0 ? {} : { queues }),
    ...(group.vhosts.size === 0 ? {} : { vhosts: [...group.vhosts].sort() }),
    ...(group.peers.size === 0 ? {} : { peers: [...group.peers].sort() }),
    eventIds: group.events.map((e) => e['event.id']),
    ...(skew.length === 0 ? {} : { skew }),
  };
}

function lanesOf(events: readonly Notable[]): TimelineLane[] {
  const lanes = new Map<string, { service: ServiceType; brokers: Set<string>; events: number }>();
  for (const event of events) {
    const host = hostOf(event);
    let lane = lanes.get(host);
    if (lane === undefined) lanes.set(host, (lane = { service: event['service.type'], brokers: new Set(), events: 0 }));
    if (event['broker.id'] !== undefined) lane.brokers.add(event['broker.id']);
    lane.events += 1;
  }
  return [...lanes.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([host, lane]) => ({ host, service: lane.service, brokers: [...lane.brokers].sort(), events: lane.events }));
}

/**
 * Reads the notable events of the request out of the store, page by page (search_after: no event
 * is skipped or read twice while others arrive), and assembles their timeline.
 */
export async function buildTimeline(store: EventStore, request: TimelineRequest): Promise<Timeline> {
  validateRequest(request);
  const maxEvents = request.maxEvents ?? DEFAULT_MAX_EVENTS;
  const filters: FieldFilter[] = [...(request.filters ?? []), ...(request.cluster === undefined ? [] : [{ field: 'broker.cluster' as const, values: [request.cluster] }])];
  const events: BrokerEvent[] = [];
  let truncated = false;
  // The margin on both sides feeds only the clock-skew analysis (see assembleTimeline).
  const time = { from: toInstant(request.from - PAIR_WINDOW_MS), to: toInstant(request.to + PAIR_WINDOW_MS) };
  const scope = request.scope === undefined ? {} : { scope: request.scope };
  for await (const page of pages((after) =>
    store.timeline({ time, filters, ...scope, order: 'oldest_first', limit: Math.min(PAGE, maxEvents - events.length), ...(after === undefined ? {} : { after }) }),
  )) {
    events.push(...page.events);
    if (page.next !== undefined && events.length >= maxEvents) {
      truncated = true;
      break;
    }
  }
  return assembleTimeline(events, request, truncated);
}

function validateRequest(request: TimelineRequest): void {
  if (!Number.isFinite(request.from) || !Number.isFinite(request.to) || request.from >= request.to) {
    throw new QueryError('a timeline needs a window whose start is before its end', { context: { field: 'time' } });
  }
  if (request.stormGapMs !== undefined && !(Number.isInteger(request.stormGapMs) && request.stormGapMs >= 0)) {
    throw new QueryError('stormGapMs must be a non-negative integer', { context: { field: 'stormGapMs' } });
  }
  if (request.maxEvents !== undefined && !(Number.isInteger(request.maxEvents) && request.maxEvents > 0)) {
    throw new QueryError('maxEvents must be a positive integer', { context: { field: 'maxEvents' } });
  }
}

function inWindowIso(at: string, request: TimelineRequest): boolean {
  const ms = Date.parse(at);
  return ms >= request.from && ms < request.to;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
