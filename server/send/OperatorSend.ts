/**
 * The operator's side of the mesh: turns "send other_to_inner to 04ccc_ao"
 * into mesh messages and a record of who asked.
 *
 *   POST /api/send ─▶ parseSendRequest (budget) ─▶ routing keys for the target
 *        ─▶ note: `operator (loopback 127.0.0.1) sent …`   (meta status, chart `operator`)
 *        ─▶ OperatorPublisher ─▶ miros.mesh.exchange ─▶ every chart whose rx pattern matches
 *                                        └─▶ our listener (binds `#`) ─▶ mesh record, chart `operator`
 *
 * What "to a chart" means (miros-rabbitmq has no per-chart addressing):
 *   <chart>  one message, with the routing key that chart was last heard
 *            transmitting with (MeshRoutes.ts), or the key given; every
 *            chart bound to a matching pattern gets it, not only <chart>;
 *   all      one message per distinct routing key heard on the mesh this
 *            session (or just the key given); a chart whose pattern matches
 *            several of those keys gets the event once per key.
 * The target is never put in the payload: charts would read it as the
 * sender's name (the seed charts ignore an event whose payload is their own
 * name), and the sequence view pairs a string payload with its sender.
 *
 * The server publishes only once `attach`ed to a transport (startServe);
 * until then, and in tests without a broker, a send is refused with 503.
 */
import type { MetaRecord, MirosRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { MeshRoutes, OPERATOR_CHART } from './MeshRoutes.ts';
import type { OperatorPublisher, Published } from './OperatorPublisher.ts';
import { DEFAULT_SEND_BUDGET, parseSendRequest, SendInputError, type SendBudget } from './parseSendRequest.ts';

/** Who asked: `token` when the server requires one (the request carried it), else `loopback`. */
export interface SendClient {
  via: 'loopback' | 'token';
  /** The client's socket address. */
  address: string | null;
}

export interface SendOutcome {
  target: string;
  signal: string;
  payload: unknown;
  /** The node id the messages carry (`operator@loopback`). */
  node: string;
  messages: Published[];
}

/** The target has no routing key we know (404), too many sends this second (429), or no mesh to send on (503). */
export class SendUnavailableError extends Error {
  constructor(
    readonly status: 404 | 429 | 503,
    message: string,
  ) {
    super(message);
    this.name = 'SendUnavailableError';
  }
}

const UNAVAILABLE_REASON = { 404: 'unknown-route', 429: 'rate-limited', 503: 'no-mesh' } as const;

type NoteFields = Pick<MetaRecord, 'event' | 'detail'> & { chart?: string | null; reason?: string };

export interface OperatorSendOptions {
  /** Adds a server-made meta record (MiroscopeServer.note). */
  note: (fields: NoteFields) => unknown;
  budget?: Partial<SendBudget>;
  /** The clock of the rate budget (tests). */
  now?: () => number;
}

export interface SendCounters {
  /** Requests that published. */
  sent: number;
  /** Mesh messages published (`all` may publish several per request). */
  messages: number;
  /** Refused requests by reason. */
  refused: Record<string, number>;
}

export class OperatorSend {
  readonly routes = new MeshRoutes();
  private publisher: OperatorPublisher | null = null;
  private readonly budget: SendBudget;
  private readonly counters: SendCounters = { sent: 0, messages: 0, refused: {} };
  private readonly now: () => number;
  private window = { start: Number.NEGATIVE_INFINITY, count: 0 };

  constructor(private readonly options: OperatorSendOptions) {
    this.budget = { ...DEFAULT_SEND_BUDGET, ...options.budget };
    this.now = options.now ?? Date.now;
  }

  /** Gives the server a mesh to publish on (null: none). */
  attach(publisher: OperatorPublisher | null): void {
    this.publisher = publisher;
  }

  /** Every record the server ingests passes here: charts' routing keys are learned from the mesh. */
  observe(record: MirosRecord | UnnumberedRecord): void {
    this.routes.observe(record);
  }

  /** Validates, publishes and notes one request; throws SendInputError or SendUnavailableError (both counted). */
  send(body: unknown, client: SendClient): SendOutcome {
    try {
      return this.sendChecked(body, client);
    } catch (error) {
      const reason = error instanceof SendInputError ? error.reason : error instanceof SendUnavailableError ? UNAVAILABLE_REASON[error.status] : null;
      if (reason !== null) this.counters.refused[reason] = (this.counters.refused[reason] ?? 0) + 1;
      throw error;
    }
  }

  snapshot(): SendCounters {
    return { ...this.counters, refused: { ...this.counters.refused } };
  }

  private sendChecked(body: unknown, client: SendClient): SendOutcome {
    const request = parseSendRequest(body, this.budget);
    const publisher = this.publisher;
    if (publisher === null) throw new SendUnavailableError(503, 'this server has no mesh to send on (it is not listening to a broker or bus)');
    const keys = this.routingKeys(request.target, request.routingKey);
    this.takeFromRateBudget();
    const node = `${OPERATOR_CHART}@${client.via}`;
    const messages = keys.map((key) => publisher.publish(request.signal, request.payload, key, node));
    this.counters.sent += 1;
    this.counters.messages += messages.length;
    const payload = request.payload === null ? '' : JSON.stringify(request.payload);
    const who = `${OPERATOR_CHART} (${client.via}${client.address ? ` ${client.address}` : ''})`;
    const to = request.target === 'all' ? 'all charts' : request.target;
    const how = messages.map((m) => `${m.routingKey}: ${m.result}, message ${m.messageId}`).join('; ');
    this.options.note({ event: 'status', chart: OPERATOR_CHART, detail: `${who} sent ${request.signal}(${payload}) to ${to} via ${how}` });
    return { target: request.target, signal: request.signal, payload: request.payload, node, messages };
  }

  /** Counts this request in the current one-second window, or refuses it when the window is full. */
  private takeFromRateBudget(): void {
    const now = this.now();
    if (now - this.window.start >= 1000) this.window = { start: now, count: 0 };
    if (this.window.count >= this.budget.maxSendsPerSecond) {
      throw new SendUnavailableError(429, `more than ${this.budget.maxSendsPerSecond} sends in one second; try again in a moment`);
    }
    this.window.count += 1;
  }

  private routingKeys(target: string, given: string | undefined): string[] {
    if (given !== undefined) return [given];
    if (target === 'all') {
      const keys = this.routes.allKeys();
      if (keys.length === 0) throw new SendUnavailableError(404, 'no routing key has been heard on the mesh yet; give one (routingKey, --routing-key)');
      return keys;
    }
    const key = this.routes.routingKeyOf(target);
    if (key === undefined) {
      throw new SendUnavailableError(404, `${target} has not been heard transmitting on the mesh, so its routing key is unknown; give one (routingKey, --routing-key)`);
    }
    return [key];
  }
}
