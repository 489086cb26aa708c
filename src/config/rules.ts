// Rule files: every *.yaml / *.yml in the built-in rules/ folder and in the users' directories,
// each read through the strict rule schema. All problems of all files are reported at once, and a
// rule name used twice (in one file or across files) is an error: names are alert identities.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleFileSchema, type RuleSpec } from '../rules/index.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { parseYaml } from './yaml-schema.js';

export interface LoadedRule {
  readonly spec: RuleSpec;
  readonly file: string;
}

/** The folder of brokerwatch's package.json, found from this module whether run from src/ or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new ConfigError([{ file: fileURLToPath(import.meta.url), line: 1, column: 1, field: '', message: 'no package.json above this module' }]);
    dir = parent;
  }
  return dir;
}

/** brokerwatch's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The package's own rules/ folder. */
export function builtinRulesDir(): string {
  return join(packageRoot(), 'rules');
}

export function ruleFilesIn(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ConfigError([{ file: dir, line: 1, column: 1, field: '', message: 'is not a directory' }]);
  }
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Reads and validates every rule file of `dirs`; throws one ConfigError listing every problem. */
export function loadRules(dirs: readonly string[]): LoadedRule[] {
  const problems: ConfigProblem[] = [];
  const loaded: LoadedRule[] = [];
  const where = new Map<string, string>();
  for (const dir of dirs) {
    for (const file of ruleFilesIn(dir)) {
      try {
        const text = readFileSync(file, 'utf8');
        for (const spec of parseYaml(text, file, ruleFileSchema).rules) {
          const first = where.get(spec.name);
          if (first !== undefined) {
            problems.push({ file, ...namePosition(text, spec.name), field: 'name', message: `rule "${spec.name}" is already defined in ${first}` });
            continue;
          }
          where.set(spec.name, file);
          loaded.push({ spec, file });
        }
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        problems.push(...error.problems);
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return loaded;
}

/** Where `name: <rule>` is written, for a duplicate found across files (the schema saw one file). */
function namePosition(text: string, name: string): { line: number; column: number } {
  const lines = text.split('\n');
  const pattern = new RegExp(`^(\\s*-?\\s*)name:\\s*["']?${name}["']?\\s*$`);
  for (let i = 0; i < lines.length; i++) {
    const m = pattern.exec(lines[i]!);
    if (m !== null) return { line: i + 1, column: m[1]!.length + 1 };
  }
  return { line: 1, column: 1 };
}
