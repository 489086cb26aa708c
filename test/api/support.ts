// An API over real stores filled with the events of a real drill (Kafka 3.9.1, broker 3 killed and
// restarted), with the real alert service fed the same events: shared by the API tests, the
// Elasticsearch integration test and the browser test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createApiServer, listen, type ApiServerDeps } from '../../src/api/index.js';
import { builtinRulesDir, loadRules, type ApiConfig } from '../../src/config/index.js';
import { ManualClock, type BrokerEvent } from '../../src/core/index.js';
import { AlertService, notifySchema } from '../../src/notify/index.js';
import type { EventStore } from '../../src/store/index.js';
import type { Telemetry } from '../../src/telemetry/index.js';
import { bySecond, drillEvents } from '../notify/drill-events.js';
import { silentTelemetry } from '../support/telemetry.js';

export const DRILL = 'kafka/3.9.1-zk/broker-loss';
export const TOKEN = 'api-test-token-0b4c7f';
export const RULES = loadRules([builtinRulesDir()]);

/**
 * The drill's events in time order, read as agents configured per broker would read them (file
 * path, broker id), and a clock just after the last one.
 */
export function drill(): { events: BrokerEvent[]; clock: ManualClock } {
  const events = drillEvents(DRILL, (file) => ({ filePath: `/var/log/kafka/${file.split('/')[1]!}`, brokerId: file.split('/')[0]!.replace('broker-', '') }));
  return { events, clock: new ManualClock(Date.parse(events.at(-1)!['@timestamp']) + 1000) };
}

/**
 * A moment of the drill at which one alert has ended and another still fires, for the API and web
 * tests that list, filter and silence both kinds: broker 3 registered again at 08:41:18.952, which
 * resolves kafka_broker_failure, and rejoins the ISRs from 08:41:20.9 on, those of the four shrunk
 * partitions at 08:41:21.16–.179, so kafka_isr_shrink still fires. (At the end of the capture,
 * 08:41:21.182, both have resolved.)
 */
export const MID_RECOVERY = Date.parse('2026-11-25T08:41:20Z');

/**
 * A real alert service that has seen the drill second by second, its records before `until` only
 * (its console receiver writes nowhere); the clock then moves on to where it stood.
 */
export async function alertServiceAfter(events: readonly BrokerEvent[], clock: ManualClock, telemetry: Telemetry, until = Infinity): Promise<AlertService> {
  const end = clock.now();
  clock.set(Date.parse(events[0]!['@timestamp']));
  const service = new AlertService({
    rules: RULES.map((r) => r.spec),
    notify: notifySchema.parse({ receivers: [{ type: 'console', name: 'console' }], routes: [{ receiver: 'console' }] }),
    databasePath: join(mkdtempSync(join(tmpdir(), 'bw-api-alerts-')), 'alerts.db'),
    clock,
    telemetry,
    notifierDeps: { stdout: new Writable({ write: (_chunk, _encoding, done) => done() }), env: {} },
  });
  for (const second of bySecond(events.filter((e) => Date.parse(e['@timestamp']) < until))) {
    if (second.at > clock.now()) clock.set(second.at);
    service.feed(second.events);
    await service.tick();
  }
  clock.set(end);
  await service.tick();
  return service;
}

export interface RunningApi {
  readonly app: FastifyInstance;
  readonly base: string;
  close(): Promise<void>;
}

export function apiConfig(config: Partial<ApiConfig> = {}): ApiConfig {
  return { listen: '127.0.0.1:0', token: TOKEN, auth_reads: false, ...config };
}

/** The API listening on a free loopback port. */
export async function startApi(deps: Partial<ApiServerDeps> & { store: EventStore; clock: ManualClock }): Promise<RunningApi> {
  const app = createApiServer({
    config: apiConfig(),
    telemetry: silentTelemetry(),
    version: '0.0.0-test',
    rules: RULES,
    tail: { pollIntervalMs: 50, heartbeatMs: 200, latenessMs: 30_000 },
    ...deps,
  });
  const address = await listen(app, '127.0.0.1:0');
  return { app, base: `http://${address}`, close: () => app.close() };
}
