// `brokerwatch rules validate [DIR...]`: checks the built-in rules and the given directories
// together (rule names must be unique across all of them), prints each problem as
// file:line:column: field: message, and exits 1 when there is any.
import type { Command } from 'commander';
import { builtinRulesDir, ConfigError, loadRules } from '../config/index.js';

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('Check and inspect alert rules');
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
}
