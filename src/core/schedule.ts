// Scheduled work (retention, digests) on node-cron expressions, wrapped once: a failed run is
// handed to the caller's reporter and the next run tries again; nothing is thrown into the timer.
import { schedule, validate, type ScheduledTask } from 'node-cron';

export type { ScheduledTask };

export function isCronExpression(expression: string): boolean {
  return validate(expression);
}

/** Runs `job` on the node-cron schedule `expression` (the process's time zone). */
export function scheduleJob(expression: string, job: () => Promise<unknown>, onFailure: (error: unknown) => void): ScheduledTask {
  return schedule(expression, () => job().then(() => undefined, onFailure));
}
