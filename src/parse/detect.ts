// Format detection: the layout that reads the most of an input's first records. Each candidate
// assembles the sample lines its own way and parses the records; a record read counts two plus one
// per field read (so of two patterns that both find the time, the one that also finds the logger
// wins), one it cannot read costs one, so a layout that merely matches some lines' start loses to
// the one whose records parse. Ties go to the earlier format of parsers/index.ts. A format with well-known
// variants (Kafka's and Strimzi's log4j patterns) is tried in each, unless a pattern is configured,
// and then in the variant it infers from the lines (a site's own log4j pattern, src/parse/log4j-infer.ts),
// which wins only by reading more than every well-known one.
import { ManualClock } from '../core/index.js';
import { FORMATS, FORMAT_NAMES, type LayoutEnv, type LayoutOptions, type RecordLayout, type TimeContext } from '../../parsers/index.js';
import { RecordAssembler, type AssembledRecord } from './assembler.js';

export function detectFormat(lines: readonly string[], options: LayoutOptions, env: LayoutEnv, time: TimeContext): RecordLayout | undefined {
  return bestReading(lines, options, env, time)?.layout;
}

/** How well a layout reads some lines: the layout and its score (above zero: it reads some). */
export interface Reading {
  readonly layout: RecordLayout;
  readonly score: number;
}

/** The layout that reads `lines` best, with its score, or undefined when none reads any. */
export function bestReading(lines: readonly string[], options: LayoutOptions, env: LayoutEnv, time: TimeContext): Reading | undefined {
  let best: RecordLayout | undefined;
  let bestScore = 0;
  for (const name of FORMAT_NAMES) {
    const definition = FORMATS[name];
    if (definition.fallback === true) continue;
    let variants: readonly LayoutOptions[] = [options];
    if (options.pattern === undefined && definition.variants !== undefined) {
      const inferred = definition.infer?.(lines, env);
      variants = inferred === undefined ? definition.variants : [...definition.variants, inferred];
    }
    for (const variant of variants) {
      const layout = definition.create(variant, env);
      if (!lines.some((line) => layout.startsRecord(line, undefined))) continue;
      const score = scoreOf(layout, lines, time);
      if (score > bestScore) {
        best = layout;
        bestScore = score;
      }
    }
  }
  return best === undefined ? undefined : { layout: best, score: bestScore };
}

/** The score of one layout on `lines` (a configured format, weighed against a wrapper's reading). */
export function scoreOf(layout: RecordLayout, lines: readonly string[], time: TimeContext): number {
  const records: AssembledRecord[] = [];
  const assembler = new RecordAssembler({
    framing: layout,
    sink: { record: (record) => records.push(record) },
    clock: new ManualClock(0),
    flushAfterMs: 0,
    maxRecordBytes: Number.MAX_SAFE_INTEGER,
  });
  for (const line of lines) assembler.push(line, line, 0 as AssembledRecord['offset'], line.length, false);
  assembler.end();
  let score = 0;
  for (const record of records) {
    let parsed;
    try {
      parsed = layout.parse(record.text, time);
    } catch {
      // A layout that throws reads nothing here; once chosen, InputParser reports it (parser_threw).
      parsed = undefined;
    }
    score += parsed !== undefined && Number.isFinite(parsed.time) ? 2 + Object.keys(parsed.fields).length : -1;
  }
  return score;
}
