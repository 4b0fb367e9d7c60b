/**
 * Chooses the transport `miroscope serve` runs on.
 *
 *   --in-process          ─▶ the in-process bus, no broker tried
 *   --amqp URL / AMQP_URL ─▶ that broker; if it is not up yet, say so and keep
 *                            retrying in the background (the user asked for it)
 *   neither               ─▶ try the local default broker briefly; if nothing
 *                            answers, say so and run on the in-process bus
 */
import { redactSecrets, redactUrl } from '../net/transport/redactUrl.ts';
import { AmqpTransport, DEFAULT_AMQP_URL } from '../net/transport/AmqpTransport.ts';
import { InProcessBus } from '../net/transport/InProcessBus.ts';
import type { Transport } from '../net/transport/Transport.ts';

export interface TransportChoice {
  transport: Transport;
  /** The broker URL in use (null on the in-process bus). */
  url: string | null;
}

export interface OpenTransportOptions {
  /** The broker asked for, or null to try the local default. */
  url: string | null;
  inProcess?: boolean;
  /** How long to wait for a broker before deciding (ms). */
  probeMs?: number;
  /** The broker tried when none is asked for (default amqp://guest:guest@127.0.0.1:5672/). */
  defaultUrl?: string;
  say: (line: string) => void;
}

export async function openTransport(options: OpenTransportOptions): Promise<TransportChoice> {
  if (options.inProcess) {
    options.say('transport: the in-process bus (--in-process); only charts inside this server are heard');
    return { transport: new InProcessBus(), url: null };
  }
  const url = options.url ?? options.defaultUrl ?? DEFAULT_AMQP_URL;
  const amqp = new AmqpTransport({ url });
  try {
    await amqp.whenConnected(options.probeMs ?? 2000);
    options.say(`transport: RabbitMQ at ${redactUrl(url)}`);
    return { transport: amqp, url };
  } catch (error) {
    const why = redactSecrets((error as Error).message, [url]);
    if (options.url !== null) {
      options.say(`transport: RabbitMQ at ${redactUrl(url)} is not reachable yet (${why}); retrying in the background`);
      return { transport: amqp, url };
    }
    await amqp.close('no broker reachable; using the in-process bus');
    options.say(
      `transport: no broker reachable at ${redactUrl(url)}, so running on the in-process bus ` +
        '(start RabbitMQ or pass --amqp URL to watch a network)',
    );
    return { transport: new InProcessBus(), url: null };
  }
}
