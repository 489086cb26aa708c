import { BrokerwatchError } from '../core/index.js';

export abstract class StoreError extends BrokerwatchError {}

/** The store cannot be reached (refused, timed out, DNS); trying later can succeed. */
export class StoreUnreachableError extends StoreError {
  readonly code = 'store_unreachable';
}

/** The credentials were refused (401) or lack a privilege (403). */
export class StoreUnauthorizedError extends StoreError {
  readonly code = 'store_unauthorized';
}

export class StoreVersionError extends StoreError {
  readonly code = 'store_version_unsupported';
}

/** A write could not be acknowledged for every event: the caller must not checkpoint the batch. */
export class StoreWriteError extends StoreError {
  readonly code = 'store_write_failed';
}

/** The store answered a request with an error no retry can fix (a malformed request, say). */
export class StoreRequestError extends StoreError {
  readonly code = 'store_request_failed';
}

export class EventNotFoundError extends StoreError {
  readonly code = 'event_not_found';
}
