// The HTTP API and the web page, one fastify app. Invariants: every route is declared once in the
// route table with its zod schemas, from which both its validation and the OpenAPI document come;
// a request is authorised before its parameters are read; the token is compared in constant time
// and never answered, thrown or logged; a live tail sends each event once and ends when the
// server closes.
export { createApiServer, listen, type ApiServerDeps } from './server.js';
export { ApiConfigError, ApiError, type ErrorBody, type ParameterIssue } from './errors.js';
export type { AlertsProvider } from './alerts.js';
export type { TailOptions } from './tail.js';
export { WEB_DIR, WEB_ASSETS_PREFIX } from './web.js';
export { openApiPath } from './openapi.js';
