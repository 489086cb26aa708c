// Email over SMTP (nodemailer): the subject an admin reads in five seconds, one line per alert in
// the body. The password is read from an environment variable named in the config, never written
// in a file, a reason or a log line. STARTTLS is used whenever the server offers it.
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import { deliveryOf, type Delivery, type Notifier } from '../delivery.js';
import type { Notification } from '../policy.js';
import { notificationText } from '../text.js';
import { IDEMPOTENCY_HEADER } from './webhook.js';

export const emailSchema = z.strictObject({
  type: z.literal('email'),
  name: z.string().min(1),
  smtp_host: z.string().min(1),
  smtp_port: z.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS when offered. */
  tls: z.boolean().default(false),
  /** Refuse to send unless STARTTLS succeeds. */
  require_starttls: z.boolean().default(false),
  username: z.string().optional(),
  /** Name of the environment variable holding the SMTP password. */
  password_env: z.string().optional(),
  from: z.email(),
  to: z.array(z.email()).min(1),
  timeout_seconds: z.number().positive().default(30),
});

export type EmailConfig = z.output<typeof emailSchema>;

interface SmtpFailure {
  readonly responseCode?: number;
  readonly response?: string;
}

export class EmailNotifier implements Notifier {
  readonly receiver: string;
  readonly #config: EmailConfig;
  readonly #transport: Transporter;

  constructor(config: EmailConfig, env: NodeJS.ProcessEnv) {
    this.receiver = config.name;
    this.#config = config;
    const password = config.password_env === undefined ? undefined : env[config.password_env];
    const timeout = config.timeout_seconds * 1000;
    this.#transport = nodemailer.createTransport({
      host: config.smtp_host,
      port: config.smtp_port,
      secure: config.tls,
      requireTLS: config.require_starttls,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      ...(config.username === undefined ? {} : { auth: { user: config.username, pass: password ?? '' } }),
    });
  }

  async deliver(n: Notification): Promise<Delivery> {
    const { subject, body } = notificationText(n);
    try {
      await this.#transport.sendMail({
        from: this.#config.from,
        to: this.#config.to,
        subject,
        text: body,
        headers: { [IDEMPOTENCY_HEADER]: n.key },
      });
      return { outcome: 'ok' };
    } catch (error) {
      const { responseCode, response } = error as SmtpFailure;
      return responseCode === undefined
        ? deliveryOf({ kind: 'network', error })
        : deliveryOf({ kind: 'smtp', responseCode, response: response ?? String(responseCode) });
    }
  }
}
