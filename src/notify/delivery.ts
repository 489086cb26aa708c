// What a delivery attempt came to, and the one function that decides what a failure means.
// Retry what a later attempt can fix (the receiver down, overloaded or rate-limiting; a timeout);
// give up on what it cannot (a rejected payload, a wrong URL or credentials).
import type { Notification } from './policy.js';

export type Delivery =
  | { readonly outcome: 'ok' }
  | { readonly outcome: 'retry'; readonly reason: string }
  | { readonly outcome: 'give_up'; readonly reason: string };

export const DELIVERED: Delivery = { outcome: 'ok' };

export type AttemptResult =
  | { readonly kind: 'http'; readonly status: number }
  | { readonly kind: 'smtp'; readonly responseCode: number; readonly response: string }
  | { readonly kind: 'network'; readonly error: unknown };

export function deliveryOf(result: AttemptResult): Delivery {
  switch (result.kind) {
    case 'http': {
      const { status } = result;
      if (status >= 200 && status < 300) return DELIVERED;
      if (status === 408 || status === 429 || status >= 500) return { outcome: 'retry', reason: `HTTP ${status}` };
      return { outcome: 'give_up', reason: `HTTP ${status}` };
    }
    case 'smtp':
      // RFC 5321: 4yz is a transient failure, 5yz a permanent one.
      if (result.responseCode >= 400 && result.responseCode < 500) return { outcome: 'retry', reason: `SMTP ${result.response}` };
      return { outcome: 'give_up', reason: `SMTP ${result.response}` };
    case 'network': {
      const reason = networkReason(result.error);
      return PERMANENT_CODES.has(reason) ? { outcome: 'give_up', reason } : { outcome: 'retry', reason };
    }
  }
}

/**
 * Failures that happen before any server answer but that no retry fixes: nodemailer's EAUTH
 * (credentials missing or refused) and EENVELOPE (no valid sender or recipient).
 */
const PERMANENT_CODES: ReadonlySet<string> = new Set(['EAUTH', 'EENVELOPE']);

/** The system error code (ECONNREFUSED, ...) or `timeout`: never the message, which may hold a URL. */
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  if (error.name === 'TimeoutError') return 'timeout';
  // fetch wraps the socket error in its cause; DOMException has a numeric code, which is not it.
  for (const e of [error, error.cause]) {
    if (e instanceof Error && 'code' in e && typeof e.code === 'string') return e.code;
  }
  return error.name;
}

/** A way to deliver notifications: one per receiver in the configuration. */
export interface Notifier {
  readonly receiver: string;
  deliver(notification: Notification, signal: AbortSignal): Promise<Delivery>;
}
