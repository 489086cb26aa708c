// The only place that reads the wall clock. Everything else is handed a Clock, so that tests move
// time instead of sleeping and replays run on event time.

/** Milliseconds since the Unix epoch, UTC. */
export type Instant = number & { readonly __brand: 'Instant' };

export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = {
  now: () => Date.now() as Instant,
};

export function toInstant(ms: number): Instant {
  return ms as Instant;
}

/** A clock that only moves when told: for tests and for replays driven by event time. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number) {
    this.#now = start;
  }

  now(): Instant {
    return this.#now as Instant;
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  set(ms: number): void {
    this.#now = ms;
  }
}
