import type { AddressInfo } from 'node:net';
import { LogController, fastify, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Clock } from '../core/index.js';
import { readSecret, type ApiConfig, type LoadedRule } from '../config/index.js';
import type { EventStore } from '../store/index.js';
import type { Telemetry } from '../telemetry/index.js';
import { alertRoutes, type AlertsProvider } from './alerts.js';
import { Authorizer } from './auth.js';
import { ApiConfigError, ApiError, apiErrorOf, type ErrorBody } from './errors.js';
import { eventRoutes } from './events.js';
import { RouteTable } from './routes.js';
import { systemRoutes } from './system.js';
import { TailStreams, tailRoute, type TailOptions } from './tail.js';
import { timelineRoutes } from './timeline.js';
import { webRoutes } from './web.js';

export interface ApiServerDeps {
  readonly store: EventStore;
  /** The `api:` section of the configuration (listen, token, auth_reads). */
  readonly config: ApiConfig;
  readonly clock: Clock;
  /** Its logger logs for the server; its registry is served at /metrics. */
  readonly telemetry: Telemetry;
  /** brokerwatch's version, shown in the OpenAPI document. */
  readonly version: string;
  /** The alert service; without it, /alerts and /silences answer 501. */
  readonly alerts?: AlertsProvider;
  /** The rules this process runs; without them, /rules answers 501. */
  readonly rules?: readonly LoadedRule[];
  readonly tail?: TailOptions;
}

/** Silences are the largest bodies the API takes. */
const BODY_LIMIT_BYTES = 64 * 1024;

function bodyOf(error: ApiError): ErrorBody {
  return { code: error.code, message: error.message, ...(error.issues.length === 0 ? {} : { issues: error.issues }) };
}

/** A fastify error of the request itself (malformed JSON, body too large, wrong media type). */
function isRequestError(error: unknown): error is FastifyError & { statusCode: number } {
  return typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500;
}

/**
 * The HTTP API and the web page, as one fastify app (not yet listening: see listen()).
 * @throws ApiConfigError when the configuration cannot be served (auth_reads without a token),
 *   ConfigError when the token's file or variable cannot be read.
 */
export function createApiServer(deps: ApiServerDeps): FastifyInstance {
  const token = deps.config.token === undefined ? undefined : readSecret(deps.config.token, 'api.token');
  const authorizer = new Authorizer(token, deps.config.auth_reads, deps.telemetry);
  // Requests are not logged one by one; failures are internal events. The redaction is a second
  // lock: nothing here logs headers, and if anything ever does, the token stays out.
  const logger: FastifyBaseLogger = deps.telemetry.logger.child(
    { component: 'api' },
    { redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization'], censor: '[redacted]' } },
  );
  const app = fastify({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
  });
  const streams = new TailStreams();
  const table = new RouteTable(app, authorizer);

  app.setErrorHandler((error, request, reply) => {
    const failure = isRequestError(error) ? new ApiError(error.statusCode, 'invalid_request', error.message) : apiErrorOf(error);
    if (failure.status >= 500) {
      deps.telemetry.emit('api_request_failed', {
        method: request.method,
        path: request.url.split('?')[0],
        code: failure.code,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return reply.code(failure.status).headers(failure.headers).send(bodyOf(failure));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(bodyOf(new ApiError(404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`))),
  );
  app.addHook('onListen', (done) => {
    for (const address of app.addresses()) deps.telemetry.emit('api_listening', { address: formatAddress(address) });
    done();
  });
  // Live tails never end by themselves: closing the server ends them.
  app.addHook('preClose', (done) => {
    streams.endAll();
    done();
  });

  eventRoutes(table, deps);
  tailRoute(table, { store: deps.store, clock: deps.clock, telemetry: deps.telemetry, options: deps.tail ?? {} }, streams);
  timelineRoutes(table, { store: deps.store, clock: deps.clock, alerts: deps.alerts });
  alertRoutes(table, { clock: deps.clock, alerts: deps.alerts, rules: deps.rules });
  systemRoutes(table, { store: deps.store, telemetry: deps.telemetry, authorizer, version: deps.version });
  webRoutes(app);
  return app;
}

/**
 * Starts accepting connections at `host:port` (`[::1]:8686` for IPv6; port 0 picks a free one).
 * Resolves to the address it listens at.
 */
export async function listen(app: FastifyInstance, address: string): Promise<string> {
  const match = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d+)$/.exec(address);
  if (match === null) throw new ApiConfigError(`api.listen "${address}" is not host:port`, { context: { field: 'api.listen' } });
  const host = match[1] ?? match[2]!;
  await app.listen({ host, port: Number(match[3]) });
  return formatAddress(app.addresses()[0]!);
}

function formatAddress(address: AddressInfo | string): string {
  if (typeof address === 'string') return address;
  return `${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}
