import { describe, expect, it } from 'vitest';
import type { Instant } from '../../../src/core/index.js';
import { IndexPattern } from '../../../src/store/elasticsearch/index-pattern.js';

const utc = (...parts: [number, number, number, number?]): Instant => Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3] ?? 0) as Instant;

describe('IndexPattern', () => {
  it('names the index of an event from its dataset and its UTC time', () => {
    const daily = new IndexPattern('brokerwatch-{dataset}-{yyyy.MM.dd}');
    expect(daily.indexFor('kafka.log', (utc(2026, 11, 18) + 86_399_999) as Instant)).toBe('brokerwatch-kafka.log-2026.11.18');
    expect(daily.indexFor('rabbitmq.log', utc(2026, 1, 2))).toBe('brokerwatch-rabbitmq.log-2026.01.02');
    expect(new IndexPattern('logs-{yyyy.MM}-{dataset}').indexFor('kafka.log', utc(2026, 3, 31, 23))).toBe('logs-2026.03-kafka.log');
  });

  it('gives the span an index covers, for retention', () => {
    expect(new IndexPattern('bw-{dataset}-{yyyy.MM.dd}').span('bw-kafka.log-2026.12.31')).toEqual({
      start: utc(2026, 12, 31),
      end: utc(2027, 1, 1),
    });
    expect(new IndexPattern('bw-{dataset}-{yyyy.MM}').span('bw-rabbitmq.log-2026.02')).toEqual({ start: utc(2026, 2, 1), end: utc(2026, 3, 1) });
    expect(new IndexPattern('bw-{dataset}-{yyyy.MM.dd-HH}').span('bw-kafka.log-2026.02.03-23')).toEqual({
      start: utc(2026, 2, 3, 23),
      end: utc(2026, 2, 4),
    });
  });

  it('does not claim indices of another pattern', () => {
    const pattern = new IndexPattern('bw-{dataset}-{yyyy.MM.dd}');
    expect(pattern.span('bw-dead-letter')).toBeUndefined();
    expect(pattern.span('bw-kafka.log-2026.11')).toBeUndefined();
    expect(pattern.span('other-kafka.log-2026.11.01')).toBeUndefined();
  });

  it('covers each dataset with one wildcard', () => {
    const pattern = new IndexPattern('bw-{dataset}-{yyyy.MM.dd}');
    expect(pattern.wildcards()).toEqual(['bw-kafka.log-*', 'bw-rabbitmq.log-*']);
    expect(pattern.covers('bw-kafka.log-dead-letter')).toBe(true);
    expect(pattern.covers('bw-dead-letter')).toBe(false);
    expect(new IndexPattern('bw-{yyyy.MM}-{dataset}').covers('bw-x-kafka.log')).toBe(true);
  });

  it('refuses patterns that cannot name or date an index', () => {
    expect(() => new IndexPattern('bw-{yyyy.MM.dd}')).toThrow('an index pattern needs {dataset} and one date block such as {yyyy.MM.dd}');
    expect(() => new IndexPattern('bw-{dataset}-{MM.dd}')).toThrow('the date block must be yyyy, then optionally MM, dd, HH, separated by . - or _');
    expect(() => new IndexPattern('bw-{dataset}-{yyyy.dd}')).toThrow('the date block must be yyyy');
    expect(() => new IndexPattern('BW-{dataset}-{yyyy}')).toThrow('index names are lower case');
  });
});
