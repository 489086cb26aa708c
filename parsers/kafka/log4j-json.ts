// Kafka logging through log4j2's JsonLayout (pretty, one key per line, by default: a record starts
// at a `{` in the first column) or JsonTemplateLayout (one object per line; the ECS, Logstash and
// classic JsonLayout templates).
import type { FormatDefinition, ParsedRecord, RecordFields, RecordLayout, TimeContext } from '../layout.js';
import { toLogLevel } from '../levels.js';
import { jsonTime, parseJsonObject, pick, pickString, type JsonObject } from '../json-record.js';
import { traceFields } from '../java-trace.js';
import { kafkaComponent } from './log4j-text.js';

const TIME = ['@timestamp', 'instant', 'timeMillis', 'timestamp', 'time'];
const LEVEL = ['log.level', 'level', 'severity'];
const LOGGER = ['log.logger', 'loggerName', 'logger_name', 'logger'];
const THREAD = ['process.thread.name', 'thread', 'thread_name'];
const MESSAGE = ['message', 'msg'];

class KafkaLog4jJsonLayout implements RecordLayout {
  readonly format = 'kafka-log4j-json';
  readonly service = 'kafka';

  startsRecord(line: string): boolean {
    return line.charCodeAt(0) === 123;
  }

  parse(record: string, time: TimeContext): ParsedRecord | undefined {
    const object = parseJsonObject(record);
    if (object === undefined) return undefined;
    const logger = pickString(object, LOGGER);
    const level = pickString(object, LEVEL);
    if (logger === undefined || level === undefined) return undefined;
    // log4j2 keeps a message's trailing line break (config dumps); the text layout's reader drops it.
    const message = (pickString(object, MESSAGE) ?? '').trimEnd();
    const fields: RecordFields = { ...throwable(object), 'log.logger': logger };
    const logLevel = toLogLevel(level);
    if (logLevel !== undefined) fields['log.level'] = logLevel;
    const thread = pickString(object, THREAD);
    if (thread !== undefined) fields['process.thread.name'] = thread;
    const component = kafkaComponent(message);
    if (component !== undefined) fields['kafka.log.component'] = component;
    return { time: jsonTime(pick(object, TIME), time), message, fields };
  }
}

function throwable(object: JsonObject): RecordFields | undefined {
  const ecsTrace = pickString(object, ['error.stack_trace', 'stack_trace', 'exception.stacktrace']);
  if (ecsTrace !== undefined) {
    const fields: RecordFields = { ...traceFields(ecsTrace), 'error.stack_trace': ecsTrace };
    const type = pickString(object, ['error.type', 'exception.exception_class']);
    const message = pickString(object, ['error.message', 'exception.exception_message']);
    if (type !== undefined) fields['error.type'] = fields['kafka.log.trace.class'] = type;
    if (message !== undefined) fields['error.message'] = fields['kafka.log.trace.message'] = message;
    return fields;
  }
  const thrown = pick(object, ['thrown']);
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const name = pickString(thrown as JsonObject, ['name']);
  if (name === undefined) return undefined;
  const message = pickString(thrown as JsonObject, ['message']);
  const frames = pick(thrown as JsonObject, ['extendedStackTrace']);
  const header = message === undefined ? name : `${name}: ${message}`;
  const fields: RecordFields = {
    'error.type': name,
    'kafka.log.trace.class': name,
    'error.stack_trace': typeof frames === 'string' ? frames : [header, ...frameLines(frames)].join('\n'),
  };
  if (message !== undefined) fields['error.message'] = fields['kafka.log.trace.message'] = message;
  return fields;
}

/** log4j2's JsonLayout writes each frame as `{class, method, file, line}`. */
export function frameLines(frames: unknown): string[] {
  if (!Array.isArray(frames)) return [];
  return frames.map((frame: unknown) => {
    if (typeof frame !== 'object' || frame === null) return `\tat ${typeof frame === 'string' ? frame : '?'}`;
    const f = frame as JsonObject;
    const file = pickString(f, ['file']);
    const where = file === undefined ? 'Unknown Source' : `${file}:${pickString(f, ['line']) ?? '?'}`;
    return `\tat ${pickString(f, ['class']) ?? '?'}.${pickString(f, ['method']) ?? '?'}(${where})`;
  });
}

export const KAFKA_LOG4J_JSON: FormatDefinition = {
  name: 'kafka-log4j-json',
  service: 'kafka',
  description: "Kafka through log4j2's JsonLayout or JsonTemplateLayout (ECS, Logstash, classic templates)",
  create: () => new KafkaLog4jJsonLayout(),
};
