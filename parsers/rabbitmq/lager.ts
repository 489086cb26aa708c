// RabbitMQ 3.7 and 3.8 (lager): `2019-04-03 11:13:15.076 [info] <0.1.0> message`, in the node's
// local time without a zone. A multi-line message (the alarm banner, a crash report) continues on
// lines without the prefix. In console output a record may begin after the banner's last words on
// the same line (console.ts).
import type { FormatDefinition, ParsedRecord, RecordFields, RecordLayout, TimeContext } from '../layout.js';
import { toLogLevel } from '../levels.js';
import { readIsoTime } from '../time.js';
import { fromRecordStart } from './console.js';

// lager's rabbit formatter: date, " ", time, " ", "[", severity, "] ", {pid, ""}, " ", message.
const PREFIX = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[([a-z]+)\] (?:(<[\w.]+>)(?:@\S+)? ?)? ?/;

class RabbitmqLagerLayout implements RecordLayout {
  readonly format = 'rabbitmq-lager';
  readonly service = 'rabbitmq';

  startsRecord(line: string): boolean {
    return PREFIX.test(fromRecordStart(line));
  }

  parse(text: string, time: TimeContext): ParsedRecord | undefined {
    const record = fromRecordStart(text);
    const match = PREFIX.exec(record);
    if (match === null) return undefined;
    const fields: RecordFields = {};
    const level = toLogLevel(match[1]!);
    if (level !== undefined) fields['log.level'] = level;
    if (match[2] !== undefined) fields['rabbitmq.log.pid'] = match[2];
    return { time: readIsoTime(record, 0, 23, time), message: record.slice(match[0].length).trimEnd(), fields };
  }
}

export const RABBITMQ_LAGER: FormatDefinition = {
  name: 'rabbitmq-lager',
  service: 'rabbitmq',
  description: 'RabbitMQ 3.7 and 3.8 (lager): `2019-04-03 11:13:15.076 [info] <0.1.0> ...`',
  create: () => new RabbitmqLagerLayout(),
};
