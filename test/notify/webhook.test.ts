import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AlertmanagerNotifier,
  createNotifier,
  IDEMPOTENCY_HEADER,
  notifySchema,
  Outbox,
  SIGNATURE_HEADER,
  SlackNotifier,
  type AlertmanagerWebhookPayload,
  type Notifier,
} from '../../src/notify/index.js';
import { ev } from '../rules/support.js';
import { Receiver } from './receiver.js';
import { Pipeline } from './support.js';

const SECRET = 'a-webhook-secret-of-some-length';
const receivers: Receiver[] = [];
const boxes: Outbox[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.stop();
  for (const b of boxes.splice(0)) b.close();
});

async function receiver(): Promise<Receiver> {
  const r = new Receiver();
  receivers.push(r);
  await r.start();
  return r;
}

function verified(body: string, signature: string | string[] | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
  return typeof signature === 'string' && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), expected);
}

const shrink = (s: number, partition: number) =>
  ev(s, { 'event.action': 'isr_shrink', 'kafka.topic': 'orders', 'kafka.partition': partition, 'kafka.isr.removed': [3], 'broker.id': '1' });
const expand = (s: number, partition: number) =>
  ev(s, { 'event.action': 'isr_expand', 'kafka.topic': 'orders', 'kafka.partition': partition, 'kafka.isr.after': [1, 2, 3] });

/** The live loop on virtual time: rules -> policy -> outbox -> webhook. */
function loop(url: string) {
  const config = notifySchema.parse({
    receivers: [{ type: 'webhook', name: 'hook', url, secret: SECRET, timeout_seconds: 2, external_url: 'http://bw.example' }],
    routes: [{ receiver: 'hook', group_wait_seconds: 0, group_interval_seconds: 30 }],
  });
  const pipeline = new Pipeline({ routes: config.routes });
  const box = new Outbox(':memory:', {
    clock: pipeline.clock,
    backoff: { initialDelayMs: 1000, maxDelayMs: 8000 },
    deadLetterAfterMs: 3600_000,
  });
  boxes.push(box);
  const notifiers = new Map<string, Notifier>(config.receivers.map((r) => [r.name, createNotifier(r, { stdout: process.stdout, env: {} })]));
  const step = async (seconds: number) => {
    box.enqueue(pipeline.tick(seconds));
    return box.deliverDue(notifiers, new AbortController().signal);
  };
  return { pipeline, box, step };
}

