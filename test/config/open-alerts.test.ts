// The alert service a configuration file describes: its rules (built-in or not, the user's
// directories), its lateness, its receivers and its database in the data directory.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, openAlertService } from '../../src/config/index.js';
import { ManualClock, type BrokerEvent, type EventId } from '../../src/core/index.js';
import type { AlertService } from '../../src/notify/index.js';
import { silentTelemetry } from '../support/telemetry.js';

const services: AlertService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
});

const event = (at: string, id: string, action: BrokerEvent['event.action']): BrokerEvent => ({
  '@timestamp': at,
  message: '',
  'event.id': id as EventId,
  'event.original': '',
  'event.dataset': 'kafka.log',
  'service.type': 'kafka',
  'broker.cluster': 'orders-prod',
  ...(action === undefined ? {} : { 'event.action': action }),
});

describe('openAlertService', () => {
  it('runs only the rules the configuration names, with its lateness, and prints to its console receiver', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-open-alerts-'));
    mkdirSync(join(dir, 'rules'));
    writeFileSync(
      join(dir, 'rules', 'expired.yaml'),
      'rules:\n  - name: zk_gone\n    kind: match\n    severity: critical\n    match: { event.action: zk_session_expired }\n    group_by: [broker.cluster]\n    summary: "ZooKeeper session of {{ label.broker.cluster }} expired"\n    description: "Brokers re-register"\n    resolve: { match: { event.action: zk_connected } }\n',
    );
    writeFileSync(
      join(dir, 'brokerwatch.yaml'),
      'data_dir: data\nrules: { builtin: false, directories: [rules], allowed_lateness_seconds: 5 }\nnotify:\n  receivers: [{ type: console, name: out }]\n  routes: [{ receiver: out, group_wait_seconds: 0 }]\n',
    );
    let printed = '';
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        printed += chunk.toString();
        done();
      },
    });
    const clock = new ManualClock(Date.parse('2026-11-25T08:00:10Z'));
    const service = openAlertService(loadConfig(join(dir, 'brokerwatch.yaml')), { clock, telemetry: silentTelemetry(), notifierDeps: { stdout, env: {} } });
    services.push(service);
    expect(existsSync(join(dir, 'data', 'alerts.db'))).toBe(true);

    // An ISR shrink (no built-in rule runs), then a session expiry 6 s behind it: later than the
    // configured 5 s, not counted; then one inside the allowance.
    service.feed([event('2026-11-25T08:00:09Z', 'a', 'isr_shrink')]);
    service.feed([event('2026-11-25T08:00:03Z', 'b', 'zk_session_expired')]);
    await service.tick();
    expect(service.alerts()).toEqual([]);
    service.feed([event('2026-11-25T08:00:05Z', 'c', 'zk_session_expired')]);
    await service.tick();
    expect(service.alerts().map((a) => [a.rule, a.state])).toEqual([['zk_gone', 'firing']]);
    expect(printed).toBe('[FIRING:1] ZooKeeper session of orders-prod expired\nFIRING [critical] ZooKeeper session of orders-prod expired\n  Brokers re-register\n');
  });
});
