// Generic webhook: Alertmanager's webhook body (version "4"), signed with HMAC-SHA256 over the
// exact bytes sent, carrying the notification's idempotency key so a receiver can drop the rare
// duplicate (a response lost after the receiver acted on the request).
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Delivery, Notifier } from '../delivery.js';
import { postJson } from '../http.js';
import { alertmanagerWebhookPayload } from '../payload.js';
import type { Notification } from '../policy.js';

export const SIGNATURE_HEADER = 'x-brokerwatch-signature';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export const webhookSchema = z.strictObject({
  type: z.literal('webhook'),
  name: z.string().min(1),
  url: z.url(),
  /** HMAC-SHA256 key; the signature header is `sha256=<hex>` of the body. */
  secret: z.string().min(16).optional(),
  timeout_seconds: z.number().positive().default(10),
  max_alerts: z.number().int().positive().default(200),
  external_url: z.string().default(''),
});

export type WebhookConfig = z.output<typeof webhookSchema>;

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class WebhookNotifier implements Notifier {
  readonly receiver: string;
  readonly #config: WebhookConfig;

  constructor(config: WebhookConfig) {
    this.receiver = config.name;
    this.#config = config;
  }

  async deliver(n: Notification, signal: AbortSignal): Promise<Delivery> {
    const body = JSON.stringify(alertmanagerWebhookPayload(n, this.#config.external_url, this.#config.max_alerts));
    const headers: Record<string, string> = { [IDEMPOTENCY_HEADER]: n.key };
    if (this.#config.secret !== undefined) headers[SIGNATURE_HEADER] = signBody(this.#config.secret, body);
    return postJson(this.#config.url, body, headers, this.#config.timeout_seconds * 1000, signal);
  }
}
