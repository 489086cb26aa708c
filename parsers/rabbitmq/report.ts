// RabbitMQ before 3.7 (Erlang's error_logger file handler): a `=KIND REPORT==== 3-Apr-2019::11:13:15 ===`
// header line, then the report's lines up to the next header, in the node's local time.
import type { FormatDefinition, ParsedRecord, RecordLayout, TimeContext } from '../layout.js';
import type { LogLevel } from '../../src/core/index.js';
import { MONTHS } from '../time.js';

const HEADER = /^=([A-Z ]+?) REPORT==== (\d{1,2})-([A-Za-z]{3})-(\d{4})::(\d\d):(\d\d):(\d\d)(?:\.(\d+))? ===[ \t]*$/m;

const LEVELS: Readonly<Record<string, LogLevel>> = {
  INFO: 'info',
  'INFO MSG': 'info',
  PROGRESS: 'info',
  WARNING: 'warning',
  'WARNING MSG': 'warning',
  ERROR: 'error',
  'ERROR MSG': 'error',
  CRASH: 'error',
  SUPERVISOR: 'error',
};

export class RabbitmqReportLayout implements RecordLayout {
  readonly format = 'rabbitmq-report';
  readonly service = 'rabbitmq';

  startsRecord(line: string): boolean {
    return line.charCodeAt(0) === 61 && HEADER.test(line);
  }

  parse(record: string, time: TimeContext): ParsedRecord | undefined {
    const match = HEADER.exec(record);
    if (match?.index !== 0) return undefined;
    const [, kind, day, month, year, hour, minute, second, fraction] = match;
    const instant = time.local(
      Number(year),
      MONTHS.get(month!) ?? NaN,
      Number(day),
      Number(hour),
      Number(minute),
      Number(second),
      fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')),
    );
    const level = LEVELS[kind!];
    // Reports are separated by an empty line, which belongs to no message; newer OTP releases
    // indent the report body, which is not part of it either.
    const message = dedent(record.slice(match[0].length + 1).trimEnd());
    return { time: instant, message, fields: level === undefined ? {} : { 'log.level': level } };
  }
}

function dedent(text: string): string {
  const lines = text.split('\n');
  let indent = Infinity;
  for (const line of lines) if (line.trim() !== '') indent = Math.min(indent, line.length - line.trimStart().length);
  return indent === 0 || indent === Infinity ? text : lines.map((line) => line.slice(indent)).join('\n');
}

export const RABBITMQ_REPORT: FormatDefinition = {
  name: 'rabbitmq-report',
  service: 'rabbitmq',
  description: 'RabbitMQ before 3.7: `=INFO REPORT==== 3-Apr-2019::11:13:15 ===` and the lines after it',
  create: () => new RabbitmqReportLayout(),
};
