// Alert text templates: `{{ label.broker.cluster }}`, `{{ distinct.kafka.topic }}`, `{{ count }}`.
// Deliberately tiny (no logic, no loops): an admin reading an alert at 3 a.m. needs names and
// numbers, and a rule author needs every placeholder checked when the file is loaded.
import { isFieldName, type BrokerEvent, type FieldName } from '../core/index.js';

/** How many values a list placeholder prints before "and N more". */
export const LIST_LIMIT = 10;

export const PLACEHOLDERS = [
  'label.<name>',
  'last.<field>',
  'distinct.<field>',
  'distinct_count.<field>',
  'count',
  'open',
  'open_count',
  'window',
] as const;

type Part =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'label'; readonly name: string }
  | { readonly type: 'last' | 'distinct' | 'distinct_count'; readonly field: FieldName }
  | { readonly type: 'count' | 'open' | 'open_count' | 'window' };

/** What a rendered alert knows about itself. */
export interface TemplateData {
  label(name: string): string | undefined;
  last(field: FieldName): BrokerEvent[FieldName];
  /** Distinct values seen (at most the tracked bound) and how many there were in all. */
  distinct(field: FieldName): { readonly values: readonly string[]; readonly total: number };
  readonly count: number;
  /**
   * Items (e.g. partitions) still waiting for their resolving event; of a resolved alert, every
   * item it covered (a resolved notification says what was wrong, not "0 partitions").
   */
  readonly open: readonly string[];
  readonly window: string;
}

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

function parsePart(expr: string): Part | string {
  if (expr === 'count' || expr === 'open' || expr === 'open_count' || expr === 'window') return { type: expr };
  const dot = expr.indexOf('.');
  const head = dot < 0 ? expr : expr.slice(0, dot);
  const rest = dot < 0 ? '' : expr.slice(dot + 1);
  if (head === 'label' && rest !== '') return { type: 'label', name: rest };
  if (head === 'last' || head === 'distinct' || head === 'distinct_count') {
    if (!isFieldName(rest)) return `"{{ ${expr} }}" names no event field`;
    return { type: head, field: rest };
  }
  return `unknown placeholder "{{ ${expr} }}"; allowed: ${PLACEHOLDERS.join(', ')}`;
}

function parseTemplate(text: string): Part[] | string {
  const parts: Part[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > at) parts.push({ type: 'text', text: text.slice(at, m.index) });
    const part = parsePart(m[1] ?? '');
    if (typeof part === 'string') return part;
    parts.push(part);
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ type: 'text', text: text.slice(at) });
  return parts;
}

/** The problem with a template, for the rule schema; undefined when it is valid. */
export function templateProblem(text: string): string | undefined {
  const parsed = parseTemplate(text);
  return typeof parsed === 'string' ? parsed : undefined;
}

export function formatList(values: readonly string[], total: number): string {
  const shown = values.slice(0, LIST_LIMIT).join(', ');
  const more = total - Math.min(values.length, LIST_LIMIT);
  return more > 0 ? `${shown} and ${more} more` : shown;
}

/** A field's value as text: lists comma-separated, as Kafka prints replica lists. */
export function formatValue(value: BrokerEvent[FieldName]): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/**
 * What a placeholder prints when the events lack its field (an input without `cluster`): said
 * outright, so that `broker 1 of  fenced` does not leave the reader guessing what is missing.
 */
function missing(name: string): string {
  return `(no ${name})`;
}

export class Template {
  readonly #parts: readonly Part[];

  constructor(text: string) {
    const parsed = parseTemplate(text);
    if (typeof parsed === 'string') throw new TypeError(parsed);
    this.#parts = parsed;
  }

  /** The fields whose distinct values this template prints: the only ones an alert tracks. */
  get distinctFields(): FieldName[] {
    return this.#parts.flatMap((p) => (p.type === 'distinct' || p.type === 'distinct_count' ? [p.field] : []));
  }

  render(data: TemplateData): string {
    let out = '';
    for (const part of this.#parts) {
      switch (part.type) {
        case 'text':
          out += part.text;
          break;
        case 'label':
          out += data.label(part.name) || missing(part.name);
          break;
        case 'last':
          out += formatValue(data.last(part.field)) || missing(part.field);
          break;
        case 'distinct': {
          const d = data.distinct(part.field);
          out += formatList(d.values, d.total) || missing(part.field);
          break;
        }
        case 'distinct_count':
          out += String(data.distinct(part.field).total);
          break;
        case 'count':
          out += String(data.count);
          break;
        case 'open':
          out += formatList(data.open, data.open.length);
          break;
        case 'open_count':
          out += String(data.open.length);
          break;
        case 'window':
          out += data.window;
          break;
      }
    }
    return out;
  }
}
