// Prometheus Alertmanager's v2 API (POST /api/v2/alerts), for sites that route everything through
// it. Alertmanager resolves an alert whose endsAt has passed, so a firing alert is sent with an
// endsAt `alert_ttl_seconds` ahead: keep the route's repeat_interval below it. Alertmanager
// accepts only Prometheus label names ([a-zA-Z_][a-zA-Z0-9_]*) and answers 400 to `broker.cluster`,
// so label names are sent with every other character as `_` (`broker_cluster`).
import { z } from 'zod';
import type { Delivery, Notifier } from '../delivery.js';
import { postJson } from '../http.js';
import { alertmanagerAlert } from '../payload.js';
import type { Notification } from '../policy.js';

export const alertmanagerSchema = z.strictObject({
  type: z.literal('alertmanager'),
  name: z.string().min(1),
  /** Base URL, e.g. http://alertmanager:9093 */
  url: z.url(),
  timeout_seconds: z.number().positive().default(10),
  alert_ttl_seconds: z.number().positive().default(24 * 3600),
  external_url: z.string().default(''),
});

export type AlertmanagerConfig = z.output<typeof alertmanagerSchema>;

export class AlertmanagerNotifier implements Notifier {
  readonly receiver: string;
  readonly #config: AlertmanagerConfig;

  constructor(config: AlertmanagerConfig) {
    this.receiver = config.name;
    this.#config = config;
  }

  async deliver(n: Notification, signal: AbortSignal): Promise<Delivery> {
    const ttlEnd = new Date(n.createdAt + this.#config.alert_ttl_seconds * 1000).toISOString();
    const alerts = n.alerts.map((a) => {
      const { labels, annotations, startsAt, endsAt, generatorURL } = alertmanagerAlert(a, this.#config.external_url);
      return { labels: prometheusLabels(labels), annotations, startsAt, endsAt: a.state === 'firing' ? ttlEnd : endsAt, generatorURL };
    });
    const url = `${this.#config.url.replace(/\/+$/, '')}/api/v2/alerts`;
    return postJson(url, JSON.stringify(alerts), {}, this.#config.timeout_seconds * 1000, signal);
  }
}

export function prometheusLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([name, value]) => [name.replace(/[^a-zA-Z0-9_]/g, '_').replace(/^(?=[0-9])/, '_'), value]));
}
