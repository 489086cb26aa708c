import { describe, expect, it } from 'vitest';
import type { EventPatternTable } from '../../parsers/pattern.js';
import { classify } from '../../src/parse/index.js';

const table: EventPatternTable = [
  {
    action: 'unclean_leader_election',
    contains: 'Unclean leader election',
    pattern: /Unclean leader election/,
    source: 'test table',
    versions: 'any',
    example: 'none',
  },
  {
    action: 'isr_shrink',
    contains: 'Shrinking ISR',
    pattern: /Shrinking ISR from ([\d,]+) to ([\d,]+)/,
    logger: /^kafka\.cluster\.Partition$/,
    fields: (m) => ({ 'kafka.isr.before': m[1]!.split(',').map(Number), 'kafka.isr.after': m[2]!.split(',').map(Number) }),
    source: 'test table',
    versions: 'any',
    example: 'none',
  },
];

describe('classify', () => {
  it('returns the action and fields of the first matching row', () => {
    expect(classify(table, 'Shrinking ISR from 1,2,3 to 1,2', 'kafka.cluster.Partition')).toEqual({
      action: 'isr_shrink',
      fields: { 'kafka.isr.before': [1, 2, 3], 'kafka.isr.after': [1, 2] },
    });
  });

  it('skips a row whose logger does not match', () => {
    expect(classify(table, 'Shrinking ISR from 1,2,3 to 1,2', 'kafka.server.ReplicaManager')).toBeUndefined();
    expect(classify(table, 'Shrinking ISR from 1,2,3 to 1,2')).toBeUndefined();
  });

  it('returns undefined for an ordinary record', () => {
    expect(classify(table, 'Rolled new log segment at offset 42', 'kafka.log.LocalLog')).toBeUndefined();
  });
});
