// Reading one JSON log record whatever template wrote it: log4j2's JsonLayout (`instant`,
// `loggerName`, `thrown`), JsonTemplateLayout's ECS (`@timestamp`, `log.level`) and Logstash
// (`logger_name`, `stack_trace`) templates, and RabbitMQ's JSON formatter (`time`, `msg`, `pid`).
// Keys may be flat and dotted (`log.level`) or nested (`log: {level}`).
import type { TimeContext } from './layout.js';
import { epochTime, readEpochTime, readIsoTime } from './time.js';

export type JsonObject = Readonly<Record<string, unknown>>;

/** The record as a JSON object, or undefined when it is not one. */
export function parseJsonObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

/** The value under the first of `paths` present, as a flat dotted key or as a nested path. */
export function pick(object: JsonObject, paths: readonly string[]): unknown {
  for (const path of paths) {
    if (Object.hasOwn(object, path)) return object[path];
    if (!path.includes('.')) continue;
    let node: unknown = object;
    for (const key of path.split('.')) {
      node = typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as JsonObject)[key] : undefined;
      if (node === undefined) break;
    }
    if (node !== undefined) return node;
  }
  return undefined;
}

export function pickString(object: JsonObject, paths: readonly string[]): string | undefined {
  const value = pick(object, paths);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * A JSON time: an ISO-8601 string, epoch seconds/milliseconds/microseconds (by magnitude), or
 * log4j2's `instant: {epochSecond, nanoOfSecond}`. NaN when absent or unreadable.
 */
export function jsonTime(value: unknown, time: TimeContext): number {
  if (typeof value === 'string') {
    const iso = readIsoTime(value, 0, value.length, time);
    return Number.isNaN(iso) ? readEpochTime(value, 0, value.length) : iso;
  }
  if (typeof value === 'number') return epochTime(value);
  if (typeof value === 'object' && value !== null) {
    const { epochSecond, nanoOfSecond } = value as JsonObject;
    if (typeof epochSecond === 'number') return epochSecond * 1000 + (typeof nanoOfSecond === 'number' ? Math.floor(nanoOfSecond / 1e6) : 0);
  }
  return NaN;
}
