// The OpenAPI 3.1 document, generated from the route table's zod schemas (JSON Schema 2020-12, which
// OpenAPI 3.1 uses as is). Schemas that zod cannot express (the event document, whose fields come
// from the field registry) are components referenced by name.
import { z } from 'zod';
import { FIELDS, FIELD_NAMES, type BrokerEvent, type FieldSpec } from '../core/index.js';
import { TIMELINE_FORMAT, type Timeline } from '../query/index.js';
import type { Authorizer } from './auth.js';
import type { DescribedRoute } from './routes.js';

type JsonSchema = Record<string, unknown>;

/** The event document as a zod type for handlers, shown in the document as the `Event` component. */
export const eventSchema = z.custom<BrokerEvent>();

// Keys BrokerEvent requires; the `satisfies` makes the compiler hold this list to the interface.
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
const REQUIRED_EVENT_FIELDS = {
  '@timestamp': true,
  message: true,
  'event.id': true,
  'event.original': true,
  'event.dataset': true,
  'service.type': true,
} as const satisfies Record<RequiredKeys<BrokerEvent>, true>;

function fieldSchema(spec: FieldSpec): JsonSchema {
  const one: JsonSchema =
    spec.type === 'date'
      ? { type: 'string', format: 'date-time' }
      : spec.type === 'integer' || spec.type === 'long'
        ? { type: 'integer' }
        : { type: 'string' };
  return { ...(spec.list === true ? { type: 'array', items: one } : one), description: spec.description };
}

function eventJsonSchema(): JsonSchema {
  return {
    type: 'object',
    description: 'One log record as an event: flat, dotted Elastic Common Schema field names (docs/schema.md)',
    properties: Object.fromEntries(FIELD_NAMES.map((name) => [name, fieldSchema(FIELDS[name])])),
    required: Object.keys(REQUIRED_EVENT_FIELDS),
  };
}

/** The timeline of the query stage, documented in docs/timeline.md and shown as the `Timeline` component. */
export const timelineSchema = z.custom<Timeline>();

function timelineJsonSchema(): JsonSchema {
  return {
    type: 'object',
    description: 'An incident timeline: the Timeline object of src/query, field by field in docs/timeline.md',
    properties: {
      format: { const: TIMELINE_FORMAT },
      cluster: { type: 'string' },
      from: { type: 'string', format: 'date-time' },
      to: { type: 'string', format: 'date-time' },
      eventCount: { type: 'integer' },
      truncated: { type: 'boolean' },
      lanes: { type: 'array', items: { type: 'object', description: 'a host that logged notable events: host, service, brokers, events' } },
      entries: { type: 'array', items: { type: 'object', description: 'one event or one collapsed storm: id, start, end, action, host, broker, count, summary, message, eventIds, skew, ...' } },
      skew: { type: 'array', items: { type: 'object', description: "a suspected clock skew: host, reference, atLeastMs, atMostMs, contradictions" } },
    },
    required: ['format', 'from', 'to', 'eventCount', 'truncated', 'lanes', 'entries', 'skew'],
  };
}

const COMPONENTS = new Map<z.ZodType, string>([
  [eventSchema, 'Event'],
  [timelineSchema, 'Timeline'],
]);

export const errorSchema = z.object({
  code: z.string().describe('stable error code (docs/api.md)'),
  message: z.string(),
  issues: z.array(z.object({ parameter: z.string(), message: z.string() })).optional().describe('for invalid_parameter: one entry per parameter'),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      const name = COMPONENTS.get(ctx.zodSchema as unknown as z.ZodType);
      if (name === undefined) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonSchema)[key];
      (ctx.jsonSchema as JsonSchema).$ref = `#/components/schemas/${name}`;
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parameters(schema: z.ZodObject | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (schema === undefined) return [];
  return Object.entries(schema.shape).map(([name, property]) => {
    const { description, ...propertySchema } = jsonSchema(property as z.ZodType, 'input');
    return {
      name,
      in: where,
      required: where === 'path' || !(property as z.ZodType).safeParse(undefined).success,
      ...(description === undefined ? {} : { description }),
      schema: propertySchema,
      // A list is the parameter repeated: filter=a&filter=b.
      ...(propertySchema.type === 'array' ? { style: 'form', explode: true } : {}),
    };
  });
}

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'invalid parameters: `issues` names each one',
  401: 'no token, or a wrong one (WWW-Authenticate says which)',
  403: 'changes are disabled: no api.token is configured',
  404: 'not found',
  501: 'this process does not serve it (no alert service or timeline configured)',
  503: 'the event store cannot be reached; try again',
};

function operation(route: DescribedRoute, authorizer: Authorizer): JsonSchema {
  const secured = authorizer.needsToken(route.access);
  const statuses = [...new Set([...(route.query || route.params || route.body ? [400] : []), ...(secured ? [401] : []), ...(route.access === 'write' ? [403] : []), ...(route.errors ?? [])])].sort();
  const response = route.response;
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    ...(secured ? { security: [{ bearer: [] }] } : { security: [] }),
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }),
    responses: {
      [String(response.status)]: {
        description: response.description,
        ...(response.schema === undefined && response.contentType === undefined
          ? {}
          : { content: { [response.contentType ?? 'application/json']: { schema: response.schema === undefined ? { type: 'string' } : jsonSchema(response.schema, 'output') } } }),
      },
      ...Object.fromEntries(
        statuses.map((status) => [String(status), { description: ERROR_DESCRIPTIONS[status] ?? 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
      ),
    },
  };
}

/** fastify's `/silences/:id` is OpenAPI's `/silences/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_]+)/g, '{$1}');
}

export function openApiDocument(routes: readonly DescribedRoute[], authorizer: Authorizer, version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route, authorizer) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'brokerwatch',
      version,
      description: 'Search, live tail, timelines, alerts and silences over the broker logs brokerwatch stored (docs/api.md).',
    },
    paths,
    components: {
      schemas: { Event: eventJsonSchema(), Timeline: timelineJsonSchema(), Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the api.token of the brokerwatch configuration' } },
    },
  };
}
