// The web page in a real browser: Debian's chromium (scripts/engines/chromium.sh install), driven
// headless by playwright-core, against the API over the real SQLite store filled with a real drill
// and the real alert service. What an admin does at 3 a.m.: search, open a hit's surrounding lines,
// read the histogram, tail live, look at alerts and their events, silence one with the token and
// expire it, and read the incident timeline. Screenshots are kept in test-artifacts/web/.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../../src/core/index.js';
import type { AlertService } from '../../src/notify/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { MID_RECOVERY, TOKEN, alertServiceAfter, drill, startApi, type RunningApi } from '../api/support.js';
import { silentTelemetry } from '../support/telemetry.js';

const CHROMIUM = process.env.BW_CHROMIUM ?? '/usr/bin/chromium';

/** One attribute of every element a locator finds, in document order. */
async function attributes(locator: Locator, name: string): Promise<Array<string | null>> {
  const values: Array<string | null> = [];
  for (let i = 0, n = await locator.count(); i < n; i++) values.push(await locator.nth(i).getAttribute(name));
  return values;
}
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'web');

describe('web page in chromium', () => {
  const { events, clock } = drill();
  let store: SqliteStore;
  let alerts: AlertService;
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: run bash scripts/engines/chromium.sh install`);
    mkdirSync(ARTIFACTS, { recursive: true });
    const telemetry = silentTelemetry();
    store = new SqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'bw-web-')), clock, telemetry });
    await store.write(events);
    // The alerts as they stood at MID_RECOVERY (test/api/support.ts): broker 3 back, so its failure
    // alert has resolved, but not yet in the ISR of the shrunk partitions, whose alert fires on.
    alerts = await alertServiceAfter(events, clock, telemetry, MID_RECOVERY);
    api = await startApi({ store, clock, alerts, telemetry });
    // Chromium's sandbox needs user namespaces that a root shell in a container does not have.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: 'dark' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${api.base}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await alerts?.stop();
    await store?.close();
  });

  it('searches with filters, draws the histogram and opens a hit onto its surrounding lines', async () => {
    const shrinks = events.filter((e) => e['event.action'] === 'isr_shrink');
    await page.getByLabel('Text').first().fill('Shrinking ISR');
    await page.getByLabel('Filters').first().fill('action=isr_shrink');
    await page.getByLabel('From').first().fill(events[0]!['@timestamp']);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.locator('#hits li.hit').count()).toBe(shrinks.length);
    const counts = await attributes(page.locator('#histogram rect.bar'), 'data-count');
    expect(counts.reduce((sum, n) => sum + Number(n), 0)).toBe(shrinks.length);
    expect(await page.locator('#histogram-caption').textContent()).toContain(`${shrinks.length} matching events`);

    // Keyboard only: focus the first hit and open it with Enter.
    const first = page.locator('#hits li.hit').first();
    await first.locator('button.hit-toggle').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => first.locator('ol.context li').count()).toBeGreaterThan(1);
    expect(await first.locator('ol.context li.anchor').textContent()).toContain('Shrinking ISR');
    expect(await first.locator('button.hit-toggle').getAttribute('aria-expanded')).toBe('true');
    await shot('search');
  });

  it('tails live: events stored after it started appear', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('t');
    await expect.poll(() => page.locator('#view-tail').isVisible()).toBe(true);
    await page.locator('#tail-form').getByLabel('Filters').fill('host=broker-2');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('Live tail running');
    const fresh = events.slice(-60).map((e, i) => ({ ...e, 'event.id': `web-tail-${i}` }) as BrokerEvent);
    await store.write(fresh);
    const wanted = fresh.filter((e) => e['host.name'] === 'broker-2').length;
    await expect.poll(() => page.locator('#tail-lines li').count(), { timeout: 20_000 }).toBe(wanted);
    await shot('tail');
    await page.getByRole('button', { name: 'Stop' }).click();
  });

  it('lists firing and resolved alerts and opens the events behind one', async () => {
    await page.keyboard.press('a');
    const failure = page.locator('li.alert[data-rule="kafka_broker_failure"]');
    const shrink = page.locator('li.alert[data-rule="kafka_isr_shrink"]');
    await expect.poll(() => failure.count()).toBe(1);
    expect(await shrink.locator('.badge.state').textContent()).toBe('firing');
    expect(await failure.locator('.badge.state').textContent()).toBe('resolved');
    expect(await page.locator('li.alert.firing').count()).toBe(1);
    expect(await page.locator('li.alert.resolved').count()).toBe(1);
    await failure.getByRole('button', { name: 'Events' }).click();
    await expect.poll(() => failure.locator('ol.events li.hit').count()).toBe(1);
    expect(await failure.locator('ol.events li.hit').textContent()).toContain('broker_failure');
    await shot('alerts');
  });

  it('creates a silence for a firing alert once the token is given, and expires it', async () => {
    // Only a firing alert offers a silence: the ISR-shrink one (test above), not the resolved failure.
    expect(await page.locator('li.alert[data-rule="kafka_broker_failure"]').getByRole('button', { name: 'Silence…' }).count()).toBe(0);
    await page.locator('li.alert[data-rule="kafka_isr_shrink"]').getByRole('button', { name: 'Silence…' }).click();
    await expect.poll(() => page.locator('#view-silences').isVisible()).toBe(true);
    expect(await page.getByLabel('Matchers').inputValue()).toContain('alertname=kafka_isr_shrink');
    await page.getByLabel('Created by').fill('oncall-anna');
    await page.getByLabel('Comment').fill('broker 3 is being replaced');
    await page.getByRole('button', { name: 'Create silence' }).click();
    // Without the token the API says 401 and the page asks for it.
    await expect.poll(() => page.locator('#token-dialog').isVisible()).toBe(true);
    await page.locator('#token-dialog input[name="token"]').fill(TOKEN);
    await page.locator('#token-dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#token-button').textContent()).toBe('API token: set');
    await page.getByRole('button', { name: 'Create silence' }).click();
    const row = page.locator('#silence-table tbody tr.active');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('oncall-anna');
    const [silence] = alerts.listSilences();
    expect(silence?.matchers).toContainEqual({ name: 'alertname', value: 'kafka_isr_shrink', is_regex: false, is_equal: true });
    await shot('silence-created');

    await row.getByRole('button', { name: 'Expire' }).click();
    await expect.poll(() => page.locator('#silence-table tbody tr').count()).toBe(0);
    expect(alerts.listSilences()).toEqual([]);
    await page.locator('#silences-all').check();
    await expect.poll(() => page.locator('#silence-table tbody tr.expired').count()).toBe(1);
    await shot('silence-expired');
  });

  it('draws the incident timeline: one lane per broker, events as marks, alerts as spans', async () => {
    await page.keyboard.press('l');
    const form = page.locator('#timeline-form');
    await form.getByLabel('Cluster').fill('drill');
    await form.getByLabel('From').fill(events[0]!['@timestamp']);
    await form.getByLabel('To').fill(new Date(Date.parse(events.at(-1)!['@timestamp']) + 1000).toISOString());
    await form.getByRole('button', { name: 'Build' }).click();
    await expect.poll(() => page.locator('#timeline-chart g.lane').count()).toBe(3);
    expect(await attributes(page.locator('#timeline-chart g.lane'), 'data-host')).toEqual(['broker-1', 'broker-2', 'broker-3']);
    const entries = await page.locator('#timeline-entries li').count();
    expect(entries).toBeGreaterThan(5);
    expect(await page.locator('#timeline-chart .mark').count()).toBe(entries);
    expect(await attributes(page.locator('#timeline-chart g.alert-span'), 'data-rule')).toEqual(expect.arrayContaining(['kafka_broker_failure', 'kafka_isr_shrink']));
    // A mark leads to its entry in the list.
    await page.locator('#timeline-chart .mark').first().click();
    expect(await page.locator('#timeline-entries li.entry:focus').count()).toBe(1);
    await shot('timeline');
    expect(pageErrors).toEqual([]);
  });
});
