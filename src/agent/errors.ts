import { BrokerwatchError } from '../core/index.js';

/**
 * The checkpoint registry cannot be read (not JSON, or not the shape this version writes). It is
 * written by rename of a fsynced temporary file, so a crash leaves the old or the new file, never
 * a torn one: this means someone else changed it. Not retryable: the operator decides whether to
 * restore it or delete it (and re-read the files from their start position).
 */
export class CheckpointRegistryUnreadable extends BrokerwatchError {
  readonly code = 'agent_registry_unreadable';
}

/** The checkpoint registry could not be written (disk full, permissions). Retryable. */
export class CheckpointWriteFailed extends BrokerwatchError {
  readonly code = 'agent_registry_write_failed';
}
