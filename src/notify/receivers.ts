// The notifier registry: one schema and one constructor per receiver type. Adding a notifier is a
// file in notifiers/ and a line here.
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { isCronExpression } from '../core/index.js';
import { discriminatorError } from '../rules/index.js';
import type { Notifier } from './delivery.js';
import { AlertmanagerNotifier, alertmanagerSchema } from './notifiers/alertmanager.js';
import { ConsoleNotifier, consoleSchema } from './notifiers/console.js';
import { EmailNotifier, emailSchema } from './notifiers/email.js';
import { SlackNotifier, slackSchema } from './notifiers/slack.js';
import { WebhookNotifier, webhookSchema } from './notifiers/webhook.js';
import { checkTimeIntervalNames, policySchema } from './policy.js';

const RECEIVER_SCHEMAS = [consoleSchema, webhookSchema, slackSchema, emailSchema, alertmanagerSchema] as const;

export const receiverSchema = z.discriminatedUnion('type', RECEIVER_SCHEMAS, {
  error: discriminatorError(RECEIVER_SCHEMAS.map((s) => s.shape.type.value)),
});

export type ReceiverConfig = z.output<typeof receiverSchema>;

/** A daily (or otherwise scheduled) summary of what fired in the last 24 hours. */
export const digestSchema = z.strictObject({
  /** node-cron expression, in the process's time zone. */
  schedule: z.string().refine(isCronExpression, { message: 'must be a cron expression (minute hour day month weekday)' }).default('0 8 * * *'),
  receiver: z.string().min(1),
});

/** The `notify:` section: receivers, routes, inhibition, outbox timing, alert retention, digest. */
export const notifySchema = z
  .strictObject({
    receivers: z.array(receiverSchema).min(1),
    ...policySchema.shape,
    retry_initial_delay_seconds: z.number().positive().default(1),
    retry_max_delay_seconds: z.number().positive().default(300),
    dead_letter_after_seconds: z.number().positive().default(24 * 3600),
    /** Resolved alerts, delivered notifications and the delivery log are kept this long. */
    alert_retention_days: z.number().positive().default(30),
    digest: digestSchema.optional(),
  })
  .superRefine((config, ctx) => {
    const names = new Set(config.receivers.map((r) => r.name));
    config.routes.forEach((route, i) => {
      if (!names.has(route.receiver)) {
        ctx.addIssue({ code: 'custom', path: ['routes', i, 'receiver'], message: mustName(names) });
      }
    });
    // The policy's own check: spreading its shape above leaves its refinement behind.
    checkTimeIntervalNames(config, ctx);
    if (config.digest !== undefined && !names.has(config.digest.receiver)) {
      ctx.addIssue({ code: 'custom', path: ['digest', 'receiver'], message: mustName(names) });
    }
  });

function mustName(names: ReadonlySet<string>): string {
  return `must name a receiver: ${[...names].map((n) => `"${n}"`).join(', ')}`;
}

export type NotifyConfig = z.output<typeof notifySchema>;

export interface NotifierDeps {
  readonly stdout: Writable;
  /** Where secrets named in the config (password_env) are read. */
  readonly env: NodeJS.ProcessEnv;
}

export function createNotifier(config: ReceiverConfig, deps: NotifierDeps): Notifier {
  switch (config.type) {
    case 'console':
      return new ConsoleNotifier(config, deps.stdout);
    case 'webhook':
      return new WebhookNotifier(config);
    case 'slack':
      return new SlackNotifier(config);
    case 'email':
      return new EmailNotifier(config, deps.env);
    case 'alertmanager':
      return new AlertmanagerNotifier(config);
  }
}
