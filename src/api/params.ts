// Request parameters, as zod schemas: the routes validate with them and the OpenAPI document is
// generated from them, so the two cannot disagree. Times and durations are read by the query
// stage's parsers, so the API takes exactly what the CLI takes (`15m`, `now`, ISO-8601); a time
// relative to now is resolved against the server's clock when the request is served.
import { z } from 'zod';
import { fieldFilters, levelsFrom, parseDuration, parseTimeSpec, type EventFilters } from '../query/index.js';
import {
  DEFAULT_PAGE_SIZE,
  QueryError,
  decodeCursor,
  isFieldName,
  validateSearch,
  type Clock,
  type Criteria,
  type Cursor,
  type FieldFilter,
  type Instant,
} from '../core/index.js';

/** A whole number in [min, max] from a query string; one message for every way to miss it. */
export function integerParam(min: number, max: number) {
  const error = `must be an integer from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** The message of a QueryError as a zod issue (the query stage's parsers report with it). */
function asIssue<T>(parse: () => T, ctx: z.RefinementCtx): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
    return z.NEVER;
  }
}

export const durationParam = z
  .string()
  .describe('a duration as Prometheus writes one: 30s, 15m, 2h, 1h30m, 1d')
  .transform((text, ctx) => asIssue(() => parseDuration(text), ctx));

/**
 * A time as the CLI takes it (src/query/time-spec.ts): `15m` back from now, `now`, or ISO-8601 (no
 * zone means UTC). Checked on arrival; resolved against the server's clock by resolveTime().
 */
export const timeParam = z
  .string()
  .describe('15m, 2h, 7d (that long before now), now, or ISO-8601 such as 2026-11-25T10:00:00Z (no zone means UTC)')
  .superRefine((text, ctx) => void asIssue(() => parseTimeSpec(text, 0 as Instant), ctx));

export function resolveTime(text: string, clock: Clock, parameter: string): Instant {
  return parseTimeSpec(text, clock.now(), parameter);
}

/** A query parameter that may be given several times; one value is a list of one. */
function repeated<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item));
}

/** Field filters through the query model's own validation, reported under the parameter's name. */
function checkedFilters(filters: FieldFilter[], ctx: z.RefinementCtx): FieldFilter[] {
  return asIssue(() => {
    validateSearch({ filters });
    return filters;
  }, ctx);
}

const fieldParam = z.string().refine(isFieldName, { message: 'is not an event field (see docs/schema.md)' });

/** A filter admins give by name, read by the query stage exactly as the CLI reads its flag. */
const namedFilter = (name: Exclude<keyof EventFilters, 'level'>, description: string) =>
  repeated(z.string().min(1))
    .describe(`${description}; repeat it to match any of several`)
    .superRefine((values, ctx) => void asIssue(() => validateSearch({ filters: fieldFilters({ [name]: values }) }), ctx));

const existsParam = (exists: boolean) =>
  repeated(fieldParam)
    .describe(exists ? 'only events that have this field (repeatable)' : 'only events without this field (repeatable)')
    .transform((fields, ctx) => checkedFilters(fields.map((field) => ({ field: field, exists })), ctx));

export const cursorParam = z
  .string()
  .describe('the `next` cursor of the previous page: the page continues strictly after it')
  .transform((text, ctx) => {
    try {
      decodeCursor(text as Cursor);
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this API' });
      return z.NEVER;
    }
    return text as Cursor;
  });

/** Filters on fields, by the names the CLI's flags have. Shared by search, histogram, tail and timeline. */
export const filterShape = {
  cluster: namedFilter('cluster', 'broker.cluster').optional(),
  host: namedFilter('host', 'host.name: the host the agent runs on').optional(),
  broker: namedFilter('broker', 'broker.id: a Kafka broker id or a RabbitMQ node name').optional(),
  dataset: namedFilter('dataset', 'event.dataset: kafka.log or rabbitmq.log').optional(),
  level: z
    .string()
    .describe('this log.level and every more severe one: trace, debug, info, notice, warning, error, critical')
    .superRefine((level, ctx) => void asIssue(() => levelsFrom(level), ctx))
    .optional(),
  action: namedFilter('action', 'event.action, e.g. isr_shrink (docs/taxonomy.md)').optional(),
  topic: namedFilter('topic', 'kafka.topic').optional(),
  partition: namedFilter('partition', 'kafka.partition').optional(),
  field: namedFilter('fields', 'name=value: any field of docs/schema.md that holds keywords or numbers; different fields must all match').optional(),
  exists: existsParam(true).optional(),
  missing: existsParam(false).optional(),
};

export const textParam = z.string().trim().min(1).describe('free text on the message: every word must occur (case-insensitive, whole words)');

/** What selects events: free text, a time range, filters. */
export const criteriaShape = {
  q: textParam.optional(),
  from: timeParam.describe('start of the time range, inclusive: 15m, 2h, 7d (back from now), now, or ISO-8601').optional(),
  to: timeParam.describe('end of the time range, exclusive: 15m, 2h, 7d (back from now), now, or ISO-8601').optional(),
  ...filterShape,
};

export type FilterParams = z.output<z.ZodObject<typeof filterShape>>;
export type CriteriaParams = z.output<z.ZodObject<typeof criteriaShape>>;

/** Every filter of the parameters: named ones as the CLI reads them, then presence. */
export function filtersOf(params: FilterParams): FieldFilter[] {
  const named: EventFilters = {
    ...(params.cluster === undefined ? {} : { cluster: params.cluster }),
    ...(params.host === undefined ? {} : { host: params.host }),
    ...(params.broker === undefined ? {} : { broker: params.broker }),
    ...(params.dataset === undefined ? {} : { dataset: params.dataset }),
    ...(params.level === undefined ? {} : { level: params.level }),
    ...(params.action === undefined ? {} : { action: params.action }),
    ...(params.topic === undefined ? {} : { topic: params.topic }),
    ...(params.partition === undefined ? {} : { partition: params.partition }),
    ...(params.field === undefined ? {} : { fields: params.field }),
  };
  return [...fieldFilters(named), ...(params.exists ?? []), ...(params.missing ?? [])];
}

/** The store's criteria of the parameters, relative times resolved now. */
export function criteriaOf(params: CriteriaParams, clock: Clock): Criteria {
  const from = params.from === undefined ? undefined : resolveTime(params.from, clock, 'from');
  const to = params.to === undefined ? undefined : resolveTime(params.to, clock, 'to');
  const filters = filtersOf(params);
  return {
    ...(params.q === undefined ? {} : { text: params.q }),
    ...(from === undefined && to === undefined ? {} : { time: { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) } }),
    ...(filters.length === 0 ? {} : { filters }),
  };
}

/** A page of the API: what a page or a script reads at once; more is paged with the cursor. */
export const MAX_API_PAGE_SIZE = 1000;

export const orderParam = z.enum(['newest_first', 'oldest_first']);

export const searchParams = z.strictObject({
  ...criteriaShape,
  order: orderParam.default('newest_first').describe('by @timestamp, then event.id'),
  limit: integerParam(1, MAX_API_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .describe('events per page; page on with `after` for more'),
  after: cursorParam.optional(),
});

