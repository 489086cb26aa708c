// `brokerwatch timeline [--cluster X] --since T [--until T] [--format text|markdown|json]`: the
// incident timeline of a cluster (docs/timeline.md): notable events of every broker and node,
// storms collapsed, in logged order, suspected clock skew flagged.
import { Option, type Command } from 'commander';
import { QueryError, systemClock, toInstant } from '../core/index.js';
import { buildTimeline, DEFAULT_MAX_EVENTS, DEFAULT_STORM_GAP_MS, parseDuration, parseTimeWindow, timelineMarkdown, timelineText } from '../query/index.js';
import { addConfigOption, type ConfigFlags } from './config-option.js';
import { count, EXIT_NOTHING_FOUND, withReadStore } from './read-store.js';

interface TimelineFlags extends ConfigFlags {
  readonly cluster?: string;
  readonly since?: string;
  readonly until?: string;
  readonly format: 'text' | 'markdown' | 'json';
  readonly stormGap: string;
  readonly maxEvents: number;
}

export function registerTimeline(program: Command): void {
  addConfigOption(program.command('timeline').description('Rebuild an incident: the notable events of every broker and node, storms collapsed, clock skew flagged'))
    .option('--cluster <name>', 'broker.cluster (default: every cluster)')
    .option('--since <time>', 'start: 15m, 2h, 1d back from now, or ISO-8601 (no zone: UTC)')
    .option('--until <time>', 'end (default: now)')
    .addOption(new Option('--format <format>', 'text for a terminal, markdown for a postmortem, json for tools').choices(['text', 'markdown', 'json']).default('text'))
    .option('--storm-gap <duration>', 'events of a storm this far apart still make one entry', `${DEFAULT_STORM_GAP_MS / 1000}s`)
    .option('--max-events <n>', 'read at most this many notable events', count(1), DEFAULT_MAX_EVENTS)
    .addHelpText(
      'after',
      `
Times are as logged, in UTC; where two hosts' records contradict the order the brokers' protocols
guarantee, the timeline says which clock runs behind and by at least how much (docs/timeline.md).
Exit status: 0 with entries, 1 when the window holds no notable events, 2 on trouble.

Examples:
  brokerwatch timeline --cluster prod-a --since 2h
  brokerwatch timeline --cluster prod-a --since 2026-11-25T10:00Z --until 2026-11-25T10:45Z --format markdown > incident.md
  brokerwatch timeline --cluster prod-a --since 1d --format json | jq '.skew'`,
    )
    .action(async (flags: TimelineFlags) => {
      await withReadStore('timeline', flags, async (store) => {
        const now = systemClock.now();
        if (flags.since === undefined) throw new QueryError('--since is required: where the incident starts (15m, 2h, or ISO-8601)', { context: { field: 'since' } });
        const { from, to } = parseTimeWindow(flags.since, flags.until, now);
        const timeline = await buildTimeline(store, {
          ...(flags.cluster === undefined ? {} : { cluster: flags.cluster }),
          from: from!,
          to: to ?? toInstant(now),
          stormGapMs: parseDuration(flags.stormGap, 'storm-gap'),
          maxEvents: flags.maxEvents,
        });
        const render = { text: timelineText, markdown: timelineMarkdown, json: (t: typeof timeline) => `${JSON.stringify(t, null, 2)}\n` }[flags.format];
        process.stdout.write(render(timeline));
        return timeline.entries.length === 0 ? EXIT_NOTHING_FOUND : 0;
      });
    });
}
