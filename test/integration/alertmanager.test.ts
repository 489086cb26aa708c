// The Alertmanager notifier against the real Prometheus Alertmanager (Debian's package, started by
// scripts/engines/alertmanager.sh): alerts posted to its v2 API are read back through the same API.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AlertmanagerNotifier } from '../../src/notify/index.js';
import { Pipeline } from '../notify/support.js';
import { ev } from '../rules/support.js';
import { enginePort } from '../support/engines.js';

const base = `http://127.0.0.1:${enginePort('ALERTMANAGER_PORT')}`;

interface GettableAlert {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly startsAt: string;
  readonly status: { readonly state: string };
}

async function alertsOf(cluster: string): Promise<GettableAlert[]> {
  const response = await fetch(`${base}/api/v2/alerts?filter=${encodeURIComponent(`broker_cluster="${cluster}"`)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as GettableAlert[];
}

describe('Alertmanager notifier against the real Alertmanager v2 API', () => {
  it('creates the alert with its labels and annotations, and resolves it', async () => {
    const cluster = `it-${randomUUID().slice(0, 8)}`;
    // Event times of the last seconds: Alertmanager takes an alert whose endsAt is still ahead as
    // firing, so the clearing record must lie in the past, as a real one does.
    const offset = (Date.now() - Date.parse('2026-11-25T08:00:00Z')) / 1000 - 2;
    const p = new Pipeline({ routes: [{ receiver: 'am', group_wait_seconds: 0, group_interval_seconds: 1 }] });
    p.clock.set(Date.now());
    const am = new AlertmanagerNotifier({ type: 'alertmanager', name: 'am', url: base, timeout_seconds: 5, alert_ttl_seconds: 3600, external_url: 'http://bw.example' });
    const signal = new AbortController().signal;

    p.feed(ev(offset, { 'event.action': 'memory_alarm_set', 'service.type': 'rabbitmq', 'broker.cluster': cluster, 'rabbitmq.node.subject': 'rabbit@r1' }));
    const [firing] = p.tick(0);
    expect(await am.deliver(firing!, signal)).toEqual({ outcome: 'ok' });
    const active = await alertsOf(cluster);
    expect(active).toHaveLength(1);
    expect(active[0]!.labels).toEqual({ alertname: 'rabbitmq_memory_alarm', severity: 'critical', broker_cluster: cluster, rabbitmq_node_subject: 'rabbit@r1', service: 'rabbitmq' });
    expect(active[0]!.annotations.summary).toBe(`RabbitMQ memory alarm on rabbit@r1 of ${cluster}: publishers blocked`);
    expect(active[0]!.status.state).toBe('active');

    p.feed(ev(offset + 1, { 'event.action': 'memory_alarm_cleared', 'service.type': 'rabbitmq', 'broker.cluster': cluster, 'rabbitmq.node.subject': 'rabbit@r1' }));
    const [resolved] = p.tick(1);
    expect(resolved!.status).toBe('resolved');
    expect(await am.deliver(resolved!, signal)).toEqual({ outcome: 'ok' });
    expect(await alertsOf(cluster)).toEqual([]);
  });

  it('gives up on a payload Alertmanager rejects', async () => {
    const am = new AlertmanagerNotifier({ type: 'alertmanager', name: 'am', url: `${base}/no-such-prefix`, timeout_seconds: 5, alert_ttl_seconds: 3600, external_url: '' });
    const p = new Pipeline({ routes: [{ receiver: 'am', group_wait_seconds: 0 }] });
    p.feed(ev(0, { 'event.action': 'disk_alarm_set', 'rabbitmq.node.subject': 'rabbit@r1' }));
    const [n] = p.tick(0);
    expect(await am.deliver(n!, new AbortController().signal)).toEqual({ outcome: 'give_up', reason: 'HTTP 404' });
  });
});
