import { pino, type Logger, type DestinationStream } from 'pino';
import { Counter, Registry } from 'prom-client';
import { INTERNAL_EVENTS, type InternalEventName } from './events.js';

export interface TelemetryOptions {
  readonly logger: Logger;
  /** Metrics of every module are registered here and served at /metrics. */
  readonly registry?: Registry;
}

export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return destination === undefined ? pino({ level }) : pino({ level }, destination);
}

export class Telemetry {
  readonly logger: Logger;
  readonly registry: Registry;
  readonly #events: Counter<'event'>;

  constructor(options: TelemetryOptions) {
    this.logger = options.logger;
    this.registry = options.registry ?? new Registry();
    this.#events = new Counter({
      name: 'brokerwatch_internal_events_total',
      help: 'Internal events by name (see docs/telemetry.md)',
      labelNames: ['event'],
      registers: [this.registry],
    });
  }

  emit(name: InternalEventName, fields: Readonly<Record<string, unknown>> = {}): void {
    this.#events.inc({ event: name });
    this.logger[INTERNAL_EVENTS[name].level]({ event: name, ...fields }, INTERNAL_EVENTS[name].help);
  }
}
