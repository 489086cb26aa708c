// The one place that decides what an Elasticsearch failure means, for a whole request and for a
// single bulk item: retry, retry these items, or give up (and how).
import { errors } from '@elastic/elasticsearch';

export type RequestDecision =
  | { readonly kind: 'retry'; readonly reason: string }
  | { readonly kind: 'give_up'; readonly reason: string; readonly cause: 'unauthorized' | 'rejected' };

/** 429 (queue full, circuit breaker) and 5xx are the cluster asking for patience. */
function retryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

export function decideRequestFailure(error: unknown): RequestDecision {
  if (error instanceof errors.ResponseError) {
    const status = error.statusCode ?? 0;
    if (retryableStatus(status)) return { kind: 'retry', reason: `status ${status}` };
    if (status === 401 || status === 403) return { kind: 'give_up', reason: `status ${status}`, cause: 'unauthorized' };
    return { kind: 'give_up', reason: `status ${status}`, cause: 'rejected' };
  }
  // Refused, reset, timed out, no living connection: the node is away; it may come back.
  if (
    error instanceof errors.ConnectionError ||
    error instanceof errors.TimeoutError ||
    error instanceof errors.NoLivingConnectionsError
  ) {
    return { kind: 'retry', reason: error.name };
  }
  return { kind: 'give_up', reason: error instanceof Error ? error.name : 'unknown error', cause: 'rejected' };
}

/** The fields of a bulk response item that matter here. */
export interface BulkItem {
  readonly status: number;
  readonly error?: { readonly type?: string; readonly reason?: string };
}

export type ItemDecision = 'stored' | 'duplicate' | 'retry' | 'dead_letter';

export function decideItem(item: BulkItem): ItemDecision {
  if (item.status >= 200 && item.status < 300) return 'stored';
  // `create` of an id that exists: the event was stored before (a replay, or a retried request
  // that had in fact been applied).
  if (item.status === 409) return 'duplicate';
  if (retryableStatus(item.status)) return 'retry';
  return 'dead_letter';
}
