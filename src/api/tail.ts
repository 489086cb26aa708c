// Live tail: newly stored events that match, streamed as Server-Sent Events. The store is polled
// with search_after on (@timestamp, event.id), which finds every event stored in order. Events are
// not always stored in @timestamp order: agents on several hosts flush at different moments, so an
// event can land behind one already tailed. Those are found by counting the last `lateness` of
// event time at each poll: when the store holds more events there than the tail has seen, the
// window is read again and what is new is sent. An event older than that window when it is stored
// is not sent (search finds it); nothing is ever sent twice. A tail resumed from its last id sends
// what sorts after that id; what was stored behind it while the client was away is left to search.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  decodeCursor,
  encodeCursor,
  type BrokerEvent,
  type Clock,
  type Criteria,
  type Cursor,
  type CursorPosition,
  type EventId,
  type Instant,
  type SearchQuery,
} from '../core/index.js';
import type { EventStore } from '../store/index.js';
import type { Telemetry } from '../telemetry/index.js';
import { apiErrorOf } from './errors.js';
import { criteriaOf, criteriaShape, cursorParam, integerParam } from './params.js';
import type { RouteTable } from './routes.js';

export interface TailOptions {
  /** How often the store is asked for new events (default 1 s). */
  readonly pollIntervalMs?: number;
  /** A comment line this often keeps proxies from closing an idle stream (default 15 s). */
  readonly heartbeatMs?: number;
  /** How far behind the newest tailed event a late event is still sent (default 30 s, as the rules' allowed lateness). */
  readonly latenessMs?: number;
}

const DEFAULTS = { pollIntervalMs: 1000, heartbeatMs: 15_000, latenessMs: 30_000 } as const;
const PAGE = 500;
/** Events sent per poll at most; the rest follow at the next poll, so one poll never holds a flood in memory. */
const MAX_PER_POLL = 5000;

type Position = CursorPosition;

const positionOf = (event: BrokerEvent): Position => ({ timestamp: Date.parse(event['@timestamp']) as Instant, id: event['event.id'] });

const atOrBefore = (a: Position, b: Position): boolean => a.timestamp < b.timestamp || (a.timestamp === b.timestamp && a.id <= b.id);

/** The polling side of a tail, over any EventStore; the SSE side is below. */
export class EventTail {
  readonly #store: EventStore;
  readonly #criteria: Criteria;
  readonly #latenessMs: number;
  /** The newest position sent (or skipped as already there at the start). */
  #position: Position | undefined;
  /** Every event seen at or after `#floor`, with its time, so a late one is told from a known one. */
  readonly #seen = new Map<EventId, Instant>();

  constructor(store: EventStore, criteria: Criteria, latenessMs: number) {
    this.#store = store;
    this.#criteria = criteria;
    this.#latenessMs = latenessMs;
  }

  /** Where the tail stands: resume with it (`after`) and nothing in between is lost. */
  get cursor(): Cursor | undefined {
    return this.#position === undefined ? undefined : encodeCursor(this.#position);
  }

  /**
   * Places the tail after `after` (a cursor it gave before), or after the newest matching event,
   * and returns the last `backlog` events up to there, oldest first.
   */
  async start(backlog: number, after?: Cursor): Promise<BrokerEvent[]> {
    let shown: BrokerEvent[] = [];
    if (after !== undefined) {
      this.#position = decodeCursor(after);
    } else {
      const newest = await this.#store.search({ ...this.#criteria, order: 'newest_first', limit: Math.max(1, backlog) });
      if (newest.events.length === 0) return [];
      this.#position = positionOf(newest.events[0]!);
      shown = newest.events.slice(0, backlog).reverse();
    }
    const position = this.#position;
    for await (const event of this.#window()) {
      const at = positionOf(event);
      if (atOrBefore(at, position)) this.#seen.set(at.id, at.timestamp);
    }
    return shown;
  }

  /** Events stored since the last poll, each once: in order, then any late ones. */
  async poll(): Promise<BrokerEvent[]> {
    const found: BrokerEvent[] = [];
    const floor = this.#floor();
    for (;;) {
      const page = await this.#store.search({
        ...this.#criteria,
        ...(floor === undefined ? {} : { time: { from: floor } }),
        order: 'oldest_first',
        limit: PAGE,
        ...(this.#position === undefined ? {} : { after: encodeCursor(this.#position) }),
      });
      for (const event of page.events) this.#take(event, found);
      if (page.next === undefined || found.length >= MAX_PER_POLL) break;
    }
    if (await this.#lateArrivals()) {
      for await (const event of this.#window()) this.#take(event, found);
    }
    this.#prune();
    return found;
  }

  #take(event: BrokerEvent, found: BrokerEvent[]): void {
    const at = positionOf(event);
    if (this.#position === undefined || !atOrBefore(at, this.#position)) this.#position = at;
    if (this.#seen.has(at.id)) return;
    this.#seen.set(at.id, at.timestamp);
    found.push(event);
  }

  #floor(): Instant | undefined {
    return this.#position === undefined ? undefined : ((this.#position.timestamp - this.#latenessMs) as Instant);
  }

  /** Whether the store holds more events in the lateness window than the tail has seen there. */
  async #lateArrivals(): Promise<boolean> {
    const floor = this.#floor();
    if (floor === undefined) return false;
    const to = (this.#position!.timestamp + 1) as Instant;
    const buckets = await this.#store.histogram({ ...this.#criteria, time: { from: floor, to }, intervalMs: to - floor });
    return buckets.reduce((sum, bucket) => sum + bucket.count, 0) > this.#seen.size;
  }

