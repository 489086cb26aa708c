// Log levels of every layout -> the lower-case set of the event (src/core/event.ts). log4j's WARN
// and FATAL, RabbitMQ's (Erlang logger's) notice/alert/emergency and the pre-3.7 report kinds all
// land on one of trace, debug, info, notice, warning, error, critical. RabbitMQ 3.9+ may shorten
// its levels (`log.file.formatter.level_format = lc3|uc3|lc4|uc4`, rabbit_logger_fmt_helpers:
// `inf`, `WRN`, `noti`, `EMGC`).
import type { LogLevel } from '../src/core/index.js';

const LEVELS: ReadonlyMap<string, LogLevel> = new Map<string, LogLevel>(
  (
    [
      ['trace', 'trace'],
      ['finest', 'trace'],
      ['debug', 'debug'],
      ['fine', 'debug'],
      ['info', 'info'],
      ['notice', 'notice'],
      ['warn', 'warning'],
      ['warning', 'warning'],
      ['error', 'error'],
      ['err', 'error'],
      ['severe', 'error'],
      ['fatal', 'critical'],
      ['critical', 'critical'],
      ['crit', 'critical'],
      ['alert', 'critical'],
      ['emergency', 'critical'],
      ['emerg', 'critical'],
      ['dbg', 'debug'],
      ['dbug', 'debug'],
      ['inf', 'info'],
      ['ntc', 'notice'],
      ['noti', 'notice'],
      ['wrn', 'warning'],
      ['erro', 'error'],
      ['crt', 'critical'],
      ['alt', 'critical'],
      ['alrt', 'critical'],
      ['emg', 'critical'],
      ['emgc', 'critical'],
    ] as const
  ).flatMap(([name, level]) => [
    [name, level],
    [name.toUpperCase(), level],
  ]),
);

/** The last name asked for and its level: a log repeats a few names, and comparing costs less than hashing. */
let lastName = '';
let lastLevel: LogLevel | undefined;

/** The event level of a layout's level name, any case, or undefined for a name no layout writes. */
export function toLogLevel(name: string): LogLevel | undefined {
  if (name === lastName) return lastLevel;
  lastName = name;
  lastLevel = LEVELS.get(name) ?? LEVELS.get(name.toLowerCase());
  return lastLevel;
}
