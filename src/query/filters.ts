// The filters admins give by name (`--host`, `--level warning`, `--field kafka.isr.removed=3`),
// turned into the query model's field filters. Shared by the CLI and the HTTP API so both read a
// filter alike: values of one filter match any (OR), different filters must all match (AND).
import {
  FIELDS,
  isEventAction,
  isFieldName,
  LOG_LEVELS,
  QueryError,
  type Dataset,
  type FieldFilter,
  type FieldName,
  type LogLevel,
} from '../core/index.js';

const DATASETS: readonly Dataset[] = ['kafka.log', 'rabbitmq.log'];

export interface EventFilters {
  readonly cluster?: readonly string[];
  readonly host?: readonly string[];
  /** `broker.id`: a Kafka broker id or a RabbitMQ node name. */
  readonly broker?: readonly string[];
  readonly dataset?: readonly string[];
  /** This level and every more severe one. */
  readonly level?: string;
  readonly action?: readonly string[];
  readonly topic?: readonly string[];
  readonly partition?: readonly string[];
  /** `name=value`, any field of docs/schema.md that can be filtered by value. */
  readonly fields?: readonly string[];
}

function fail(message: string, field: string): never {
  throw new QueryError(message, { context: { field } });
}

/** `warning` -> warning, error, critical. */
export function levelsFrom(level: string): LogLevel[] {
  const at = LOG_LEVELS.indexOf(level as LogLevel);
  if (at === -1) fail(`unknown level ${JSON.stringify(level)} (one of ${LOG_LEVELS.join(', ')})`, 'log.level');
  return LOG_LEVELS.slice(at);
}

/** `name=value`, the value converted to the field's type. @throws QueryError */
export function parseFieldFilter(text: string): { field: FieldName; value: string | number } {
  const eq = text.indexOf('=');
  const name = eq === -1 ? text : text.slice(0, eq);
  if (eq <= 0 || eq === text.length - 1) fail(`not name=value: ${JSON.stringify(text)}`, name);
  if (!isFieldName(name)) fail(`unknown field ${name} (docs/schema.md lists them)`, name);
  const raw = text.slice(eq + 1);
  const type = FIELDS[name].type;
  if (type === 'integer' || type === 'long') {
    if (!/^-?\d+$/u.test(raw)) fail(`${name} is a number, not ${JSON.stringify(raw)}`, name);
    return { field: name, value: Number(raw) };
  }
  return { field: name, value: raw };
}

/** The field filters of `filters`; unknown actions, datasets, levels and fields are errors. */
export function fieldFilters(filters: EventFilters): FieldFilter[] {
  const values = new Map<FieldName, Array<string | number>>();
  const add = (field: FieldName, items: ReadonlyArray<string | number>): void => {
    const list = values.get(field) ?? [];
    for (const item of items) if (!list.includes(item)) list.push(item);
    values.set(field, list);
  };
  add('broker.cluster', filters.cluster ?? []);
  add('host.name', filters.host ?? []);
  add('broker.id', filters.broker ?? []);
  for (const dataset of filters.dataset ?? []) {
    if (!DATASETS.includes(dataset as Dataset)) fail(`unknown dataset ${JSON.stringify(dataset)} (one of ${DATASETS.join(', ')})`, 'event.dataset');
  }
  add('event.dataset', filters.dataset ?? []);
  if (filters.level !== undefined) add('log.level', levelsFrom(filters.level));
  for (const action of filters.action ?? []) {
    if (!isEventAction(action)) fail(`unknown action ${JSON.stringify(action)} (docs/taxonomy.md lists them)`, 'event.action');
  }
  add('event.action', filters.action ?? []);
  add('kafka.topic', filters.topic ?? []);
  add('kafka.partition', (filters.partition ?? []).map((p) => parseFieldFilter(`kafka.partition=${p}`).value));
  for (const text of filters.fields ?? []) {
    const { field, value } = parseFieldFilter(text);
    add(field, [value]);
  }
  return [...values.entries()].filter(([, list]) => list.length > 0).map(([field, list]) => ({ field, values: list }));
}
