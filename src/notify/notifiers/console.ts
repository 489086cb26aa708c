// Console: the notification's text on a stream (stdout by default), for a first run and for drills.
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { DELIVERED, type Delivery, type Notifier } from '../delivery.js';
import type { Notification } from '../policy.js';
import { notificationText } from '../text.js';

export const consoleSchema = z.strictObject({
  type: z.literal('console'),
  name: z.string().min(1),
});

export type ConsoleConfig = z.output<typeof consoleSchema>;

export class ConsoleNotifier implements Notifier {
  readonly receiver: string;
  readonly #out: Writable;

  constructor(config: ConsoleConfig, out: Writable) {
    this.receiver = config.name;
    this.#out = out;
  }

  deliver(n: Notification): Promise<Delivery> {
    const { subject, body } = notificationText(n);
    this.#out.write(`${subject}\n${body}\n`);
    return Promise.resolve(DELIVERED);
  }
}
