// The agent: follows broker log files and hands their records on in batches.
// Invariants: a file's checkpoint moves only when the next stage acknowledged every record before
// it, and the registry is replaced atomically, so a restart resumes at or before what was shipped
// (at-least-once; deterministic event ids make the repeat harmless). A file is named by its
// identity (device, inode, fingerprint), never by its path, and a rotated or deleted file is read
// to its end before it is let go. Memory is bounded: at most max_in_flight_bytes are handed on
// unacknowledged (then reading stops), at most max_line_bytes of a line are kept.
export { CheckpointRegistry, type Checkpoint } from './checkpoints.js';
export { CheckpointRegistryUnreadable, CheckpointWriteFailed } from './errors.js';
export { FINGERPRINT_MAX_BYTES, fileIdentity, fileKey, readFingerprint, type FileIdentity, type FileKey, type Fingerprint } from './identity.js';
export { FileLines, type Line, type Span } from './lines.js';
export { FollowerMetrics } from './metrics.js';
export { singleLineRecords, type FileRef, type RecordStage, type RecordStageFactory } from './records.js';
export { FileSource, type Batch, type FileSourceDeps, type FollowOptions, type Source } from './source.js';
export { parsingStage, type EventRecord, type ParsingOptions } from './parsing-stage.js';
export { Shipper, type ShipperDeps } from './shipper.js';
export { Agent, registryPath, type AgentDeps, type AgentInput, type AgentOptions } from './agent.js';
