import { describe, expect, it } from 'vitest';
import { Backoff, ManualClock, backoffDelayMs } from '../../src/core/index.js';

describe('backoff', () => {
  const policy = { initialDelayMs: 100, maxDelayMs: 1_000 };

  it('doubles the ceiling per attempt up to the maximum, and jitters below it', () => {
    expect([1, 2, 3, 4, 5, 60].map((attempt) => backoffDelayMs(policy, attempt, () => 0.999999))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelayMs(policy, 3, () => 0.5)).toBe(200);
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(0);
  });

  it('stops after the allowed attempts', () => {
    const backoff = new Backoff({ ...policy, maxAttempts: 3 }, new ManualClock(0), () => 1);
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([100, 200, undefined]);
    expect(backoff.attempts).toBe(3);
  });

  it('stops when the next delay would pass the allowed elapsed time', () => {
    const clock = new ManualClock(0);
    const backoff = new Backoff({ ...policy, maxElapsedMs: 1_500 }, clock, () => 1);
    expect(backoff.next()).toBe(100);
    clock.advance(1_000);
    expect(backoff.next()).toBe(200);
    clock.advance(200);
    expect(backoff.next()).toBeUndefined();
  });

  it('retries without end when the policy sets no limit', () => {
    const backoff = new Backoff(policy, new ManualClock(0), () => 1);
    for (let i = 0; i < 1_000; i += 1) expect(backoff.next()).toBeDefined();
  });
});
