// Bearer-token authorisation. The token is compared in constant time (both sides hashed to the same
// length first, so neither the content nor the length leaks through timing), and it never appears
// in an answer, an error or a log line: a refusal names only the method, the path and the reason.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Telemetry } from '../telemetry/index.js';
import { ApiConfigError, ApiError } from './errors.js';

/** `open`: anyone (health, the page, the API description); `read`: anyone unless auth_reads; `write`: the token. */
export type Access = 'open' | 'read' | 'write';

export const AUTH_REALM = 'brokerwatch';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export class Authorizer {
  readonly #expected: Buffer | undefined;
  readonly #authReads: boolean;
  readonly #telemetry: Telemetry;

  /** @throws ApiConfigError when reads must be authorised but there is no token to authorise them with. */
  constructor(token: string | undefined, authReads: boolean, telemetry: Telemetry) {
    if (authReads && token === undefined) {
      throw new ApiConfigError('api.auth_reads is set but api.token is not: no request could be authorised', { context: { field: 'api.token' } });
    }
    this.#expected = token === undefined ? undefined : digest(token);
    this.#authReads = authReads;
    this.#telemetry = telemetry;
  }

  get authReads(): boolean {
    return this.#authReads;
  }

  /** Whether requests of this access need the token. */
  needsToken(access: Access): boolean {
    return access === 'write' || (access === 'read' && this.#authReads);
  }

  /** @throws ApiError 401 (no or a wrong token) or 403 (changes asked while no token is configured). */
  authorize(request: FastifyRequest, access: Access): void {
    if (!this.needsToken(access)) return;
    const path = request.url.split('?')[0];
    if (this.#expected === undefined) {
      this.#telemetry.emit('api_auth_refused', { method: request.method, path, reason: 'no_token_configured', ip: request.ip });
      throw new ApiError(403, 'writes_disabled', 'changes through the API are disabled: set api.token in the configuration to allow them');
    }
    const presented = /^Bearer +(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (presented === undefined) {
      this.#telemetry.emit('api_auth_refused', { method: request.method, path, reason: 'missing', ip: request.ip });
      throw new ApiError(401, 'unauthorized', 'this request needs the API token: send "Authorization: Bearer <token>"', {
        headers: { 'www-authenticate': `Bearer realm="${AUTH_REALM}"` },
      });
    }
    if (!timingSafeEqual(digest(presented), this.#expected)) {
      this.#telemetry.emit('api_auth_refused', { method: request.method, path, reason: 'invalid', ip: request.ip });
      throw new ApiError(401, 'unauthorized', 'the API token is not valid', {
        headers: { 'www-authenticate': `Bearer realm="${AUTH_REALM}", error="invalid_token"` },
      });
    }
  }
}
