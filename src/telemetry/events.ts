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
} as const satisfies Record<string, InternalEventSpec>;

export type InternalEventName = keyof typeof INTERNAL_EVENTS;
