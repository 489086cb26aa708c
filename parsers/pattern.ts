// The shape of an event-pattern table: wording -> action -> fields. Each log family keeps one
// table (parsers/kafka/events.ts, parsers/rabbitmq/events.ts) and src/parse runs it; a table row
// is data, not code paths, and cites the broker source that writes the wording and a real example.
import type { BrokerEvent, EventAction } from '../src/core/index.js';

/** The fields a pattern may add to an event: the domain fields, never the record's own. */
export type EventFields = Partial<
  Omit<BrokerEvent, '@timestamp' | 'message' | 'event.id' | 'event.original' | 'event.dataset' | 'service.type'>
>;

export interface EventPattern {
  readonly action: EventAction;
  /**
   * A substring every message of this wording contains: all rows' are searched for at once before
   * any regex runs (src/parse/classify.ts), so that the ordinary records (nearly all of them) cost
   * one pass. That pass skips ahead by up to the length of the table's shortest `contains` less
   * two: take the longest literal the pattern guarantees.
   */
  readonly contains: string;
  /** Matched against the whole message (prefix removed; multi-line messages keep their lines). */
  readonly pattern: RegExp;
  /** Only records of these loggers (Kafka's `(class)`), where the wording alone is ambiguous. */
  readonly logger?: RegExp;
  readonly fields?: (match: RegExpExecArray) => EventFields;
  /**
   * Written by the runtime outside the broker's log format (the Erlang VM's last words on the
   * console): also looked for in records no layout reads, where they stand alone.
   */
  readonly unframed?: true;
  /** The broker source that writes this wording, e.g. `kafka/cluster/Partition.scala`. */
  readonly source: string;
  /** The broker versions that write it, e.g. `2.7–3.9`. */
  readonly versions: string;
  /** A real record of it: a fixture path with line number, or a public sample's address. */
  readonly example: string;
}

/** Rows are tried in order and the first match wins: put the specific wording before the general. */
export type EventPatternTable = readonly EventPattern[];
