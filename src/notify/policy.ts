// The notification policy, after Alertmanager's dispatcher: alerts are routed by their labels to a
// receiver, grouped by the route's group_by labels, and a group is notified group_wait after it
// forms, then at most every group_interval when its set of firing/resolved alerts changed, and
// again every repeat_interval while anything fires. Silenced and inhibited alerts are left out, and
// a route's notifications are held while one of its mute time intervals holds (or none of its
// active ones does).
// Pure: alert changes and the present are passed in; flush(now) returns the notifications due.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Instant } from '../core/index.js';
import type { Alert, AlertChange, AlertState } from '../rules/index.js';
import { matches, matcherSchema, type Labels, type Matcher } from './matchers.js';
import { inTimeInterval, timeIntervalSchema, type TimeIntervalSpec } from './time-intervals.js';

export type IdempotencyKey = string & { readonly __brand: 'IdempotencyKey' };

/** One message to one receiver: a group's alerts at one flush. */
export interface Notification {
  /** Same group and flush time, same key: a notification computed twice is stored once. */
  readonly key: IdempotencyKey;
  readonly receiver: string;
  readonly groupKey: string;
  readonly groupLabels: Labels;
  readonly status: AlertState;
  readonly alerts: readonly Alert[];
  readonly createdAt: Instant;
}

const seconds = z.number().nonnegative();

export const routeSchema = z.strictObject({
  receiver: z.string().min(1),
  matchers: z.array(matcherSchema).default([]),
  group_by: z.array(z.string()).default(['alertname', 'broker.cluster']),
  group_wait_seconds: seconds.default(10),
  group_interval_seconds: seconds.default(300),
  repeat_interval_seconds: seconds.default(4 * 3600),
  /** Keep looking for further matching routes after this one. */
  continue: z.boolean().default(false),
  /** Names of `time_intervals` during which this route sends nothing. */
  mute_time_intervals: z.array(z.string()).default([]),
  /** Names of `time_intervals` outside which this route sends nothing (none: always active). */
  active_time_intervals: z.array(z.string()).default([]),
});

export const inhibitRuleSchema = z.strictObject({
  source_matchers: z.array(matcherSchema).min(1),
  target_matchers: z.array(matcherSchema).min(1),
  /** Labels that must be equal in source and target (e.g. broker.cluster). */
  equal: z.array(z.string()).default([]),
});

/** Every time interval is named once, and every name a route gives is one of them. */
export function checkTimeIntervalNames(
  policy: { readonly routes: readonly RouteSpec[]; readonly time_intervals: readonly TimeIntervalSpec[] },
  ctx: z.RefinementCtx,
): void {
  const names = new Set<string>();
  policy.time_intervals.forEach((interval, i) => {
    if (names.has(interval.name)) ctx.addIssue({ code: 'custom', path: ['time_intervals', i, 'name'], message: `duplicates time interval "${interval.name}"` });
    names.add(interval.name);
  });
  const known = names.size === 0 ? ' (time_intervals is empty)' : `: ${[...names].map((n) => `"${n}"`).join(', ')}`;
  policy.routes.forEach((route, i) => {
    for (const key of ['mute_time_intervals', 'active_time_intervals'] as const) {
      route[key].forEach((name, j) => {
        if (!names.has(name)) ctx.addIssue({ code: 'custom', path: ['routes', i, key, j], message: `must name a time interval${known}` });
      });
    }
  });
}

export const policySchema = z
  .strictObject({
    routes: z.array(routeSchema).min(1),
    inhibit_rules: z.array(inhibitRuleSchema).default([]),
    /** Receivers that are not sent resolved notifications. */
    no_resolved: z.array(z.string()).default([]),
    /** Named recurring windows, for routes' mute_time_intervals and active_time_intervals. */
    time_intervals: z.array(timeIntervalSchema).default([]),
  })
  .superRefine(checkTimeIntervalNames);

