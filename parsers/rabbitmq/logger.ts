// RabbitMQ 3.9+ (Erlang's logger, rabbit_logger_text_fmt): `2021-06-01 10:00:00.123456+00:00
// [info] <0.230.0> message`. Each line of a multi-line message repeats the whole prefix (same
// time, level and pid), so a line with the prefix of the record's first line continues it.
// `log.file.formatter.time_format` changes the time (rabbit_logger_fmt_helpers:format_time1):
// `rfc3339_T` puts a `T` between date and time, `epoch_secs` writes `1795603567.085845` and
// `epoch_usecs` `1795603567085845`; `level_format` writes the level upper-case or shortened
// (`[WRN]`, `[noti]`): test/fixtures/rabbitmq-formatter/. Before
// RabbitMQ's own handler takes over, early boot messages are written as pre-3.7 reports
// (`=INFO REPORT==== 29-Nov-2024::01:45:03.263098 ===`, seen in 3.13 container output): read too.
// On a clock of millisecond resolution (Windows) records of one process in the same millisecond
// share their prefix too: a line that begins like a record of its own starts one there.
// A line without the prefix after a prefixed record is not the record's (the formatter prefixes
// every line of it): it is what the node printed to stdout itself, the banner of a container's
// console (test/fixtures/public/rabbitmq-3.13-docker-banner.log), and starts a record of its own;
// the record after the banner begins on the banner's last line (console.ts).
import type { FormatDefinition, ParsedRecord, RecordFields, RecordLayout, TimeContext } from '../layout.js';
import { toLogLevel } from '../levels.js';
import { readEpochTime, readIsoTime } from '../time.js';
import { fromRecordStart } from './console.js';
import { RabbitmqReportLayout } from './report.js';

// The prefix ends the line when the message's first line is empty and a copy or shipper trimmed the
// blank after it (`... [error] <0.132.0>` before `BOOT FAILED`): then a line break follows it.
const PREFIX = /^((?:\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d\.\d+(?:[+-]\d\d:?\d\d|Z)|\d{9,10}\.\d{6}|\d{15,16}) \[([A-Za-z]+)\](?: (<[\w.]+>))?)(?: |$|(?=\r?\n))/;

/**
 * A time of millisecond resolution (`18:22:58.681000`, `1795603567.085000`): Windows nodes stamp
 * so, and one process's records of the same millisecond then share their whole prefix.
 */
const MILLISECOND_TIME = /^(?:\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d\.\d{3}000(?:[+-]\d\d:?\d\d|Z)|\d{9,10}\.\d{3}000|\d{12,13}000) /;

/**
 * How a record of its own begins, among the single-line records a process writes in bursts: Ra's
 * server of a queue, of the metadata store or of the stream coordinator, rabbit_node_monitor's peer
 * changes. Told apart from a continuation only where the prefix cannot tell (MILLISECOND_TIME).
 */
const OWN_RECORD_START = /^(?:queue '.*' in vhost '.*': |RabbitMQ metadata store: |rabbit_stream_coordinator: |(?:rabbit on )?node \S+ (?:up|down)\b)/;

class RabbitmqLoggerLayout implements RecordLayout {
  readonly format = 'rabbitmq-logger';
  readonly service = 'rabbitmq';
  readonly #report = new RabbitmqReportLayout();

  startsRecord(text: string, firstText: string | undefined): boolean {
    const line = fromRecordStart(text);
    const first = firstText === undefined ? undefined : fromRecordStart(firstText);
    const match = PREFIX.exec(line);
    if (match === null) return this.#report.startsRecord(line) || (first !== undefined && PREFIX.test(first));
    if (first === undefined) return true;
    const prefix = match[1]!;
    const samePrefix = first.startsWith(prefix) && (first.length === prefix.length || first.charCodeAt(prefix.length) === 32);
    if (!samePrefix) return true;
    return MILLISECOND_TIME.test(prefix) && OWN_RECORD_START.test(line.slice(match[0].length));
  }

  continuation(line: string): string {
    const match = PREFIX.exec(line);
    return match === null ? line : line.slice(match[0].length);
  }

  parse(text: string, time: TimeContext): ParsedRecord | undefined {
    const record = fromRecordStart(text);
    const match = PREFIX.exec(record);
    if (match === null) return this.#report.parse(record, time);
    const iso = record.charCodeAt(4) === 45;
    const end = record.indexOf(' ', iso ? 19 : 0);
    const instant = iso ? readIsoTime(record, 0, end, time) : readEpochTime(record, 0, end);
    const fields: RecordFields = {};
    const level = toLogLevel(match[2]!);
    if (level !== undefined) fields['log.level'] = level;
    if (match[3] !== undefined) fields['rabbitmq.log.pid'] = match[3];
    return { time: instant, message: record.slice(match[0].length).trimEnd(), fields };
  }
}

export const RABBITMQ_LOGGER: FormatDefinition = {
  name: 'rabbitmq-logger',
  service: 'rabbitmq',
  description: 'RabbitMQ 3.9 and later: `2021-06-01 10:00:00.123456+00:00 [info] <0.230.0> ...`, or an epoch time_format',
  create: () => new RabbitmqLoggerLayout(),
};
