// RabbitMQ 3.9+ with `log.file.formatter = json` (rabbit_logger_json_fmt): one object per line,
// `time`, `level`, `msg`, `pid` and the logger metadata; a multi-line message is one JSON string.
// So every line is a record: a line the node printed to stdout itself in a container's output (its
// banner, the VM's last words) stands alone instead of making the object before it unreadable.
// `log.*.formatter.json.field_map` may rename or drop keys: the cluster operator's example keeps
// the syslog-style `verbosity` (renamed `v`, 0 emergency to 7 debug) in place of `level`, with an
// epoch time; the RabbitMQ docs' own example renames `time:ts level:lvl msg:message`.
import type { FormatDefinition, ParsedRecord, RecordFields, RecordLayout, TimeContext } from '../layout.js';
import { toLogLevel } from '../levels.js';
import { jsonTime, parseJsonObject, pick, pickString } from '../json-record.js';

class RabbitmqJsonLayout implements RecordLayout {
  readonly format = 'rabbitmq-json';
  readonly service = 'rabbitmq';

  startsRecord(): boolean {
    return true;
  }

  parse(record: string, time: TimeContext): ParsedRecord | undefined {
    const object = parseJsonObject(record);
    if (object === undefined) return undefined;
    const message = pickString(object, ['msg', 'message']);
    const level = pickString(object, ['level', 'lvl']) ?? verbosityLevel(pick(object, ['verbosity', 'v']));
    const pid = pickString(object, ['pid']);
    // A log4j JSON record has a logger and no Erlang pid; RabbitMQ's has no logger.
    if (message === undefined || level === undefined || pickString(object, ['loggerName', 'log.logger', 'logger_name']) !== undefined) {
      return undefined;
    }
    const fields: RecordFields = {};
    const logLevel = toLogLevel(level);
    if (logLevel !== undefined) fields['log.level'] = logLevel;
    if (pid !== undefined) fields['rabbitmq.log.pid'] = pid;
    return { time: jsonTime(pick(object, ['time', 'ts', '@timestamp', 'timestamp']), time), message: message.trimEnd(), fields };
  }
}

/** rabbit_logger_json_fmt's default verbosity map: syslog's severities. */
const VERBOSITY_LEVELS = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'info', 'debug'] as const;

/** The level a numeric `verbosity` stands for, or undefined when there is none. */
function verbosityLevel(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? VERBOSITY_LEVELS[value] : undefined;
}

export const RABBITMQ_JSON: FormatDefinition = {
  name: 'rabbitmq-json',
  service: 'rabbitmq',
  description: "RabbitMQ 3.9 and later with the JSON formatter: `{\"time\":...,\"level\":...,\"msg\":...,\"pid\":...}`",
  create: () => new RabbitmqJsonLayout(),
};
