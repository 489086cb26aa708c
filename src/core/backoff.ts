// Backoff with jitter, for every boundary that retries (store bulk writes, notifiers, transport).
// Pure: the random source and the clock are handed in, so tests see exact delays.
import { setTimeout } from 'node:timers/promises';
import type { Clock, Instant } from './clock.js';

export interface BackoffPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Attempts in all, the first included; absent: retry without end (backpressure, not loss). */
  readonly maxAttempts?: number;
  /** Give up once this long has passed since the first attempt; absent: no limit. */
  readonly maxElapsedMs?: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialDelayMs: 100, maxDelayMs: 30_000 };

/**
 * "Full jitter": a uniform delay between 0 and the exponential ceiling, so that many writers
 * retrying against the same recovering server do not arrive in lock-step.
 * `attempt` counts from 1 (the delay after the first failed attempt).
 */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt - 1, 52));
  return Math.round(random() * ceiling);
}

/** One retried operation's progress: how many attempts so far and whether another is allowed. */
export class Backoff {
  readonly #policy: BackoffPolicy;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #started: Instant;
  #attempts = 0;

  constructor(policy: BackoffPolicy, clock: Clock, random: () => number = Math.random) {
    this.#policy = policy;
    this.#clock = clock;
    this.#random = random;
    this.#started = clock.now();
  }

  get attempts(): number {
    return this.#attempts;
  }

  /** Record a failed attempt: the delay before the next one, or undefined when the policy says stop. */
  next(): number | undefined {
    this.#attempts += 1;
    const { maxAttempts, maxElapsedMs } = this.#policy;
    if (maxAttempts !== undefined && this.#attempts >= maxAttempts) return undefined;
    const delay = backoffDelayMs(this.#policy, this.#attempts, this.#random);
    if (maxElapsedMs !== undefined && this.#clock.now() - this.#started + delay > maxElapsedMs) return undefined;
    return delay;
  }
}

/** Waits `ms`; rejects with the signal's reason once it is aborted (a store being closed). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const timerSleep: Sleep = async (ms, signal) => {
  await setTimeout(ms, undefined, signal === undefined ? {} : { signal });
};
