// The rule file schema: strict (unknown keys are errors), one variant per rule kind, every field
// name checked against the field registry and every template against its placeholders.
import { z } from 'zod';
import { isFieldName, type FieldName } from '../core/index.js';
import { conditionSchema } from './condition.js';
import { templateProblem } from './template.js';

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_KINDS = ['match', 'threshold', 'change', 'absence'] as const;
export type RuleKindName = (typeof RULE_KINDS)[number];

const fieldName = z
  .string()
  .refine(isFieldName, { message: 'is not an event field (see docs/schema.md)' })
  .transform((s): FieldName => s);

const template = z.string().superRefine((text, ctx) => {
  const problem = templateProblem(text);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

const seconds = z.number().positive();

/** For z.discriminatedUnion: an unknown `kind`/`type` is reported with the allowed values. */
export function discriminatorError(values: readonly string[]): (issue: { readonly code: string }) => string | undefined {
  return (issue) => (issue.code === 'invalid_union' ? `must be one of ${values.map((v) => `"${v}"`).join(', ')}` : undefined);
}

/**
 * How an alert ends by itself. `match`: the events that resolve it; with `per`, the alert tracks
 * one item per distinct value of those fields (a partition) and resolves once every item has seen
 * its resolving event; with `covers`, that event must list in `field` every value the firing events
 * listed in `of` (an ISR that holds again every replica that was removed). `quiet_seconds`: the
 * alert resolves once no matching event came for that long.
 */
const resolveSchema = z
  .strictObject({
    match: conditionSchema.optional(),
    per: z.array(fieldName).min(1).optional(),
    covers: z.strictObject({ field: fieldName, of: fieldName }).optional(),
    quiet_seconds: seconds.optional(),
  })
  .refine((r) => r.match !== undefined || r.quiet_seconds !== undefined, {
    message: 'needs "match" (the resolving events) or "quiet_seconds" (or both)',
  })
  .refine((r) => (r.per === undefined && r.covers === undefined) || r.match !== undefined, {
    message: '"per" and "covers" need "match"',
  })
  .refine((r) => r.covers === undefined || r.per !== undefined, { message: '"covers" needs "per"' });

export type ResolveSpec = z.output<typeof resolveSchema>;

/**
 * When a matching event does not count: an event of `match` with the same `same` fields (and the
 * same group) came at most `within_seconds` before it, e.g. a broker's controlled shutdown before
 * the controller handles its leaving as a failure.
 */
const unlessSchema = z.strictObject({
  match: conditionSchema,
  same: z.array(fieldName).default([]),
  within_seconds: seconds,
});

export type UnlessSpec = z.output<typeof unlessSchema>;

/**
 * Prometheus's `for`: a condition that holds is pending this long (event time) before its alert is
 * sent; one that ends sooner sends nothing. Not for absence rules, whose `for_seconds` is the wait.
 */
const pending = { pending_seconds: seconds.optional() };

const common = {
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'must be lower_snake_case, e.g. kafka_isr_shrink' }),
  severity: z.enum(SEVERITIES),
  match: conditionSchema,
  group_by: z.array(fieldName).default([]),
  labels: z.record(z.string(), z.string()).default({}),
  summary: template,
  description: template,
};

export const ruleSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('match'), ...common, ...pending, unless: unlessSchema.optional(), resolve: resolveSchema }),
  z.strictObject({
    kind: z.literal('threshold'),
    ...common,
    ...pending,
    unless: unlessSchema.optional(),
    count: z.number().int().min(1),
    window_seconds: seconds,
    resolve: resolveSchema,
  }),
  z.strictObject({
    kind: z.literal('change'),
    ...common,
    ...pending,
    field: fieldName,
    changes: z.number().int().min(1),
    window_seconds: seconds,
    resolve: resolveSchema,
  }),
  // An absence alert resolves when its group is heard from again; no resolve block.
  z.strictObject({ kind: z.literal('absence'), ...common, for_seconds: seconds }),
], { error: discriminatorError(RULE_KINDS) });

export type RuleSpec = z.output<typeof ruleSpecSchema>;

export const ruleFileSchema = z
  .strictObject({ rules: z.array(ruleSpecSchema).min(1) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.rules.forEach((rule, i) => {
      if (seen.has(rule.name)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'name'], message: `duplicates rule "${rule.name}"` });
      seen.add(rule.name);
    });
  });

export type RuleFile = z.output<typeof ruleFileSchema>;
