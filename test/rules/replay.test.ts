import { describe, expect, it } from 'vitest';
import { eventId, type BrokerEvent, type Instant } from '../../src/core/index.js';
import { replay, RuleEngine, ruleSpecSchema, type RuleSpec } from '../../src/rules/index.js';

const rule: RuleSpec = ruleSpecSchema.parse({
  name: 'memory_alarm',
  kind: 'match',
  severity: 'critical',
  match: { 'event.action': 'memory_alarm_set' },
  group_by: ['broker.id'],
  resolve: { match: { 'event.action': 'memory_alarm_cleared' } },
  summary: 'memory alarm on {{ label.broker.id }}',
  description: '{{ last.message }}',
});

let offset = 0;
function event(time: string, action: 'memory_alarm_set' | 'memory_alarm_cleared', node = 'r1'): BrokerEvent {
  offset += 1;
  return {
    '@timestamp': time,
    message: action,
    'event.id': eventId('host', 'file', offset),
    'event.original': action,
    'event.dataset': 'rabbitmq.log',
    'event.action': action,
    'service.type': 'rabbitmq',
    'broker.id': node,
  };
}

const at = (time: string): Instant => Date.parse(time) as Instant;

describe('replay', () => {
  it('feeds events of several files in event-time order, whatever order they come in', () => {
    const changes = replay(new RuleEngine([rule]), [
      event('2026-11-25T10:00:09.000Z', 'memory_alarm_cleared'),
      event('2026-11-25T10:00:01.000Z', 'memory_alarm_set'),
    ]);
    expect(changes.map((c) => [c.change.kind, new Date(c.at).toISOString()])).toEqual([
      ['fired', '2026-11-25T10:00:01.000Z'],
      ['resolved', '2026-11-25T10:00:09.000Z'],
    ]);
  });

  it('feeds only the events inside the window', () => {
    const events = [event('2026-11-25T10:00:01.000Z', 'memory_alarm_set'), event('2026-11-25T10:00:09.000Z', 'memory_alarm_cleared')];
    expect(replay(new RuleEngine([rule]), events, { until: at('2026-11-25T10:00:05.000Z') }).map((c) => c.change.kind)).toEqual(['fired']);
    expect(replay(new RuleEngine([rule]), events, { since: at('2026-11-25T10:00:05.000Z') })).toEqual([]);
  });

  it('returns nothing for no events', () => {
    expect(replay(new RuleEngine([rule]), [])).toEqual([]);
  });
});
