// One input (a file, stdin): lines in, events out. The first lines of the input are held back until
// its wrapper and format are known (detection, unless a format is configured), then replayed;
// after that each line goes to the record assembler of its stream and each record becomes exactly
// one event. Nothing is dropped and nothing throws: a record no layout can read, an input of an
// unknown format, a layout that fails, all yield `_parse_failure` events that keep the raw record.
import type { BrokerEvent, ByteOffset, Clock, ServiceType } from '../core/index.js';
import type { Telemetry } from '../telemetry/index.js';
import { FORMATS, type FormatName, type ParsedRecord, type RecordLayout } from '../../parsers/index.js';
import { RecordAssembler, type AssembledRecord, type RecordSink } from './assembler.js';
import { bestReading, scoreOf, type Reading } from './detect.js';
import { EventBuilder, type InputContext } from './event.js';
import type { LineSink } from './lines.js';
import { layoutEnv } from './env.js';
import { detectWrappers, stampTime, type Wrapper } from './wrappers.js';
import { ZoneTime } from './zone.js';

export interface ParseOptions {
  /** A format name, or 'auto' to detect it from the input's first records. */
  readonly format: FormatName | 'auto';
  /** The log4j conversion pattern of a Kafka input whose layout is not Kafka's default. */
  readonly pattern?: string;
  /** IANA zone of timestamps written without an offset (Kafka's default layout, RabbitMQ before 3.9). */
  readonly timezone: string;
  /** How long the last record of an input waits for a continuation line before it is emitted. */
  readonly flushAfterMs: number;
  readonly maxRecordBytes: number;
  readonly maxRecordLines?: number;
  readonly clock: Clock;
  readonly telemetry?: Telemetry;
}

export interface EventSink {
  /** `record`: where the event's record lies in the input (the agent checkpoints at its end). */
  event(event: BrokerEvent, record: AssembledRecord): void;
}

/** Lines held for detection: enough to see a few records, bounded in count and bytes. */
const SAMPLE_LINES = 64;
const SAMPLE_BYTES = 64 * 1024;
/** Full samples of bare messages (no layout reads them) after which an input keeps that reading. */
const BARE_SAMPLES_TO_SETTLE = 4;

interface SampleLine {
  readonly text: string;
  readonly offset: ByteOffset;
  readonly bytes: number;
  readonly truncated: boolean;
}

/**
 * A terminal's echo of control keys (`^C`) before a line: console output copied from a terminal in
 * which the broker ran in the foreground and was stopped with Ctrl-C holds `^C[2015-10-12 ...]
 * INFO ... shutting down`.
 */
const KEY_ECHO = /^(?:\^[A-Z\\])+/;
const CARET = 94;

/** A sample line as a record of its own: `text` what the layout reads, `stamp` its wrapper's time. */
function lineRecord(line: SampleLine, text: string, stamp?: string): AssembledRecord {
  const record = { offset: line.offset, end: (line.offset + line.bytes + 1) as ByteOffset, text, original: line.text, lines: 1, truncated: line.truncated };
  return stamp === undefined ? record : { ...record, stamp };
}

export class InputParser implements LineSink, RecordSink {
  readonly #options: ParseOptions;
  readonly #sink: EventSink;
  readonly #builder: EventBuilder;
  readonly #context: InputContext;
  readonly #time: ZoneTime;
  /** The layout of a configured format, built (and its pattern checked) up front. */
  readonly #configured: RecordLayout | undefined;
  /** The layout of bare messages inside a logging system's lines, when no other reads them. */
  readonly #fallback: RecordLayout;
  #sample: SampleLine[] = [];
  #sampleBytes = 0;
  #sampleSince = 0;
  #decided = false;
  /** Full samples read as bare messages so far (BARE_SAMPLES_TO_SETTLE). */
  #bareSamples = 0;
  #wrapper: Wrapper | undefined;
  #layout: RecordLayout | undefined;
  #service: ServiceType;
  readonly #streams = new Map<string, RecordAssembler>();
  /** The assembler of unwrapped lines (stream ''), kept at hand: nearly every line goes there. */
  #plain: RecordAssembler | undefined;
  /** Per stream, the start of a line a container runtime split (CRI `P`, docker json-file). */
  readonly #partial = new Map<string, SampleLine & { readonly original: string; readonly stamp: string | undefined }>();

  /** @throws ParseConfigError for an unknown time zone or an unusable pattern. */
  constructor(context: InputContext, options: ParseOptions, sink: EventSink) {
    this.#context = context;
    this.#options = options;
    this.#sink = sink;
    this.#builder = new EventBuilder(context, options.clock);
    this.#time = new ZoneTime(options.timezone, options.clock);
    this.#service = context.service ?? (/rabbit/i.test(context.filePath ?? '') ? 'rabbitmq' : 'kafka');
    this.#configured = options.format === 'auto' ? undefined : FORMATS[options.format].create(this.#layoutOptions(), layoutEnv(options.clock));
    this.#fallback = FORMATS.message.create({}, layoutEnv(options.clock));
  }

