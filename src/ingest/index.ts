// The ingester: transport -> store -> rules. Invariant: a batch is acknowledged to the transport
// only after the store acknowledged every event of it, and only stored events reach the rules.
export { Ingester, type IngesterDeps, type StoredHandler } from './ingester.js';
