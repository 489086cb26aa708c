// Search, context and histogram: the store's queries, with the parameters of params.ts.
import { z } from 'zod';
import { MAX_HISTOGRAM_BUCKETS, type Clock, type EventId, type Instant } from '../core/index.js';
import type { EventStore } from '../store/index.js';
import { eventSchema } from './openapi.js';
import { criteriaOf, criteriaShape, durationParam, integerParam, searchParams } from './params.js';
import type { RouteTable } from './routes.js';

export interface EventRoutesDeps {
  readonly store: EventStore;
  readonly clock: Clock;
}

const MAX_CONTEXT = 1000;
/** Histogram intervals a person reads easily; the first that gives at most `buckets` bars is taken. */
const NICE_INTERVALS_MS = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 7 * 86_400].map((s) => s * 1000);
const DEFAULT_HISTOGRAM_SPAN_MS = 3_600_000;

export const pageSchema = z.object({
  events: z.array(eventSchema).readonly(),
  next: z.string().optional().describe('pass as `after` for the next page; absent on the last page'),
});

const contextSchema = z.object({
  before: z.array(eventSchema).readonly().describe('the records just before the anchor in its file, in file order'),
  anchor: eventSchema,
  after: z.array(eventSchema).readonly().describe('the records just after the anchor in its file, in file order'),
});

const histogramParams = z.strictObject({
  ...criteriaShape,
  interval: durationParam.optional().describe('bucket width (30s, 5m, 1h); chosen from `buckets` when absent'),
  buckets: integerParam(1, 1000).default(60).describe('about how many buckets, when `interval` is absent'),
});

const histogramSchema = z.object({
  from: z.string().describe('start of the first bucket (ISO-8601)'),
  to: z.string().describe('end of the range, exclusive (ISO-8601)'),
  interval_ms: z.number().int(),
  buckets: z.array(z.object({ start: z.string(), count: z.number().int() })).readonly(),
});

const iso = (instant: number): string => new Date(instant).toISOString();

/** The narrowest readable interval that keeps the range within `buckets` bars. */
export function histogramInterval(spanMs: number, buckets: number): number {
  return NICE_INTERVALS_MS.find((interval) => spanMs / interval <= buckets) ?? Math.ceil(spanMs / buckets);
}

export function eventRoutes(table: RouteTable, deps: EventRoutesDeps): void {
  const { store, clock } = deps;

  table.add({
    method: 'GET',
    path: '/api/v1/search',
    operationId: 'search',
    tag: 'events',
    summary: 'Events matching text, a time range and field filters, one page at a time',
    description: 'Pages continue strictly after the `next` cursor of the previous page (search_after), so events stored meanwhile neither repeat nor shift a page.',
    access: 'read',
    query: searchParams,
    response: { status: 200, description: 'one page of events', schema: pageSchema },
    errors: [503],
    handler: async ({ query }) => {
      const page = await store.search({
        ...criteriaOf(query, clock),
        order: query.order,
        limit: query.limit,
        ...(query.after === undefined ? {} : { after: query.after }),
      });
      return { events: page.events, ...(page.next === undefined ? {} : { next: page.next }) };
    },
  });

  table.add({
    method: 'GET',
    path: '/api/v1/events/:id/context',
    operationId: 'context',
    tag: 'events',
    summary: 'The records around one event in its own file',
    access: 'read',
    params: z.strictObject({ id: z.string().min(1).describe('the event.id') }),
    query: z.strictObject({
      before: integerParam(0, MAX_CONTEXT).default(10).describe('records before the event'),
      after: integerParam(0, MAX_CONTEXT).default(10).describe('records after the event'),
    }),
    response: { status: 200, description: 'the event and its neighbours', schema: contextSchema },
    errors: [404, 503],
    handler: ({ params, query }) => store.context({ id: params.id as EventId, before: query.before, after: query.after }),
  });

  table.add({
    method: 'GET',
    path: '/api/v1/histogram',
    operationId: 'histogram',
    tag: 'events',
    summary: 'How many events match, per time bucket',
    description: `The range defaults to the last hour. Every bucket is present, empty ones with count 0; at most ${MAX_HISTOGRAM_BUCKETS}.`,
    access: 'read',
    query: histogramParams,
    response: { status: 200, description: 'the buckets, oldest first', schema: histogramSchema },
    errors: [503],
    handler: async ({ query }) => {
      const criteria = criteriaOf(query, clock);
      const to = criteria.time?.to ?? clock.now();
      const from = criteria.time?.from ?? ((to - DEFAULT_HISTOGRAM_SPAN_MS) as Instant);
      const intervalMs = query.interval ?? histogramInterval(Math.max(0, to - from), query.buckets);
      const buckets = await store.histogram({ ...criteria, time: { from, to }, intervalMs });
      return {
        from: iso(buckets[0]?.start ?? from),
        to: iso(to),
        interval_ms: intervalMs,
        buckets: buckets.map((bucket) => ({ start: iso(bucket.start), count: bucket.count })),
      };
    },
  });
}
