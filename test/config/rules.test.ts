import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir, ConfigError, loadRules, ruleFilesIn } from '../../src/config/index.js';
import { registerRules } from '../../src/cli/rules.js';
import { runCli, type CliRun } from '../support/cli.js';

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bw-rules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function problemsOf(dir: string): string {
  try {
    loadRules([dir]);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.replaceAll(`${dir}/`, '');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const valid = `rules:
  - name: memory_alarm
    kind: match
    severity: critical
    match: { event.action: memory_alarm_set }
    summary: "alarm on {{ label.broker.id }}"
    description: ""
    group_by: [broker.id]
    resolve:
      match: { event.action: memory_alarm_cleared }
`;

describe('built-in rules', () => {
  it('all validate', () => {
    expect(loadRules([builtinRulesDir()]).length).toBeGreaterThanOrEqual(17);
  });

  it('are each documented in docs/rules.md, and the page documents no other rule', () => {
    const doc = readFileSync(join(builtinRulesDir(), '..', 'docs', 'rules.md'), 'utf8');
    const documented = [...doc.matchAll(/^## `([a-z0-9_]+)`$/gm)].map((m) => m[1]);
    const names = loadRules([builtinRulesDir()]).map((r) => r.spec.name);
    expect(documented.sort()).toEqual(names.sort());
    for (const name of names) {
      const section = doc.split(`## \`${name}\``)[1]!.split('\n## ')[0]!;
      expect(section).toContain('**What it means.**');
      expect(section).toContain('**Why it matters.**');
      expect(section).toContain('**What to do first.**');
    }
  });

  it('hold one file per concern, each with at least one rule', () => {
    for (const file of ruleFilesIn(builtinRulesDir())) expect(readFileSync(file, 'utf8')).toMatch(/^rules:$/m);
  });
});

describe('loading rule files', () => {
  it('reads every rule of every yaml file', () => {
    const loaded = loadRules([dirWith({ 'a.yaml': valid, 'notes.txt': 'not a rule' })]);
    expect(loaded.map((r) => [r.spec.name, r.spec.kind])).toEqual([['memory_alarm', 'match']]);
  });

  it('names file, line, field and the allowed values', () => {
    const dir = dirWith({ 'a.yaml': valid.replace('kind: match', 'kind: matches').replace('severity: critical', 'severity: page') });
    expect(problemsOf(dir)).toBe(
      'a.yaml:3:11: rules[0].kind: must be one of "match", "threshold", "change", "absence"',
    );
    const dir2 = dirWith({ 'a.yaml': valid.replace('severity: critical', 'severity: page') });
    expect(problemsOf(dir2)).toBe('a.yaml:4:15: rules[0].severity: must be one of "info", "warning", "critical"');
  });

  it('rejects unknown keys, unknown fields, unknown operators and unknown placeholders', () => {
    const dir = dirWith({
      'a.yaml': valid
        .replace('match: { event.action: memory_alarm_set }', 'match: { event.action: memory_alarm_set, broker.host: x, log.level: { in_list: [error] } }')
        .replace('label.broker.id', 'labels.broker.id')
        .replace('    description: ""\n', '    description: ""\n    for_seconds: 10\n'),
    });
    expect(problemsOf(dir).split('\n')).toEqual([
      'a.yaml:5:75: rules[0].match.log.level.in_list: unknown field "in_list"',
      'a.yaml:5:73: rules[0].match.log.level: must name exactly one operator: equals, in, exists, regex, gt, gte, lt, lte',
      'a.yaml:5:59: rules[0].match.broker.host: is not an event field (see docs/schema.md)',
      'a.yaml:6:14: rules[0].summary: unknown placeholder "{{ labels.broker.id }}"; allowed: label.<name>, last.<field>, distinct.<field>, distinct_count.<field>, count, open, open_count, window',
      'a.yaml:8:5: rules[0].for_seconds: unknown field "for_seconds"',
    ]);
  });

  it('requires a way for the alert to end', () => {
    const dir = dirWith({ 'a.yaml': valid.replace('      match: { event.action: memory_alarm_cleared }\n', '      per: [broker.id]\n') });
    expect(problemsOf(dir).split('\n')).toEqual([
      'a.yaml:10:7: rules[0].resolve: needs "match" (the resolving events) or "quiet_seconds" (or both)',
      'a.yaml:10:7: rules[0].resolve: "per" and "covers" need "match"',
    ]);
  });

  it('rejects a rule name used twice across files, pointing at the second', () => {
    const dir = dirWith({ 'a.yaml': valid, 'b.yaml': `# copy\n${valid}` });
    expect(problemsOf(dir)).toBe(`b.yaml:3:5: name: rule "memory_alarm" is already defined in ${dir}/a.yaml`.replaceAll(`${dir}/`, ''));
  });
});

describe('brokerwatch rules validate', () => {
  const run = (...dirs: string[]): Promise<CliRun> => runCli(registerRules, ['rules', 'validate', ...dirs]);

  it('reports the built-in and the user rules when all are valid', async () => {
    const dir = dirWith({ 'mine.yaml': valid });
    const builtin = loadRules([builtinRulesDir()]).length;
    const files = ruleFilesIn(builtinRulesDir()).length;
    expect(await run(dir)).toEqual({ out: `ok: ${builtin + 1} rules in ${files + 1} files\n`, err: '', code: 0 });
  });

  it('prints every problem and exits 1', async () => {
    const dir = dirWith({ 'mine.yaml': valid.replace('severity: critical', 'severity: page') });
    expect(await run(dir)).toEqual({
      out: '',
      err: `${dir}/mine.yaml:4:15: rules[0].severity: must be one of "info", "warning", "critical"\n`,
      code: 1,
    });
  });

  it('says a missing directory is not one', async () => {
    expect(await run('/nonexistent/rules')).toEqual({ out: '', err: '/nonexistent/rules:1:1: is not a directory\n', code: 1 });
  });
});
