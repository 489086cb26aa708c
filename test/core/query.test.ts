import { describe, expect, it } from 'vitest';
import {
  QueryError,
  decodeCursor,
  encodeCursor,
  histogramStarts,
  timelineSearch,
  validateContext,
  validateHistogram,
  validateSearch,
  type Cursor,
  type EventId,
  type Instant,
} from '../../src/core/index.js';

describe('query model', () => {
  it('round-trips a cursor and refuses a forged one', () => {
    const position = { timestamp: 1_764_000_000_123 as Instant, id: 'abc_-' as EventId };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(() => decodeCursor('not-a-cursor' as Cursor)).toThrow('malformed cursor');
    expect(() => decodeCursor(Buffer.from('["x","y"]').toString('base64url') as Cursor)).toThrow(QueryError);
  });

  it('validates filters against the field registry', () => {
    expect(() => validateSearch({ filters: [{ field: 'broker.cluster', values: ['prod'] }] })).not.toThrow();
    expect(() => validateSearch({ filters: [{ field: 'nope' as 'broker.cluster', values: ['x'] }] })).toThrow('unknown field nope');
    expect(() => validateSearch({ filters: [{ field: 'event.original', values: ['x'] }] })).toThrow(
      'field event.original is of type stored and cannot be filtered by value (use text or time)',
    );
    expect(() => validateSearch({ filters: [{ field: 'kafka.partition', values: [1.5] }] })).toThrow(
      'filter on kafka.partition needs integer values, got 1.5',
    );
    expect(() => validateSearch({ filters: [{ field: 'log.level', values: [] }] })).toThrow('filter on log.level has no values');
    expect(() => validateSearch({ filters: [{ field: 'event.original', exists: true }] })).not.toThrow();
  });

  it('validates limits, time ranges and text', () => {
    expect(() => validateSearch({ limit: 0 })).toThrow('limit must be an integer from 1 to 10000');
    expect(() => validateSearch({ limit: 10_001 })).toThrow(QueryError);
    expect(() => validateSearch({ time: { from: 2 as Instant, to: 1 as Instant } })).toThrow('time.from is after time.to');
    expect(() => validateSearch({ text: '  ' })).toThrow('text is empty');
    expect(() => validateContext({ id: 'x' as EventId, before: -1, after: 0 })).toThrow('before must be an integer from 0 to 10000');
  });

  it('limits the number of histogram buckets', () => {
    const time = { from: 0 as Instant, to: 86_400_000 as Instant };
    expect(() => validateHistogram({ time, intervalMs: 1_000 })).toThrow('more than 10000 buckets: widen the interval');
    expect(() => validateHistogram({ time, intervalMs: 60_000 })).not.toThrow();
  });

  it('aligns histogram buckets down to the interval', () => {
    expect(histogramStarts({ time: { from: 1_500 as Instant, to: 4_000 as Instant }, intervalMs: 1_000 })).toEqual([1_000, 2_000, 3_000]);
  });

  it('expresses the timeline as a search for notable events, oldest first', () => {
    expect(timelineSearch({ limit: 5 })).toEqual({ limit: 5, order: 'oldest_first', filters: [{ field: 'event.action', exists: true }] });
    expect(timelineSearch({ actions: ['isr_shrink'], order: 'newest_first' }).filters).toEqual([
      { field: 'event.action', values: ['isr_shrink'] },
    ]);
  });
});
