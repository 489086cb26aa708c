// Conditions on event fields: a map from a flat ECS key to a test, all of which must hold. A bare
// value means equality; an object names one operator. Field names are checked against the field
// registry at load, so a typo is a load error, not a rule that silently never fires.
import { z } from 'zod';
import { isFieldName, type BrokerEvent, type FieldName } from '../core/index.js';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const CONDITION_OPERATORS = ['equals', 'in', 'exists', 'regex', 'gt', 'gte', 'lt', 'lte'] as const;

// One strict object with optional keys rather than a union: an unknown operator is then reported
// as `unknown field "regx"` at its own line instead of zod's vague "invalid input".
const operator = z
  .strictObject({
    equals: scalar.optional(),
    in: z.array(scalar).min(1).optional(),
    exists: z.boolean().optional(),
    regex: z.string().refine(isValidRegex, { message: 'must be a valid regular expression' }).optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
  })
  .refine((o) => Object.keys(o).length === 1, {
    message: `must name exactly one operator: ${CONDITION_OPERATORS.join(', ')}`,
  });

export const conditionSchema = z
  .record(z.string(), z.union([scalar, operator]))
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!isFieldName(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'is not an event field (see docs/schema.md)' });
    }
  });

export type ConditionSpec = z.output<typeof conditionSchema>;

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

export type Predicate = (event: BrokerEvent) => boolean;

type Value = BrokerEvent[FieldName];

/** A list-valued field (kafka.isr.after, tags) matches when any element does, as in Elasticsearch. */
function anyOf(value: Value, test: (v: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some(test) : test(value);
}

function fieldTest(spec: ConditionSpec[string]): (value: Value) => boolean {
  if (typeof spec !== 'object') return (v) => anyOf(v, (x) => x === spec);
  const { equals, exists, regex } = spec;
  if (equals !== undefined) return (v) => anyOf(v, (x) => x === equals);
  if (spec.in !== undefined) {
    const allowed = new Set<unknown>(spec.in);
    return (v) => anyOf(v, (x) => allowed.has(x));
  }
  if (exists !== undefined) return (v) => (v !== undefined) === exists;
  if (regex !== undefined) {
    const re = new RegExp(regex, 'u');
    return (v) => anyOf(v, (x) => typeof x === 'string' && re.test(x));
  }
  const [op, bound] = Object.entries(spec)[0] as ['gt' | 'gte' | 'lt' | 'lte', number];
  const compare = { gt: (x: number) => x > bound, gte: (x: number) => x >= bound, lt: (x: number) => x < bound, lte: (x: number) => x <= bound }[op];
  return (v) => anyOf(v, (x) => typeof x === 'number' && compare(x));
}

export function compileCondition(spec: ConditionSpec): Predicate {
  const tests = Object.entries(spec).map(([field, test]) => [field as FieldName, fieldTest(test)] as const);
  if (tests.length === 1) {
    const [field, test] = tests[0]!;
    return (event) => test(event[field]);
  }
  return (event) => {
    for (const [field, test] of tests) if (!test(event[field])) return false;
    return true;
  };
}

/**
 * The `event.action` values a condition requires, or undefined when it accepts any action: the
 * engine hands a rule only the events it can match, which keeps ordinary records off every rule.
 */
export function requiredActions(spec: ConditionSpec): ReadonlySet<string> | undefined {
  const test = spec['event.action'];
  if (test === undefined) return undefined;
  if (typeof test === 'string') return new Set([test]);
  if (typeof test === 'object' && typeof test.equals === 'string') return new Set([test.equals]);
  if (typeof test === 'object' && test.in !== undefined) return new Set(test.in.map(String));
  return undefined;
}
