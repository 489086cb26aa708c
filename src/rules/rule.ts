// One compiled rule: matching events are grouped by the rule's group_by fields, each group keeps
// only what its windows need, and an alert per group fires, gathers the events that join it and
// resolves by itself. Time is event time (`at`, passed in); `advance(now)` moves the rule's clock
// for what depends on time passing (absence, quiet periods). Decisions that wait on time use
// `now - allowed lateness`, so a late record inside the allowance is still counted.
import type { BrokerEvent, EventId, FieldName, Instant } from '../core/index.js';
import { fingerprint, MAX_EVENT_IDS, type Alert, type AlertChange } from './alert.js';
import { compileCondition, requiredActions, type Predicate } from './condition.js';
import type { RuleKindName, RuleSpec } from './spec.js';
import { formatValue, Template } from './template.js';

/** "Before any event", as a number that survives JSON (-Infinity does not). */
const NEVER = -8.64e15;

/** Distinct values an alert remembers per field for its text. */
const DISTINCT_LIMIT = 1000;

export interface RuleOptions {
  /** How late (in event time) a record may arrive and still count. */
  readonly allowedLatenessMs: number;
}

interface Pending {
  readonly at: number;
  readonly event: BrokerEvent;
}

interface OpenItem {
  since: number;
  /** Values the resolving event must cover (e.g. removed replicas). */
  need: Array<string | number>;
  /**
   * When its resolving event came. Kept until the alert resolves: the resolved notification names
   * every item the alert covered, as the firing one did.
   */
  resolvedAt?: number;
}

interface FiringState {
  startsAt: number;
  lastMatchAt: number;
  count: number;
  eventIds: EventId[];
  distinct: Record<string, string[]>;
  lastEvent: BrokerEvent;
  open: Record<string, OpenItem>;
  /** Pending (`pending_seconds`): not sent yet. Absent in older snapshots: sent. */
  held?: boolean;
}

interface GroupState {
  labels: Record<string, string>;
  /** Sorted by time: the matching events a window may still count (threshold, change). */
  pending: Pending[];
  /** Absence: the newest matching event's time. */
  lastSeen: number;
  firing?: FiringState;
}

/** A rule's state, as plain JSON. */
export interface RuleSnapshot {
  readonly maxSeen: number;
  readonly horizon: number;
  readonly groups: ReadonlyArray<readonly [string, GroupState]>;
  /** Changes not yet returned by advance(). */
  readonly changes: readonly AlertChange[];
  readonly dirty: readonly string[];
  readonly fired: readonly string[];
  /** Times of the latest `unless` events, by group and `same` values (absent in older snapshots). */
  readonly unless?: ReadonlyArray<readonly [string, number]>;
}

export interface Rule {
  readonly name: string;
  readonly kind: RuleKindName;
  /** The event.action values this rule reads, or undefined for every event. */
  readonly actions: ReadonlySet<string> | undefined;
  feed(event: BrokerEvent, at: Instant): void;
  advance(now: Instant): AlertChange[];
  snapshot(): RuleSnapshot;
  restore(snapshot: RuleSnapshot): void;
}

function listValues(value: BrokerEvent[FieldName]): Array<string | number> {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function insertSorted(list: Pending[], item: Pending): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.at > item.at) i--;
  list.splice(i, 0, item);
}

/** The largest number of times in any closed window of `width`: two pointers over sorted times. */
function maxInWindow(times: readonly number[], width: number): { count: number; from: number; to: number } {
  let best = { count: 0, from: 0, to: 0 };
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[hi]! - times[lo]! > width) lo++;
    if (hi - lo + 1 > best.count) best = { count: hi - lo + 1, from: times[lo]!, to: times[hi]! };
  }
  return best;
}

function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}

