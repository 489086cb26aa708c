import { describe, expect, it } from 'vitest';
import { inTimeInterval, notifySchema, timeIntervalSchema } from '../../src/notify/index.js';

const interval = (window: Record<string, unknown>) => timeIntervalSchema.parse({ name: 'w', time_intervals: [window] });
const at = (iso: string) => Date.parse(iso);

describe('time intervals (Alertmanager time_intervals)', () => {
  it('reads times of day and weekdays in the window’s zone, across summer time', () => {
    const patch = interval({ weekdays: ['sunday'], times: [{ start_time: '02:00', end_time: '04:00' }], location: 'Europe/Berlin' });
    // Sunday 02:30 in Berlin: 01:30 UTC in winter, 00:30 UTC in summer.
    expect(inTimeInterval(patch, at('2026-11-29T01:30:00Z'))).toBe(true);
    expect(inTimeInterval(patch, at('2026-07-05T00:30:00Z'))).toBe(true);
    expect(inTimeInterval(patch, at('2026-07-05T02:30:00Z'))).toBe(false);
    // The end is exclusive; Saturday at the same hour is outside.
    expect(inTimeInterval(patch, at('2026-11-29T03:00:00Z'))).toBe(false);
    expect(inTimeInterval(patch, at('2026-11-28T01:30:00Z'))).toBe(false);
  });

  it('takes ranges of weekdays, months and years, and days counted from the month’s end', () => {
    const office = interval({ weekdays: ['monday:friday'], times: [{ start_time: '09:00', end_time: '17:00' }] });
    expect(inTimeInterval(office, at('2026-11-25T16:59:00Z'))).toBe(true);
    expect(inTimeInterval(office, at('2026-11-28T10:00:00Z'))).toBe(false);
    const lastDays = interval({ days_of_month: ['-2:-1'], months: ['february'], years: ['2026:2027'] });
    expect(inTimeInterval(lastDays, at('2026-02-27T12:00:00Z'))).toBe(true);
    expect(inTimeInterval(lastDays, at('2026-02-26T12:00:00Z'))).toBe(false);
    expect(inTimeInterval(lastDays, at('2028-02-28T12:00:00Z'))).toBe(false);
    expect(inTimeInterval(interval({ months: [3, '10:december'] }), at('2026-11-01T00:00:00Z'))).toBe(true);
    // Any window of the interval will do.
    const either = timeIntervalSchema.parse({ name: 'w', time_intervals: [{ weekdays: ['saturday'] }, { days_of_month: [25] }] });
    expect(inTimeInterval(either, at('2026-11-25T00:00:00Z'))).toBe(true);
  });

  it('says precisely what is wrong in a window', () => {
    const problems = (window: Record<string, unknown>) =>
      timeIntervalSchema.safeParse({ name: 'w', time_intervals: [window] }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems({ times: [{ start_time: '25:00', end_time: '26:00' }] })).toEqual([
      'time_intervals.0.times.0.start_time: "25:00" must be HH:MM, from 00:00 to 24:00',
      'time_intervals.0.times.0.end_time: "26:00" must be HH:MM, from 00:00 to 24:00',
    ]);
    expect(problems({ times: [{ start_time: '22:00', end_time: '02:00' }] })).toEqual([
      'time_intervals.0.times.0: end_time must be after start_time (a window past midnight is two windows)',
    ]);
    expect(problems({ weekdays: ['funday', 'friday:monday'] })).toEqual([
      'time_intervals.0.weekdays.0: "funday" must be a weekday or a range of them, e.g. monday:friday',
      'time_intervals.0.weekdays.1: "friday:monday" must not run backwards (a range that wraps around is two items)',
    ]);
    expect(problems({ days_of_month: [0, '-3:2'] })).toHaveLength(2);
    expect(problems({ location: 'Mars/Olympus' })).toEqual(['time_intervals.0.location: must be an IANA time zone (Europe/Berlin) or UTC']);
  });

  it('refuses a route that names an interval the notify section lacks', () => {
    const result = notifySchema.safeParse({
      receivers: [{ type: 'console', name: 'console' }],
      routes: [{ receiver: 'console', mute_time_intervals: ['patch-window'] }],
    });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'routes.0.mute_time_intervals.0: must name a time interval (time_intervals is empty)',
    ]);
  });
});
