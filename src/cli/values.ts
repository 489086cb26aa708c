// Parsers of flag values shared by the subcommands: counts, times, durations. Each throws
// commander's InvalidArgumentError, so a bad value is reported as `error: option ... argument ...`.
import { InvalidArgumentError } from 'commander';
import { systemClock, toInstant, type Instant } from '../core/index.js';

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`not a positive integer: ${value}`);
  return n;
}

export function isoInstant(text: string): Instant {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new InvalidArgumentError(`not an ISO-8601 time: ${text}`);
  return toInstant(ms);
}

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `90s`, `15m`, `2h`, `1h30m`, `3d`, `1w`, as amtool and Prometheus write durations. */
export function duration(text: string): number {
  const parts = /^(?:\d+[smhdw])+$/u.test(text) ? [...text.matchAll(/(\d+)([smhdw])/gu)] : [];
  const ms = parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNIT_MS[unit!]!, 0);
  if (ms <= 0) throw new InvalidArgumentError(`not a duration like 90s, 15m, 2h, 1h30m, 3d: ${text}`);
  return ms;
}

/** A duration back from now (`2h`) or an ISO-8601 time. */
export function sinceInstant(text: string): Instant {
  return /^\d{4}-/u.test(text) ? isoInstant(text) : toInstant(systemClock.now() - duration(text));
}