abstract class GroupedRule implements Rule {
  readonly name: string;
  readonly kind: RuleKindName;
  readonly actions: ReadonlySet<string> | undefined;
  protected readonly spec: RuleSpec;
  protected readonly lateness: number;
  readonly #match: Predicate;
  readonly #resolve: Predicate | undefined;
  readonly #unless: { readonly match: Predicate; readonly same: readonly FieldName[]; readonly withinMs: number } | undefined;
  /** How long an alert is pending before it is sent; 0: sent at once. */
  readonly #pendingMs: number;
  /** The latest time of an `unless` event, by its group and `same` values. */
  #unlessSeen = new Map<string, number>();
  readonly #summary: Template;
  readonly #description: Template;
  readonly #distinctFields: FieldName[];
  protected groups = new Map<string, GroupState>();
  /** Latest event time fed; windows are pruned against it. */
  protected maxSeen = NEVER;
  /** Latest `now - lateness` seen by advance(); never moves back. */
  protected horizon = NEVER;
  #changes: AlertChange[] = [];
  /** Groups whose alert changed since the last advance(), and those of them that newly fired. */
  #dirty = new Set<string>();
  #firedKeys = new Set<string>();

  constructor(spec: RuleSpec, options: RuleOptions) {
    this.name = spec.name;
    this.kind = spec.kind;
    this.spec = spec;
    this.lateness = options.allowedLatenessMs;
    this.#match = compileCondition(spec.match);
    const resolveMatch = spec.kind === 'absence' ? undefined : spec.resolve.match;
    this.#resolve = resolveMatch === undefined ? undefined : compileCondition(resolveMatch);
    this.#summary = new Template(spec.summary);
    this.#description = new Template(spec.description);
    this.#distinctFields = [...new Set([...this.#summary.distinctFields, ...this.#description.distinctFields])];
    const unless = 'unless' in spec ? spec.unless : undefined;
    this.#pendingMs = 'pending_seconds' in spec ? (spec.pending_seconds ?? 0) * 1000 : 0;
    this.#unless = unless === undefined ? undefined : { match: compileCondition(unless.match), same: unless.same, withinMs: unless.within_seconds * 1000 };
    const conditions = [spec.match, ...(resolveMatch === undefined ? [] : [resolveMatch]), ...(unless === undefined ? [] : [unless.match])];
    const actions = conditions.map((condition) => requiredActions(condition));
    this.actions = actions.includes(undefined) ? undefined : new Set(actions.flatMap((a) => [...a!]));
  }

