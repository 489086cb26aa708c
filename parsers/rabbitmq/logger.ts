// RabbitMQ 3.9+ (Erlang's logger, rabbit_logger_text_fmt): `2021-06-01 10:00:00.123456+00:00
// [info] <0.230.0> message`. Each line of a multi-line message repeats the whole prefix (same
// time, level and pid), so a line with the prefix of the record's first line continues it. Before
// RabbitMQ's own handler takes over, early boot messages are written as pre-3.7 reports
// (`=INFO REPORT==== 29-Nov-2024::01:45:03.263098 ===`, seen in 3.13 container output): read too.
import type { FormatDefinition, ParsedRecord, RecordFields, RecordLayout, TimeContext } from '../layout.js';
import { toLogLevel } from '../levels.js';
import { readIsoTime } from '../time.js';
import { RabbitmqReportLayout } from './report.js';

const PREFIX = /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d\.\d+(?:[+-]\d\d:?\d\d|Z) \[([a-z]+)\](?: (<[\w.]+>))?)(?: |$)/;

class RabbitmqLoggerLayout implements RecordLayout {
  readonly format = 'rabbitmq-logger';
  readonly service = 'rabbitmq';
  readonly #report = new RabbitmqReportLayout();

  startsRecord(line: string, first: string | undefined): boolean {
    const match = PREFIX.exec(line);
    if (match === null) return this.#report.startsRecord(line);
    if (first === undefined) return true;
    const prefix = match[1]!;
    return !(first.startsWith(prefix) && (first.length === prefix.length || first.charCodeAt(prefix.length) === 32));
  }

  continuation(line: string): string {
    const match = PREFIX.exec(line);
    return match === null ? line : line.slice(match[0].length);
  }

  parse(record: string, time: TimeContext): ParsedRecord | undefined {
    const match = PREFIX.exec(record);
    if (match === null) return this.#report.parse(record, time);
    const instant = readIsoTime(record, 0, record.indexOf(' ', 19), time);
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
  description: 'RabbitMQ 3.9 and later: `2021-06-01 10:00:00.123456+00:00 [info] <0.230.0> ...`',
  create: () => new RabbitmqLoggerLayout(),
};
