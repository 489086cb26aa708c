import { schedule, validate, type ScheduledTask } from 'node-cron';
import type { Telemetry } from '../telemetry/index.js';
import type { EventStore } from './contract.js';
import { StoreRequestError } from './errors.js';

/** Refuses a retention schedule that is not a node-cron expression, at construction. */
export function checkSchedule(expression: string | undefined): void {
  if (expression !== undefined && !validate(expression)) {
    throw new StoreRequestError('the retention schedule is not a valid cron expression', { context: { schedule: expression } });
  }
}

/** Runs the store's retention on a node-cron schedule; a failed run is reported and the next one tries again. */
export function scheduleRetention(store: EventStore, expression: string, telemetry: Telemetry): ScheduledTask {
  return schedule(expression, () =>
    store.retention().then(
      () => undefined,
      (error: unknown) =>
        telemetry.emit('store_retention_failed', {
          store: store.kind,
          error: error instanceof Error ? error.message : String(error),
        }),
    ),
  );
}
