import { isCronExpression, scheduleJob, type ScheduledTask } from '../core/index.js';
import type { Telemetry } from '../telemetry/index.js';
import type { EventStore } from './contract.js';
import { StoreRequestError } from './errors.js';

/** Refuses a retention schedule that is not a node-cron expression, at construction. */
export function checkSchedule(expression: string | undefined): void {
  if (expression !== undefined && !isCronExpression(expression)) {
    throw new StoreRequestError('the retention schedule is not a valid cron expression', { context: { schedule: expression } });
  }
}

/** Runs the store's retention on a node-cron schedule; a failed run is reported and the next one tries again. */
export function scheduleRetention(store: EventStore, expression: string, telemetry: Telemetry): ScheduledTask {
  return scheduleJob(
    expression,
    () => store.retention(),
    (error: unknown) =>
      telemetry.emit('store_retention_failed', {
        store: store.kind,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
}
