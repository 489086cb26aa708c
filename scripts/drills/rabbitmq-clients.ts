// The client side of scripts/drills/rabbitmq-queues.sh, run with tsx against one node's AMQP port:
//   declare PORT    a quorum queue `bw-qq` and a classic queue `bw-cmq` (mirrored by policy), one
//                   message each, closed properly
//   abrupt PORT     opens a connection and exits without closing it: the node logs
//                   `client unexpectedly closed TCP connection`
//   heartbeat PORT  opens a connection with a 1 s heartbeat, then blocks its own event loop for
//                   8 s so that no heartbeat leaves: the node logs `missed heartbeats from client`
//   crowd PORT N MS opens N connections at once, holds those the node took for MS milliseconds,
//                   then exits (scripts/fixtures/capture-rabbitmq-formatter.sh fd_alarm: more
//                   clients than the node has descriptors for)
import amqp from 'amqplib';

const [mode, port] = process.argv.slice(2);
const url = `amqp://guest:guest@127.0.0.1:${port ?? ''}`;

async function declare(): Promise<void> {
  const connection = await amqp.connect(url);
  const channel = await connection.createConfirmChannel();
  await channel.assertQueue('bw-qq', { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.assertQueue('bw-cmq', { durable: true });
  for (const queue of ['bw-qq', 'bw-cmq']) channel.sendToQueue(queue, Buffer.from('drill'), { persistent: true });
  await channel.waitForConfirms();
  await connection.close();
}

async function abrupt(): Promise<void> {
  await amqp.connect(url);
  process.exit(0);
}

const HEARTBEAT_SILENCE_MS = 8000;

async function heartbeat(): Promise<void> {
  const connection = await amqp.connect(`${url}?heartbeat=1`);
  // When the loop runs again the node has already closed the socket: that close is the outcome.
  connection.on('error', () => undefined);
  connection.on('close', () => process.exit(0));
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, HEARTBEAT_SILENCE_MS);
  setTimeout(() => {
    process.stderr.write('the node did not close the silent connection\n');
    process.exit(1);
  }, HEARTBEAT_SILENCE_MS);
}

async function crowd(): Promise<void> {
  const [count, holdMs] = process.argv.slice(4).map(Number);
  // A connection the node cannot take waits on its side; the exit ends it.
  for (let i = 0; i < (count ?? 0); i++) {
    amqp.connect(url).then(
      (connection) => connection.on('error', () => undefined),
      () => undefined,
    );
  }
  await new Promise((resolve) => setTimeout(resolve, holdMs));
  process.exit(0);
}

const modes: Record<string, () => Promise<void>> = { declare, abrupt, heartbeat, crowd };
const run = mode === undefined ? undefined : modes[mode];
if (run === undefined || port === undefined) {
  process.stderr.write('usage: rabbitmq-clients.ts declare|abrupt|heartbeat PORT | crowd PORT N MS\n');
  process.exit(2);
}
await run();