  feed(event: BrokerEvent, at: Instant): void {
    if (at > this.maxSeen) this.maxSeen = at;
    // An event is excused by the `unless` events before it, not by itself: a rule whose `unless` is
    // its own match (a repeated record) counts the first of its kind.
    const excused = this.#excused(event, at);
    const unless = this.#unless;
    if (unless?.match(event) === true) {
      const key = this.#unlessKey(event);
      if (key !== undefined && at > (this.#unlessSeen.get(key) ?? NEVER)) this.#unlessSeen.set(key, at);
    }
    if (this.#match(event) && !excused) {
      const key = this.#groupKey(event);
      let group = this.groups.get(key);
      if (group === undefined) {
        group = { labels: this.#groupLabels(event), pending: [], lastSeen: NEVER };
        this.groups.set(key, group);
      }
      this.onMatch(key, group, event, at);
    }
    if (this.#resolve?.(event) === true) this.#onResolveEvent(event, at);
  }

  /** Whether an `unless` event of the same group and fields came within its time before `at`. */
  #excused(event: BrokerEvent, at: number): boolean {
    const unless = this.#unless;
    if (unless === undefined) return false;
    const key = this.#unlessKey(event);
    const seen = key === undefined ? undefined : this.#unlessSeen.get(key);
    return seen !== undefined && seen <= at && at - seen <= unless.withinMs;
  }

  /** The group and `same` values of an event; undefined when it lacks one of them (it is never "the same"). */
  #unlessKey(event: BrokerEvent): string | undefined {
    let key = this.#groupKey(event);
    for (const field of this.#unless!.same) {
      if (event[field] === undefined) return undefined;
      key += `${formatValue(event[field])}\u0001`;
    }
    return key;
  }

  advance(now: Instant): AlertChange[] {
    const horizon = now - this.lateness;
    if (horizon > this.horizon) this.horizon = horizon;
    const within = this.#unless?.withinMs;
    if (within !== undefined) {
      for (const [key, at] of this.#unlessSeen) if (this.horizon - at > within) this.#unlessSeen.delete(key);
    }
    for (const [key, group] of this.groups) {
      this.onAdvance(key, group);
      const quiet = this.spec.kind === 'absence' ? undefined : this.spec.resolve.quiet_seconds;
      if (group.firing !== undefined && quiet !== undefined && this.horizon - group.firing.lastMatchAt >= quiet * 1000) {
        this.resolveGroup(key, group, group.firing.lastMatchAt + quiet * 1000);
      }
      const firing = group.firing;
      if (firing?.held === true && this.horizon - firing.startsAt >= this.#pendingMs) this.#send(key, firing);
      if (group.firing === undefined && group.pending.length === 0 && this.canForget(group)) this.groups.delete(key);
    }
    for (const key of this.#dirty) {
      const group = this.groups.get(key);
      if (group?.firing !== undefined && group.firing.held !== true) this.#changes.push({ kind: this.#firedKeys.has(key) ? 'fired' : 'updated', alert: this.#render(group, group.firing) });
    }
    this.#dirty.clear();
    this.#firedKeys.clear();
    const out = this.#changes;
    this.#changes = [];
    return out;
  }

  snapshot(): RuleSnapshot {
    return structuredClone({
      maxSeen: this.maxSeen,
      horizon: this.horizon,
      groups: [...this.groups],
      changes: this.#changes,
      dirty: [...this.#dirty],
      fired: [...this.#firedKeys],
      unless: [...this.#unlessSeen],
    });
  }

  restore(snapshot: RuleSnapshot): void {
    const copy = structuredClone(snapshot);
    this.maxSeen = copy.maxSeen;
    this.horizon = copy.horizon;
    this.groups = new Map(copy.groups);
    this.#changes = [...copy.changes];
    this.#dirty = new Set(copy.dirty);
    this.#firedKeys = new Set(copy.fired);
    this.#unlessSeen = new Map(copy.unless ?? []);
  }

  /** A matching event for a group. */
  protected abstract onMatch(key: string, group: GroupState, event: BrokerEvent, at: number): void;

  /** Time-driven work for a group (absence). */
  protected onAdvance(_key: string, _group: GroupState): void {}

  /** Whether an idle, non-firing group may be dropped (absence must remember who it heard from). */
  protected canForget(_group: GroupState): boolean {
    return true;
  }

  protected fire(key: string, group: GroupState, startsAt: number, events: readonly Pending[]): void {
    const first = events[0]?.event;
    if (first === undefined) return;
    const held = this.#pendingMs > 0;
    group.firing = { startsAt, lastMatchAt: startsAt, count: 0, eventIds: [], distinct: {}, lastEvent: first, open: {}, held };
    if (!held) this.#firedKeys.add(key);
    for (const p of events) this.join(key, group, p.event, p.at);
  }

  /** An event joins a firing alert: counted, its values remembered, its item opened. */
  protected join(key: string, group: GroupState, event: BrokerEvent, at: number): void {
    const firing = group.firing;
    if (firing === undefined) return;
    firing.count += 1;
    if (firing.eventIds.length < MAX_EVENT_IDS) firing.eventIds.push(event['event.id']);
    if (at >= firing.lastMatchAt) {
      firing.lastMatchAt = at;
      firing.lastEvent = event;
    }
    for (const field of this.#distinctFields) {
      const seen = (firing.distinct[field] ??= []);
      for (const v of listValues(event[field])) {
        const s = String(v);
        if (seen.length < DISTINCT_LIMIT && !seen.includes(s)) seen.push(s);
      }
    }
    const resolve = this.spec.kind === 'absence' ? undefined : this.spec.resolve;
    if (resolve?.per !== undefined) {
      const item = this.#itemKey(resolve.per, event);
      // An item that recovered and matches again is open again, from scratch.
      let open = firing.open[item];
      if (open === undefined || open.resolvedAt !== undefined) open = firing.open[item] = { since: at, need: [] };
      open.since = Math.max(open.since, at);
      if (resolve.covers !== undefined) {
        for (const v of listValues(event[resolve.covers.of])) if (!open.need.includes(v)) open.need.push(v);
      }
    }
    this.#dirty.add(key);
  }

  /** A pending alert is due: the next advance() sends it as fired, with all it gathered meanwhile. */
  #send(key: string, firing: FiringState): void {
    firing.held = false;
    this.#firedKeys.add(key);
    this.#dirty.add(key);
  }

  protected resolveGroup(key: string, group: GroupState, endsAt: number): void {
    const firing = group.firing;
    if (firing === undefined) return;
    if (firing.held === true) {
      // Decided by the ending's own time, not by when advance() last ran: a condition that lasted
      // its pending time is sent (fired, then resolved) even if both fall between two advances.
      if (endsAt - firing.startsAt >= this.#pendingMs) {
        this.#send(key, firing);
      } else {
        this.#dirty.delete(key);
        delete group.firing;
        group.pending = [];
        return;
      }
    }
    if (this.#dirty.has(key)) {
      // An alert that fired in this step is still announced before it resolves; an update still
      // pending is not: the resolution says it all, where the update would count the items just
      // closed out ("0 partitions").
      if (this.#firedKeys.has(key)) this.#changes.push({ kind: 'fired', alert: this.#render(group, firing) });
      this.#dirty.delete(key);
      this.#firedKeys.delete(key);
    }
    this.#changes.push({ kind: 'resolved', alert: this.#render(group, firing, Math.max(endsAt, firing.startsAt)) });
    delete group.firing;
    group.pending = [];
  }

  #onResolveEvent(event: BrokerEvent, at: number): void {
    const key = this.#groupKey(event);
    const group = this.groups.get(key);
    const firing = group?.firing;
    if (group === undefined || firing === undefined || this.spec.kind === 'absence') return;
    const resolve = this.spec.resolve;
    if (resolve.per === undefined) {
      if (at >= firing.startsAt) this.resolveGroup(key, group, at);
      return;
    }
    const item = this.#itemKey(resolve.per, event);
    const open = firing.open[item];
    if (open === undefined || open.resolvedAt !== undefined || at < open.since) return;
    if (resolve.covers !== undefined) {
      const have = listValues(event[resolve.covers.field]);
      if (!open.need.every((v) => have.includes(v))) return;
    }
    open.resolvedAt = at;
    if (Object.values(firing.open).every((o) => o.resolvedAt !== undefined)) this.resolveGroup(key, group, at);
    else this.#dirty.add(key);
  }

  #groupKey(event: BrokerEvent): string {
    let key = '';
    for (const field of this.spec.group_by) key += `${formatValue(event[field])}\u0001`;
    return key;
  }

  #groupLabels(event: BrokerEvent): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const field of this.spec.group_by) labels[field] = formatValue(event[field]);
    return labels;
  }

  #itemKey(per: readonly FieldName[], event: BrokerEvent): string {
    return per.map((f) => formatValue(event[f])).join('-');
  }

  #render(group: GroupState, firing: FiringState, endsAt?: number): Alert {
    const labels = { alertname: this.name, severity: this.spec.severity, ...group.labels, ...this.spec.labels };
    const window = 'window_seconds' in this.spec ? this.spec.window_seconds : 'for_seconds' in this.spec ? this.spec.for_seconds : 0;
    const data = {
      label: (name: string) => labels[name as keyof typeof labels],
      last: (field: FieldName) => firing.lastEvent[field],
      distinct: (field: FieldName) => {
        const values = firing.distinct[field] ?? [];
        return { values, total: values.length };
      },
      count: firing.count,
      open: Object.keys(firing.open).filter((item) => endsAt !== undefined || firing.open[item]!.resolvedAt === undefined),
      window: formatDuration(window * 1000),
    };
    return {
      fingerprint: fingerprint(this.name, group.labels),
      rule: this.name,
      state: endsAt === undefined ? 'firing' : 'resolved',
      severity: this.spec.severity,
      labels,
      annotations: { summary: this.#summary.render(data), description: this.#description.render(data) },
      startsAt: firing.startsAt as Instant,
      ...(endsAt === undefined ? {} : { endsAt: endsAt as Instant }),
      eventIds: [...firing.eventIds],
      eventCount: firing.count,
    };
  }
}

/** At least `count` matching events within `window_seconds` (match: every matching event). */
class CountingRule extends GroupedRule {
  readonly #count: number;
  readonly #windowMs: number;

  constructor(spec: Extract<RuleSpec, { kind: 'match' | 'threshold' }>, options: RuleOptions) {
    super(spec, options);
    this.#count = spec.kind === 'threshold' ? spec.count : 1;
    this.#windowMs = spec.kind === 'threshold' ? spec.window_seconds * 1000 : 0;
  }

  protected onMatch(key: string, group: GroupState, event: BrokerEvent, at: number): void {
    if (group.firing !== undefined) {
      this.join(key, group, event, at);
      return;
    }
    insertSorted(group.pending, { at, event });
    const cutoff = this.maxSeen - this.lateness - this.#windowMs;
    while (group.pending.length > 0 && group.pending[0]!.at < cutoff) group.pending.shift();
    const best = maxInWindow(
      group.pending.map((p) => p.at),
      this.#windowMs,
    );
    if (best.count >= this.#count) {
      const events = group.pending.filter((p) => p.at >= best.from && p.at <= best.to);
      group.pending = [];
      this.fire(key, group, best.to, events);
    }
  }
}

/** A field's value changes at least `changes` times within `window_seconds` (flapping). */
class ChangeRule extends GroupedRule {
  readonly #field: FieldName;
  readonly #changes: number;
  readonly #windowMs: number;

  constructor(spec: Extract<RuleSpec, { kind: 'change' }>, options: RuleOptions) {
    super(spec, options);
    this.#field = spec.field;
    this.#changes = spec.changes;
    this.#windowMs = spec.window_seconds * 1000;
  }

  protected onMatch(key: string, group: GroupState, event: BrokerEvent, at: number): void {
    if (event[this.#field] === undefined) return;
    insertSorted(group.pending, { at, event });
    // Keep the last observation before the window: it is the value the first change changes from.
    const cutoff = this.maxSeen - this.lateness - this.#windowMs;
    while (group.pending.length > 1 && group.pending[1]!.at < cutoff) group.pending.shift();
    const changes = this.#changePoints(group.pending);
    if (group.firing !== undefined) {
      if (changes.some((c) => c.event === event)) this.join(key, group, event, at);
      return;
    }
    const best = maxInWindow(
      changes.map((c) => c.at),
      this.#windowMs,
    );
    if (best.count >= this.#changes) {
      this.fire(
        key,
        group,
        best.to,
        changes.filter((c) => c.at >= best.from && c.at <= best.to),
      );
    }
  }

  #changePoints(observations: readonly Pending[]): Pending[] {
    const out: Pending[] = [];
    for (let i = 1; i < observations.length; i++) {
      if (formatValue(observations[i]!.event[this.#field]) !== formatValue(observations[i - 1]!.event[this.#field])) out.push(observations[i]!);
    }
    return out;
  }
}

/** No matching event from a group for `for_seconds`: a broker or an agent gone silent. */
class AbsenceRule extends GroupedRule {
  readonly #forMs: number;

  constructor(spec: Extract<RuleSpec, { kind: 'absence' }>, options: RuleOptions) {
    super(spec, options);
    this.#forMs = spec.for_seconds * 1000;
  }

  protected onMatch(key: string, group: GroupState, event: BrokerEvent, at: number): void {
    if (at <= group.lastSeen) return;
    group.lastSeen = at;
    if (group.firing !== undefined && at > group.firing.startsAt) this.resolveGroup(key, group, at);
    group.pending = [{ at, event }];
  }

  protected override onAdvance(key: string, group: GroupState): void {
    const last = group.pending[0];
    if (group.firing !== undefined || last === undefined) return;
    if (this.horizon - group.lastSeen >= this.#forMs) this.fire(key, group, group.lastSeen + this.#forMs, [last]);
  }

  protected override canForget(): boolean {
    return false;
  }
}

export interface RuleKind<K extends RuleKindName = RuleKindName> {
  readonly name: K;
  compile(spec: Extract<RuleSpec, { kind: K }>, options: RuleOptions): Rule;
}

export const RULE_KIND_REGISTRY: { readonly [K in RuleKindName]: RuleKind<K> } = {
  match: { name: 'match', compile: (spec, options) => new CountingRule(spec, options) },
  threshold: { name: 'threshold', compile: (spec, options) => new CountingRule(spec, options) },
  change: { name: 'change', compile: (spec, options) => new ChangeRule(spec, options) },
  absence: { name: 'absence', compile: (spec, options) => new AbsenceRule(spec, options) },
};

export function compileRule(spec: RuleSpec, options: RuleOptions): Rule {
  switch (spec.kind) {
    case 'match':
      return RULE_KIND_REGISTRY.match.compile(spec, options);
    case 'threshold':
      return RULE_KIND_REGISTRY.threshold.compile(spec, options);
    case 'change':
      return RULE_KIND_REGISTRY.change.compile(spec, options);
    case 'absence':
      return RULE_KIND_REGISTRY.absence.compile(spec, options);
  }
}
