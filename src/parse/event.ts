// Record + input -> the event document, exactly as the stores index it. The keys are set in one
// fixed order (one object shape for every event, and stable NDJSON output).
import {
  DATASET_OF,
  TAGS,
  eventId,
  type BrokerEvent,
  type Clock,
  type ServiceType,
} from '../core/index.js';
import { KAFKA_EVENTS, RABBITMQ_EVENTS, type EventPatternTable, type ParsedRecord } from '../../parsers/index.js';
import type { AssembledRecord } from './assembler.js';
import { classify } from './classify.js';

/** What the input config says about the file a record comes from. */
export interface InputContext {
  readonly host: string;
  /** Names the file independently of its path (see src/core/event-id.ts): part of event.id. */
  readonly fileIdentity: string;
  readonly filePath?: string;
  readonly cluster?: string;
  readonly brokerId?: string;
  readonly zone?: string;
  /** The service of the input; when absent, the detected layout's (or, unknown, a guess from the path). */
  readonly service?: ServiceType;
}

const TABLES: Readonly<Record<ServiceType, EventPatternTable>> = { kafka: KAFKA_EVENTS, rabbitmq: RABBITMQ_EVENTS };

/**
 * The rows looked for in a record no layout reads: wordings the runtime prints outside the log
 * format (an Erlang VM's last words on the console after 3.9+ or JSON records) stand alone there.
 */
const UNFRAMED_TABLES: Readonly<Record<ServiceType, EventPatternTable>> = {
  kafka: KAFKA_EVENTS.filter((row) => row.unframed === true),
  rabbitmq: RABBITMQ_EVENTS.filter((row) => row.unframed === true),
};

/** The rows a record of `service` is classified against: all of them if a layout read it (`framed`). */
export function eventRows(service: ServiceType, framed: boolean): EventPatternTable {
  return framed ? TABLES[service] : UNFRAMED_TABLES[service];
}

export class EventBuilder {
  readonly #context: InputContext;
  readonly #clock: Clock;
  /** The ISO text up to the seconds of the last timestamp: consecutive records share their second. */
  #second = NaN;
  #secondText = '';

  constructor(context: InputContext, clock: Clock) {
    this.#context = context;
    this.#clock = clock;
  }

  /**
   * `parsed` undefined: the record could not be read, and is kept as a `_parse_failure` event, of
   * time `at` (its wrapper's) or else the time it was read at.
   */
  build(record: AssembledRecord, parsed: ParsedRecord | undefined, service: ServiceType, at?: number): BrokerEvent {
    const context = this.#context;
    const readable = hasTime(parsed);
    const message = parsed === undefined ? record.text : parsed.message;
    const fields = parsed?.fields;
    const event: BrokerEvent = {
      '@timestamp': this.#iso(readable ? parsed.time : (at ?? this.#clock.now())),
      message,
    } as BrokerEvent;
    if (fields?.['log.level'] !== undefined) event['log.level'] = fields['log.level'];
    if (fields?.['log.logger'] !== undefined) event['log.logger'] = fields['log.logger'];
    if (context.filePath !== undefined) event['log.file.path'] = context.filePath;
    event['log.offset'] = record.offset;
    if (fields?.['process.thread.name'] !== undefined) event['process.thread.name'] = fields['process.thread.name'];
    event['event.id'] = eventId(context.host, context.fileIdentity, record.offset);
    event['event.original'] = record.original;
    event['event.dataset'] = DATASET_OF[service];
    // A record's stack trace is part of what it announces (an OutOfMemoryError behind `Fatal error
    // during KafkaServer startup`): the tables see the message and the trace after it. Lines after
    // a record that name no exception are not a trace (a JVM warning on stdout, a shell's `^C` and
    // prompt in a copied terminal): the wordings anchored at the message's end must still match.
    const trace = fields?.['error.type'] === undefined ? undefined : fields['error.stack_trace'];
    const classification =
      parsed === undefined
        ? classify(eventRows(service, false), record.text)
        : classify(eventRows(service, true), trace === undefined ? message : `${message}\n${trace}`, fields?.['log.logger']);
    if (classification !== undefined) event['event.action'] = classification.action;
    event['service.type'] = service;
    event['host.name'] = context.host;
    if (context.cluster !== undefined) event['broker.cluster'] = context.cluster;
    if (context.brokerId !== undefined) event['broker.id'] = context.brokerId;
    if (context.zone !== undefined) event['broker.zone'] = context.zone;
    if (fields !== undefined) {
      if (fields['kafka.log.component'] !== undefined) event['kafka.log.component'] = fields['kafka.log.component'];
      if (fields['kafka.log.trace.class'] !== undefined) event['kafka.log.trace.class'] = fields['kafka.log.trace.class'];
      if (fields['kafka.log.trace.message'] !== undefined) event['kafka.log.trace.message'] = fields['kafka.log.trace.message'];
      if (fields['rabbitmq.log.pid'] !== undefined) event['rabbitmq.log.pid'] = fields['rabbitmq.log.pid'];
      if (fields['error.type'] !== undefined) event['error.type'] = fields['error.type'];
      if (fields['error.message'] !== undefined) event['error.message'] = fields['error.message'];
      if (fields['error.stack_trace'] !== undefined) event['error.stack_trace'] = fields['error.stack_trace'];
    }
    if (classification !== undefined) Object.assign(event, classification.fields);
    const tags = tagsOf(record, parsed, message);
    if (tags !== undefined) event.tags = tags;
    return event;
  }

  #iso(instant: number): string {
    const second = Math.floor(instant / 1000);
    if (second !== this.#second) {
      this.#second = second;
      this.#secondText = new Date(second * 1000).toISOString().slice(0, 20);
    }
    return `${this.#secondText}${pad3(instant - second * 1000)}Z`;
  }
}

/** Date's range: ±8.64e15 ms. A damaged epoch field (XmlLayout's timeMillis) can read past it. */
const MAX_INSTANT = 8.64e15;

/** Whether the record was read and its time is an instant a Date can hold. */
function hasTime(parsed: ParsedRecord | undefined): parsed is ParsedRecord {
  return parsed !== undefined && Number.isFinite(parsed.time) && Math.abs(parsed.time) <= MAX_INSTANT;
}

function pad3(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n);
}

/**
 * `multiline`: the message has line breaks or the record a stack trace (a record whose layout
 * merely spans lines, XML or a pre-3.7 report, is not tagged for it).
 */
function tagsOf(record: AssembledRecord, parsed: ParsedRecord | undefined, message: string): string[] | undefined {
  let tags: string[] | undefined;
  const readable = hasTime(parsed);
  if (!readable) tags = [TAGS.parseFailure];
  const multiline = parsed === undefined ? record.lines > 1 : message.includes('\n') || parsed.fields['error.stack_trace'] !== undefined;
  if (multiline) (tags ??= []).push(TAGS.multiline);
  if (record.truncated) (tags ??= []).push(TAGS.truncated);
  if (record.text.includes('\uFFFD')) (tags ??= []).push(TAGS.invalidUtf8);
  return tags;
}
