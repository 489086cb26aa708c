import type { FileIdentity } from './identity.js';
import type { Line, Span } from './lines.js';

/** The file a batch was read from: its identity (for event ids) and its path at the time of reading. */
export interface FileRef {
  readonly identity: FileIdentity;
  readonly path: string;
}

/**
 * The step from lines to records, between the follower and the batches: a multi-line assembler
 * (src/parse, by the family's record-start rule) or one record per line. One instance per file,
 * fed that file's lines in order. A record spans whole lines; the follower acknowledges a file up
 * to the `end` of its last acknowledged record, so lines an assembler still holds are never
 * checkpointed.
 */
export interface RecordStage<R extends Span> {
  /** Appends to `out` the records `line` completes (for an assembler: the one `line` ends by starting another). */
  push(line: Line, out: R[]): void;
  /**
   * Appends the record held back for continuation lines: the file has been idle for the flush
   * timeout, or is being let go.
   */
  flush(out: R[]): void;
}

export type RecordStageFactory<R extends Span> = (file: FileRef) => RecordStage<R>;

const ONE_LINE_ONE_RECORD: RecordStage<Line> = {
  push(line, out) {
    out.push(line);
  },
  flush() {},
};

/** Each line is a record: the behaviour for single-line layouts (RabbitMQ JSON, log4j JSON lines). */
export const singleLineRecords: RecordStageFactory<Line> = () => ONE_LINE_ONE_RECORD;
