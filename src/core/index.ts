// The shared vocabulary of brokerwatch: the event document and its field registry, the event
// taxonomy, deterministic event ids, time, the typed query model, backoff with jitter, cron
// scheduling, size-limited chunks, and the error base with its registry of codes.
// Invariants: this folder imports nothing else of ours; every other folder may import it.
// Field names, actions and error codes each live in exactly one table here; docs are checked
// against the tables by tests in both directions.
export * from './service.js';
export * from './event.js';
export * from './event-decode.js';
export * from './fields.js';
export * from './actions.js';
export * from './event-id.js';
export * from './clock.js';
export * from './errors.js';
export * from './error-codes.js';
export * from './query.js';
export * from './backoff.js';
export * from './schedule.js';
export * from './chunk.js';
export * from './time-zone.js';
