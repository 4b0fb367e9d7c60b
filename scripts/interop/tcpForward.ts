/**
 * `tsx scripts/interop/tcpForward.ts LISTEN_HOST:PORT TARGET_HOST:PORT`
 *
 * Check (e)'s second machine reaches the first one's broker, and the first
 * the second's, at a LAN address, as miros-rabbitmq's deployment has it.
 * Both brokers listen on their machine's loopback only: the machine's own
 * broker is configured that way and is never reconfigured here, and a
 * private node's listener is loopback too (scripts/rabbit-node.sh). This
 * process stands for the broker also listening on the machine's LAN
 * address: it accepts there and pipes every byte to the loopback listener,
 * so the broker sees a loopback client (RabbitMQ's `guest` may log in only
 * over loopback) and nothing in between reads the AMQP it carries.
 *
 * Prints `forwarding …` once it listens; ends on SIGTERM.
 */
import { createConnection, createServer, type Socket } from 'node:net';

function endpoint(text: string | undefined): { host: string; port: number } {
  const m = /^([\d.]+):(\d+)$/.exec(text ?? '');
  if (!m) {
    console.error('usage: tcpForward.ts LISTEN_HOST:PORT TARGET_HOST:PORT');
    process.exit(2);
  }
  return { host: m[1]!, port: Number(m[2]) };
}

const listen = endpoint(process.argv[2]);
const target = endpoint(process.argv[3]);
const server = createServer((client: Socket) => {
  const upstream = createConnection(target.port, target.host);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  for (const socket of [client, upstream]) {
    socket.setNoDelay(true);
    socket.on('error', close);
    socket.on('close', close);
  }
  client.pipe(upstream);
  upstream.pipe(client);
});
server.on('error', (error) => {
  console.error(`tcpForward: ${error.message}`);
  process.exit(1);
});
server.listen(listen.port, listen.host, () => console.log(`forwarding ${listen.host}:${listen.port} to ${target.host}:${target.port}`));
process.on('SIGTERM', () => process.exit(0));