export type RouteSpec = z.output<typeof routeSchema>;
export type InhibitRule = z.output<typeof inhibitRuleSchema>;
export type PolicySpec = z.output<typeof policySchema>;

/** A maintenance window: alerts matching every matcher are not notified between startsAt and endsAt. */
export interface Silence {
  readonly id: string;
  readonly matchers: readonly Matcher[];
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  readonly createdBy: string;
  readonly comment: string;
}

interface Group {
  readonly key: string;
  readonly route: number;
  readonly labels: Record<string, string>;
  alerts: Record<string, Alert>;
  nextFlushAt: number;
  lastNotifiedAt: number | null;
  /** Fingerprints of the firing alerts the last notification carried. */
  notified: string[];
}

export interface PolicySnapshot {
  readonly groups: readonly Group[];
  readonly silences: readonly Silence[];
}

export class NotificationPolicy {
  readonly #spec: PolicySpec;
  #groups = new Map<string, Group>();
  #silences = new Map<string, Silence>();
  readonly #intervals: ReadonlyMap<string, TimeIntervalSpec>;

  /** `spec` as policySchema (or notifySchema) checked it: every interval a route names exists. */
  constructor(spec: PolicySpec) {
    this.#spec = spec;
    this.#intervals = new Map(spec.time_intervals.map((interval) => [interval.name, interval]));
  }

  ingest(changes: readonly AlertChange[], now: Instant): void {
    for (const { alert } of changes) {
      for (const route of this.#routesFor(alert.labels)) {
        const spec = this.#spec.routes[route]!;
        const labels = Object.fromEntries(spec.group_by.map((name) => [name, alert.labels[name] ?? '']));
        const key = `${route}:${spec.receiver}:${JSON.stringify(labels)}`;
        let group = this.#groups.get(key);
        if (group === undefined) {
          group = { key, route, labels, alerts: {}, nextFlushAt: now + spec.group_wait_seconds * 1000, lastNotifiedAt: null, notified: [] };
          this.#groups.set(key, group);
        }
        group.alerts[alert.fingerprint] = alert;
      }
    }
  }

