import type { BrokerEvent, ByteOffset, Clock } from '../core/index.js';
import { InputParser, type AssembledRecord, type FormatName } from '../parse/index.js';
import type { Telemetry } from '../telemetry/index.js';
import type { Line, Span } from './lines.js';
import type { FileRef, RecordStage, RecordStageFactory } from './records.js';

/** An event with the bytes of its record: the follower acknowledges a file up to `end`. */
export interface EventRecord extends Span {
  readonly event: BrokerEvent;
}

/** What an input says about its files: the parser's and the event's slice of the input config. */
export interface ParsingOptions {
  readonly host: string;
  readonly format: FormatName | 'auto';
  readonly pattern?: string | undefined;
  readonly service_type: 'kafka' | 'rabbitmq';
  readonly cluster: string;
  readonly broker_id: string;
  readonly zone?: string | undefined;
  readonly time_zone: string;
  readonly multiline: { readonly max_lines: number; readonly max_bytes: number; readonly flush_timeout_seconds: number };
}

/**
 * The record stage of a followed file that parses as it goes: each file gets its own InputParser
 * (format detection, multi-line assembly), and each record comes out as its event with its span.
 * The follower decides when a file has been idle long enough (flush), not the parser's own timer.
 */
export function parsingStage(options: ParsingOptions, clock: Clock, telemetry: Telemetry): RecordStageFactory<EventRecord> {
  return (file) => new ParsingStage(options, file, clock, telemetry);
}

class ParsingStage implements RecordStage<EventRecord> {
  readonly #parser: InputParser;
  #out: EventRecord[] | undefined;
  /** Past the last line pushed: a record never ends beyond what was read. */
  #readEnd = 0;

  constructor(options: ParsingOptions, file: FileRef, clock: Clock, telemetry: Telemetry) {
    this.#parser = new InputParser(
      {
        host: options.host,
        fileIdentity: file.identity,
        filePath: file.path,
        cluster: options.cluster,
        brokerId: options.broker_id,
        service: options.service_type,
        ...(options.zone === undefined ? {} : { zone: options.zone }),
      },
      {
        format: options.format,
        ...(options.pattern === undefined ? {} : { pattern: options.pattern }),
        timezone: options.time_zone,
        flushAfterMs: options.multiline.flush_timeout_seconds * 1000,
        maxRecordBytes: options.multiline.max_bytes,
        maxRecordLines: options.multiline.max_lines,
        clock,
        telemetry,
      },
      { event: (event, record) => this.#emit(event, record) },
    );
  }

  push(line: Line, out: EventRecord[]): void {
    this.#out = out;
    this.#readEnd = line.end;
    this.#parser.line(line.text, line.offset, line.bytes, line.truncated);
    this.#out = undefined;
  }

  flush(out: EventRecord[]): void {
    this.#out = out;
    this.#parser.end();
    this.#out = undefined;
  }

  #emit(event: BrokerEvent, record: AssembledRecord): void {
    const end = Math.min(record.end, this.#readEnd) as ByteOffset;
    this.#out!.push({ offset: record.offset, end, event });
  }
}
