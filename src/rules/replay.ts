import type { BrokerEvent, Instant } from '../core/index.js';
import type { AlertChange } from './alert.js';
import type { RuleEngine } from './engine.js';

export interface ReplayWindow {
  /** Only events at or after this time are fed. */
  readonly since?: Instant;
  /** Only events before this time are fed, and time is advanced to it at the end. */
  readonly until?: Instant;
}

/** An alert change, with the event time at which the replay saw it happen. */
export interface ReplayedChange {
  readonly at: Instant;
  readonly change: AlertChange;
}

/**
 * Runs recorded events through `engine` in event-time order, moving time forward as the events
 * do, exactly as a live run moves it with the clock: what `rules test` prints is what would have
 * fired. Events of several files interleave by @timestamp; ties keep their input order. At the
 * end, time moves to `until` (or the last event), so windows and quiet periods close as they
 * would have by then.
 */
export function replay(engine: RuleEngine, events: readonly BrokerEvent[], window: ReplayWindow = {}): ReplayedChange[] {
  const timed = events
    .map((event, index) => ({ event, index, at: Date.parse(event['@timestamp']) }))
    .filter(({ at }) => !Number.isNaN(at) && (window.since === undefined || at >= window.since) && (window.until === undefined || at < window.until))
    .sort((a, b) => a.at - b.at || a.index - b.index);

  const changes: ReplayedChange[] = [];
  const advanceTo = (at: number): void => {
    for (const change of engine.advance(at as Instant)) changes.push({ at: at as Instant, change });
  };
  let now = Number.NEGATIVE_INFINITY;
  for (const { event, at } of timed) {
    if (at > now) {
      if (now !== Number.NEGATIVE_INFINITY) advanceTo(now);
      now = at;
    }
    engine.feed(event);
  }
  const end = window.until ?? (now === Number.NEGATIVE_INFINITY ? undefined : now);
  if (end !== undefined) advanceTo(end);
  return changes;
}
