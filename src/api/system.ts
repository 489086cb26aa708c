// Health, Prometheus metrics and the API's own description.
import { z } from 'zod';
import type { EventStore } from '../store/index.js';
import type { Telemetry } from '../telemetry/index.js';
import type { Authorizer } from './auth.js';
import { apiErrorOf } from './errors.js';
import { openApiDocument } from './openapi.js';
import type { RouteTable } from './routes.js';

export interface SystemRoutesDeps {
  readonly store: EventStore;
  readonly telemetry: Telemetry;
  readonly authorizer: Authorizer;
  readonly version: string;
}

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  store: z.enum(['sqlite', 'elasticsearch']),
  code: z.string().optional().describe('why the store is unavailable (an error code, docs/api.md)'),
});

export function systemRoutes(table: RouteTable, deps: SystemRoutesDeps): void {
  table.add({
    method: 'GET',
    path: '/health',
    operationId: 'health',
    tag: 'system',
    summary: 'Whether the event store answers (for load balancers and probes)',
    description: 'Always open: it tells nothing but the store type and an error code.',
    access: 'open',
    response: { status: 200, description: 'the store answers', schema: healthSchema },
    errors: [503],
    handler: async (_input, _request, reply) => {
      try {
        await deps.store.check();
        return { status: 'ok' as const, store: deps.store.kind };
      } catch (error) {
        await reply.code(503).send({ status: 'unavailable', store: deps.store.kind, code: apiErrorOf(error).code });
        return undefined;
      }
    },
  });

  table.add({
    method: 'GET',
    path: '/metrics',
    operationId: 'metrics',
    tag: 'system',
    summary: "brokerwatch's own metrics, in Prometheus' text format",
    access: 'read',
    response: { status: 200, description: 'the Prometheus exposition', contentType: deps.telemetry.registry.contentType },
    handler: () => deps.telemetry.registry.metrics(),
  });

  table.add({
    method: 'GET',
    path: '/api/v1/openapi.json',
    operationId: 'openapi',
    tag: 'system',
    summary: 'This description (OpenAPI 3.1)',
    access: 'open',
    response: { status: 200, description: 'the OpenAPI document', schema: z.record(z.string(), z.unknown()) },
    handler: () => Promise.resolve(openApiDocument(table.routes, deps.authorizer, deps.version)),
  });
}
