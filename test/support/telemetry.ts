import { Telemetry, createLogger, type InternalEventName } from '../../src/telemetry/index.js';

export function silentTelemetry(): Telemetry {
  return new Telemetry({ logger: createLogger('silent') });
}

/** How often `name` was emitted so far. */
export async function emitted(telemetry: Telemetry, name: InternalEventName): Promise<number> {
  const metric = await telemetry.registry.getSingleMetric('brokerwatch_internal_events_total')?.get();
  return metric?.values.find((v) => v.labels.event === name)?.value ?? 0;
}

/** Polls `condition` until it holds; fails after `timeoutMs`. For conditions, never for time. */
export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs = 60_000, what = 'condition'): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
