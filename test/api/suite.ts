// What the API answers over a store, run against SQLite (test/api/server.test.ts) and against the
// real Elasticsearch (test/integration/api-elasticsearch.test.ts): the store is filled with the
// events of a real drill, the questions go over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerEvent, ManualClock } from '../../src/core/index.js';
import type { AlertService } from '../../src/notify/index.js';
import type { Timeline } from '../../src/query/index.js';
import type { EventStore } from '../../src/store/index.js';
import { silentTelemetry, waitFor } from '../support/telemetry.js';
import { SseClient } from './sse.js';
import { MID_RECOVERY, TOKEN, alertServiceAfter, drill, startApi, type RunningApi } from './support.js';

/** A store that has not been written to; the suite closes it. */
export type StoreFactory = (clock: ManualClock) => Promise<EventStore>;

interface Page {
  events: BrokerEvent[];
  next?: string;
}

const position = (e: BrokerEvent): [number, string] => [Date.parse(e['@timestamp']), e['event.id']];
const after = (a: BrokerEvent, b: BrokerEvent): boolean => {
  const [ta, ia] = position(a);
  const [tb, ib] = position(b);
  return ta > tb || (ta === tb && ia > ib);
};
const byPosition = (a: BrokerEvent, b: BrokerEvent): number => (after(a, b) ? 1 : after(b, a) ? -1 : 0);

