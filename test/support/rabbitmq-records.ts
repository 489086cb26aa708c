// Test-only reader of RabbitMQ log records, until the layout parser (src/parse) exists: it turns
// a file into records (the line it starts on and its message, prefix removed) for the three text
// layouts the fixtures use. The layout parser replaces it; it is not a parser of the product.
//  * 3.9+: `2021-06-01 10:00:00.123456+00:00 [info] <0.230.0> text`; every line of a multi-line
//    message repeats the prefix, so consecutive lines with one prefix form one record.
//  * 3.7/3.8 (lager): `2019-04-03 11:13:15.076 [info] <0.1.0> text`; lines without a prefix
//    continue the record.
//  * before 3.7: `=INFO REPORT==== 3-Apr-2019::11:13:15 ===` followed by the message's lines, up
//    to a blank line or the next record (the record starts on the header line).
// Any other line stands alone (e.g. the VM's own lines on stdout).
import { readFileSync } from 'node:fs';

export interface RabbitmqRecord {
  /** 1-based line number of the record's first line. */
  readonly line: number;
  readonly message: string;
}

const MODERN = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d \[\w+\] <[\d.]+>) ?(.*)$/;
const LAGER = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[\w+\] <[\d.]+> ?(.*)$/;
const REPORT = /^=\w+ REPORT==== .+ ===$/;

type Kind = 'modern' | 'lager' | 'report' | 'ended' | 'plain';

export function readRabbitmqRecords(path: string): RabbitmqRecord[] {
  const records: { line: number; lines: string[]; kind: Kind; prefix?: string }[] = [];
  const lines = readFileSync(path, 'utf8').replace(/\n$/, '').split('\n');
  lines.forEach((text, index) => {
    const last = records.at(-1);
    const modern = MODERN.exec(text);
    const lager = LAGER.exec(text);
    if (modern !== null) {
      if (last !== undefined && last.prefix === modern[1]) last.lines.push(modern[2]!);
      else records.push({ line: index + 1, lines: [modern[2]!], kind: 'modern', prefix: modern[1]! });
    } else if (lager !== null) {
      records.push({ line: index + 1, lines: [lager[1]!], kind: 'lager' });
    } else if (REPORT.test(text)) {
      records.push({ line: index + 1, lines: [], kind: 'report' });
    } else if (last?.kind === 'lager') {
      last.lines.push(text);
    } else if (last?.kind === 'report') {
      if (text === '') last.kind = 'ended';
      else last.lines.push(text);
    } else if (text !== '') {
      records.push({ line: index + 1, lines: [text], kind: 'plain' });
    }
  });
  return records.map((record) => ({ line: record.line, message: record.lines.join('\n').replace(/\n+$/, '') }));
}
