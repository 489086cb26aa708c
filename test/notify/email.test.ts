import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { EmailNotifier, IDEMPOTENCY_HEADER, type Notification } from '../../src/notify/index.js';
import { ev } from '../rules/support.js';
import { Pipeline } from './support.js';

interface Mail {
  readonly from: string;
  readonly to: string[];
  readonly data: string;
}

const servers: SMTPServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((resolve) => s.close(() => resolve()));
});

/** A real SMTP server on a local port, without TLS; rejects some recipients as a real one would. */
async function smtpServer(mails: Mail[]): Promise<number> {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'bw' && auth.password === 's3cret-password') callback(null, { user: 'bw' });
      else callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('busy@')) callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
      else if (address.address.startsWith('nobody@')) callback(Object.assign(new Error('no such user'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.server.address() as AddressInfo).port;
}

function notification(): Notification {
  const p = new Pipeline({ routes: [{ receiver: 'mail', group_wait_seconds: 0 }] });
  p.feed(ev(0, { 'event.action': 'memory_alarm_set', 'service.type': 'rabbitmq', 'rabbitmq.node.subject': 'rabbit@r1', message: 'memory resource limit alarm set on node rabbit@r1.' }));
  return p.tick(0)[0]!;
}

function notifier(port: number, to: string[], extra: { username?: string; password_env?: string } = {}): EmailNotifier {
  return new EmailNotifier(
    { type: 'email', name: 'mail', smtp_host: '127.0.0.1', smtp_port: port, tls: false, require_starttls: false, from: 'brokerwatch@example.org', to, timeout_seconds: 5, ...extra },
    { BW_SMTP_PASSWORD: 's3cret-password', BW_WRONG_PASSWORD: 'not-it' },
  );
}


describe('email notifier against a real local SMTP server', () => {
  it('sends the summary as subject and the alerts as body, with the idempotency key', async () => {
    const mails: Mail[] = [];
    const port = await smtpServer(mails);
    const n = notification();
    expect(await notifier(port, ['oncall@example.org'], { username: 'bw', password_env: 'BW_SMTP_PASSWORD' }).deliver(n)).toEqual({ outcome: 'ok' });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.from).toBe('brokerwatch@example.org');
    expect(mails[0]!.to).toEqual(['oncall@example.org']);
    const headers = mails[0]!.data.replace(/\r\n(?=[ \t])/g, '');
    expect(headers).toContain('Subject: [FIRING:1] RabbitMQ memory alarm on rabbit@r1 of prod-a: publishers blocked');
    expect(headers.toLowerCase()).toContain(`${IDEMPOTENCY_HEADER}: ${n.key}`);
    expect(mails[0]!.data).toContain('memory resource limit alarm set on node rabbit@r1.');
  });

  it('retries a temporary refusal, gives up on a permanent one, and keeps the password out of the reason', async () => {
    const port = await smtpServer([]);
    expect(await notifier(port, ['busy@example.org']).deliver(notification())).toMatchObject({ outcome: 'retry' });
    expect(await notifier(port, ['nobody@example.org']).deliver(notification())).toMatchObject({ outcome: 'give_up' });
    const missing = await notifier(port, ['oncall@example.org'], { username: 'bw', password_env: 'UNSET' }).deliver(notification());
    expect(missing).toEqual({ outcome: 'give_up', reason: 'EAUTH' });
    const wrong = await notifier(port, ['oncall@example.org'], { username: 'bw', password_env: 'BW_WRONG_PASSWORD' }).deliver(notification());
    expect(wrong).toMatchObject({ outcome: 'give_up', reason: expect.stringMatching(/^SMTP 535/) as string });
    const right = await notifier(port, ['oncall@example.org'], { username: 'bw', password_env: 'BW_SMTP_PASSWORD' }).deliver(notification());
    expect(right).toEqual({ outcome: 'ok' });
    for (const d of [missing, wrong]) expect(JSON.stringify(d)).not.toContain('s3cret');
  });

  it('retries when no SMTP server listens', async () => {
    const port = await smtpServer([]);
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    expect(await notifier(port, ['oncall@example.org']).deliver(notification())).toEqual({ outcome: 'retry', reason: 'ESOCKET' });
  });
});