  /** The format in use, once known. */
  get format(): FormatName | undefined {
    return this.#layout?.format;
  }

  /** The conversion pattern the input is read with, once known, for a log4j PatternLayout. */
  get pattern(): string | undefined {
    return this.#layout?.pattern;
  }

  /** The name of the wrapper around the input's lines (syslog, a container runtime's), once known. */
  get wrapper(): string | undefined {
    return this.#wrapper?.name;
  }

  line(text: string, offset: ByteOffset, bytes: number, truncated: boolean): void {
    if (this.#decided) {
      this.#route(text, offset, bytes, truncated);
      return;
    }
    if (this.#sample.length === 0) this.#sampleSince = this.#options.clock.now();
    this.#sample.push({ text, offset, bytes, truncated });
    this.#sampleBytes += bytes;
    if (this.#sample.length >= SAMPLE_LINES || this.#sampleBytes >= SAMPLE_BYTES) this.#decide(true);
  }

  /** Emits what waited `flushAfterMs` of the clock: held-back lines, the last record of a stream. */
  poll(): void {
    if (!this.#decided && this.#sample.length > 0 && this.#options.clock.now() - this.#sampleSince >= this.#options.flushAfterMs) {
      this.#decide(false);
    }
    for (const assembler of this.#streams.values()) assembler.poll();
  }

  /** When poll() has something to emit, or undefined when nothing is pending. */
  deadline(): number | undefined {
    let next = this.#sample.length > 0 ? this.#sampleSince + this.#options.flushAfterMs : undefined;
    for (const assembler of this.#streams.values()) {
      const at = assembler.deadline();
      if (at !== undefined && (next === undefined || at < next)) next = at;
    }
    return next;
  }

  /** The input ended: every pending record is emitted. */
  end(): void {
    if (!this.#decided && this.#sample.length > 0) this.#decide(false);
    for (const [stream, line] of this.#partial) this.#assemble(stream, line.text, line.original, line.offset, line.bytes, line.truncated, line.stamp);
    this.#partial.clear();
    for (const assembler of this.#streams.values()) assembler.end();
  }

  record(record: AssembledRecord): void {
    this.#emit(record, this.#layout);
  }

  #emit(record: AssembledRecord, layout: RecordLayout | undefined): void {
    let parsed: ParsedRecord | undefined;
    if (layout !== undefined) {
      try {
        parsed = layout.parse(record.text, this.#time);
      } catch (error) {
        // A layout must return undefined for what it cannot read; this is a bug, kept visible.
        this.#options.telemetry?.emit('parser_threw', { format: layout.format, offset: record.offset, error: String(error) });
      }
    }
    // A record without a time of its own (a bare message), or one no layout reads, takes its
    // wrapper's; the latter stays a `_parse_failure`.
    let at: number | undefined;
    if (record.stamp !== undefined && !(parsed !== undefined && Number.isFinite(parsed.time))) {
      const stamped = stampTime(record.stamp, this.#time, this.#options.clock.now());
      if (Number.isFinite(stamped)) {
        if (parsed === undefined) at = stamped;
        else parsed = { ...parsed, time: stamped };
      }
    }
    this.#sink.event(this.#builder.build(record, parsed, this.#service, at), record);
  }

  #layoutOptions(): { pattern?: string } {
    return this.#options.pattern === undefined ? {} : { pattern: this.#options.pattern };
  }

  /** `full`: the sample reached its size, rather than its time or the input's end. */
  #decide(full: boolean): void {
    const sample = this.#sample;
    this.#sample = [];
    this.#sampleBytes = 0;
    const { wrapper, layout } = this.#readSample(sample.map((line) => line.text));
    const telemetry = this.#options.telemetry;
    if (layout?.service === undefined && this.#context.service === undefined && wrapper !== undefined) {
      // No broker layout says which broker wrote the lines: the wrapper's source may (a syslog tag
      // `rabbitmq-server`, a container `rabbitmq`).
      if (sample.some((line) => /rabbit/i.test(wrapper.unwrap(line.text)?.stream ?? ''))) this.#service = 'rabbitmq';
    }
    const bare = layout === this.#fallback && wrapper !== undefined;
    if (bare && full) this.#bareSamples++;
    if (bare && this.#bareSamples < BARE_SAMPLES_TO_SETTLE) {
      // Bare messages so far, but what precedes the broker's own records may be long (a container
      // image's setup script, a node's banner, a service manager's lines): read these, and detect
      // again on the next lines, until enough full samples held nothing else.
      for (const line of sample) {
        const unwrapped = wrapper.unwrap(line.text);
        this.#emit(lineRecord(line, unwrapped?.inner ?? line.text, unwrapped?.stamp), layout);
      }
      return;
    }
    if (layout === undefined) {
      // No layout reads these lines: each becomes its own `_parse_failure` record, and detection
      // tries again on the lines that follow (a file may start with the tail of a crashed write).
      telemetry?.emit('format_unknown', { path: this.#context.filePath, lines: sample.length });
      for (const line of sample) this.record(lineRecord(line, line.text));
      return;
    }
    this.#decided = true;
    this.#wrapper = wrapper;
    this.#layout = layout;
    if (this.#context.service === undefined && layout.service !== undefined) this.#service = layout.service;
    telemetry?.emit('format_detected', { path: this.#context.filePath, format: layout.format, pattern: layout.pattern, wrapper: wrapper?.name });
    for (const line of sample) this.#route(line.text, line.offset, line.bytes, line.truncated);
  }

  /**
   * The wrapper and layout that read the sample best. A line that looks wrapped may be the broker's
   * own (RabbitMQ's `rfc3339_T` time is also a `docker logs -t` stamp), a compose or kubectl
   * prefix may be followed by the broker's RFC 3339 time rather than a `-t` stamp, and two
   * wrappers may take the same lines: the sample is read by each wrapper found, unwrapped and
   * unwrapped keeping that time, and as it is; a tie goes to that order.
   */
  #readSample(lines: readonly string[]): { wrapper: Wrapper | undefined; layout: RecordLayout | undefined } {
    const candidates = [...detectWrappers(lines).flatMap((found) => (found.verbatim === undefined ? [found] : [found, found.verbatim])), undefined];
    let best: { wrapper: Wrapper | undefined; reading: Reading | undefined } = { wrapper: undefined, reading: undefined };
    for (const wrapper of candidates) {
      const reading = this.#read(wrapper === undefined ? lines : lines.map((line) => wrapper.unwrap(line)?.inner ?? line));
      if (reading !== undefined && (best.reading === undefined || reading.score > best.reading.score)) best = { wrapper, reading };
    }
    if (best.reading === undefined && this.#configured === undefined) {
      // Read by no layout inside a logging system's lines: bare messages (RabbitMQ's log.syslog).
      const stamping = candidates.find((wrapper) => wrapper?.carriesBareMessages === true);
      if (stamping !== undefined) return { wrapper: stamping, layout: this.#fallback };
    }
    return { wrapper: best.wrapper, layout: best.reading?.layout };
  }

  /** The configured layout with its score, or the detected one. */
  #read(lines: readonly string[]): Reading | undefined {
    if (this.#configured !== undefined) return { layout: this.#configured, score: scoreOf(this.#configured, lines, this.#time) };
    return bestReading(lines, this.#layoutOptions(), layoutEnv(this.#options.clock), this.#time);
  }

  #route(text: string, offset: ByteOffset, bytes: number, truncated: boolean): void {
    const wrapper = this.#wrapper;
    if (wrapper === undefined) {
      this.#assemble('', text, text, offset, bytes, truncated);
      return;
    }
    const unwrapped = wrapper.unwrap(text);
    if (unwrapped === undefined) {
      this.#assemble('', text, text, offset, bytes, truncated);
      return;
    }
    const stream = unwrapped.stream;
    const head = this.#partial.get(stream);
    let inner = unwrapped.inner;
    let original = text;
    let start = offset;
    let size = bytes;
    let stamp = unwrapped.stamp;
    if (head !== undefined) {
      this.#partial.delete(stream);
      inner = head.text + inner;
      original = `${head.original}\n${text}`;
      start = head.offset;
      size += head.bytes + 1;
      stamp = head.stamp;
    }
    if (unwrapped.partial) {
      this.#partial.set(stream, { text: inner, original, offset: start, bytes: size, truncated, stamp });
      return;
    }
    this.#assemble(stream, inner, original, start, size, truncated, stamp);
  }

  #assemble(stream: string, text: string, original: string, offset: ByteOffset, bytes: number, truncated: boolean, stamp?: string): void {
    if (text.charCodeAt(0) === CARET) text = this.#withoutKeyEcho(text);
    let assembler = stream === '' ? this.#plain : this.#streams.get(stream);
    if (assembler === undefined) {
      assembler = new RecordAssembler({
        framing: this.#layout!,
        sink: this,
        clock: this.#options.clock,
        flushAfterMs: this.#options.flushAfterMs,
        maxRecordBytes: this.#options.maxRecordBytes,
        ...(this.#options.maxRecordLines === undefined ? {} : { maxRecordLines: this.#options.maxRecordLines }),
      });
      this.#streams.set(stream, assembler);
      if (stream === '') this.#plain = assembler;
    }
    assembler.push(text, original, offset, bytes, truncated, stamp);
  }

  /** The line after a key echo that starts a record there (the record keeps the echo in its original). */
  #withoutKeyEcho(text: string): string {
    const echo = KEY_ECHO.exec(text);
    if (echo === null) return text;
    const rest = text.slice(echo[0].length);
    return this.#layout!.startsRecord(rest, undefined) ? rest : text;
  }
}
