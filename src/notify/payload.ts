// Alertmanager's formats, so receivers written for Alertmanager work unchanged: the webhook body
// (version "4") and the alert objects of its v2 API. Alertmanager writes the zero time for a
// firing alert's endsAt; so do we.
import type { Alert } from '../rules/index.js';
import type { Notification } from './policy.js';

const ZERO_TIME = '0001-01-01T00:00:00Z';

export interface AlertmanagerAlert {
  readonly status: 'firing' | 'resolved';
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly generatorURL: string;
  readonly fingerprint: string;
}

export interface AlertmanagerWebhookPayload {
  readonly version: '4';
  readonly groupKey: string;
  readonly truncatedAlerts: number;
  readonly status: 'firing' | 'resolved';
  readonly receiver: string;
  readonly groupLabels: Readonly<Record<string, string>>;
  readonly commonLabels: Readonly<Record<string, string>>;
  readonly commonAnnotations: Readonly<Record<string, string>>;
  readonly externalURL: string;
  readonly alerts: readonly AlertmanagerAlert[];
}

export function alertmanagerAlert(alert: Alert, externalUrl: string): AlertmanagerAlert {
  return {
    status: alert.state,
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: new Date(alert.startsAt).toISOString(),
    endsAt: alert.endsAt === undefined ? ZERO_TIME : new Date(alert.endsAt).toISOString(),
    generatorURL: `${externalUrl}/alerts/${alert.fingerprint}`,
    fingerprint: alert.fingerprint,
  };
}

/** The key/value pairs every map of the list has in common. */
function common(maps: ReadonlyArray<Readonly<Record<string, string>>>): Record<string, string> {
  const [first, ...rest] = maps;
  if (first === undefined) return {};
  return Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((m) => m[k] === v)));
}

export function alertmanagerWebhookPayload(n: Notification, externalUrl: string, maxAlerts: number): AlertmanagerWebhookPayload {
  const alerts = n.alerts.slice(0, maxAlerts);
  return {
    version: '4',
    groupKey: n.groupKey,
    truncatedAlerts: n.alerts.length - alerts.length,
    status: n.status,
    receiver: n.receiver,
    groupLabels: n.groupLabels,
    commonLabels: common(n.alerts.map((a) => a.labels)),
    commonAnnotations: common(n.alerts.map((a) => a.annotations)),
    externalURL: externalUrl,
    alerts: alerts.map((a) => alertmanagerAlert(a, externalUrl)),
  };
}
