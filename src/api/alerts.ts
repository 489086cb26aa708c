// Alerts, silences and rules. The alert history and the silences belong to the alert service
// (src/notify); the API reaches them through AlertsProvider, so a process without rules (an
// ingester) serves these routes with 501 instead of guessing.
import { z } from 'zod';
import type { Clock, Instant } from '../core/index.js';
import type { LoadedRule } from '../config/index.js';
import { SilenceError, matcherSchema, type AlertQuery, type NewSilence, type Silence } from '../notify/index.js';
import type { Alert } from '../rules/index.js';
import { ApiError, invalidParameters } from './errors.js';
import { durationParam, integerParam, resolveTime, timeParam } from './params.js';
import { notFound, type RouteTable } from './routes.js';

/** The alert service as the API uses it (AlertService of src/notify implements it). */
export interface AlertsProvider {
  /** The alert history, newest first. */
  alerts(query: AlertQuery): readonly Alert[] | Promise<readonly Alert[]>;
  /** Not yet ended silences; with `all`, the ended ones too. */
  listSilences(all: boolean): readonly Silence[] | Promise<readonly Silence[]>;
  /** @throws SilenceError when the silence is refused (no matcher that restricts, ends before now). */
  addSilence(silence: NewSilence): Silence | Promise<Silence>;
  /** False when there is no such silence or it had already ended. */
  expireSilence(id: string): boolean | Promise<boolean>;
}

const iso = (instant: number): string => new Date(instant).toISOString();

const alertSchema = z.object({
  fingerprint: z.string().describe('the rule and group: the same incident keeps it'),
  rule: z.string(),
  state: z.enum(['firing', 'resolved']),
  severity: z.enum(['info', 'warning', 'critical']),
  labels: z.record(z.string(), z.string()),
  summary: z.string(),
  description: z.string(),
  starts_at: z.string(),
  ends_at: z.string().optional().describe('set once resolved'),
  event_ids: z.array(z.string()).readonly().describe('the first events that caused it: fetch them with search?filter=event.id:<id>'),
  event_count: z.number().int().describe('every event that caused or joined it'),
});

function alertBody(alert: Alert): z.input<typeof alertSchema> {
  return {
    fingerprint: alert.fingerprint,
    rule: alert.rule,
    state: alert.state,
    severity: alert.severity,
    labels: alert.labels,
    summary: alert.annotations.summary,
    description: alert.annotations.description,
    starts_at: iso(alert.startsAt),
    ...(alert.endsAt === undefined ? {} : { ends_at: iso(alert.endsAt) }),
    event_ids: alert.eventIds,
    event_count: alert.eventCount,
  };
}

const silenceSchema = z.object({
  id: z.string(),
  matchers: z.array(matcherSchema).readonly(),
  starts_at: z.string(),
  ends_at: z.string(),
  created_by: z.string(),
  comment: z.string(),
  state: z.enum(['pending', 'active', 'expired']).describe('as of the answer'),
});

function silenceBody(silence: Silence, now: Instant): z.input<typeof silenceSchema> {
  return {
    id: silence.id,
    matchers: silence.matchers,
    starts_at: iso(silence.startsAt),
    ends_at: iso(silence.endsAt),
    created_by: silence.createdBy,
    comment: silence.comment,
    state: now < silence.startsAt ? 'pending' : now < silence.endsAt ? 'active' : 'expired',
  };
}

const newSilenceBody = z
  .strictObject({
    matchers: z.array(matcherSchema).min(1).describe('all must match an alert\'s labels, as in Alertmanager'),
    starts_at: timeParam.optional().describe('default: now'),
    ends_at: timeParam.optional().describe('when it ends; or give `duration`'),
    duration: durationParam.optional().describe('how long from its start, e.g. 2h; or give `ends_at`'),
    created_by: z.string().trim().min(1).describe('who silences: a name the next on-call recognises'),
    comment: z.string().trim().min(1).describe('why: the maintenance, the ticket'),
  })
  .refine((body) => (body.ends_at === undefined) !== (body.duration === undefined), {
    message: 'give either ends_at or duration',
    path: ['ends_at'],
  });

export const unavailable = (what: string): ApiError =>
  new ApiError(501, 'not_configured', `this brokerwatch process does not serve ${what} (it runs no alert service)`);

export interface AlertRoutesDeps {
  readonly clock: Clock;
  readonly alerts: AlertsProvider | undefined;
  readonly rules: readonly LoadedRule[] | undefined;
}

