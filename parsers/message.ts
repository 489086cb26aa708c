// Lines that carry a bare message inside a logging system's line (syslog, journald): RabbitMQ 3.9+ with
// `log.syslog = true` or `log.journald = true` writes the message alone (its syslog and journald
// formatters have an empty prefix: rabbit_prelaunch_early_logging), and a log4j SyslogAppender may
// be given `%m`. Every line is a record; the time is the wrapper's (src/parse fills it in), the
// broker is the input's, and the event-pattern table still reads the message.
import type { FormatDefinition, ParsedRecord, RecordLayout } from './layout.js';

class MessageLayout implements RecordLayout {
  readonly format = 'message';
  readonly service = undefined;

  startsRecord(): boolean {
    return true;
  }

  parse(record: string): ParsedRecord {
    return { time: NaN, message: record.trimEnd(), fields: {} };
  }
}

export const MESSAGE: FormatDefinition = {
  name: 'message',
  description:
    "a bare message inside a syslog or journald line (RabbitMQ's log.syslog and log.journald output): the time is the line's",
  fallback: true,
  create: () => new MessageLayout(),
};
