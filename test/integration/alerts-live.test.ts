// issue 6, live: `brokerwatch run` follows the logs of the real Kafka (KRaft) and RabbitMQ
// clusters of scripts/engines while the drills of scripts/drills make them misbehave, and a local
// webhook receiver gets the notifications. The drills write their captures to a tmp dir here
// (BW_FIXTURES_DIR), never over the fixtures.
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_HEADER } from '../../src/notify/index.js';
import { followedFiles, RunProcess, setUpPipeline } from '../support/pipeline.js';
import { runScript } from '../support/scripts.js';
import { waitFor } from '../support/telemetry.js';

const REPO = join(import.meta.dirname, '..', '..');
const RUN_DIR = process.env.BW_RUN_DIR ?? join(REPO, '.run');
const captures = mkdtempSync(join(tmpdir(), 'bw-live-drills-'));

interface Notification {
  readonly status: 'firing' | 'resolved';
  readonly groupLabels: Record<string, string>;
  readonly alerts: readonly { readonly status: string; readonly labels: Record<string, string> }[];
}

const received: Notification[] = [];
/** Idempotency keys seen: a request whose answer brokerwatch did not get in time comes again, and a receiver drops it (docs/notify.md). */
const keys = new Set<string>();
let receiver: Server;
let run: RunProcess;

/** Runs a drill, its captures kept out of the fixtures; the webhook receiver answers meanwhile. */
async function drill(script: string, ...args: string[]): Promise<void> {
  await runScript(join('drills', script), args, { ...process.env, BW_FIXTURES_DIR: captures });
}

/** The notifications of one alert name (of one cluster): [status of each alert in it, ...] per notification. */
function notificationsOf(alertname: string, cluster?: string): string[] {
  return received
    .filter((n) => n.groupLabels.alertname === alertname && (cluster === undefined || n.groupLabels['broker.cluster'] === cluster))
    .map((n) => n.alerts.map((a) => a.status).join(','));
}

/** What the receiver got, for a failure message. */
function got(): string {
  return JSON.stringify(received.map((n) => `${n.groupLabels.alertname ?? '?'} (${n.groupLabels['broker.cluster'] ?? '?'}): ${n.alerts.map((a) => a.status).join(',')}`));
}

/** waitFor, failing with what the receiver got and what brokerwatch logged: a live run is not replayed. */
async function eventually(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  try {
    await waitFor(condition, timeoutMs, what);
  } catch (error) {
    throw new Error(`${(error as Error).message}; notifications: ${got()}; brokerwatch stderr: ${run.stderr.slice(-3000)}`);
  }
}

/** Some notification carried the alert, and the last one says it resolved. */
function notifiedAndResolved(alertname: string, cluster?: string): boolean {
  return notificationsOf(alertname, cluster).at(-1)?.split(',').every((s) => s === 'resolved') === true;
}

function firedAndResolved(alertname: string, cluster?: string): boolean {
  return notificationsOf(alertname, cluster).some((s) => s.includes('firing')) && notifiedAndResolved(alertname, cluster);
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const key = String(request.headers[IDEMPOTENCY_HEADER]);
      if (!keys.has(key)) received.push(JSON.parse(body) as Notification);
      keys.add(key);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  const kafka = ['kraft', 'zk'].flatMap((mode) =>
    [1, 2, 3].map((n) =>
      [
        `  - paths: ["${RUN_DIR}/kafka-${mode}/broker-${n}/logs/{server,controller,state-change}.log"]`,
        '    service_type: kafka',
        `    cluster: live-${mode}`,
        `    broker_id: ${n}`,
        '    start_position: end',
      ].join('\n'),
    ),
  );
  const rabbitmq = [1, 2, 3].map((n) =>
    [
      `  - paths: ["${RUN_DIR}/rabbitmq/r${n}/log/*.log"]`,
      '    exclude: ["*_upgrade.log"]',
      '    service_type: rabbitmq',
      '    cluster: live-rabbitmq',
      `    broker_id: r${n}`,
      '    start_position: end',
    ].join('\n'),
  );
  const setup = setUpPipeline(
    'live',
    [
      ...kafka,
      ...rabbitmq,
      'notify:',
      `  receivers: [{ type: webhook, name: hook, url: "http://127.0.0.1:${port}/" }]`,
      '  routes:',
      '    - { receiver: hook, group_by: [alertname, broker.cluster], group_wait_seconds: 1, group_interval_seconds: 5, repeat_interval_seconds: 3600 }',
      '',
    ].join('\n'),
  );
  run = RunProcess.start(setup.config, 'run', 'info');
  // Following the brokers' files from their ends: the drills' lines are what comes next.
  await waitFor(() => followedFiles(setup.dataDir) >= 9 || run.child.exitCode !== null, 60_000, 'the files followed');
  expect(run.child.exitCode, run.stderr).toBeNull();
}, 120_000);

afterAll(async () => {
  await run?.kill('SIGTERM');
  receiver?.close();
});

describe('alerts from the live clusters, delivered to a webhook', () => {
  // In ZooKeeper mode; the KRaft drill's alert, which ends on the leaders' state-change.log lines,
  // is checked on its captured logs (test/cli/rules-test.test.ts).
  it('a Kafka broker killed: one grouped ISR-shrink notification, then a resolved one once it is back', async () => {
    await drill('kafka-broker-loss.sh', '--mode', 'zk');
    await eventually(() => firedAndResolved('kafka_isr_shrink', 'live-zk'), 180_000, 'the ISR shrink alert fired and resolved');
    const statuses = notificationsOf('kafka_isr_shrink', 'live-zk');
    // One notification for the storm of shrinks on every partition, one when it ended.
    expect(statuses.filter((s) => s.includes('firing')), got()).toHaveLength(1);
    expect(notificationsOf('kafka_broker_failure', 'live-zk').some((s) => s.includes('firing')), got()).toBe(true);
  }, 420_000);

  it('the active controller stopped: a controller-change notification', async () => {
    await drill('kafka-controller-loss.sh', '--mode', 'kraft');
    await eventually(() => notificationsOf('kafka_controller_change').some((s) => s.includes('firing')), 120_000, 'the controller change alert');
  }, 420_000);

  it('a RabbitMQ memory alarm raised and cleared: firing, then resolved', async () => {
    await drill('rabbitmq-alarms.sh');
    await eventually(() => firedAndResolved('rabbitmq_memory_alarm'), 120_000, 'the memory alarm fired and resolved');
  }, 420_000);

  it('a RabbitMQ node paused into a partition and resumed: a partition notification, resolved', async () => {
    await drill('rabbitmq-partition.sh', 'autoheal');
    // Autoheal restarts the losing node at once: the partition report and the node back up can
    // arrive in one read, and an alert that fired and resolved before its group was due is
    // notified once, resolved (docs/notify.md). Either way the admin hears of it, and it ends.
    await eventually(() => notifiedAndResolved('rabbitmq_network_partition'), 180_000, 'the partition alert notified and resolved');
  }, 420_000);
});
