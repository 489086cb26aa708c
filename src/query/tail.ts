// Live tail over a store that is only searchable by event time. Events do not become visible in
// @timestamp order: agents ship in batches, hosts' clocks differ, Elasticsearch shows a write only
// after its next refresh. So each poll re-reads a lateness window behind the newest event seen
// (search_after paging through it), and prints only the ids it has not printed: within that
// window nothing is missed and nothing doubled. An event that becomes visible later than the
// lateness window behind the newest one is missed; the window is the caller's choice.
import { toInstant, type BrokerEvent, type Criteria, type EventId, type Instant } from '../core/index.js';
import type { EventStore } from '../store/index.js';
import { pages } from './pages.js';

export const DEFAULT_TAIL_LATENESS_MS = 30_000;
const PAGE = 1_000;

export interface TailOptions {
  /** How far behind the newest event seen a late one is still caught (default DEFAULT_TAIL_LATENESS_MS). */
  readonly latenessMs?: number;
}

const timeOf = (event: BrokerEvent): number => Date.parse(event['@timestamp']);
const byTime = (a: BrokerEvent, b: BrokerEvent): number => timeOf(a) - timeOf(b) || (a['event.id'] < b['event.id'] ? -1 : a['event.id'] > b['event.id'] ? 1 : 0);

export class Tail {
  readonly #store: EventStore;
  readonly #criteria: Criteria;
  readonly #latenessMs: number;
  /** Ids printed, with their times, back to the lateness horizon. */
  readonly #seen = new Map<EventId, number>();
  #newest: number | undefined;

  constructor(store: EventStore, criteria: Omit<Criteria, 'time'>, options: TailOptions = {}) {
    this.#store = store;
    this.#criteria = criteria;
    this.#latenessMs = options.latenessMs ?? DEFAULT_TAIL_LATENESS_MS;
  }

  /**
   * The last `count` matching events, oldest first: what `tail` shows before it follows. The other
   * events already stored are old news: later polls print only events stored after this.
   */
  async backlog(count: number, now: Instant): Promise<BrokerEvent[]> {
    // At least the newest one, whose time is where following starts.
    const newest = [...(await this.#store.search({ ...this.#criteria, order: 'newest_first', limit: Math.max(1, count) })).events].reverse();
    this.#remember(newest, now);
    this.#remember(await this.#unseen(now), now);
    return newest.slice(newest.length - count);
  }

  /** Matching events not returned before, oldest first. `now` caps a clock running ahead. */
  async poll(now: Instant): Promise<BrokerEvent[]> {
    const fresh = await this.#unseen(now);
    this.#remember(fresh, now);
    return fresh;
  }

  /** The window's events not seen yet, paged through with search_after. */
  async #unseen(now: Instant): Promise<BrokerEvent[]> {
    const horizon = toInstant((this.#newest ?? now) - this.#latenessMs);
    const fresh: BrokerEvent[] = [];
    for await (const page of pages((after) =>
      this.#store.search({ ...this.#criteria, time: { from: horizon }, order: 'oldest_first', limit: PAGE, ...(after === undefined ? {} : { after }) }),
    )) {
      for (const event of page.events) if (!this.#seen.has(event['event.id'])) fresh.push(event);
    }
    return fresh.sort(byTime);
  }

  #remember(events: readonly BrokerEvent[], now: Instant): void {
    for (const event of events) {
      const at = timeOf(event);
      this.#seen.set(event['event.id'], at);
      // A host whose clock runs ahead of ours must not move the window past events still to come.
      const capped = Math.min(at, now);
      if (this.#newest === undefined || capped > this.#newest) this.#newest = capped;
    }
    if (this.#newest === undefined) this.#newest = now;
    const horizon = this.#newest - this.#latenessMs;
    for (const [id, at] of this.#seen) if (at < horizon) this.#seen.delete(id);
  }
}
