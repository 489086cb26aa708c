// `brokerwatch silence add|list|expire`: maintenance windows, written to the alert database of a
// brokerwatch; the running process reads them before its next tick. Matchers in amtool's syntax.
import { userInfo } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { systemClock, toInstant, type Instant } from '../core/index.js';
import { formatMatcher, parseMatcher, SilenceError, SilenceStore, type Matcher, type Silence } from '../notify/index.js';
import { addDataDirOption, formatTable, formatTime, withAlertDatabase, type DataDirFlags } from './alert-database.js';
import { duration, isoInstant } from './values.js';

interface AddFlags extends DataDirFlags {
  readonly matcher: Matcher[];
  readonly duration?: number;
  readonly until?: Instant;
  readonly comment: string;
  readonly author: string;
}

interface ListFlags extends DataDirFlags {
  readonly all?: boolean;
  readonly json?: boolean;
}

function matcher(text: string, previous: Matcher[]): Matcher[] {
  const m = parseMatcher(text);
  if (m === undefined) throw new InvalidArgumentError(`not a matcher like name=value, name!=value, name=~regex, name!~regex: ${text}`);
  return [...previous, m];
}

export function registerSilence(program: Command): void {
  const silence = program.command('silence').description('Hold back notifications of matching alerts for a while (maintenance windows)');

  addDataDirOption(
    silence
      .command('add')
      .description('Add a silence; prints its id')
      .requiredOption('--matcher <matcher>', "a label matcher, amtool's syntax: name=value, name!=value, name=~regex, name!~regex (repeatable)", matcher, [])
      .option('--duration <duration>', 'how long from now: 90m, 2h, 1d', duration)
      .option('--until <time>', 'when it ends, ISO-8601', isoInstant)
      .option('--comment <text>', 'why', '')
      .option('--author <name>', 'who', userInfo().username),
  ).action((flags: AddFlags) => {
    const now = systemClock.now();
    if ((flags.duration === undefined) === (flags.until === undefined)) {
      process.stderr.write('brokerwatch silence add: give exactly one of --duration and --until\n');
      process.exitCode = 1;
      return;
    }
    const endsAt = flags.until ?? toInstant(now + flags.duration!);
    withAlertDatabase('silence add', flags, (db) => {
      try {
        const added = new SilenceStore(db).add({ matchers: flags.matcher, endsAt, createdBy: flags.author, comment: flags.comment }, now);
        process.stdout.write(`${added.id}\n`);
        process.stderr.write(`silenced until ${formatTime(added.endsAt)}: ${added.matchers.map(formatMatcher).join(', ')}\n`);
      } catch (error) {
        if (!(error instanceof SilenceError)) throw error;
        process.stderr.write(`brokerwatch silence add: ${error.message}\n`);
        process.exitCode = 1;
      }
    });
  });

  addDataDirOption(
    silence
      .command('list')
      .description('List the silences not yet ended')
      .option('--all', 'also the ended ones')
      .option('--json', 'one JSON object per silence'),
  ).action((flags: ListFlags) => {
    withAlertDatabase('silence list', flags, (db) => {
      const now = systemClock.now();
      const silences = new SilenceStore(db).list(now, flags.all === true);
      if (flags.json === true) process.stdout.write(silences.map((s) => `${JSON.stringify(s)}\n`).join(''));
      else if (silences.length === 0) process.stdout.write(flags.all === true ? 'no silences\n' : 'no active or pending silences\n');
      else process.stdout.write(formatTable(['ID', 'STATE', 'STARTS', 'ENDS', 'AUTHOR', 'MATCHERS', 'COMMENT'], silences.map((s) => row(s, now))));
    });
  });

  addDataDirOption(silence.command('expire').description('End a silence now').argument('<id>', 'the id `silence add` printed')).action(
    (id: string, flags: DataDirFlags) => {
      withAlertDatabase('silence expire', flags, (db) => {
        if (new SilenceStore(db).expire(id, systemClock.now())) return;
        process.stderr.write(`brokerwatch silence expire: no silence ${id} that has not ended\n`);
        process.exitCode = 1;
      });
    },
  );
}

function row(s: Silence, now: number): string[] {
  const state = s.endsAt <= now ? 'expired' : s.startsAt > now ? 'pending' : 'active';
  return [s.id, state, formatTime(s.startsAt), formatTime(s.endsAt), s.createdBy, s.matchers.map(formatMatcher).join(','), s.comment];
}
