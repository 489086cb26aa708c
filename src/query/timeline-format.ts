// A timeline as people read it: Markdown to paste into a postmortem, and plain text for a terminal.
// Times are UTC as logged; suspected clock skew is stated, never corrected.
import type { ClockSkew } from './skew.js';
import { compactPartitions } from './storms.js';
import type { Timeline, TimelineEntry } from './timeline.js';

/** `1.25 s`, `340 ms`, `2 min 5 s`: a skew or a gap as an admin says it. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** Times of one UTC day print as `10:01:03.250`; a timeline spanning days prints dates too. */
function timeFormatter(timeline: Timeline): (iso: string) => string {
  const oneDay = timeline.from.slice(0, 10) === new Date(Date.parse(timeline.to) - 1).toISOString().slice(0, 10);
  return oneDay ? (iso) => iso.slice(11, 23) : (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

function span(entry: TimelineEntry, time: (iso: string) => string): string {
  return entry.start === entry.end ? time(entry.start) : `${time(entry.start)}–${time(entry.end)}`;
}

/** The summary, then what it was about: partitions, queues, peers. */
function details(entry: TimelineEntry): string {
  const about =
    entry.partitions !== undefined
      ? compactPartitions(entry.partitions)
      : entry.queues !== undefined
        ? entry.queues.slice(0, 5).join(', ') + (entry.queues.length > 5 ? ` (+${entry.queues.length - 5} more)` : '')
        : '';
  return about === '' ? entry.summary : `${entry.summary}: ${about}`;
}

function skewNotes(entry: TimelineEntry): string[] {
  return (entry.skew ?? []).map((mark) =>
    mark.role === 'effect'
      ? `logged ${formatDuration(mark.byMs)} before its cause on ${mark.otherHost} (${mark.rule}): suspected clock skew`
      : `logged ${formatDuration(mark.byMs)} after its effect on ${mark.otherHost} (${mark.rule}): suspected clock skew`,
  );
}

/** `broker-3's clock runs at least 4.93 s behind broker-2's`. */
export function describeSkew(skew: ClockSkew): string {
  const bound = skew.atMostMs === undefined ? `at least ${formatDuration(skew.atLeastMs)}` : `between ${formatDuration(skew.atLeastMs)} and ${formatDuration(skew.atMostMs)}`;
  const evidence = `${skew.contradictions.length} ${skew.contradictions.length === 1 ? 'event pair contradicts' : 'event pairs contradict'} causal order`;
  return `${skew.host}'s clock runs ${bound} behind ${skew.reference}'s (${evidence}; ${[...new Set(skew.contradictions.map((p) => p.rule))].join(', ')})`;
}

function who(entry: TimelineEntry): string {
  return entry.broker === undefined || entry.broker === entry.host ? entry.host : `${entry.host}/${entry.broker}`;
}

function heading(timeline: Timeline): string {
  const cluster = timeline.cluster === undefined ? 'all clusters' : `cluster ${timeline.cluster}`;
  return `Incident timeline: ${cluster}, ${timeline.from.replace('T', ' ').slice(0, 19)} to ${timeline.to.replace('T', ' ').slice(0, 19)} UTC`;
}

function counts(timeline: Timeline): string {
  const hosts = timeline.lanes.length;
  return `${timeline.eventCount} notable events from ${hosts} ${hosts === 1 ? 'host' : 'hosts'} in ${timeline.entries.length} entries.${
    timeline.truncated ? ' Truncated: the window holds more events than were read; narrow it.' : ''
  }`;
}

const cell = (text: string): string => text.replace(/\\/gu, '\\\\').replace(/\|/gu, '\\|').replace(/\n/gu, ' ');

/** A postmortem-ready Markdown section: heading, counts, clock-skew warnings, one table row per entry. */
export function timelineMarkdown(timeline: Timeline): string {
  const time = timeFormatter(timeline);
  const lines = [`## ${heading(timeline)}`, '', counts(timeline), ''];
  if (timeline.skew.length > 0) {
    lines.push('> **Suspected clock skew.** Times are shown as logged, not corrected:');
    for (const skew of timeline.skew) lines.push(`> - ${describeSkew(skew)}`);
    lines.push('');
  }
  if (timeline.entries.length === 0) {
    lines.push('No notable events in this window.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('| time (UTC) | host | level | event | what happened |', '| --- | --- | --- | --- | --- |');
  for (const entry of timeline.entries) {
    const notes = skewNotes(entry).map((note) => `<br>⚠ ${cell(note)}`).join('');
    lines.push(`| ${span(entry, time)} | ${cell(who(entry))} | ${entry.level ?? ''} | \`${entry.action}\` | ${cell(details(entry))}${notes} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** One line per entry for a terminal, with skew notes indented under the entries they concern. */
export function timelineText(timeline: Timeline): string {
  const time = timeFormatter(timeline);
  const lines = [heading(timeline), counts(timeline)];
  for (const skew of timeline.skew) lines.push(`! suspected clock skew: ${describeSkew(skew)}`);
  lines.push('');
  const spans = timeline.entries.map((entry) => span(entry, time));
  const hosts = timeline.entries.map(who);
  const width = (values: readonly string[]): number => Math.max(0, ...values.map((v) => v.length));
  const [spanWidth, hostWidth, actionWidth] = [width(spans), width(hosts), width(timeline.entries.map((e) => e.action))];
  timeline.entries.forEach((entry, i) => {
    lines.push([spans[i]!.padEnd(spanWidth), hosts[i]!.padEnd(hostWidth), (entry.level ?? '').padEnd(7), entry.action.padEnd(actionWidth), details(entry)].join('  '));
    for (const note of skewNotes(entry)) lines.push(`${' '.repeat(spanWidth + 2)}! ${note}`);
  });
  if (timeline.entries.length === 0) lines.push('No notable events in this window.');
  return `${lines.join('\n')}\n`;
}