const ruleSchema = z.object({
  name: z.string(),
  kind: z.string(),
  severity: z.string(),
  summary: z.string(),
  description: z.string(),
  file: z.string().describe('the rule file it was read from'),
  spec: z.record(z.string(), z.unknown()).describe('the rule as written (docs/rules.md)'),
});

export function alertRoutes(table: RouteTable, deps: AlertRoutesDeps): void {
  const { clock } = deps;
  const provider = (what: string): AlertsProvider => {
    if (deps.alerts === undefined) throw unavailable(what);
    return deps.alerts;
  };

  table.add({
    method: 'GET',
    path: '/api/v1/alerts',
    operationId: 'alerts',
    tag: 'alerts',
    summary: 'Firing and resolved alerts, newest first',
    access: 'read',
    query: z.strictObject({
      state: z.enum(['firing', 'resolved']).optional(),
      since: timeParam.optional().describe('only alerts still firing at or after this time'),
      limit: integerParam(1, 1000).default(100),
    }),
    response: { status: 200, description: 'the alerts', schema: z.object({ alerts: z.array(alertSchema).readonly() }) },
    errors: [501],
    handler: async ({ query }) => {
      const alerts = await provider('alerts').alerts({
        ...(query.state === undefined ? {} : { state: query.state }),
        ...(query.since === undefined ? {} : { since: resolveTime(query.since, clock, 'since') }),
        limit: query.limit,
      });
      return { alerts: alerts.map(alertBody) };
    },
  });

  table.add({
    method: 'GET',
    path: '/api/v1/silences',
    operationId: 'listSilences',
    tag: 'silences',
    summary: 'Silences not yet ended (or all of them)',
    access: 'read',
    query: z.strictObject({ all: z.enum(['true', 'false']).default('false').describe('include ended silences') }),
    response: { status: 200, description: 'the silences, by start', schema: z.object({ silences: z.array(silenceSchema).readonly() }) },
    errors: [501],
    handler: async ({ query }) => {
      const silences = await provider('silences').listSilences(query.all === 'true');
      const now = clock.now();
      return { silences: silences.map((s) => silenceBody(s, now)) };
    },
  });

  table.add({
    method: 'POST',
    path: '/api/v1/silences',
    operationId: 'createSilence',
    tag: 'silences',
    summary: 'Silence alerts whose labels match, for a time',
    access: 'write',
    body: newSilenceBody,
    response: { status: 201, description: 'the silence created', schema: silenceSchema },
    errors: [501],
    handler: async ({ body }) => {
      const alerts = provider('silences');
      const startsAt = body.starts_at === undefined ? clock.now() : resolveTime(body.starts_at, clock, 'starts_at');
      const endsAt = body.ends_at === undefined ? ((startsAt + body.duration!) as Instant) : resolveTime(body.ends_at, clock, 'ends_at');
      try {
        const silence = await alerts.addSilence({ matchers: body.matchers, startsAt, endsAt, createdBy: body.created_by, comment: body.comment });
        return silenceBody(silence, clock.now());
      } catch (error) {
        // The service refuses a silence for its matchers or for its times; its context says which.
        if (error instanceof SilenceError) throw invalidParameters([{ parameter: 'endsAt' in error.context ? 'ends_at' : 'matchers', message: error.message }]);
        throw error;
      }
    },
  });

  table.add({
    method: 'DELETE',
    path: '/api/v1/silences/:id',
    operationId: 'expireSilence',
    tag: 'silences',
    summary: 'End a silence now (it stays in the list, ended)',
    access: 'write',
    params: z.strictObject({ id: z.string().min(1) }),
    response: { status: 204, description: 'ended' },
    errors: [404, 501],
    handler: async ({ params }) => {
      if (!(await provider('silences').expireSilence(params.id))) throw notFound(`no silence ${params.id} that has not ended`);
      return undefined;
    },
  });

  table.add({
    method: 'GET',
    path: '/api/v1/rules',
    operationId: 'rules',
    tag: 'alerts',
    summary: 'The rules this process runs',
    access: 'read',
    response: { status: 200, description: 'the rules, by name', schema: z.object({ rules: z.array(ruleSchema).readonly() }) },
    errors: [501],
    handler: () => {
      if (deps.rules === undefined) throw unavailable('rules');
      const rules = [...deps.rules].sort((a, b) => a.spec.name.localeCompare(b.spec.name));
      return Promise.resolve({
        rules: rules.map(({ spec, file }) => ({
          name: spec.name,
          kind: spec.kind,
          severity: spec.severity,
          summary: spec.summary,
          description: spec.description,
          file,
          spec: spec,
        })),
      });
    },
  });
}
