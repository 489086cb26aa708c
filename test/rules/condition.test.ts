import { describe, expect, it } from 'vitest';
import { compileCondition, conditionSchema, Template } from '../../src/rules/index.js';
import { ev } from './support.js';

const matches = (spec: unknown, fields: Parameters<typeof ev>[1]) => compileCondition(conditionSchema.parse(spec))(ev(0, fields));

describe('conditions', () => {
  it('tests equality with a bare value, on any element of a list field', () => {
    expect(matches({ 'kafka.topic': 'orders' }, { 'kafka.topic': 'orders' })).toBe(true);
    expect(matches({ 'kafka.topic': 'orders' }, { 'kafka.topic': 'order' })).toBe(false);
    expect(matches({ 'kafka.isr.after': 3 }, { 'kafka.isr.after': [1, 3] })).toBe(true);
    expect(matches({ 'kafka.partition': { equals: 0 } }, { 'kafka.partition': 0 })).toBe(true);
  });

  it('supports in, exists, regex and numeric comparisons, all of which must hold', () => {
    const fields = { 'event.action': 'node_down', 'rabbitmq.node.subject': 'rabbit@b', 'kafka.partition': 7 } as const;
    expect(matches({ 'event.action': { in: ['node_down', 'node_up'] } }, fields)).toBe(true);
    expect(matches({ 'rabbitmq.queue': { exists: false } }, fields)).toBe(true);
    expect(matches({ 'rabbitmq.node.subject': { exists: true } }, fields)).toBe(true);
    expect(matches({ 'rabbitmq.node.subject': { regex: '^rabbit@[ab]$' } }, fields)).toBe(true);
    expect(matches({ 'kafka.partition': { gt: 7 } }, fields)).toBe(false);
    expect(matches({ 'kafka.partition': { gte: 7 }, 'kafka.topic': { exists: true } }, fields)).toBe(false);
    expect(matches({ 'kafka.partition': { lt: 8 } }, fields)).toBe(true);
    expect(matches({ 'kafka.partition': { lte: 6 } }, fields)).toBe(false);
  });

  it('never matches a numeric comparison on a missing or non-numeric field', () => {
    expect(matches({ 'kafka.partition': { lt: 100 } }, {})).toBe(false);
    expect(matches({ 'kafka.topic': { lt: 100 } }, { 'kafka.topic': '5' })).toBe(false);
  });
});

describe('templates', () => {
  const data = {
    label: (name: string) => ({ 'broker.cluster': 'prod-a' })[name],
    last: () => [1, 2],
    distinct: () => ({ values: Array.from({ length: 12 }, (_, i) => `t${i}`), total: 12 }),
    count: 12,
    open: ['orders-1'],
    window: '5m',
  };

  it('renders labels, last values, lists cut after ten, counts and the window', () => {
    expect(
      new Template('{{label.broker.cluster}} {{ last.kafka.isr.after }} {{ distinct.kafka.topic }} ({{ distinct_count.kafka.topic }}, {{ count }}) {{ open }}/{{ open_count }} in {{ window }}').render(data),
    ).toBe('prod-a 1,2 t0, t1, t2, t3, t4, t5, t6, t7, t8, t9 and 2 more (12, 12) orders-1/1 in 5m');
  });

  it('says which field is missing where the events lack one', () => {
    const none = { ...data, label: () => undefined, last: () => undefined, distinct: () => ({ values: [], total: 0 }) };
    expect(new Template('broker {{ last.kafka.broker.subject }} of {{ label.broker.cluster }}: {{ distinct.kafka.topic }}').render(none)).toBe(
      'broker (no kafka.broker.subject) of (no broker.cluster): (no kafka.topic)',
    );
  });

  it('tracks distinct values only for the fields it prints', () => {
    expect(new Template('{{ distinct.kafka.topic }} {{ distinct_count.broker.id }} {{ last.kafka.partition }}').distinctFields).toEqual([
      'kafka.topic',
      'broker.id',
    ]);
  });
});