  /** When flush() next has something to do, if ever. */
  nextFlushAt(): Instant | undefined {
    let next: number | undefined;
    for (const g of this.#groups.values()) if (next === undefined || g.nextFlushAt < next) next = g.nextFlushAt;
    return next as Instant | undefined;
  }

  flush(now: Instant): Notification[] {
    const out: Notification[] = [];
    const all = [...this.#groups.values()].flatMap((g) => Object.values(g.alerts));
    for (const group of this.#groups.values()) {
      if (group.nextFlushAt > now) continue;
      const route = this.#spec.routes[group.route]!;
      if (this.#muted(route, now)) {
        // Held, as Alertmanager holds a muted route: what still fires when the window ends is sent
        // then (and the resolution of what was sent before it); what came and went inside it, the
        // restarts of a patch window, never is.
        this.#settle(group, route, now, (a) => a.state === 'resolved' && !group.notified.includes(a.fingerprint));
        continue;
      }
      const visible = Object.values(group.alerts).filter((a) => !this.isSilenced(a, now) && !this.#isInhibited(a, all));
      const firing = visible.filter((a) => a.state === 'firing');
      const sendResolved = !this.#spec.no_resolved.includes(route.receiver);
      // Resolved alerts go out when their firing went out, and also when they came and went between
      // two flushes (an alarm set and cleared within group_wait, or read in one batch after a lag):
      // unlike a metric scraped at intervals, a log record says it happened, and the admin should
      // learn of it. Alertmanager drops those; a receiver told `no_resolved` gets neither.
      const resolved = visible.filter((a) => a.state === 'resolved' && sendResolved);
      const firingKeys = firing.map((a) => a.fingerprint).sort();
      const changed = firingKeys.some((fp) => !group.notified.includes(fp)) || resolved.length > 0;
      const repeat = firing.length > 0 && group.lastNotifiedAt !== null && now - group.lastNotifiedAt >= route.repeat_interval_seconds * 1000;
      if (changed || repeat) {
        out.push(this.#notification(group, route.receiver, [...firing, ...resolved], now));
        group.notified = firingKeys;
        group.lastNotifiedAt = now;
      }
      this.#settle(group, route, now, (a) => a.state === 'resolved');
    }
    return out;
  }

  /** Drops the alerts `done` says are over, and the group once it holds none; else it is due again a group_interval later. */
  #settle(group: Group, route: RouteSpec, now: Instant, done: (alert: Alert) => boolean): void {
    for (const a of Object.values(group.alerts)) if (done(a)) delete group.alerts[a.fingerprint];
    group.notified = group.notified.filter((fp) => group.alerts[fp] !== undefined);
    if (Object.keys(group.alerts).length === 0) this.#groups.delete(group.key);
    else group.nextFlushAt = now + route.group_interval_seconds * 1000;
  }

  addSilence(silence: Silence): void {
    this.#silences.set(silence.id, silence);
  }

  /** Ends a silence now; the alerts it held back are notified at their group's next flush. */
  expireSilence(id: string, now: Instant): boolean {
    const silence = this.#silences.get(id);
    if (silence === undefined) return false;
    this.#silences.set(id, { ...silence, endsAt: Math.min(silence.endsAt, now) as Instant });
    return true;
  }

  /** Replaces every silence: the alert database is their source, read again before each flush. */
  setSilences(silences: readonly Silence[]): void {
    this.#silences = new Map(silences.map((s) => [s.id, s]));
  }

  silences(): Silence[] {
    return [...this.#silences.values()];
  }

  isSilenced(alert: Alert, now: Instant): boolean {
    for (const s of this.#silences.values()) {
      if (s.startsAt <= now && now < s.endsAt && matches(s.matchers, alert.labels)) return true;
    }
    return false;
  }

  snapshot(): PolicySnapshot {
    return structuredClone({ groups: [...this.#groups.values()], silences: [...this.#silences.values()] });
  }

  restore(snapshot: PolicySnapshot): void {
    const copy = structuredClone(snapshot);
    this.#groups = new Map(copy.groups.map((g) => [g.key, g]));
    this.#silences = new Map(copy.silences.map((s) => [s.id, s]));
  }

  #muted(route: RouteSpec, now: Instant): boolean {
    const holds = (name: string) => inTimeInterval(this.#intervals.get(name)!, now);
    return route.mute_time_intervals.some(holds) || (route.active_time_intervals.length > 0 && !route.active_time_intervals.some(holds));
  }

  #routesFor(labels: Labels): number[] {
    const out: number[] = [];
    for (const [i, route] of this.#spec.routes.entries()) {
      if (!matches(route.matchers, labels)) continue;
      out.push(i);
      if (!route.continue) break;
    }
    return out;
  }

  /** A firing source alert with equal `equal` labels holds back the target (never itself). */
  #isInhibited(target: Alert, all: readonly Alert[]): boolean {
    for (const rule of this.#spec.inhibit_rules) {
      if (!matches(rule.target_matchers, target.labels)) continue;
      for (const source of all) {
        if (source.state !== 'firing' || source.fingerprint === target.fingerprint) continue;
        if (!matches(rule.source_matchers, source.labels)) continue;
        if (rule.equal.every((name) => (source.labels[name] ?? '') === (target.labels[name] ?? ''))) return true;
      }
    }
    return false;
  }

  #notification(group: Group, receiver: string, alerts: Alert[], now: Instant): Notification {
    const key = createHash('sha256').update(group.key).update('\0').update(String(now)).digest('hex').slice(0, 32) as IdempotencyKey;
    return {
      key,
      receiver,
      groupKey: group.key,
      groupLabels: group.labels,
      status: alerts.some((a) => a.state === 'firing') ? 'firing' : 'resolved',
      alerts,
      createdAt: now,
    };
  }
}

