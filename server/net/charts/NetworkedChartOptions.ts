/**
 * What a networked chart is built with: the options of miros-rabbitmq's
 * NetworkedActiveObject / NetworkedFactory (in camelCase), plus the ways we
 * differ — a broker URL (or a cluster's list) instead of LAN scanning, and
 * an injectable Transport (an InProcessBus for the embedded default and
 * tests).
 *
 *   new NetworkedActiveObject(makeName('ao'), {
 *     rabbitUser: 'peter', rabbitPassword: 'rabbit',      // or amqpUrl, or transport
 *     txRoutingKey: 'heya.man', rxRoutingKey: '#.man',
 *     meshEncryptionKey: 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=',
 *   });
 */
import type { ActiveObjectOptions } from '../../statechart/index.ts';
import type { BodyFormat } from '../decodeBody.ts';
import type { FernetKeyInput } from '../fernet/Fernet.ts';
import type { AmqpTransportOptions } from '../transport/AmqpTransport.ts';
import type { Transport } from '../transport/Transport.ts';

/**
 * A Fernet key (url-safe base64 text or 32 bytes), or a list of them.
 *
 * @remarks miros-rabbitmq: one key per network; a list here lets a network change keys without a
 * flag day (the first key encrypts, every key decrypts).
 */
export type NetworkKey = FernetKeyInput | readonly FernetKeyInput[];

/**
 * What a NetworkedActiveObject or NetworkedFactory is built with: every ActiveObject option, the
 * networks' keys and routing keys, and where the broker is.
 *
 * @remarks miros-rabbitmq: the keyword arguments of `NetworkedActiveObject(…)` and
 * `NetworkedFactory(…)`, in camelCase. `amqpUrl`, `transport`, `amqp`, `node`, `senderAddress` and
 * `body` have no counterpart: miros-rabbitmq scans the LAN for brokers and always sends pickles.
 */
export interface NetworkedChartOptions extends ActiveObjectOptions {
  /**
   * Fernet key of the mesh; also of the snoop networks unless their own keys are given.
   *
   * @remarks miros-rabbitmq: `mesh_encryption_key`
   */
  meshEncryptionKey: NetworkKey;
  /**
   * Fernet key of the snoop trace network (default: the mesh key).
   *
   * @remarks miros-rabbitmq: `snoop_trace_encryption_key`
   */
  snoopTraceEncryptionKey?: NetworkKey;
  /**
   * Fernet key of the snoop spy network (default: the mesh key).
   *
   * @remarks miros-rabbitmq: `snoop_spy_encryption_key`
   */
  snoopSpyEncryptionKey?: NetworkKey;
  /**
   * Routing key of this chart's transmits (miros-rabbitmq's default `empty`).
   *
   * @remarks miros-rabbitmq: `tx_routing_key`
   */
  txRoutingKey?: string;
  /**
   * Binding pattern for the mesh (default: the tx key).
   *
   * @remarks miros-rabbitmq: `rx_routing_key`
   */
  rxRoutingKey?: string;
  /**
   * Broker URL, or a list (a RabbitMQ cluster) to fail over between.
   * Default: `AMQP_URL` (comma-separated), else amqp://guest:guest@127.0.0.1:5672/.
   */
  amqpUrl?: string | readonly string[];
  /**
   * miros-rabbitmq's own deployment, a broker per machine: the other
   * machines' brokers, which this chart also publishes to (mesh, trace,
   * spy) while it consumes from `amqpUrl` only, so any one broker carries
   * the whole network. Each entry is one broker (or a list to fail over
   * between); `rabbitUser` / `rabbitPassword` apply to them too.
   *
   * @remarks miros-rabbitmq publishes to every broker it found on the LAN;
   * we are told them instead of scanning.
   */
  peerAmqpUrls?: readonly (string | readonly string[])[];
  /**
   * Set the user and password on the broker URL(s), as miros-rabbitmq's `rabbit_user` /
   * `rabbit_password`.
   *
   * @remarks miros-rabbitmq: `rabbit_user`
   */
  rabbitUser?: string;
  /**
   * The password set on the broker URL(s), with `rabbitUser`.
   *
   * @remarks miros-rabbitmq: `rabbit_password`
   */
  rabbitPassword?: string;
  /**
   * Use this transport instead of connecting to a broker (an InProcessBus,
   * or a shared AmqpTransport). The chart does not close it: its owner does.
   */
  transport?: Transport;
  /** Tuning for the AmqpTransport the chart opens (backoff, buffer size …). */
  amqp?: Omit<AmqpTransportOptions, 'url'>;
  /** This node's id in correlation headers (default: a random id). */
  node?: string;
  /**
   * The address put in mesh tuples. Default: the host of the broker in use
   * (its IPv4 address for a name; 127.0.0.1 on the in-process bus), the one
   * address Python nodes on that broker already know — any other makes them
   * print `Alien!` and go deaf (see MeshSenderAddress.ts).
   */
  senderAddress?: string;
  /** Body format to publish (default `pickle`, what Python nodes read). */
  body?: BodyFormat;
}
