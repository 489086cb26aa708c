// Label matchers, as Alertmanager writes them: `name`, `value`, and whether the value is a regex
// (anchored, as Alertmanager anchors it) and whether the match is negated. Routes, silences and
// inhibition all match alert labels through this one function.
import { z } from 'zod';

export const matcherSchema = z.strictObject({
  name: z.string().min(1),
  value: z.string(),
  is_regex: z.boolean().default(false),
  is_equal: z.boolean().default(true),
});

export type Matcher = z.output<typeof matcherSchema>;

export type Labels = Readonly<Record<string, string>>;

const compiled = new WeakMap<Matcher, RegExp>();

function regexOf(m: Matcher): RegExp {
  let re = compiled.get(m);
  if (re === undefined) {
    re = new RegExp(`^(?:${m.value})$`, 'u');
    compiled.set(m, re);
  }
  return re;
}

export function matches(matchers: readonly Matcher[], labels: Labels): boolean {
  for (const m of matchers) {
    const value = labels[m.name] ?? '';
    const hit = m.is_regex ? regexOf(m).test(value) : value === m.value;
    if (hit !== m.is_equal) return false;
  }
  return true;
}

/** Operators in amtool's order of precedence: two-character ones first, so `!=` is not read as `=`. */
const MATCHER_TEXT = /^\s*([A-Za-z_][\w.]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/su;

/**
 * A matcher as amtool writes it: `name=value`, `name!=value`, `name=~regex`, `name!~regex`; the
 * value may be double-quoted (with `\"` and `\\` inside). Undefined when `text` is not one.
 */
export function parseMatcher(text: string): Matcher | undefined {
  const m = MATCHER_TEXT.exec(text);
  if (m === null) return undefined;
  const [, name, op, raw] = m as unknown as [string, string, string, string];
  let value = raw;
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) value = raw.slice(1, -1).replace(/\\(["\\])/gu, '$1');
  const matcher: Matcher = { name, value, is_regex: op === '=~' || op === '!~', is_equal: op === '=' || op === '=~' };
  if (matcher.is_regex) {
    try {
      regexOf(matcher);
    } catch {
      return undefined;
    }
  }
  return matcher;
}

export function formatMatcher(m: Matcher): string {
  const op = m.is_regex ? (m.is_equal ? '=~' : '!~') : m.is_equal ? '=' : '!=';
  return `${m.name}${op}${JSON.stringify(m.value)}`;
}
