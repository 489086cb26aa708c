import { describe, expect, it } from 'vitest';
import { EventDecodeError, decodeEvent, eventId, eventJson, type BrokerEvent } from '../../src/core/index.js';

const event: BrokerEvent = {
  '@timestamp': '2024-05-02T10:00:01.123Z',
  message: '[Partition orders-3 broker=2] Shrinking ISR from 2,1,3 to 2,1. Leader: (highWatermark: 10, endOffset: 12).',
  'log.level': 'info',
  'log.offset': 4096,
  'event.id': eventId('host-a', 'file', 4096),
  'event.original': '[2024-05-02 12:00:01,123] INFO [Partition orders-3 broker=2] Shrinking ISR ...',
  'event.dataset': 'kafka.log',
  'event.action': 'isr_shrink',
  'service.type': 'kafka',
  'kafka.partition': 3,
  'kafka.isr.before': [2, 1, 3],
  tags: ['multiline'],
};

function refusal(json: string): string {
  try {
    decodeEvent(json);
  } catch (error) {
    if (error instanceof EventDecodeError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${json}`);
}

describe('decodeEvent', () => {
  it('reads back what JSON.stringify wrote, fields the registry does not know included', () => {
    expect(decodeEvent(JSON.stringify(event))).toEqual(event);
    const extended = { ...event, 'labels.site': 'dc-1' };
    expect(decodeEvent(JSON.stringify(extended))).toEqual(extended);
  });

  it('refuses JSON that is not an object', () => {
    expect(refusal('null')).toBe('an event is a JSON object, not null');
    expect(refusal('[1,2]')).toBe('an event is a JSON object, not an array');
    expect(refusal('"text"')).toBe('an event is a JSON object, not string');
    expect(() => decodeEvent('{"@timestamp":')).toThrow(SyntaxError);
  });

  it('refuses an object without a field every event has, naming it', () => {
    expect(refusal('{"hello":"world"}')).toBe('the event has no @timestamp');
    const withoutOriginal: Partial<BrokerEvent> = { ...event };
    delete withoutOriginal['event.original'];
    expect(refusal(JSON.stringify(withoutOriginal))).toBe('the event has no event.original');
  });

  it('refuses a known field of the wrong type or outside its known values', () => {
    expect(refusal(JSON.stringify({ ...event, '@timestamp': 'yesterday' }))).toBe('@timestamp: an ISO-8601 time is expected, not "yesterday"');
    expect(refusal(JSON.stringify({ ...event, 'kafka.partition': '3' }))).toBe('kafka.partition: an integer is expected, not "3"');
    expect(refusal(JSON.stringify({ ...event, 'kafka.partition': 1.5 }))).toBe('kafka.partition: an integer is expected, not 1.5');
    expect(refusal(JSON.stringify({ ...event, 'kafka.isr.before': [2, '1'] }))).toBe('kafka.isr.before: in the list, an integer is expected, not "1"');
    expect(refusal(JSON.stringify({ ...event, tags: 'multiline' }))).toBe('tags: a list is expected, not "multiline"');
    expect(refusal(JSON.stringify({ ...event, message: { text: 'x' } }))).toBe('message: a string is expected, not {"text":"x"}');
    expect(refusal(JSON.stringify({ ...event, 'event.dataset': 'nginx.access' }))).toBe('event.dataset: "nginx.access" is not one of the known values');
    expect(refusal(JSON.stringify({ ...event, 'log.level': 'WARN' }))).toBe('log.level: "WARN" is not one of the known values');
  });

  it('keeps the text an event was decoded from, as its JSON, when the text is the object alone', () => {
    const text = JSON.stringify(event);
    // Spaced out as JSON.stringify never writes it: what comes back is the text, not a serialisation.
    const wide = text.replaceAll(',"', ', "');
    expect(eventJson(decodeEvent(wide))).toBe(wide);
    expect(eventJson(event)).toBe(text);
    const spaced = ` ${text}\t`;
    const decoded = decodeEvent(spaced);
    expect(eventJson(decoded)).toBe(text);
    expect(eventJson({ ...decodeEvent(text), message: 'changed' })).toBe(JSON.stringify({ ...event, message: 'changed' }));
  });
});
