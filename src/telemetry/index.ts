// Every observable happening inside brokerwatch is one named entry in INTERNAL_EVENTS, and one
// emit() both logs it (pino, structured) and counts it (Prometheus). Nothing is swallowed: a drop
// is an event that says whether it was intended. Invariant: this folder imports nothing of ours.
export { INTERNAL_EVENTS, type InternalEventName, type InternalEventSpec } from './events.js';
export { Telemetry, createLogger, type TelemetryOptions } from './telemetry.js';
