// Talks to the real three-node RabbitMQ cluster of scripts/engines/rabbitmq.sh.
import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import { enginePorts } from '../support/engines.js';

const ports = enginePorts('RABBITMQ_AMQP_PORTS');
const host = hostname().split('.')[0]!;
const connect = (port: number) => amqp.connect(`amqp://guest:guest@127.0.0.1:${port}`);

describe('RabbitMQ cluster', () => {
  it('runs three clustered nodes', () => {
    const status = JSON.parse(
      execFileSync('rabbitmqctl', ['-q', '-n', `r1@${host}`, 'cluster_status', '--formatter', 'json'], { encoding: 'utf8' }),
    ) as { running_nodes: string[] };
    expect(status.running_nodes.sort()).toEqual([`r1@${host}`, `r2@${host}`, `r3@${host}`]);
  });

  it('delivers a message published on one node to a consumer on another', async () => {
    const queue = `bw-smoke-${process.pid}`;
    const publisher = await connect(ports[1]!);
    const consumer = await connect(ports[2]!);
    try {
      const out = await publisher.createConfirmChannel();
      await out.assertQueue(queue, { durable: false, autoDelete: false });
      out.sendToQueue(queue, Buffer.from('partition drill'));
      await out.waitForConfirms();

      const inbound = await consumer.createChannel();
      const received = await new Promise<string>((resolve) => {
        void inbound.consume(queue, (message) => {
          if (message) resolve(message.content.toString());
        });
      });
      expect(received).toBe('partition drill');
      await inbound.deleteQueue(queue);
    } finally {
      await publisher.close();
      await consumer.close();
    }
  });
});
