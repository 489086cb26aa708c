// Transports carry batches from the agents to the stages that store and evaluate them.
// Invariants: send() resolves only once the consumer acknowledged the batch (its handler
// resolved), so the sender moves its own progress (a file checkpoint) only then; batches of one
// sender arrive in the order sent; memory in flight is bounded, and beyond the bound send() waits.
export { DeliveryFailed, TransportClosed } from './errors.js';
export { InProcessTransport, type InProcessOptions } from './in-process.js';
export type { BatchHandler, Transport } from './transport.js';