  /** The events of the lateness window, oldest first, page by page. */
  async *#window(): AsyncGenerator<BrokerEvent> {
    const floor = this.#floor();
    if (floor === undefined) return;
    const query: SearchQuery = { ...this.#criteria, time: { from: floor, to: (this.#position!.timestamp + 1) as Instant }, order: 'oldest_first', limit: PAGE };
    let after: Cursor | undefined;
    do {
      const page = await this.#store.search(after === undefined ? query : { ...query, after });
      yield* page.events;
      after = page.next;
    } while (after !== undefined);
  }

  #prune(): void {
    const floor = this.#floor();
    if (floor === undefined) return;
    for (const [id, timestamp] of this.#seen) if (timestamp < floor) this.#seen.delete(id);
  }
}

// A tail has no time range: it starts at the newest event and follows.
const { q, filter, exists, missing } = criteriaShape;

export const tailParams = z.strictObject({
  q,
  filter,
  exists,
  missing,
  backlog: integerParam(0, 1000).default(0).describe('send the last this many matching events first'),
  after: cursorParam.optional().describe('resume after this SSE id (a browser sends it as Last-Event-ID by itself)'),
});

export interface TailDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  readonly options: TailOptions;
}

/** The open streams, so that closing the server ends them instead of waiting for them. */
export class TailStreams {
  readonly #open = new Set<() => void>();

  add(end: () => void): () => void {
    this.#open.add(end);
    return () => this.#open.delete(end);
  }

  endAll(): void {
    for (const end of [...this.#open]) end();
  }
}

const sseData = (event: BrokerEvent, id: Cursor | undefined): string =>
  `${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(event)}\n\n`;

async function stream(request: FastifyRequest, reply: FastifyReply, tail: EventTail, backlog: number, after: Cursor | undefined, deps: TailDeps, streams: TailStreams): Promise<void> {
  const pollIntervalMs = deps.options.pollIntervalMs ?? DEFAULTS.pollIntervalMs;
  const heartbeatMs = deps.options.heartbeatMs ?? DEFAULTS.heartbeatMs;
  const raw = reply.raw;
  let closed = false;
  let wake: (() => void) | undefined;
  const end = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unregister();
    wake?.();
    raw.end();
  };
  const unregister = streams.add(end);
  request.raw.on('close', end);
  raw.on('error', end);
  // write() answering false means the client reads slower than events come: wait for it to drain.
  const write = async (chunk: string): Promise<void> => {
    if (closed || raw.write(chunk)) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
      raw.once('drain', resolve);
    });
  };
  const heartbeat = setInterval(() => void write(': heartbeat\n\n'), heartbeatMs);
  const sendError = async (error: unknown): Promise<void> => {
    const failure = apiErrorOf(error);
    deps.telemetry.emit('api_tail_poll_failed', { code: failure.code, error: error instanceof Error ? error.message : String(error) });
    await write(`event: store_error\ndata: ${JSON.stringify({ code: failure.code, message: failure.message })}\n\n`);
  };

  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    // nginx and similar proxies buffer responses unless told not to; a tail must not wait in a buffer.
    'x-accel-buffering': 'no',
  });
  await write(`retry: ${Math.max(1000, pollIntervalMs)}\n\n`);

  let started = false;
  while (!closed) {
    try {
      if (started) {
        for (const event of await tail.poll()) await write(sseData(event, tail.cursor));
      } else {
        const backlogEvents = await tail.start(backlog, after);
        started = true;
        for (const event of backlogEvents) await write(sseData(event, tail.cursor));
        // From here on, every matching event stored is sent: a client may rely on it.
        await write(': tail started\n\n');
      }
    } catch (error) {
      await sendError(error);
    }
    if (closed) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, pollIntervalMs);
    });
  }
}

export function tailRoute(table: RouteTable, deps: TailDeps, streams: TailStreams): void {
  table.add({
    method: 'GET',
    path: '/api/v1/tail',
    operationId: 'tail',
    tag: 'events',
    summary: 'Newly stored events that match, live (Server-Sent Events)',
    description:
      'Each event is one SSE message whose data is the event document and whose id is a cursor: reconnecting with it (Last-Event-ID, or `after`) resumes without a gap. ' +
      'A comment line is sent as a heartbeat; `event: store_error` tells that a poll failed (the tail keeps polling). ' +
      'Late events (stored after newer ones) are sent when found, up to a lateness window behind the newest.',
    access: 'read',
    query: tailParams,
    response: { status: 200, description: 'an endless text/event-stream', contentType: 'text/event-stream' },
    handler: (input, request, reply) => {
      const lastEventId = request.headers['last-event-id'];
      const resume = input.query.after ?? (typeof lastEventId === 'string' && lastEventId !== '' ? cursorParam.safeParse(lastEventId).data : undefined);
      const tail = new EventTail(deps.store, criteriaOf(input.query, deps.clock), deps.options.latenessMs ?? DEFAULTS.latenessMs);
      reply.hijack();
      stream(request, reply, tail, input.query.backlog, resume, deps, streams).catch((error: unknown) => {
        deps.telemetry.emit('api_request_failed', { method: request.method, path: '/api/v1/tail', error: error instanceof Error ? error.message : String(error) });
        reply.raw.destroy();
      });
      return Promise.resolve(undefined);
    },
  });
}
