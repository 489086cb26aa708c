import { describe, expect, it } from 'vitest';
import { QueryError } from '../../src/core/index.js';
import { fieldFilters, levelsFrom, parseFieldFilter } from '../../src/query/index.js';

describe('fieldFilters', () => {
  it('turns named filters into field filters: values of one OR, different ones AND', () => {
    expect(
      fieldFilters({
        cluster: ['prod-a'],
        host: ['kafka-1', 'kafka-2'],
        broker: ['1', 'rabbit@mq-1'],
        dataset: ['kafka.log'],
        level: 'error',
        action: ['isr_shrink'],
        topic: ['orders'],
        partition: ['3', '4'],
        fields: ['kafka.isr.removed=3', 'kafka.topic=payments', 'rabbitmq.vhost=a=b'],
      }),
    ).toEqual([
      { field: 'broker.cluster', values: ['prod-a'] },
      { field: 'host.name', values: ['kafka-1', 'kafka-2'] },
      { field: 'broker.id', values: ['1', 'rabbit@mq-1'] },
      { field: 'event.dataset', values: ['kafka.log'] },
      { field: 'log.level', values: ['error', 'critical'] },
      { field: 'event.action', values: ['isr_shrink'] },
      { field: 'kafka.topic', values: ['orders', 'payments'] },
      { field: 'kafka.partition', values: [3, 4] },
      { field: 'kafka.isr.removed', values: [3] },
      { field: 'rabbitmq.vhost', values: ['a=b'] },
    ]);
    expect(fieldFilters({})).toEqual([]);
  });

  it('refuses unknown names and values instead of matching nothing', () => {
    const cases: Array<[Parameters<typeof fieldFilters>[0], string]> = [
      [{ action: ['isr_shrunk'] }, 'unknown action "isr_shrunk" (docs/taxonomy.md lists them)'],
      [{ dataset: ['kafka'] }, 'unknown dataset "kafka" (one of kafka.log, rabbitmq.log)'],
      [{ level: 'warn' }, 'unknown level "warn" (one of trace, debug, info, notice, warning, error, critical)'],
      [{ partition: ['x'] }, 'kafka.partition is a number, not "x"'],
      [{ fields: ['kafka.topic'] }, 'not name=value: "kafka.topic"'],
      [{ fields: ['kafka.topic='] }, 'not name=value: "kafka.topic="'],
      [{ fields: ['topic=orders'] }, 'unknown field topic (docs/schema.md lists them)'],
    ];
    for (const [filters, message] of cases) {
      expect(() => fieldFilters(filters)).toThrow(QueryError);
      expect(() => fieldFilters(filters)).toThrow(message);
    }
  });
});

describe('levelsFrom and parseFieldFilter', () => {
  it('reads a level as that one and every more severe one', () => {
    expect(levelsFrom('warning')).toEqual(['warning', 'error', 'critical']);
    expect(levelsFrom('trace')).toHaveLength(7);
  });
  it('converts numbers for numeric fields only', () => {
    expect(parseFieldFilter('log.offset=120')).toEqual({ field: 'log.offset', value: 120 });
    expect(parseFieldFilter('broker.id=3')).toEqual({ field: 'broker.id', value: '3' });
  });
});
