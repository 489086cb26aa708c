import { describe, expect, it } from 'vitest';
import { readEpochTime } from '../../parsers/time.js';

const read = (text: string): number => readEpochTime(text, 0, text.length);

describe('readEpochTime', () => {
  it("reads RabbitMQ's epoch_secs, the fraction as digits", () => {
    expect(read('1795603567.085845')).toBe(1795603567085);
    // As a float, 1795603567.123 * 1000 is 1795603567122.9998.
    expect(read('1795603567.123000')).toBe(1795603567123);
    expect(read('1795603567.1')).toBe(1795603567100);
  });

  it('reads whole numbers in seconds, milliseconds or microseconds by magnitude', () => {
    expect(read('1795603567')).toBe(1795603567000);
    expect(read('1795603567085')).toBe(1795603567085);
    expect(read('1795603592100743')).toBe(1795603592100);
    expect(read('1795603567085.845')).toBe(1795603567085);
  });

  it('reads only the range it is given', () => {
    expect(readEpochTime('1795603567.085845 [info] x', 0, 17)).toBe(1795603567085);
  });

  it('is NaN for what is not an epoch time', () => {
    for (const text of ['', '.5', '17956035a7', '1795603567.', '1795603567.08x', '12345678901234567', '1795603567,085845']) {
      expect(read(text), text).toBeNaN();
    }
  });
});
