// `brokerwatch tail [filters] [--lines N] [--interval 1s] [--lateness 30s] [--json]`: the last
// matching events, then every new one as it is stored, until SIGINT or SIGTERM. The store is
// polled (src/query/tail.ts says how nothing is missed or doubled within the lateness window).
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { systemClock, type BrokerEvent } from '../core/index.js';
import { DEFAULT_TAIL_LATENESS_MS, fieldFilters, parseDuration, Tail } from '../query/index.js';
import { addFilterOptions, eventLine, filtersOf, withReadStore, type FilterFlags } from './read-store.js';
import { nonNegativeInteger } from './values.js';

interface TailFlags extends FilterFlags {
  readonly lines: number;
  readonly interval: string;
  readonly lateness: string;
  readonly json?: boolean;
}

export function registerTail(program: Command): void {
  addFilterOptions(
    program
      .command('tail')
      .description('Print the last matching events, then new ones as they are stored, until Ctrl-C')
      .argument('[words...]', 'words that must all occur in the message (whole words, any case)'),
  )
    .option('-n, --lines <n>', 'how many of the latest matching events to print first', nonNegativeInteger, 10)
    .option('--interval <duration>', 'how often to ask the store for new events', '1s')
    .option('--lateness <duration>', 'how far behind the newest event a late one (another host, a slow agent) is still printed', `${DEFAULT_TAIL_LATENESS_MS / 1000}s`)
    .option('--json', 'one JSON event per line')
    .addHelpText(
      'after',
      `
Events are printed when they become searchable, so one that arrives late (a host whose agent was
behind, a clock that runs slow) appears when it arrives, within --lateness of the newest one.

Examples:
  brokerwatch tail --cluster prod-a --level warning
  brokerwatch tail --action isr_shrink,isr_expand,isr_updated --topic orders
  brokerwatch tail --node rabbit@mq-1 --lines 50
  brokerwatch tail --dataset kafka.log --json | jq -c '{t: ."@timestamp", m: .message}'`,
    )
    .action(async (words: string[], flags: TailFlags) => {
      const text = words.join(' ').trim();
      await withReadStore('tail', flags, async (store) => {
        const intervalMs = parseDuration(flags.interval, 'interval');
        const tail = new Tail(store, { ...(text === '' ? {} : { text }), filters: fieldFilters(filtersOf(flags)) }, { latenessMs: parseDuration(flags.lateness, 'lateness') });
        const print = (events: readonly BrokerEvent[]): void => {
          if (events.length > 0) process.stdout.write(events.map((e) => `${flags.json === true ? JSON.stringify(e) : eventLine(e)}\n`).join(''));
        };
        const stopped = new AbortController();
        const stop = (): void => stopped.abort();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        try {
          print(await tail.backlog(flags.lines, systemClock.now()));
          while (!stopped.signal.aborted) {
            try {
              await sleep(intervalMs, undefined, { signal: stopped.signal });
            } catch (error) {
              if (stopped.signal.aborted) break;
              throw error;
            }
            print(await tail.poll(systemClock.now()));
          }
        } finally {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
        }
        return 0;
      });
    });
}
