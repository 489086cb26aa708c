import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAUSAL_RULES, FAMILY_ACTIONS } from '../../src/query/index.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'timeline.md'), 'utf8');

/** The back-quoted names in the first column of the table rows of one section (`## title`). */
function firstColumnNames(title: string): string[] {
  const section = doc.slice(doc.indexOf(`## ${title}\n`)).split(/\n## /u)[0]!;
  const cells = [...section.matchAll(/^\| ([^|]+) \|/gmu)].map((m) => m[1]!);
  return cells.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/gu)].map((m) => m[1]!));
}

describe('docs/timeline.md', () => {
  it('lists every action with a grouping of its own, and no other', () => {
    expect(firstColumnNames('Storms').sort()).toEqual([...FAMILY_ACTIONS].sort());
  });

  it('lists every clock-skew rule, and no other', () => {
    expect(firstColumnNames('Clock skew').sort()).toEqual(CAUSAL_RULES.map((r) => r.name).sort());
  });
});
