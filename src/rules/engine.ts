// The rule engine: every compiled rule behind one feed/advance, with the two guarantees that need
// a view across rules. An event is counted once however often it is delivered (its id is
// remembered while it could still count), and event time moves a watermark: a record older than
// the newest one seen minus the allowed lateness is dropped as late, and counted as such.
import type { BrokerEvent, EventId, Instant } from '../core/index.js';
import type { AlertChange } from './alert.js';
import { compileRule, type Rule, type RuleSnapshot } from './rule.js';
import type { RuleSpec } from './spec.js';

export interface RuleEngineOptions {
  /** Event time a record may lag the newest one seen and still count. */
  readonly allowedLatenessMs: number;
}

export const DEFAULT_ALLOWED_LATENESS_MS = 30_000;

export type FeedResult = 'accepted' | 'duplicate' | 'late' | 'invalid_timestamp';

/** The whole engine state as plain JSON: restore() after a restart neither re-fires nor forgets. */
export interface EngineSnapshot {
  readonly version: 1;
  /** Newest event time seen. */
  readonly maxSeen: number;
  readonly seen: ReadonlyArray<readonly [string, number]>;
  readonly rules: Readonly<Record<string, RuleSnapshot>>;
}

const NEVER = -8.64e15;

export class RuleEngine {
  readonly #rules: readonly Rule[];
  readonly #byAction = new Map<string, Rule[]>();
  readonly #everyEvent: readonly Rule[];
  readonly #latenessMs: number;
  /** Newest event time seen. */
  #maxSeen = NEVER;
  /** Ids of accepted events: remembered while an event with that time could still count. */
  #seen = new Set<string>();
  /** The same ids in arrival order with their times, a queue whose front is pruned. */
  #order: Array<readonly [string, number]> = [];
  #head = 0;

  constructor(specs: readonly RuleSpec[], options: RuleEngineOptions = { allowedLatenessMs: DEFAULT_ALLOWED_LATENESS_MS }) {
    this.#latenessMs = options.allowedLatenessMs;
    this.#rules = specs.map((spec) => compileRule(spec, { allowedLatenessMs: options.allowedLatenessMs }));
    const every: Rule[] = [];
    for (const rule of this.#rules) {
      if (rule.actions === undefined) {
        every.push(rule);
        continue;
      }
      for (const action of rule.actions) {
        const list = this.#byAction.get(action) ?? [];
        list.push(rule);
        this.#byAction.set(action, list);
      }
    }
    this.#everyEvent = every;
  }

  get rules(): readonly Rule[] {
    return this.#rules;
  }

  /** Events older than this (event time) are late and no longer counted. */
  get watermark(): number {
    return this.#maxSeen - this.#latenessMs;
  }

  feed(event: BrokerEvent): FeedResult {
    const at = Date.parse(event['@timestamp']);
    if (Number.isNaN(at)) return 'invalid_timestamp';
    if (at < this.watermark) return 'late';
    const id: EventId = event['event.id'];
    if (this.#seen.has(id)) return 'duplicate';
    this.#seen.add(id);
    this.#order.push([id, at]);
    if (at > this.#maxSeen) this.#maxSeen = at;
    const action = event['event.action'];
    if (action !== undefined) {
      const rules = this.#byAction.get(action);
      if (rules !== undefined) for (const rule of rules) rule.feed(event, at as Instant);
    }
    for (const rule of this.#everyEvent) rule.feed(event, at as Instant);
    this.#forgetLate();
    return 'accepted';
  }

  /** Moves time to `now` (wall clock live, event time in a replay) and returns what changed. */
  advance(now: Instant): AlertChange[] {
    this.#forgetLate();
    return this.#rules.flatMap((rule) => rule.advance(now));
  }

  snapshot(): EngineSnapshot {
    this.#forgetLate();
    return {
      version: 1,
      maxSeen: this.#maxSeen,
      seen: this.#order.slice(this.#head),
      rules: Object.fromEntries(this.#rules.map((rule) => [rule.name, rule.snapshot()])),
    };
  }

  /** Rules absent from the snapshot (added since) start empty; state of removed rules is dropped. */
  restore(snapshot: EngineSnapshot): void {
    this.#maxSeen = snapshot.maxSeen;
    this.#order = snapshot.seen.map(([id, at]) => [id, at] as const);
    this.#head = 0;
    this.#seen = new Set(this.#order.map(([id]) => id));
    for (const rule of this.#rules) {
      const state = snapshot.rules[rule.name];
      if (state !== undefined) rule.restore(state);
    }
  }

  /**
   * Ids arrive almost in time order, so dropping from the front until the first still-current id
   * keeps the set near its bound without a sort; an id behind a straggler waits for a later pass.
   */
  #forgetLate(): void {
    const watermark = this.watermark;
    const order = this.#order;
    while (this.#head < order.length && order[this.#head]![1] < watermark) {
      this.#seen.delete(order[this.#head]![0]);
      this.#head += 1;
    }
    if (this.#head > 1024 && this.#head * 2 > order.length) {
      this.#order = order.slice(this.#head);
      this.#head = 0;
    }
  }
}
