// Slack incoming webhook: one message per notification, the summaries first. The webhook URL is
// itself the credential, so it never appears in a reason or a log line.
import { z } from 'zod';
import type { Delivery, Notifier } from '../delivery.js';
import { postJson } from '../http.js';
import type { Notification } from '../policy.js';
import { notificationText } from '../text.js';

export const slackSchema = z.strictObject({
  type: z.literal('slack'),
  name: z.string().min(1),
  webhook_url: z.url(),
  timeout_seconds: z.number().positive().default(10),
});

export type SlackConfig = z.output<typeof slackSchema>;

export class SlackNotifier implements Notifier {
  readonly receiver: string;
  readonly #config: SlackConfig;

  constructor(config: SlackConfig) {
    this.receiver = config.name;
    this.#config = config;
  }

  async deliver(n: Notification, signal: AbortSignal): Promise<Delivery> {
    const { subject, body } = notificationText(n);
    return postJson(this.#config.webhook_url, JSON.stringify({ text: `*${subject}*\n${body}` }), {}, this.#config.timeout_seconds * 1000, signal);
  }
}
