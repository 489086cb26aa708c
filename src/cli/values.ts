// Parsers of flag values shared by the subcommands: counts, times, durations. Each throws
// commander's InvalidArgumentError, so a bad value is reported as `error: option ... argument ...`.
// Times and durations are read by src/query/time-spec.ts, the same grammar the HTTP API reads.
import { InvalidArgumentError } from 'commander';
import { QueryError, systemClock, type Instant } from '../core/index.js';
import { parseDuration, parseIsoInstant, parseTimeSpec } from '../query/index.js';

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`not a positive integer: ${value}`);
  return n;
}

export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`not an integer of 0 or more: ${value}`);
  return n;
}

function asArgument<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof QueryError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

/** ISO-8601; without a zone, UTC. */
export function isoInstant(text: string): Instant {
  return asArgument(() => parseIsoInstant(text));
}

/** `90s`, `15m`, `2h`, `1h30m`, `3d`, `1w`, as amtool and Prometheus write durations. */
export function duration(text: string): number {
  return asArgument(() => parseDuration(text));
}

/** A duration back from now (`2h`), `now`, or an ISO-8601 time. */
export function sinceInstant(text: string): Instant {
  return asArgument(() => parseTimeSpec(text, systemClock.now()));
}
