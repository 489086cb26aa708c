// `brokerwatch rules validate [DIR...]`: checks the built-in rules and the given directories
// together (rule names must be unique across all of them), prints each problem as
// file:line:column: field: message, and exits 1 when there is any.
// `brokerwatch rules test [--rules DIR]... [--since T] [--until T] [BROKER=]FILE...`: parses log files and
// runs their events through the same rule engine a live run uses, in event time, and prints the
// alerts that would have fired and resolved, with their times.
import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import type { BrokerEvent, Instant } from '../core/index.js';
import { builtinRulesDir, ConfigError, loadRules } from '../config/index.js';
import { ParseConfigError } from '../parse/index.js';
import { replay, RuleEngine, type ReplayedChange } from '../rules/index.js';
import { addInputOptions, fileSources, openInput, type FileSource, type InputFlags } from './input-options.js';
import { isoInstant } from './values.js';

interface RulesTestFlags extends InputFlags {
  readonly rules: string[];
  readonly since?: Instant;
  readonly until?: Instant;
  readonly json?: boolean;
}

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('Check alert rules, and replay log files through them');
  rules
    .command('validate')
    .description('Validate the built-in rules and the rule files in each DIR')
    .argument('[dirs...]', 'directories of rule files (*.yaml)')
    .action((dirs: string[]) => {
      try {
        const loaded = loadRules([builtinRulesDir(), ...dirs]);
        const files = new Set(loaded.map((r) => r.file));
        process.stdout.write(`ok: ${loaded.length} rules in ${files.size} files\n`);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
      }
    });

  addInputOptions(
    rules
      .command('test')
      .description('Replay log files through the built-in rules and those of each --rules DIR; print the alerts that would have fired and resolved')
      .argument('<files...>', 'broker log files (of several brokers: their events interleave by time; BROKER=FILE gives a file its broker.id)')
      .option('--rules <dir>', 'a directory of rule files, besides the built-in ones (repeatable)', (dir: string, dirs: string[]) => [...dirs, dir], [])
      .option('--since <time>', 'only records at or after this ISO-8601 time', isoInstant)
      .option('--until <time>', 'only records before this ISO-8601 time; time runs to it at the end', isoInstant)
      .option('--json', 'one JSON object per alert change'),
  ).action(async (files: string[], flags: RulesTestFlags) => {
    try {
      const engine = new RuleEngine(loadRules([builtinRulesDir(), ...flags.rules]).map((rule) => rule.spec));
      const events: BrokerEvent[] = [];
      for (const source of fileSources(files)) await readEvents(source, flags, events);
      const window = { ...(flags.since === undefined ? {} : { since: flags.since }), ...(flags.until === undefined ? {} : { until: flags.until }) };
      const changes = replay(engine, events, window);
      process.stdout.write(changes.map((change) => (flags.json === true ? JSON.stringify(asJson(change)) : describe(change))).join('\n'));
      if (changes.length > 0) process.stdout.write('\n');
      if (flags.json !== true) process.stderr.write(`${events.length} events from ${files.length} files, ${changes.length} alert changes\n`);
    } catch (error) {
      if (!(error instanceof ConfigError || error instanceof ParseConfigError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = error instanceof ConfigError ? 1 : 2;
    }
  });
}

async function readEvents(source: FileSource, flags: InputFlags, into: BrokerEvent[]): Promise<void> {
  const reader = openInput(source, flags, { event: (event) => into.push(event) });
  for await (const chunk of createReadStream(source.path)) reader.push(chunk as Buffer);
  reader.end();
}

/** One line an admin reads at a glance: when, what happened, how bad, which rule, about what. */
function describe({ at, change }: ReplayedChange): string {
  const { alert } = change;
  const when = new Date(change.kind === 'resolved' ? (alert.endsAt ?? at) : change.kind === 'fired' ? alert.startsAt : at);
  const group = Object.entries(alert.labels)
    .filter(([name]) => name !== 'alertname' && name !== 'severity')
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  return [when.toISOString(), change.kind.padEnd(8), alert.severity.padEnd(8), alert.rule, group, '|', alert.annotations.summary].join('  ');
}

function asJson({ at, change }: ReplayedChange): Record<string, unknown> {
  return { at: new Date(at).toISOString(), kind: change.kind, alert: change.alert };
}
