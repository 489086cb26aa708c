// `brokerwatch timeline [--cluster X] --since T [--until T] [--format text|markdown|json]`, or
// `brokerwatch timeline --alert FINGERPRINT`: the incident timeline of a cluster (docs/timeline.md):
// notable events of every broker and node, storms collapsed, in logged order, suspected clock
// skew flagged. An alert is looked up in the alert database of the configuration's data_dir.
import { Option, type Command } from 'commander';
import { QueryError, systemClock, type Instant } from '../core/index.js';
import { AlertHistory } from '../notify/index.js';
import {
  alertTimelineRequest,
  buildTimeline,
  DEFAULT_MAX_EVENTS,
  DEFAULT_STORM_GAP_MS,
  parseDuration,
  parseTimeWindow,
  timelineMarkdown,
  timelineText,
  type TimelineRequest,
} from '../query/index.js';
import type { Alert } from '../rules/index.js';
import { withAlertDatabase } from './alert-database.js';
import { addConfigOption, type ConfigFlags } from './config-option.js';
import { EXIT_NOTHING_FOUND, EXIT_TROUBLE, withReadStore } from './read-store.js';
import { positiveInteger } from './values.js';

interface TimelineFlags extends ConfigFlags {
  readonly alert?: string;
  readonly cluster?: string;
  readonly since?: string;
  readonly until?: string;
  readonly format: 'text' | 'markdown' | 'json';
  readonly stormGap: string;
  readonly maxEvents: number;
}

export function registerTimeline(program: Command): void {
  addConfigOption(program.command('timeline').description('Rebuild an incident: the notable events of every broker and node, storms collapsed, clock skew flagged'))
    .option('--alert <fingerprint>', "an alert's incident (the latest of that fingerprint, `brokerwatch alerts` lists them): its cluster, from 5 min before it fired to 5 min after it resolved")
    .option('--cluster <name>', 'broker.cluster (default: every cluster)')
    .option('--since <time>', 'start: 15m, 2h, 1d back from now, or ISO-8601 (no zone: UTC)')
    .option('--until <time>', 'end (default: now)')
    .addOption(new Option('--format <format>', 'text for a terminal, markdown for a postmortem, json for tools').choices(['text', 'markdown', 'json']).default('text'))
    .option('--storm-gap <duration>', 'events of a storm this far apart still make one entry', `${DEFAULT_STORM_GAP_MS / 1000}s`)
    .option('--max-events <n>', 'read at most this many notable events', positiveInteger, DEFAULT_MAX_EVENTS)
    .addHelpText(
      'after',
      `
Times are as logged, in UTC; where two hosts' records contradict the order the brokers' protocols
guarantee, the timeline says which clock runs behind and by at least how much (docs/timeline.md).
Exit status: 0 with entries, 1 when the window holds no notable events, 2 on trouble.

Examples:
  brokerwatch timeline --cluster prod-a --since 2h
  brokerwatch timeline --alert 3f9c0a7d12e4b5c6 --format markdown
  brokerwatch timeline --cluster prod-a --since 2026-11-25T10:00Z --until 2026-11-25T10:45Z --format markdown > incident.md
  brokerwatch timeline --cluster prod-a --since 1d --format json | jq '.skew'`,
    )
    .action(async (flags: TimelineFlags) => {
      let alert: Alert | undefined;
      if (flags.alert !== undefined) {
        if (flags.since !== undefined || flags.until !== undefined || flags.cluster !== undefined) {
          process.stderr.write('brokerwatch timeline: --alert gives the cluster and the window; leave out --cluster, --since and --until\n');
          process.exitCode = EXIT_TROUBLE;
          return;
        }
        const fingerprint = flags.alert;
        withAlertDatabase('timeline', flags, (db) => {
          alert = new AlertHistory(db).alerts({ fingerprint, limit: 1 })[0];
          if (alert === undefined) {
            process.stderr.write(`brokerwatch timeline: no alert with fingerprint ${fingerprint} (brokerwatch alerts lists them)\n`);
            process.exitCode = EXIT_TROUBLE;
          }
        });
        if (alert === undefined) return;
      }
      await withReadStore('timeline', flags, async (store) => {
        const now = systemClock.now();
        const options = { stormGapMs: parseDuration(flags.stormGap, 'storm-gap'), maxEvents: flags.maxEvents };
        const timeline = await buildTimeline(store, alert === undefined ? { ...windowOf(flags, now), ...options } : alertTimelineRequest(alert, now, options));
        const render = { text: timelineText, markdown: timelineMarkdown, json: (t: typeof timeline) => `${JSON.stringify(t, null, 2)}\n` }[flags.format];
        process.stdout.write(render(timeline));
        return timeline.entries.length === 0 ? EXIT_NOTHING_FOUND : 0;
      });
    });
}

/** The cluster and window the flags name. @throws QueryError */
function windowOf(flags: TimelineFlags, now: Instant): Pick<TimelineRequest, 'cluster' | 'from' | 'to'> {
  if (flags.since === undefined) throw new QueryError('--since (or --alert) is required: where the incident starts (15m, 2h, or ISO-8601)', { context: { field: 'since' } });
  const { from, to } = parseTimeWindow(flags.since, flags.until, now);
  return { ...(flags.cluster === undefined ? {} : { cluster: flags.cluster }), from: from!, to: to ?? now };
}
