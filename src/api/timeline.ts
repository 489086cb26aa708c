// The incident timeline of the query stage (src/query, docs/timeline.md), as JSON (the Timeline
// object, exactly as `brokerwatch timeline --format json` prints it) and as Markdown for a
// postmortem. For an alert, the window and cluster come from the alert (alertTimelineRequest).
import { z } from 'zod';
import { toInstant, type Clock } from '../core/index.js';
import { alertTimelineRequest, buildTimeline, DEFAULT_MAX_EVENTS, timelineMarkdown, type TimelineRequest } from '../query/index.js';
import type { EventStore } from '../store/index.js';
import { unavailable, type AlertsProvider } from './alerts.js';
import { timelineSchema } from './openapi.js';
import { durationParam, filterShape, filtersOf, integerParam, resolveTime, timeParam } from './params.js';
import { notFound, type RouteTable } from './routes.js';

/** Without `from`, a timeline covers the hour before `to`. */
const DEFAULT_SPAN_MS = 3_600_000;
/** An alert is looked up among this many of the newest. */
const ALERT_LOOKUP = 1000;

export const timelineParams = z
  .strictObject({
    ...filterShape,
    cluster: z.string().min(1).optional().describe('broker.cluster; absent: every cluster'),
    from: timeParam.optional().describe('start, inclusive (default: an hour before `to`): 15m, 2h, now, or ISO-8601'),
    to: timeParam.optional().describe('end, exclusive (default: now): 15m, 2h, now, or ISO-8601'),
    alert: z
      .string()
      .min(1)
      .optional()
      .describe("an alert's fingerprint: its cluster, from 5 minutes before it started to 5 minutes after it ended (to now while it fires)"),
    storm_gap: durationParam.optional().describe('events of a storm this far apart or closer are one entry (default 30s)'),
    max_events: integerParam(1, DEFAULT_MAX_EVENTS).optional().describe(`read at most this many notable events (default ${DEFAULT_MAX_EVENTS})`),
  })
  .refine((query) => query.alert === undefined || (query.from === undefined && query.to === undefined && query.cluster === undefined), {
    message: 'an alert sets the window and the cluster: leave out from, to and cluster',
    path: ['alert'],
  });

export interface TimelineRoutesDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly alerts: AlertsProvider | undefined;
}

export function timelineRoutes(table: RouteTable, deps: TimelineRoutesDeps): void {
  const { store, clock } = deps;

  const requestOf = async (query: z.output<typeof timelineParams>): Promise<TimelineRequest> => {
    const { cluster, ...others } = query;
    const filters = filtersOf(others);
    const options = {
      ...(query.storm_gap === undefined ? {} : { stormGapMs: query.storm_gap }),
      ...(query.max_events === undefined ? {} : { maxEvents: query.max_events }),
      ...(filters.length === 0 ? {} : { filters }),
    };
    if (query.alert !== undefined) {
      if (deps.alerts === undefined) throw unavailable('alerts');
      const alert = (await deps.alerts.alerts({ limit: ALERT_LOOKUP })).find((a) => a.fingerprint === query.alert);
      if (alert === undefined) throw notFound(`no alert ${query.alert} among the ${ALERT_LOOKUP} newest`);
      return { ...alertTimelineRequest(alert, clock.now()), ...options };
    }
    const to = query.to === undefined ? clock.now() : resolveTime(query.to, clock, 'to');
    const from = query.from === undefined ? toInstant(to - DEFAULT_SPAN_MS) : resolveTime(query.from, clock, 'from');
    return { from, to, ...(cluster === undefined ? {} : { cluster }), ...options };
  };

  const description =
    'Notable events of a cluster in a window, across every broker and node: storms collapsed into one entry each, ordered as logged, clock skew flagged (docs/timeline.md).';

  table.add({
    method: 'GET',
    path: '/api/v1/timeline',
    operationId: 'timeline',
    tag: 'timeline',
    summary: 'The incident timeline, as JSON (brokerwatch.timeline/v1)',
    description,
    access: 'read',
    query: timelineParams,
    response: { status: 200, description: 'the Timeline of docs/timeline.md', schema: timelineSchema },
    errors: [404, 503],
    handler: async ({ query }) => buildTimeline(store, await requestOf(query)),
  });

  table.add({
    method: 'GET',
    path: '/api/v1/timeline.md',
    operationId: 'timelineMarkdown',
    tag: 'timeline',
    summary: 'The incident timeline, as Markdown for a postmortem',
    description,
    access: 'read',
    query: timelineParams,
    response: { status: 200, description: 'a Markdown section: heading, counts, clock-skew warnings, one table row per entry', contentType: 'text/markdown; charset=utf-8' },
    errors: [404, 503],
    handler: async ({ query }) => timelineMarkdown(await buildTimeline(store, await requestOf(query))),
  });
}
