import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseYaml } from '../../src/config/index.js';
import { notifySchema } from '../../src/notify/index.js';

function problemsOf(text: string): string {
  try {
    parseYaml(text, 'notify.yaml', notifySchema);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('notify configuration', () => {
  it('accepts the example of docs/notify.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'notify.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const config = parseYaml(example, 'docs/notify.md', notifySchema);
    expect(config.receivers.map((r) => r.type)).toEqual(['console', 'webhook', 'slack', 'email', 'alertmanager']);
    expect(config.routes[1]).toMatchObject({ group_wait_seconds: 10, group_interval_seconds: 300, repeat_interval_seconds: 14400 });
    expect(config).toMatchObject({ alert_retention_days: 30, digest: { schedule: '0 8 * * *', receiver: 'mail' } });
  });

  it('checks the digest: a cron schedule, a receiver that exists', () => {
    const base = 'receivers:\n  - { type: console, name: stdout }\nroutes:\n  - receiver: stdout\n';
    expect(problemsOf(`${base}digest: { receiver: pager }\n`)).toBe('notify.yaml:5:21: digest.receiver: must name a receiver: "stdout"');
    expect(problemsOf(`${base}digest: { schedule: "at eight", receiver: stdout }\n`)).toBe(
      'notify.yaml:5:21: digest.schedule: must be a cron expression (minute hour day month weekday)',
    );
  });

  it('names a route receiver that does not exist, with the ones that do', () => {
    expect(problemsOf('receivers:\n  - { type: console, name: stdout }\nroutes:\n  - receiver: pager\n')).toBe(
      'notify.yaml:4:15: routes[0].receiver: must name a receiver: "stdout"',
    );
  });

  it('names the receiver types allowed', () => {
    expect(problemsOf('receivers:\n  - { type: pagerduty, name: p }\nroutes:\n  - receiver: p\n')).toBe(
      'notify.yaml:2:13: receivers[0].type: must be one of "console", "webhook", "slack", "email", "alertmanager"',
    );
  });
});
