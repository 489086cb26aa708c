// Wall-clock time in an IANA zone -> UTC, without a time-zone library: Intl.DateTimeFormat gives a
// zone's offset at an instant, and offsets are cached per quarter hour (zones change offset only on
// quarter-hour boundaries: Lord Howe's :30 and Nepal's :45 included), so a log file costs one Intl
// call per quarter hour of its time span.
import type { Clock } from '../core/index.js';
import type { TimeContext } from '../../parsers/index.js';
import { ParseConfigError } from './errors.js';

const QUARTER_HOUR = 15 * 60_000;
const DAY = 86_400_000;
const CACHE_LIMIT = 100_000;

export class ZoneTime implements TimeContext {
  readonly zone: string;
  readonly #format: Intl.DateTimeFormat | undefined;
  readonly #offsets = new Map<number, number>();
  readonly #clock: Clock;
  /** The quarter hour of wall time last resolved to one unambiguous offset: records come in order. */
  #wallBucket = NaN;
  #wallOffset = 0;
  /** The date last asked for and its first instant (as if UTC): records come in order. */
  #year = NaN;
  #month = NaN;
  #day = NaN;
  #dayStart = NaN;

  /** @throws ParseConfigError for a zone Intl does not know. */
  constructor(zone: string, clock: Clock) {
    this.zone = zone;
    this.#clock = clock;
    try {
      this.#format =
        zone === 'UTC' || zone === 'Etc/UTC'
          ? undefined
          : new Intl.DateTimeFormat('en-US', {
              timeZone: zone,
              hourCycle: 'h23',
              year: 'numeric',
              month: 'numeric',
              day: 'numeric',
              hour: 'numeric',
              minute: 'numeric',
              second: 'numeric',
            });
    } catch (cause) {
      throw new ParseConfigError(`unknown time zone "${zone}": use an IANA name such as Europe/Berlin or UTC`, {
        context: { zone },
        cause,
      });
    }
  }

  /** The zone's offset from UTC at `instant`, in milliseconds. */
  offsetAt(instant: number): number {
    if (this.#format === undefined || !Number.isFinite(instant)) return 0;
    const bucket = Math.floor(instant / QUARTER_HOUR);
    const cached = this.#offsets.get(bucket);
    if (cached !== undefined) return cached;
    const at = bucket * QUARTER_HOUR;
    let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    for (const part of this.#format.formatToParts(at)) {
      const value = Number(part.value);
      if (part.type === 'year') year = value;
      else if (part.type === 'month') month = value;
      else if (part.type === 'day') day = value;
      else if (part.type === 'hour') hour = value;
      else if (part.type === 'minute') minute = value;
      else if (part.type === 'second') second = value;
    }
    const offset = Date.UTC(year, month - 1, day, hour, minute, second) - at;
    if (this.#offsets.size >= CACHE_LIMIT) this.#offsets.clear();
    this.#offsets.set(bucket, offset);
    return offset;
  }

  local(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
    if (year !== this.#year || month !== this.#month || day !== this.#day) {
      this.#year = year;
      this.#month = month;
      this.#day = day;
      this.#dayStart = Date.UTC(year, month - 1, day);
    }
    // What Date.UTC(year, month - 1, day, hour, minute, second, ms) gives, without its call per record.
    const wall = this.#dayStart + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
    if (this.#format === undefined || Number.isNaN(wall)) return wall;
    const bucket = Math.floor(wall / QUARTER_HOUR);
    if (bucket === this.#wallBucket) return wall - this.#wallOffset;
    // The offsets a day before and after bound the ones that can apply. When they differ, a
    // candidate is right if the zone has that offset at it: both are in a repeated (fall-back)
    // hour, where the first pass is taken; neither is in a skipped (spring-forward) hour, which
    // maps forward by the offset before it.
    const before = this.offsetAt(wall - DAY);
    const after = this.offsetAt(wall + DAY);
    if (before === after) {
      this.#wallBucket = bucket;
      this.#wallOffset = before;
      return wall - before;
    }
    const early = wall - before;
    const late = wall - after;
    const earlyFits = this.offsetAt(early) === before;
    const lateFits = this.offsetAt(late) === after;
    if (earlyFits && lateFits) return Math.min(early, late);
    if (lateFits) return late;
    return early;
  }

  /** Today's date in the zone, by the clock: for layouts whose time has no date (`%d{ABSOLUTE}`). */
  today(): readonly [number, number, number] {
    const now = this.#clock.now();
    const wall = new Date(now + this.offsetAt(now));
    return [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()];
  }
}
