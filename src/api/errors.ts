import { BrokerwatchError, QueryError, type ApiErrorCode } from '../core/index.js';
import { EventNotFoundError, StoreUnauthorizedError, StoreUnreachableError } from '../store/index.js';

/** The server cannot start with this configuration (auth_reads without a token, say). */
export class ApiConfigError extends BrokerwatchError {
  readonly code = 'api_config_invalid';
}

/** A problem the caller must fix: one entry per parameter, each naming it. */
export interface ParameterIssue {
  readonly parameter: string;
  readonly message: string;
}

/**
 * What a request gets back instead of its result. `status` and `code` are the contract with
 * callers (the registry in src/core/error-codes.ts holds each code with its statuses, docs/api.md
 * lists them); `message` is for people and never holds a secret.
 */
export class ApiError extends BrokerwatchError {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly issues: readonly ParameterIssue[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: ApiErrorCode, message: string, options: { issues?: readonly ParameterIssue[]; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? {} : { cause: options.cause });
    this.status = status;
    this.code = code;
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }
}

export function invalidParameters(issues: readonly ParameterIssue[]): ApiError {
  return new ApiError(400, 'invalid_parameter', issues.map((i) => `${i.parameter}: ${i.message}`).join('; '), { issues });
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly issues?: readonly ParameterIssue[];
}

/** The query model's names (in a QueryError's context) as the parameters the caller wrote. */
const PARAMETER_OF_QUERY_FIELD: Readonly<Record<string, string>> = { text: 'q', time: 'from', intervalMs: 'interval', stormGapMs: 'storm_gap', maxEvents: 'max_events' };

/**
 * What a failure of a store or a provider means to the caller: a bad query is the caller's (400),
 * an unknown event is 404, a store that is down is 503 (try again), anything else is ours (500).
 */
export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof QueryError) {
    const field = typeof error.context.field === 'string' ? error.context.field : 'query';
    return invalidParameters([{ parameter: PARAMETER_OF_QUERY_FIELD[field] ?? field, message: error.message }]);
  }
  if (error instanceof EventNotFoundError) return new ApiError(404, error.code, error.message);
  if (error instanceof StoreUnreachableError) return new ApiError(503, error.code, 'the event store cannot be reached', { headers: { 'retry-after': '5' }, cause: error });
  if (error instanceof StoreUnauthorizedError) return new ApiError(503, error.code, 'the event store refused brokerwatch\'s credentials', { cause: error });
  return new ApiError(500, 'internal_error', 'internal error (see the brokerwatch log)', { cause: error });
}
