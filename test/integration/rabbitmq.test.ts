// Talks to the real three-node RabbitMQ cluster of scripts/engines/rabbitmq.sh.
import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import { enginePorts } from '../support/engines.js';

const ports = enginePorts('RABBITMQ_AMQP_PORTS');
const host = hostname().split('.')[0]!;
const offset = Number(process.env.BW_PORT_OFFSET ?? '0');
// The names scripts/engines/rabbitmq.sh gives its nodes.
const node = (n: number): string => (offset === 0 ? `r${n}@${host}` : `r${n}-${offset}@${host}`);
const connect = (port: number) => amqp.connect(`amqp://guest:guest@127.0.0.1:${port}`);

describe('RabbitMQ cluster', () => {
  it('runs three clustered nodes', () => {
    const status = JSON.parse(
      execFileSync('rabbitmqctl', ['-q', '-n', node(1), 'cluster_status', '--formatter', 'json'], { encoding: 'utf8' }),
    ) as { running_nodes: string[] };
    expect(status.running_nodes.sort()).toEqual([node(1), node(2), node(3)]);
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