export function apiStoreSuite(name: string, makeStore: StoreFactory): void {
  describe(`API over ${name}`, () => {
    const { events, clock } = drill();
    // Every fifth event is held back: written while a client pages or tails, between the others in time.
    const held = events.filter((_, i) => i % 5 === 2);
    const stored = events.filter((_, i) => i % 5 !== 2);
    let store: EventStore;
    let alerts: AlertService;
    let api: RunningApi;

    const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
      const response = await fetch(`${api.base}${path}`);
      return { status: response.status, body: (await response.json()) as T };
    };

    beforeAll(async () => {
      store = await makeStore(clock);
      await store.write(stored);
      const telemetry = silentTelemetry();
      // The store holds the whole drill; the alert service has read it up to MID_RECOVERY, just after
      // broker 3's return: the broker-failure alert has ended, the ISR-shrink one fires on.
      alerts = await alertServiceAfter(events, clock, telemetry, MID_RECOVERY);
      // The lateness covers the whole drill: the tail test stores half of it after the other half.
      api = await startApi({ store, clock, alerts, telemetry, tail: { pollIntervalMs: 50, heartbeatMs: 200, latenessMs: 120_000 } });
    });

    afterAll(async () => {
      await api.close();
      await alerts.stop();
      await store.close();
    });

    it('finds events by field filters, text and time range, newest first', async () => {
      const shrinks = stored.filter((e) => e['event.action'] === 'isr_shrink');
      const { status, body } = await get<Page>(`/api/v1/search?action=isr_shrink&limit=1000`);
      expect(status).toBe(200);
      expect(body.events.map((e) => e['event.id'])).toEqual([...shrinks].sort(byPosition).reverse().map((e) => e['event.id']));
      expect(body.next).toBeUndefined();

      // A level means it and every more severe one, as in the CLI.
      const onBroker = stored.filter((e) => e['host.name'] === 'broker-3' && (e['log.level'] === 'warning' || e['log.level'] === 'error' || e['log.level'] === 'critical'));
      const both = await get<Page>('/api/v1/search?host=broker-3&level=warning&limit=1000&order=oldest_first');
      expect(both.body.events.map((e) => e['event.id'])).toEqual([...onBroker].sort(byPosition).map((e) => e['event.id']));

      const first = shrinks.sort(byPosition)[0]!;
      const window = await get<Page>(`/api/v1/search?q=Shrinking%20ISR&from=${first['@timestamp']}&to=${encodeURIComponent(new Date(Date.parse(first['@timestamp']) + 1).toISOString())}`);
      expect(window.body.events.map((e) => e['event.id'])).toContain(first['event.id']);
      expect(window.body.events.every((e) => e['@timestamp'] === first['@timestamp'])).toBe(true);
    });

    it('pages with the cursor while new events are written: none repeats or is skipped, and a new one shows on a later page exactly when it sorts after the cursor', async () => {
      const seen: BrokerEvent[] = [];
      const writes: Array<{ events: BrokerEvent[]; cursorAt: BrokerEvent | undefined }> = [];
      const toWrite = [...held];
      let next: string | undefined;
      do {
        const page = await get<Page>(`/api/v1/search?order=oldest_first&limit=250${next === undefined ? '' : `&after=${next}`}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.events);
        next = page.body.next;
        // Between two pages, a slice of the held-back events lands, before and after the cursor.
        const batch = toWrite.splice(0, 150);
        if (batch.length > 0) {
          await store.write(batch);
          writes.push({ events: batch, cursorAt: seen.at(-1) });
        }
      } while (next !== undefined);
      await store.write(toWrite);

      const ids = seen.map((e) => e['event.id']);
      expect(new Set(ids).size).toBe(ids.length);
      for (let i = 1; i < seen.length; i++) expect(after(seen[i]!, seen[i - 1]!)).toBe(true);
      const got = new Set(ids);
      for (const e of stored) expect(got.has(e['event.id'])).toBe(true);
      // A held-back event is on a later page exactly when it was written ahead of the cursor.
      for (const { events: batch, cursorAt } of writes) {
        for (const e of batch) expect(got.has(e['event.id'])).toBe(cursorAt === undefined || after(e, cursorAt));
      }
      const total = await get<{ buckets: Array<{ count: number }> }>(`/api/v1/histogram?from=${events[0]!['@timestamp']}&to=now&buckets=1`);
      expect(total.body.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(events.length);
    });

    it('answers the lines around a hit from the same file, in file order', async () => {
      const anchor = events.find((e) => e['event.action'] === 'broker_failure')!;
      const { status, body } = await get<{ before: BrokerEvent[]; anchor: BrokerEvent; after: BrokerEvent[] }>(
        `/api/v1/events/${anchor['event.id']}/context?before=3&after=4`,
      );
      expect(status).toBe(200);
      expect(body.anchor['event.id']).toBe(anchor['event.id']);
      const file = events
        .filter((e) => e['host.name'] === anchor['host.name'] && e['log.file.path'] === anchor['log.file.path'])
        .sort((a, b) => a['log.offset']! - b['log.offset']!);
      const at = file.findIndex((e) => e['event.id'] === anchor['event.id']);
      expect(body.before.map((e) => e['event.id'])).toEqual(file.slice(at - 3, at).map((e) => e['event.id']));
      expect(body.after.map((e) => e['event.id'])).toEqual(file.slice(at + 1, at + 5).map((e) => e['event.id']));

      const missing = await get<{ code: string }>('/api/v1/events/no-such-event/context');
      expect(missing).toEqual({ status: 404, body: expect.objectContaining({ code: 'event_not_found' }) });
    });

    it('counts matches per bucket over the range, empty buckets included', async () => {
      const from = '2026-11-25T08:40:30Z';
      const to = '2026-11-25T08:41:30Z';
      const { status, body } = await get<{ interval_ms: number; buckets: Array<{ start: string; count: number }> }>(
        `/api/v1/histogram?from=${from}&to=${to}&interval=10s&exists=event.action`,
      );
      expect(status).toBe(200);
      expect(body.interval_ms).toBe(10_000);
      expect(body.buckets.map((b) => b.start)).toEqual([0, 1, 2, 3, 4, 5].map((i) => new Date(Date.parse(from) + i * 10_000).toISOString()));
      for (const bucket of body.buckets) {
        const start = Date.parse(bucket.start);
        const expected = events.filter((e) => e['event.action'] !== undefined && Date.parse(e['@timestamp']) >= start && Date.parse(e['@timestamp']) < start + 10_000);
        expect(bucket.count).toBe(expected.length);
      }
      const auto = await get<{ interval_ms: number; buckets: unknown[] }>(`/api/v1/histogram?from=${from}&to=${to}&buckets=6`);
      expect(auto.body).toMatchObject({ interval_ms: 10_000 });
      expect(auto.body.buckets).toHaveLength(6);
    });

    it("lists the alerts the drill raised, with the events behind them", async () => {
      const { body } = await get<{ alerts: Array<{ rule: string; state: string; event_ids: string[]; event_count: number }> }>('/api/v1/alerts');
      const rules = new Set(body.alerts.map((a) => a.rule));
      expect(rules).toContain('kafka_broker_failure');
      expect(rules).toContain('kafka_isr_shrink');
      const failure = body.alerts.find((a) => a.rule === 'kafka_broker_failure')!;
      const query = failure.event_ids.map((id) => `field=event.id=${encodeURIComponent(id)}`).join('&');
      const behind = await get<Page>(`/api/v1/search?${query}`);
      expect(behind.body.events.map((e) => e['event.action'])).toEqual(failure.event_ids.map(() => 'broker_failure'));
      // Each state filter keeps the alerts of its state only: one of each at MID_RECOVERY.
      const firing = await get<{ alerts: Array<{ rule: string; state: string }> }>('/api/v1/alerts?state=firing');
      expect(firing.body.alerts.map((a) => [a.rule, a.state])).toEqual([['kafka_isr_shrink', 'firing']]);
      const resolved = await get<{ alerts: Array<{ rule: string; state: string }> }>('/api/v1/alerts?state=resolved');
      expect(resolved.body.alerts.map((a) => [a.rule, a.state])).toEqual([['kafka_broker_failure', 'resolved']]);
    });

    it("builds the drill's incident timeline, for a window or for an alert, as JSON and as Markdown", async () => {
      const from = events[0]!['@timestamp'];
      const to = new Date(Date.parse(events.at(-1)!['@timestamp']) + 1).toISOString();
      const { status, body } = await get<Timeline>(`/api/v1/timeline?cluster=drill&from=${from}&to=${to}`);
      expect(status).toBe(200);
      expect(body.format).toBe('brokerwatch.timeline/v1');
      expect(body.lanes.map((lane) => lane.host)).toEqual(['broker-1', 'broker-2', 'broker-3']);
      expect(body.eventCount).toBe(events.filter((e) => e['event.action'] !== undefined).length);
      // The storm of shrinks is one entry per leader, not one per partition.
      const shrinkEntries = body.entries.filter((entry) => entry.action === 'isr_shrink');
      const shrinks = events.filter((e) => e['event.action'] === 'isr_shrink');
      expect(shrinkEntries.length).toBeLessThan(shrinks.length);
      expect(shrinkEntries.reduce((sum, entry) => sum + entry.count, 0)).toBe(shrinks.length);

      const { body: alertList } = await get<{ alerts: Array<{ rule: string; fingerprint: string; starts_at: string }> }>('/api/v1/alerts');
      const failure = alertList.alerts.find((a) => a.rule === 'kafka_broker_failure')!;
      const forAlert = await get<Timeline>(`/api/v1/timeline?alert=${failure.fingerprint}`);
      expect(forAlert.status).toBe(200);
      expect(forAlert.body.cluster).toBe('drill');
      expect(Date.parse(forAlert.body.from)).toBe(Date.parse(failure.starts_at) - 5 * 60_000);
      expect(forAlert.body.entries.map((entry) => entry.action)).toContain('broker_failure');
      expect((await get<{ code: string }>('/api/v1/timeline?alert=0000000000000000')).status).toBe(404);

      const markdown = await fetch(`${api.base}/api/v1/timeline.md?cluster=drill&from=${from}&to=${to}`);
      expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      const text = await markdown.text();
      expect(text).toMatch(/^## /);
      expect(text).toContain('| time (UTC) | host | level | event | what happened |');
    });

    it('tails: every matching event stored after it connected comes once, late ones included', async () => {
      // A fresh drill copy with new ids: the tail must see the stored ones only once, after it connected.
      const late = drill().events.map((e, i) => ({ ...e, 'event.id': `tail-${i}-${e['event.id']}` }) as BrokerEvent);
      const half = Math.floor(late.length / 2);
      const filter = 'host=broker-1&host=broker-3';
      const wanted = (e: BrokerEvent): boolean => e['host.name'] === 'broker-1' || e['host.name'] === 'broker-3';
      await store.write(late.slice(0, half));
      const tail = await SseClient.open(`${api.base}/api/v1/tail?${filter}`);
      expect(tail.status).toBe(200);
      expect(tail.contentType).toMatch(/^text\/event-stream/);
      await waitFor(() => tail.comments.includes('tail started'), 10_000, 'the tail to start');
      // The rest lands in two interleaved halves: the second half is older than what the tail sent
      // by then, so each of its events arrives late, and must still come, once.
      const rest = late.slice(half);
      const expected = rest.filter(wanted).map((e) => e['event.id']);
      const first = rest.filter((_, i) => i % 2 === 0);
      for (let i = 0; i < first.length; i += 400) await store.write(first.slice(i, i + 400));
      await waitFor(() => tail.events<BrokerEvent>().length >= first.filter(wanted).length, 30_000, 'the tail to send the first half');
      await store.write(rest.filter((_, i) => i % 2 === 1));
      await waitFor(() => tail.events<BrokerEvent>().length >= expected.length, 30_000, 'the tail to send the late half');
      await waitFor(() => tail.comments.includes('heartbeat'), 10_000, 'a heartbeat');
      const got = tail.events<BrokerEvent>().map((e) => e['event.id']);
      expect(new Set(got).size).toBe(got.length);
      expect(new Set(got)).toEqual(new Set(expected));

      tail.close();
      await tail.ended;
    });

    it('needs the token to create or expire a silence, and then it holds until expired', async () => {
      const body = JSON.stringify({ matchers: [{ name: 'alertname', value: 'kafka_isr_shrink' }], duration: '2h', created_by: 'oncall', comment: 'broker 3 maintenance' });
      const post = (headers: Record<string, string>) => fetch(`${api.base}/api/v1/silences`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      expect((await post({})).status).toBe(401);
      const created = await post({ authorization: `Bearer ${TOKEN}` });
      expect(created.status).toBe(201);
      const silence = (await created.json()) as { id: string; state: string; ends_at: string };
      expect(silence.state).toBe('active');
      expect(Date.parse(silence.ends_at)).toBe(clock.now() + 2 * 3600_000);
      const listed = await get<{ silences: Array<{ id: string }> }>('/api/v1/silences');
      expect(listed.body.silences.map((s) => s.id)).toContain(silence.id);
      const expire = (headers: Record<string, string>) => fetch(`${api.base}/api/v1/silences/${silence.id}`, { method: 'DELETE', headers });
      expect((await expire({})).status).toBe(401);
      expect((await expire({ authorization: `Bearer ${TOKEN}` })).status).toBe(204);
      expect((await expire({ authorization: `Bearer ${TOKEN}` })).status).toBe(404);
      // The alert service's own refusals come back as 400s naming what to change.
      const refused = async (silence: Record<string, unknown>) => {
        const response = await fetch(`${api.base}/api/v1/silences`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({ created_by: 'oncall', comment: 'x', ...silence }),
        });
        return { status: response.status, body: (await response.json()) as { issues: Array<{ parameter: string }> } };
      };
      const everything = await refused({ matchers: [{ name: 'alertname', value: '.*', is_regex: true }], duration: '1h' });
      expect(everything.status).toBe(400);
      expect(everything.body.issues.map((i) => i.parameter)).toEqual(['matchers']);
      const past = await refused({ matchers: [{ name: 'alertname', value: 'kafka_isr_shrink' }], ends_at: '2h' });
      expect(past.status).toBe(400);
      expect(past.body.issues.map((i) => i.parameter)).toEqual(['ends_at']);
      const all = await get<{ silences: Array<{ id: string; state: string }> }>('/api/v1/silences?all=true');
      expect(all.body.silences.find((s) => s.id === silence.id)?.state).toBe('expired');
      expect((await get<{ silences: Array<{ id: string }> }>('/api/v1/silences')).body.silences.map((s) => s.id)).not.toContain(silence.id);
    });
  });
}
