import { describe, expect, it } from 'vitest';
import { formatMatcher, matches, parseMatcher } from '../../src/notify/index.js';

describe("matchers in amtool's syntax", () => {
  it('reads the four operators, quoted values and label names with dots', () => {
    expect(parseMatcher('broker.cluster=orders-prod')).toEqual({ name: 'broker.cluster', value: 'orders-prod', is_regex: false, is_equal: true });
    expect(parseMatcher('severity!=info')).toEqual({ name: 'severity', value: 'info', is_regex: false, is_equal: false });
    expect(parseMatcher('alertname=~"kafka_.*"')).toEqual({ name: 'alertname', value: 'kafka_.*', is_regex: true, is_equal: true });
    expect(parseMatcher('zone!~dev|test')).toEqual({ name: 'zone', value: 'dev|test', is_regex: true, is_equal: false });
    expect(parseMatcher('team="a \\"quoted\\" name"')?.value).toBe('a "quoted" name');
  });

  it('refuses text that is no matcher, and a regex that does not compile', () => {
    for (const text of ['cluster', '=value', '9x=1', 'a=~(']) expect(parseMatcher(text)).toBeUndefined();
  });

  it('writes back what it reads', () => {
    for (const text of ['a="b"', 'a!="b"', 'a=~"b.*"', 'a!~"b|c"']) expect(formatMatcher(parseMatcher(text)!)).toBe(text);
  });

  it('anchors a regex at both ends, as Alertmanager does', () => {
    expect(matches([parseMatcher('cluster=~orders')!], { cluster: 'orders-prod' })).toBe(false);
    expect(matches([parseMatcher('cluster=~orders.*')!], { cluster: 'orders-prod' })).toBe(true);
  });
});
