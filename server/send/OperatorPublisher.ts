/**
 * Puts an operator's event on the mesh exactly as a miros-rabbitmq node
 * would: the item `(address, json.dumps({"signal_name": …, "payload": …}))`,
 * pickled and Fernet-encrypted with the mesh key, on miros.mesh.exchange,
 * with the library's AMQP properties — so Python charts react to it as to a
 * peer's transmit.
 *
 *   address     the broker's host (MeshSenderAddress.ts): any other address
 *               makes a Python node print `Alien!` and go deaf on the mesh
 *   headers     our correlation headers, chart `operator` and node
 *               `operator@loopback` / `operator@token`: who sent it, in the
 *               recording and the sequence view (Python nodes ignore them)
 *
 * One seq counter per node id, as SenderGaps follows (network, node, chart):
 * a shared counter would show the other identity's messages as losses.
 */
import { randomUUID } from 'node:crypto';
import type { FernetKeyInput } from '../net/fernet/Fernet.ts';
import { mirosMessageProperties } from '../net/correlationHeaders.ts';
import { MessageCodec } from '../net/MessageCodec.ts';
import { meshItem } from '../net/mirosItems.ts';
import { MIROS_EXCHANGES } from '../net/mirosTopology.ts';
import type { PublishResult, Transport } from '../net/transport/Transport.ts';
import { OPERATOR_CHART } from './MeshRoutes.ts';

export interface OperatorPublisherOptions {
  transport: Transport;
  meshKey: FernetKeyInput | readonly FernetKeyInput[];
  /** The address mesh items carry now (the listener's MirosNets.senderAddress). */
  address: () => string;
}

export interface Published {
  messageId: string;
  routingKey: string;
  result: PublishResult;
}

export class OperatorPublisher {
  private readonly codec: MessageCodec;
  private readonly seqs = new Map<string, number>();

  constructor(private readonly options: OperatorPublisherOptions) {
    this.codec = new MessageCodec({ network: 'mesh', key: options.meshKey });
  }

  /** `node` names the sender (`operator@loopback`); `payload` is any JSON value (null = None). */
  publish(signal: string, payload: unknown, routingKey: string, node: string): Published {
    const messageId = randomUUID();
    const seq = (this.seqs.get(node) ?? 0) + 1;
    this.seqs.set(node, seq);
    const body = this.codec.encode(meshItem(this.options.address(), { signal, payload }));
    const props = mirosMessageProperties({ messageId, chart: OPERATOR_CHART, seq, node });
    const result = this.options.transport.publish(MIROS_EXCHANGES.mesh, routingKey, body, props);
    return { messageId, routingKey, result };
  }
}
