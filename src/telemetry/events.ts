// The table of internal events. docs/telemetry.md lists the same names; a test checks both ways.
export interface InternalEventSpec {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly help: string;
}

export const INTERNAL_EVENTS = {
  process_started: { level: 'info', help: 'a brokerwatch process started' },
  process_stopping: { level: 'info', help: 'a brokerwatch process began an orderly shutdown' },
  format_detected: { level: 'info', help: 'the log format (and wrapper) of an input was recognised' },
  format_unknown: { level: 'warn', help: "no log format reads an input's first lines: they are kept as _parse_failure events" },
  parser_threw: { level: 'error', help: 'a log layout threw on a record (a bug): the record is kept as a _parse_failure event' },
  file_opened: { level: 'info', help: 'the agent began following a file: new, or resumed from its checkpoint' },
  file_rotated: { level: 'info', help: 'a followed file was renamed away or replaced at its path; it is read to its end before it is closed' },
  file_deleted: { level: 'info', help: 'a followed file was deleted; it is read to its end before it is closed' },
  file_truncated: { level: 'warn', help: 'a followed file shrank below the read offset or was rewritten from its start (copytruncate); it is read again from its start' },
  file_released: { level: 'info', help: 'a rotated or deleted file was read to its end and closed' },
  file_read_failed: { level: 'warn', help: 'a file could not be listed, opened or read; the agent tries again at the next poll' },
  checkpoint_dropped: { level: 'info', help: 'a checkpoint whose file no longer exists was removed from the registry' },
  checkpoint_write_failed: { level: 'error', help: 'the checkpoint registry could not be written; the agent retries at the next acknowledgement' },
} as const satisfies Record<string, InternalEventSpec>;

export type InternalEventName = keyof typeof INTERNAL_EVENTS;
