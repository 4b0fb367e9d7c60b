/**
 * Chooses the transport `miroscope serve` runs on.
 *
 *   --in-process          ─▶ the in-process bus, no broker tried
 *   --amqp URL / AMQP_URL ─▶ that broker; if it is not up yet, say so and keep
 *                            retrying in the background (the user asked for it).
 *                            A comma-separated list is a cluster's nodes: the
 *                            transport fails over between them, in order
 *   neither               ─▶ try the local default broker briefly; if nothing
 *                            answers, say so and run on the in-process bus
 */
import { redactSecrets, redactUrl } from '../net/transport/redactUrl.ts';
import { AmqpTransport, DEFAULT_AMQP_URL } from '../net/transport/AmqpTransport.ts';
import { InProcessBus } from '../net/transport/InProcessBus.ts';
import type { Transport } from '../net/transport/Transport.ts';

export interface TransportChoice {
  transport: Transport;
  /** The broker URL in use, as given (a list comma-separated); null on the in-process bus. */
  url: string | null;
  /** Each broker URL of the list (empty on the in-process bus), e.g. to redact their credentials. */
  urls: string[];
}

export interface OpenTransportOptions {
  /** The broker asked for (or several, comma-separated), or null to try the local default. */
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
    return { transport: new InProcessBus(), url: null, urls: [] };
  }
  const url = options.url ?? options.defaultUrl ?? DEFAULT_AMQP_URL;
  const urls = splitBrokerUrls(url);
  const amqp = new AmqpTransport({ url: urls });
  const named = urls.map(redactUrl).join(', ');
  try {
    await amqp.whenConnected(options.probeMs ?? 2000);
    options.say(urls.length === 1 ? `transport: RabbitMQ at ${named}` : `transport: RabbitMQ at ${amqp.broker} (failing over between ${named})`);
    return { transport: amqp, url, urls };
  } catch (error) {
    const why = redactSecrets((error as Error).message, urls);
    if (options.url !== null) {
      options.say(`transport: RabbitMQ at ${named} is not reachable yet (${why}); retrying in the background`);
      return { transport: amqp, url, urls };
    }
    await amqp.close('no broker reachable; using the in-process bus');
    options.say(
      `transport: no broker reachable at ${redactUrl(url)}, so running on the in-process bus ` +
        '(start RabbitMQ or pass --amqp URL to watch a network)',
    );
    return { transport: new InProcessBus(), url: null, urls: [] };
  }
}

/** `amqp://a/,amqp://b/` → both URLs; each must be an amqp:// or amqps:// URL. */
export function splitBrokerUrls(list: string): string[] {
  const urls = list.split(',').map((u) => u.trim()).filter(Boolean);
  const bad = urls.find((u) => !/^amqps?:\/\//.test(u));
  if (urls.length === 0 || bad !== undefined) {
    throw new RangeError(`every broker URL must start with amqp:// or amqps:// (got ${bad === undefined ? 'none' : redactUrl(bad)})`);
  }
  return urls;
}
