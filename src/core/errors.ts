// The error base. Each boundary (config, parse, store, transport, notify, api) declares its own
// subclasses, one per different reaction, each with a stable `code` from the registry in
// error-codes.ts. Callers branch on `instanceof` or on `code`, never on the message. Context must
// already be free of secrets when the error is built: errors are logged and printed as they are.
import type { ErrorCode } from './error-codes.js';

export interface ErrorDetails {
  /** What the caller needs to act: file, line, field, host, index, ... */
  readonly context?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
  /** Whether trying the same thing again later can succeed. */
  readonly retryable?: boolean;
}

export abstract class BrokerwatchError extends Error {
  abstract readonly code: ErrorCode;
  readonly context: Readonly<Record<string, unknown>>;
  readonly retryable: boolean;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.context = details.context ?? {};
    this.retryable = details.retryable ?? false;
  }
}