describe('webhook notifier against a real local HTTP receiver', () => {
  it('posts an Alertmanager version-4 payload with a verifiable HMAC-SHA256 signature', async () => {
    const r = await receiver();
    const { pipeline, step } = loop(`${r.url}/hook`);
    for (let p = 0; p < 300; p++) pipeline.feed(shrink(0, p));
    expect(await step(0)).toEqual({ pending: 0, delivered: 1, dead: 0 });
    expect(r.received).toHaveLength(1);
    const { body, headers, path } = r.received[0]!;
    expect(path).toBe('/hook');
    expect(verified(body, headers[SIGNATURE_HEADER])).toBe(true);
    expect(verified(`${body} `, headers[SIGNATURE_HEADER])).toBe(false);
    expect(headers[IDEMPOTENCY_HEADER]).toMatch(/^[0-9a-f]{32}$/);
    const payload = JSON.parse(body) as AlertmanagerWebhookPayload;
    expect(payload).toMatchObject({
      version: '4',
      status: 'firing',
      receiver: 'hook',
      truncatedAlerts: 0,
      groupLabels: { alertname: 'kafka_isr_shrink', 'broker.cluster': 'prod-a' },
      commonLabels: { alertname: 'kafka_isr_shrink', severity: 'warning', 'broker.cluster': 'prod-a', service: 'kafka' },
      externalURL: 'http://bw.example',
    });
    expect(payload.alerts).toHaveLength(1);
    expect(payload.alerts[0]).toMatchObject({ status: 'firing', startsAt: '2026-11-25T08:00:00.000Z', endsAt: '0001-01-01T00:00:00Z' });
    expect(payload.alerts[0]!.annotations.summary).toBe('ISR shrink in prod-a: 300 partitions of orders under-replicated, replicas 3 dropped out');
  });

  it('delivers each notification exactly once to a receiver that was down for a while', async () => {
    const r = await receiver();
    const { pipeline, box, step } = loop(r.url);
    await r.stop();
    pipeline.feed(shrink(0, 1));
    expect(await step(0)).toEqual({ pending: 1, delivered: 0, dead: 0 });
    let attempts = 1;
    for (let i = 0; i < 6; i++) attempts += (await step(10)).pending;
    expect(attempts).toBe(7);
    pipeline.feed(expand(60, 1));
    await step(30);
    expect(box.rows('pending')).toHaveLength(2);

    await r.start();
    for (let i = 0; i < 5; i++) await step(10);
    expect(r.received.map((x) => (JSON.parse(x.body) as AlertmanagerWebhookPayload).status)).toEqual(['firing', 'resolved']);
    expect(new Set(r.received.map((x) => x.headers[IDEMPOTENCY_HEADER])).size).toBe(2);
    expect(box.rows('delivered')).toHaveLength(2);
    expect(box.log().filter((e) => e.outcome === 'retry').every((e) => e.reason === 'ECONNREFUSED')).toBe(true);
  });

  it('gives up on a receiver that rejects the request, and retries one that is overloaded', async () => {
    const r = await receiver();
    const { pipeline, box, step } = loop(r.url);
    r.status = 503;
    pipeline.feed(shrink(0, 1));
    expect(await step(0)).toEqual({ pending: 1, delivered: 0, dead: 0 });
    r.status = 400;
    expect(await step(10)).toEqual({ pending: 0, delivered: 0, dead: 1 });
    expect(box.rows('dead')[0]!.lastError).toBe('HTTP 400');
  });
});

describe('Slack and Alertmanager notifiers against a real local HTTP receiver', () => {
  it('sends Slack a text message led by the summary', async () => {
    const r = await receiver();
    const { pipeline } = loop(r.url);
    pipeline.feed(shrink(0, 1), shrink(0, 2));
    const [n] = pipeline.tick(0);
    const slack = new SlackNotifier({ type: 'slack', name: 'chat', webhook_url: `${r.url}/services/T/B/X`, timeout_seconds: 2 });
    expect(await slack.deliver(n!, new AbortController().signal)).toEqual({ outcome: 'ok' });
    expect(JSON.parse(r.received[0]!.body)).toEqual({
      text:
        '*[FIRING:1] ISR shrink in prod-a: 2 partitions of orders under-replicated, replicas 3 dropped out*\n' +
        'FIRING [warning] ISR shrink in prod-a: 2 partitions of orders under-replicated, replicas 3 dropped out\n' +
        '  Under-replicated: orders-1, orders-2. Replicas out of sync: 3; reported by leaders 1. 2 shrink records so far.',
    });
  });

  it("posts Alertmanager's v2 alerts, a firing one with an endsAt one TTL ahead", async () => {
    const r = await receiver();
    const { pipeline } = loop(r.url);
    pipeline.feed(shrink(0, 1));
    const [n] = pipeline.tick(0);
    const am = new AlertmanagerNotifier({ type: 'alertmanager', name: 'am', url: `${r.url}/`, timeout_seconds: 2, alert_ttl_seconds: 3600, external_url: '' });
    expect(await am.deliver(n!, new AbortController().signal)).toEqual({ outcome: 'ok' });
    expect(r.received[0]!.path).toBe('/api/v2/alerts');
    expect(JSON.parse(r.received[0]!.body)).toEqual([
      {
        labels: { alertname: 'kafka_isr_shrink', severity: 'warning', broker_cluster: 'prod-a', service: 'kafka' },
        annotations: n!.alerts[0]!.annotations,
        startsAt: '2026-11-25T08:00:00.000Z',
        endsAt: '2026-11-25T09:00:00.000Z',
        generatorURL: `/alerts/${n!.alerts[0]!.fingerprint}`,
      },
    ]);
  });
});
