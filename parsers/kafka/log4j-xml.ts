// Kafka logging through log4j 1's XMLLayout (`<log4j:event logger=... timestamp=...>` with
// `<log4j:message>` and `<log4j:throwable>` in CDATA) or log4j2's XmlLayout (`<Event ...>` with
// `<Instant>`, `<Message>` and `<Thrown>`). Each event spans several lines; one starts a record.
import { XMLParser } from 'fast-xml-parser';
import type { FormatDefinition, ParsedRecord, RecordFields, RecordLayout, TimeContext } from '../layout.js';
import { toLogLevel } from '../levels.js';
import { jsonTime, pick, pickString, type JsonObject } from '../json-record.js';
import { traceFields } from '../java-trace.js';
import { frameLines } from './log4j-json.js';
import { kafkaComponent } from './log4j-text.js';

const EVENT_START = /^\s*<(?:log4j:event|Event)[\s>]/;

class KafkaLog4jXmlLayout implements RecordLayout {
  readonly format = 'kafka-log4j-xml';
  readonly service = 'kafka';
  readonly #xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => name === 'ExtendedStackTraceItem',
  });

  startsRecord(line: string): boolean {
    return EVENT_START.test(line);
  }

  parse(record: string, time: TimeContext): ParsedRecord | undefined {
    let document: unknown;
    try {
      document = this.#xml.parse(record);
    } catch {
      return undefined;
    }
    if (typeof document !== 'object' || document === null) return undefined;
    const event = pick(document as JsonObject, ['event', 'Event']);
    if (typeof event !== 'object' || event === null) return undefined;
    const e = event as JsonObject;
    const logger = pickString(e, ['logger', 'loggerName']);
    if (logger === undefined) return undefined;
    const message = text(pick(e, ['message', 'Message'])).trimEnd();
    const fields: RecordFields = { ...throwable(e), 'log.logger': logger };
    const level = toLogLevel(pickString(e, ['level']) ?? '');
    if (level !== undefined) fields['log.level'] = level;
    const thread = pickString(e, ['thread']);
    if (thread !== undefined) fields['process.thread.name'] = thread;
    const component = kafkaComponent(message);
    if (component !== undefined) fields['kafka.log.component'] = component;
    const instant = pick(e, ['Instant']);
    const when = instant === undefined ? pick(e, ['timestamp', 'timeMillis']) : instantObject(instant as JsonObject);
    return { time: jsonTime(when, time), message, fields };
  }
}

function text(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null) return text((node as JsonObject)['#text']);
  return '';
}

/** Attribute values arrive as strings; the instant's parts are numbers. */
function instantObject(instant: JsonObject): JsonObject {
  return { epochSecond: Number(instant.epochSecond), nanoOfSecond: Number(instant.nanoOfSecond ?? 0) };
}

function throwable(event: JsonObject): RecordFields | undefined {
  const log4j1 = text(pick(event, ['throwable'])).trim();
  if (log4j1 !== '') return traceFields(log4j1) ?? { 'error.stack_trace': log4j1 };
  const thrown = pick(event, ['Thrown']);
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const t = thrown as JsonObject;
  const name = pickString(t, ['name']);
  if (name === undefined) return undefined;
  const message = pickString(t, ['message']);
  const items = pick(t, ['ExtendedStackTrace.ExtendedStackTraceItem']);
  const fields: RecordFields = {
    'error.type': name,
    'kafka.log.trace.class': name,
    'error.stack_trace': [message === undefined ? name : `${name}: ${message}`, ...frameLines(items)].join('\n'),
  };
  if (message !== undefined) fields['error.message'] = fields['kafka.log.trace.message'] = message;
  return fields;
}

export const KAFKA_LOG4J_XML: FormatDefinition = {
  name: 'kafka-log4j-xml',
  service: 'kafka',
  description: "Kafka through log4j 1's XMLLayout (`<log4j:event>`) or log4j2's XmlLayout (`<Event>`)",
  create: () => new KafkaLog4jXmlLayout(),
};
