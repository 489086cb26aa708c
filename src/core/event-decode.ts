// An event read back from outside the process (a line on the Kafka topic) is checked against the
// field registry before it goes anywhere: the stores name an index by its time and dataset, SQLite
// fills typed columns, and the rules read fields by their type. What is not such an event (another
// producer's record, a damaged one, `null`) is refused with the field at fault, so the transport
// keeps it as an undecodable record instead of letting it stop the batch it came in.
import { BrokerwatchError } from './errors.js';
import { LOG_LEVELS, type BrokerEvent, type FieldName } from './event.js';
import { FIELDS, FIELD_NAMES, type FieldSpec } from './fields.js';
import { DATASET_OF } from './service.js';

/** The fields every event has (src/parse/event.ts sets them for every record, even unreadable ones). */
const REQUIRED: readonly FieldName[] = ['@timestamp', 'message', 'event.id', 'event.original', 'event.dataset', 'service.type'];

/** Fields whose values come from a closed set. */
const ALLOWED: Partial<Record<FieldName, ReadonlySet<unknown>>> = {
  'event.dataset': new Set(Object.values(DATASET_OF)),
  'service.type': new Set(Object.keys(DATASET_OF)),
  'log.level': new Set(LOG_LEVELS),
};

type Check = (value: unknown) => string | undefined;

/** Per registry field, its check, made once: every event on the topic goes through them. */
const CHECKS: ReadonlyMap<string, Check> = new Map(
  FIELD_NAMES.map((name): [string, Check] => {
    const spec = FIELDS[name];
    const allowed = ALLOWED[name];
    if (allowed !== undefined) return [name, (value) => (allowed.has(value) ? undefined : `${describe(value)} is not one of the known values`)];
    return [name, (value) => problemOf(spec, value)];
  }),
);

/**
 * The JSON each decoded event was read from. A store sends it on instead of serialising the event
 * again (its JSON.stringify was the ingester's largest cost after JSON.parse); events are not
 * changed once built, so the text stays the event's.
 */
const decodedFrom = new WeakMap<BrokerEvent, string>();
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** The event as JSON: the text it was decoded from, or else JSON.stringify's. */
export function eventJson(event: BrokerEvent): string {
  return decodedFrom.get(event) ?? JSON.stringify(event);
}

export class EventDecodeError extends BrokerwatchError {
  readonly code = 'event_undecodable';
}

/**
 * The event a JSON document holds. Fields the registry does not know are kept as they are (the
 * stores keep them unindexed).
 * @throws SyntaxError for text that is not JSON; EventDecodeError for JSON that is not an event.
 */
export function decodeEvent(json: string): BrokerEvent {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EventDecodeError(`an event is a JSON object, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
  const fields = value as Record<string, unknown>;
  for (const name of REQUIRED) {
    if (fields[name] === undefined) throw new EventDecodeError(`the event has no ${name}`, { context: { field: name } });
  }
  for (const name in fields) {
    const check = CHECKS.get(name);
    const problem = check === undefined ? undefined : check(fields[name]);
    if (problem !== undefined) throw new EventDecodeError(`${name}: ${problem}`, { context: { field: name } });
  }
  // Only text that is the object alone: a store appends fields before its closing brace.
  if (json.charCodeAt(0) === OPEN_BRACE && json.charCodeAt(json.length - 1) === CLOSE_BRACE) decodedFrom.set(value as BrokerEvent, json);
  return value as BrokerEvent;
}

function problemOf(spec: FieldSpec, value: unknown): string | undefined {
  if (spec.list !== true) return scalarProblem(spec, value);
  if (!Array.isArray(value)) return `a list is expected, not ${describe(value)}`;
  for (const item of value) {
    const problem = scalarProblem(spec, item);
    if (problem !== undefined) return `in the list, ${problem}`;
  }
  return undefined;
}

function scalarProblem(spec: FieldSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'date':
      return typeof value === 'string' && Number.isFinite(Date.parse(value)) ? undefined : `an ISO-8601 time is expected, not ${describe(value)}`;
    case 'integer':
    case 'long':
      return Number.isSafeInteger(value) ? undefined : `an integer is expected, not ${describe(value)}`;
    case 'text':
    case 'keyword':
    case 'stored':
      return typeof value === 'string' ? undefined : `a string is expected, not ${describe(value)}`;
  }
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
