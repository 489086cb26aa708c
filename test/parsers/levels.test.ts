import { describe, expect, it } from 'vitest';
import { toLogLevel } from '../../parsers/levels.js';

describe('toLogLevel', () => {
  // rabbit_logger_fmt_helpers: the names of each level_format (lc, lc3, lc4; uc* are the same upper-case).
  const rabbitmq = {
    debug: ['debug', 'dbg', 'dbug'],
    info: ['info', 'inf', 'info'],
    notice: ['notice', 'ntc', 'noti'],
    warning: ['warning', 'wrn', 'warn'],
    error: ['error', 'err', 'erro'],
    critical: ['critical', 'crt', 'crit'],
    alert: ['alert', 'alt', 'alrt'],
    emergency: ['emergency', 'emg', 'emgc'],
  } as const;
  const expected = { debug: 'debug', info: 'info', notice: 'notice', warning: 'warning', error: 'error', critical: 'critical', alert: 'critical', emergency: 'critical' } as const;

  it.each(Object.entries(rabbitmq))('reads every level_format name of RabbitMQ %s', (level, names) => {
    for (const name of names) {
      expect(toLogLevel(name), name).toBe(expected[level as keyof typeof expected]);
      expect(toLogLevel(name.toUpperCase()), name).toBe(expected[level as keyof typeof expected]);
    }
  });

  it('leaves a name no layout writes unread', () => {
    expect(toLogLevel('verbose')).toBeUndefined();
  });
});
