// `brokerwatch search [TEXT] [filters] [--since T] [--until T] [--oldest] [--limit N] [--context N] [--json]`:
// stored events, one line each like grep's output, the newest --limit of them (oldest first with
// --oldest), printed in time order; --context adds the records around each hit from its own file.
import type { Command } from 'commander';
import { MAX_PAGE_SIZE, systemClock, type BrokerEvent, type ContextResult, type SearchQuery } from '../core/index.js';
import { fieldFilters, pages, parseTimeWindow } from '../query/index.js';
import type { EventStore } from '../store/index.js';
import { addFilterOptions, eventLine, EXIT_NOTHING_FOUND, filtersOf, withReadStore, type FilterFlags } from './read-store.js';
import { nonNegativeInteger, positiveInteger } from './values.js';

interface SearchFlags extends FilterFlags {
  readonly since?: string;
  readonly until?: string;
  readonly oldest?: boolean;
  readonly limit: number;
  readonly context: number;
  readonly json?: boolean;
}

export function registerSearch(program: Command): void {
  addFilterOptions(
    program
      .command('search')
      .description('Search stored events: words of the message, fields, a time range; one line per event, like grep')
      .argument('[words...]', 'words that must all occur in the message (whole words, any case)'),
  )
    .option('--since <time>', 'from this time: 15m, 2h, 1d back from now, or ISO-8601 (no zone: UTC)')
    .option('--until <time>', 'before this time (same forms as --since)')
    .option('--oldest', 'the oldest matches instead of the newest')
    .option('--limit <n>', 'at most this many events', positiveInteger, 100)
    .option('-C, --context <n>', 'also print the n records before and after each hit in its file', nonNegativeInteger, 0)
    .option('--json', 'one JSON event per line (with --context: one {before, anchor, after} per hit)')
    .addHelpText(
      'after',
      `
Values of one filter match any of them, different filters must all match. Exit status as grep:
0 when something matched, 1 when nothing did, 2 on trouble (configuration, query, store).

Examples:
  brokerwatch search "Shrinking ISR" --since 1h
  brokerwatch search --action isr_shrink,isr_expand --cluster prod-a --since 2026-11-25T10:00Z --until 2026-11-25T11:00Z
  brokerwatch search --level warning --node rabbit@mq-1 --since 30m
  brokerwatch search --field kafka.isr.removed=3 --topic orders --oldest --limit 20
  brokerwatch search timed out --context 5 --since 2h
  brokerwatch search --action network_partition --json | jq -r '."host.name"'`,
    )
    .action(async (words: string[], flags: SearchFlags) => {
      const text = words.join(' ').trim();
      await withReadStore('search', flags, async (store) => {
        const time = parseTimeWindow(flags.since, flags.until, systemClock.now());
        const query: SearchQuery = {
          ...(text === '' ? {} : { text }),
          time,
          filters: fieldFilters(filtersOf(flags)),
          order: flags.oldest === true ? 'oldest_first' : 'newest_first',
        };
        const { events, more } = await searchUpTo(store, query, flags.limit);
        const inTimeOrder = flags.oldest === true ? events : [...events].reverse();
        if (flags.context > 0) await printWithContext(store, inTimeOrder, flags.context, flags.json === true);
        else process.stdout.write(inTimeOrder.map((e) => `${flags.json === true ? JSON.stringify(e) : eventLine(e)}\n`).join(''));
        if (more && flags.json !== true) {
          process.stderr.write(`${events.length} ${events.length === 1 ? 'event' : 'events'} shown; more match ${flags.oldest === true ? 'after the last' : 'before the first'}: narrow --since/--until, or raise --limit\n`);
        }
        return events.length === 0 ? EXIT_NOTHING_FOUND : 0;
      });
    });
}

/** Up to `limit` events, page by page, and whether more match. */
async function searchUpTo(store: EventStore, query: SearchQuery, limit: number): Promise<{ events: BrokerEvent[]; more: boolean }> {
  const events: BrokerEvent[] = [];
  for await (const page of pages((after) => store.search({ ...query, limit: Math.min(MAX_PAGE_SIZE, limit - events.length), ...(after === undefined ? {} : { after }) }))) {
    events.push(...page.events);
    if (page.next !== undefined && events.length >= limit) return { events, more: true };
  }
  return { events, more: false };
}

async function printWithContext(store: EventStore, hits: readonly BrokerEvent[], lines: number, json: boolean): Promise<void> {
  const groups: string[] = [];
  for (const hit of hits) {
    const around: ContextResult = await store.context({ id: hit['event.id'], before: lines, after: lines });
    if (json) {
      groups.push(JSON.stringify(around));
      continue;
    }
    groups.push([...around.before.map((e) => `  ${eventLine(e)}`), `> ${eventLine(around.anchor)}`, ...around.after.map((e) => `  ${eventLine(e)}`)].join('\n'));
  }
  if (groups.length > 0) process.stdout.write(`${groups.join(json ? '\n' : '\n--\n')}\n`);
}
