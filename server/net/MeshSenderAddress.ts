/**
 * The address our mesh items carry: `(ip, event_json)`.
 *
 * Why the broker's host and not this machine's address: a miros-rabbitmq
 * node keeps the list of addresses it discovered brokers at (its LAN scan
 * and its hosts file, each resolved with `socket.gethostbyname`, so IPv4
 * dotted quads). When a mesh item arrives whose `ip` is not on that list it
 * prints `Alien!: <ip>`, treats the address as a new broker and, on its
 * next `transmit`, rebuilds its producers and stops its own mesh consumer:
 * it goes deaf and mute on the mesh (issue 8). A Python node sends the
 * working address of its own machine — which, in miros-rabbitmq's layout,
 * is where its broker runs. So the one address every node on our broker
 * already knows is that broker's host, resolved the way Python resolves it:
 *
 *   amqp://guest:guest@127.0.0.1:5672/   → 127.0.0.1
 *   amqp://peter:rabbit@10.0.0.5/        → 10.0.0.5
 *   amqp://rabbit.lan/                   → rabbit.lan's IPv4 address (DNS, family 4,
 *                                          as gethostbyname); `localhost` → 127.0.0.1
 *   amqp://[::1]/                        → ::1 (Python cannot know an IPv6 broker; sent as is)
 *   the in-process bus                   → 127.0.0.1
 *
 * The address follows the broker in use: when the transport fails over to
 * the next URL of a cluster, items published from then on carry that host.
 * A hostname is looked up once in the background; until the answer arrives
 * (milliseconds) items carry the name itself, as they do for good if it
 * does not resolve. `senderAddress` in the
 * options overrides all of this.
 */
import { lookup } from 'node:dns';
import { isIP } from 'node:net';

export const IN_PROCESS_ADDRESS = '127.0.0.1';

type Lookup = (host: string, done: (address: string | null) => void) => void;

const lookupIPv4: Lookup = (host, done) => lookup(host, { family: 4 }, (error, address) => done(error ? null : address));

/** The host of a broker URL (credentials may be redacted), brackets of an IPv6 literal removed; null if it has none. */
export function brokerHost(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return host === '' ? null : host;
}

export class MeshSenderAddress {
  private lastBroker: string | null = null;
  private lastAddress = IN_PROCESS_ADDRESS;
  private readonly resolved = new Map<string, string>();
  private readonly pending = new Set<string>();

  /** `broker` is read on every call: the transport's broker in use (credentials removed). */
  constructor(
    private readonly broker: () => string,
    private readonly resolve: Lookup = lookupIPv4,
  ) {}

  /** The address for an item published now. */
  current(): string {
    const broker = this.broker();
    if (broker === this.lastBroker) return this.lastAddress;
    const host = brokerHost(broker);
    const address = host === null ? IN_PROCESS_ADDRESS : this.addressOf(host);
    // Cache only a final answer, so a name still being looked up is asked again.
    if (host === null || isIP(address) !== 0) {
      this.lastBroker = broker;
      this.lastAddress = address;
    }
    return address;
  }

  private addressOf(host: string): string {
    if (isIP(host) !== 0) return host;
    const lower = host.toLowerCase();
    if (lower === 'localhost' || lower.endsWith('.localhost')) return '127.0.0.1';
    const known = this.resolved.get(lower);
    if (known !== undefined) return known;
    if (!this.pending.has(lower)) {
      this.pending.add(lower);
      this.resolve(lower, (address) => {
        this.pending.delete(lower);
        // A name that does not resolve is sent as it is (and not looked up again).
        this.resolved.set(lower, address ?? host);
      });
    }
    return host;
  }
}
