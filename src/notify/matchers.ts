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
