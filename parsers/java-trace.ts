// Java stack traces, as log4j prints them after a record's message (Kafka's default layout puts
// the `(logger)` line first, then the trace) or inside a structured layout's throwable field.
import type { RecordFields } from './layout.js';

// `org.apache.kafka.common.errors.NotLeaderOrFollowerException: message`, `java.lang.OutOfMemoryError`:
// a dotted class name, optionally followed by `: message`; or an undotted `...Exception`/`...Error`,
// as an exception whose toString() leaves out its package prints (ZooKeeper's EndOfStreamException
// and SessionTimeoutException: `EndOfStreamException: Unable to read additional data from server`).
const HEADER = /^(?:Exception in thread "[^"]*" )?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+|[A-Z][\w$]*(?:Exception|Error))(?::\s?([^]*))?$/;
const FRAME = /^\s+(?:at |\.\.\. \d+ more)/;

/**
 * The error fields of a trace (its first line names the exception), or undefined when the text
 * does not start with an exception line.
 */
export function traceFields(trace: string): RecordFields | undefined {
  const frame = trace.search(/\n\s+at /);
  const head = frame === -1 ? trace : trace.slice(0, frame);
  const match = HEADER.exec(head.trimEnd());
  if (match === null) return undefined;
  const type = match[1]!;
  const message = match[2];
  return message === undefined || message === ''
    ? { 'error.type': type, 'error.stack_trace': trace, 'kafka.log.trace.class': type }
    : {
        'error.type': type,
        'error.message': message,
        'error.stack_trace': trace,
        'kafka.log.trace.class': type,
        'kafka.log.trace.message': message,
      };
}

/**
 * Where a stack trace begins inside a multi-line message (layouts that print the trace right after
 * `%m`): the start of the first line after the first one that names an exception and is followed
 * by a frame line. -1 when the text carries none.
 */
export function traceStart(text: string): number {
  let lineStart = text.indexOf('\n') + 1;
  while (lineStart > 0 && lineStart < text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) return -1;
    const nextEnd = text.indexOf('\n', lineEnd + 1);
    const next = text.slice(lineEnd + 1, nextEnd === -1 ? text.length : nextEnd);
    if (FRAME.test(next) && HEADER.test(text.slice(lineStart, lineEnd))) return lineStart;
    lineStart = lineEnd + 1;
  }
  return -1;
}
