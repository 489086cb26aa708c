// Live tail as Server-Sent Events, over the query stage's Tail (src/query/tail.ts, the same one
// `brokerwatch tail` runs): each poll reads the lateness window behind the newest event sent and
// sends the events not sent yet, so one stored late (another host's agent behind, Elasticsearch's
// refresh) still comes, once. The stream says `: tail started` once the tail is placed after the
// newest stored event: from then on every matching event stored is sent. A heartbeat comment keeps
// proxies from closing it; closing the server ends every stream.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { BrokerEvent, Clock } from '../core/index.js';
import { DEFAULT_TAIL_LATENESS_MS, Tail } from '../query/index.js';
import type { EventStore } from '../store/index.js';
import type { Telemetry } from '../telemetry/index.js';
import { apiErrorOf } from './errors.js';
import { filterShape, filtersOf, integerParam, textParam } from './params.js';
import type { RouteTable } from './routes.js';

export interface TailOptions {
  /** How often the store is asked for new events (default 1 s). */
  readonly pollIntervalMs?: number;
  /** A comment line this often keeps proxies from closing an idle stream (default 15 s). */
  readonly heartbeatMs?: number;
  /** How far behind the newest event sent a late one is still sent (default DEFAULT_TAIL_LATENESS_MS, 30 s). */
  readonly latenessMs?: number;
}

const DEFAULTS = { pollIntervalMs: 1000, heartbeatMs: 15_000 } as const;

export const tailParams = z.strictObject({
  q: textParam.optional(),
  ...filterShape,
  backlog: integerParam(0, 1000).default(0).describe('send the last this many matching events first'),
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

const sseData = (event: BrokerEvent): string => `data: ${JSON.stringify(event)}\n\n`;

async function stream(request: FastifyRequest, reply: FastifyReply, tail: Tail, backlog: number, deps: TailDeps, streams: TailStreams): Promise<void> {
  const pollIntervalMs = deps.options.pollIntervalMs ?? DEFAULTS.pollIntervalMs;
  const heartbeatMs = deps.options.heartbeatMs ?? DEFAULTS.heartbeatMs;
  const raw = reply.raw;
  let closed = false;
  /** Everything waiting on the stream (a drain, the next poll): ending the stream releases them all. */
  const waiters = new Set<() => void>();
  const end = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unregister();
    for (const release of [...waiters]) release();
    raw.end();
  };
  const unregister = streams.add(end);
  request.raw.on('close', end);
  raw.on('error', end);
  /** Resolves after `ms`, or without `ms` once the client has drained what was written, or at the end. */
  const until = (ms?: number): Promise<void> =>
    new Promise<void>((resolve) => {
      if (closed) return resolve();
      const release = (): void => {
        waiters.delete(release);
        clearTimeout(timer);
        raw.off('drain', release);
        resolve();
      };
      const timer = ms === undefined ? undefined : setTimeout(release, ms);
      if (ms === undefined) raw.once('drain', release);
      waiters.add(release);
    });
  // write() answering false means the client reads slower than events come: wait for it to drain.
  const write = async (chunk: string): Promise<void> => {
    if (closed || raw.write(chunk)) return;
    await until();
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
        for (const event of await tail.poll(deps.clock.now())) await write(sseData(event));
      } else {
        const backlogEvents = await tail.backlog(backlog, deps.clock.now());
        started = true;
        for (const event of backlogEvents) await write(sseData(event));
        // From here on, every matching event stored is sent: a client may rely on it.
        await write(': tail started\n\n');
      }
    } catch (error) {
      await sendError(error);
    }
    if (closed) break;
    await until(pollIntervalMs);
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
      'Each event is one SSE message whose data is the event document. `: tail started` says the tail is placed: every matching event stored from then on is sent, once. ' +
      'A comment line is sent as a heartbeat; `event: store_error` tells that a poll failed (the tail keeps polling). ' +
      'An event stored behind newer ones is sent when found, up to a lateness window (30 s) behind the newest sent.',
    access: 'read',
    query: tailParams,
    response: { status: 200, description: 'an endless text/event-stream', contentType: 'text/event-stream' },
    handler: ({ query }, request, reply) => {
      const { q, backlog, ...filters } = query;
      const criteria = { ...(q === undefined ? {} : { text: q }), filters: filtersOf(filters) };
      const tail = new Tail(deps.store, criteria, { latenessMs: deps.options.latenessMs ?? DEFAULT_TAIL_LATENESS_MS });
      reply.hijack();
      stream(request, reply, tail, backlog, deps, streams).catch((error: unknown) => {
        deps.telemetry.emit('api_request_failed', { method: request.method, path: '/api/v1/tail', error: error instanceof Error ? error.message : String(error) });
        reply.raw.destroy();
      });
      return Promise.resolve(undefined);
    },
  });
}
