// Backoff with jitter, for every boundary that retries (store bulk writes, notifiers, transport).
// Pure: the random source is handed in, so tests see exact delays.

export interface BackoffPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * "Full jitter": a uniform delay between 0 and the exponential ceiling, so that many senders
 * retrying against the same recovering server do not arrive in lock-step.
 * `attempt` counts from 1 (the delay after the first failed attempt).
 */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt - 1, 52));
  return Math.round(random() * ceiling);
}
