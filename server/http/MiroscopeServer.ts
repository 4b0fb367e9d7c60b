/**
 * One running miroscope: every source of records feeds one pipeline, and the
 * pipeline feeds the browsers, the recording and the counters.
 *
 *   listener (network) ─┐
 *   in-process charts  ─┼─▶ ingest ─▶ RecordPipeline: encode ─▶ Sequencer ─▶ counters
 *   server notes       ─┘                                          ├─▶ Recorder (JSON lines)
 *                                                                  └─▶ RelayHub ─▶ socket.io ─▶ browsers
 *                          (seq assigned here, once, and only to a record that can be stored)
 *
 * What one message or record may cost is `budgets` (messageBudgets.ts),
 * resolved here once; the listener gets the same object (startServe.ts).
 *
 * Lifecycle: start() listens and opens the recording; close() stops the
 * sources first, then the relay and the HTTP server, and closes the recording
 * last so every record that made it into the pipeline is on disk.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  TransportInfo,
} from '../../shared/contract/socketContract.ts';
import type { Clock, TimerHandle } from '../../shared/clock/Clock.ts';
import type { MirosRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { resolveBudgets, type MessageBudgets } from '../config/messageBudgets.ts';
import type { ServeConfig } from '../config/serveConfig.ts';
import { Recorder } from '../recorder/Recorder.ts';
import { OperatorSend } from '../send/OperatorSend.ts';
import { sessionRecordingName } from '../recorder/recordingName.ts';
import { RecordingStore } from '../recorder/RecordingStore.ts';
import { resolveRecordingSettings, type RecordingSettings } from '../recorder/RecordingSettings.ts';
import { pruneRecordings } from '../recorder/RecordingRetention.ts';
import type { FlowOptions } from '../relay/ClientCursor.ts';
import { RelayCounters } from '../relay/RelayCounters.ts';
import { RelayHub, type RelayServer } from '../relay/RelayHub.ts';
import { RecordPipeline } from '../relay/RecordPipeline.ts';
import { Sequencer } from '../relay/Sequencer.ts';
import { realClock } from '../statechart/RealClock.ts';
import { createHttpApp } from './createHttpApp.ts';
import { WEB_DIST } from './ensureWebBuild.ts';
import type { HealthReport, LiveSession } from './LiveSession.ts';
import { allowSocketRequest } from './originGuard.ts';
import { socketTokenGate } from './tokenGate.ts';
import { resolveUploadLimits, type UploadLimits } from './upload/UploadLimits.ts';

export interface MiroscopeServerOptions {
  config: Pick<ServeConfig, 'host' | 'port' | 'token' | 'recordings' | 'uploadLimit'>;
  /** Label added to the recording name (`demo`, …). */
  label?: string;
  webDist?: string;
  log?: (line: string) => void;
  /** Relay tuning (tests and benchmarks). */
  flow?: Partial<FlowOptions>;
  capacity?: number;
  /** What one message or record may cost (defaults: DEFAULT_MESSAGE_BUDGETS). */
  budgets?: Partial<MessageBudgets>;
  /** Upload limits (size, concurrency, quota, timeouts; `maxBytes` here wins over `config.uploadLimit`); defaults in UploadLimits.ts. */
  uploads?: Partial<UploadLimits>;
  recorderFlushMs?: number;
  /** Rotation and retention of recordings (defaults in recorder/RecordingSettings.ts). */
  recording?: Partial<RecordingSettings>;
  /**
   * The timers of the recorder, the relay and retention (issue 9: one injected
   * clock). Default: each component's own real clock.
   */
  clock?: Clock;
}

/** Something that produces records until it is stopped (the listener, the demo charts). */
export interface RecordSource {
  stop(): Promise<void> | void;
}


export class MiroscopeServer implements LiveSession {
  readonly session: string;
  readonly store: RecordingStore;
  readonly recorder: Recorder;
  readonly hub: RelayHub;
  readonly budgets: MessageBudgets;
  /** Operators' events onto the mesh (POST /api/send); publishes once startServe attaches the transport. */
  readonly operator: OperatorSend;
  readonly #pipeline: RecordPipeline;
  readonly #http: HttpServer;
  readonly #io: RelayServer;
  readonly #sequencer = new Sequencer();
  readonly #counters = new RelayCounters();
  readonly #sources: RecordSource[] = [];
  readonly #log: (line: string) => void;
  readonly #startedAt = Date.now();
  #transport: TransportInfo = { kind: 'in-process', connected: true };
  #closing: Promise<void> | null = null;
  readonly #recording: RecordingSettings;
  #pruneTimer: TimerHandle | null = null;
  readonly #clock: Clock;
  #pruning: Promise<void> = Promise.resolve();

  private constructor(readonly options: MiroscopeServerOptions) {
    const { config } = options;
    this.budgets = resolveBudgets(options.budgets);
    this.#log = options.log ?? ((line) => process.stderr.write(line + '\n'));
    const name = sessionRecordingName(new Date(this.#startedAt), options.label);
    this.session = `${name}.${randomUUID().slice(0, 8)}`;
    this.store = new RecordingStore(config.recordings);
    this.#recording = resolveRecordingSettings(options.recording);
    this.#clock = options.clock ?? realClock;
    this.recorder = new Recorder({
      ...(options.clock && { clock: options.clock }),
      folder: config.recordings,
      name,
      flushMs: options.recorderFlushMs,
      maxBytes: this.budgets.maxRecordingBytes,
      rotateBytes: this.#recording.rotateBytes,
      rotateMs: this.#recording.rotateMs,
      onRotate: () => this.prune(),
      onError: (error) => this.#log(`recorder: writing ${name} failed, the session goes on unrecorded: ${error.message}`),
    });
    this.operator = new OperatorSend({ note: (fields) => this.note(fields) });
    const uploads = resolveUploadLimits({ maxBytes: config.uploadLimit, ...options.uploads });
    const app = createHttpApp({
      live: this,
      store: this.store,
      token: config.token,
      webDist: options.webDist ?? WEB_DIST,
      uploads,
      log: this.#log,
      operator: this.operator,
    });
    this.#http = createServer(app);
    // Node ends every request after requestTimeout (300 s); an upload allowed longer must not be cut first.
    this.#http.requestTimeout = Math.max(this.#http.requestTimeout, uploads.timeoutMs + 1000);
    this.#io = new Server<ClientToServerEvents, ServerToClientEvents>(this.#http, {
      allowRequest: allowSocketRequest(config.token),
      // Clients send only small commands (resume, ack).
      maxHttpBufferSize: 64 * 1024,
      serveClient: false,
    });
    this.#io.use(socketTokenGate(config.token));
    this.hub = new RelayHub(this.#io, {
      session: this.session,
      clock: this.#clock,
      capacity: options.capacity ?? this.budgets.ringRecords,
      capacityChars: this.budgets.ringChars,
      flow: { batchChars: this.budgets.batchChars, ...options.flow },
      describe: () => ({
        transport: this.#transport,
        recording: this.recordingName(),
        counters: this.#counters.snapshot(this.hub.clients),
      }),
      onDropped: (client, range) =>
        this.note({
          event: 'dropped',
          count: range.count,
          detail: `browser ${client} fell behind and missed seq ${range.fromSeq}–${range.toSeq}`,
        }),
    });
    this.#pipeline = new RecordPipeline({
      sequencer: this.#sequencer,
      counters: this.#counters,
      hub: this.hub,
      recorder: this.recorder,
      maxRecordChars: this.budgets.maxRecordChars,
    });
  }

  static async start(options: MiroscopeServerOptions): Promise<MiroscopeServer> {
    const server = new MiroscopeServer(options);
    // What a crashed server left half-uploaded is never a recording.
    const stale = await server.store.removeStaleUploads();
    if (stale > 0) server.#log(`recordings: removed ${stale} unfinished upload(s) left by a stopped server`);
    // A server killed mid-write left a torn last line: cut it, so every recording is whole lines.
    const torn = await server.store.repairTornTails();
    if (torn.length > 0) server.#log(`recordings: cut a torn last line off ${torn.join(', ')} (left by a killed server)`);
    await server.prune();
    server.#schedulePrune();
    try {
      await new Promise<void>((resolve, reject) => {
        server.#http.once('error', reject);
        server.#http.listen(options.config.port, options.config.host, () => {
          server.#http.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      // Nothing was recorded: leave no empty session file behind.
      server.hub.close();
      server.recorder.close();
      rmSync(server.recorder.file, { force: true });
      throw error;
    }
    return server;
  }

  /** The port actually bound (useful with port 0). */
  get port(): number {
    return (this.#http.address() as AddressInfo).port;
  }

  /**
   * The URL to open: the dashboard connected to this server's relay
   * (`?live`, see web/src/shell/startupSource.ts), with the token when one
   * is required.
   */
  get url(): string {
    const { host, token } = this.options.config;
    const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    return `http://${shown}:${this.port}/?live${token ? `&token=${encodeURIComponent(token)}` : ''}`;
  }

  /** Encodes and numbers a record and hands it to the counters, the recording and the browsers (RecordPipeline). */
  ingest(record: UnnumberedRecord): MirosRecord {
    this.operator.observe(record);
    return this.#pipeline.ingest(record);
  }

  /** A meta record made by the server itself. */
  note(fields: Omit<Extract<UnnumberedRecord, { kind: 'meta' }>, 'v' | 'kind' | 'chart' | 'node' | 'time' | 'received' | 'raw'> & { chart?: string | null }): MirosRecord {
    const raw = [fields.event, fields.reason, fields.count, fields.detail].filter((x) => x !== undefined).join(' ');
    return this.ingest({
      v: 1,
      kind: 'meta',
      chart: null,
      node: 'server',
      time: null,
      received: Date.now(),
      raw,
      ...fields,
    });
  }

  setTransport(info: TransportInfo): void {
    this.#transport = info;
    this.hub.statusChanged();
  }

  /** Registers something to stop before the server closes. */
  addSource(source: RecordSource): void {
    this.#sources.push(source);
  }

  health(): HealthReport {
    return {
      status: 'ok',
      session: this.session,
      uptimeMs: Date.now() - this.#startedAt,
      lastSeq: this.#sequencer.last,
      counters: this.#counters.snapshot(this.hub.clients),
      transport: this.#transport,
      recording: { name: this.recorder.name, written: this.recorder.written, buffered: this.recorder.buffered, state: this.recorder.state },
      relay: { records: this.hub.ring.size, chars: this.hub.ring.chars },
      budgets: this.budgets,
    };
  }

  recordingName(): string | null {
    return this.recorder.state === 'failed' ? null : this.recorder.name;
  }

  flushRecording(): void {
    this.recorder.flush();
  }

  recentRecords(): MirosRecord[] {
    return this.hub.ring.readAfter(0).records;
  }

  /** Retention every pruneEveryMs; the real clock's timers never keep the process alive. */
  #schedulePrune(): void {
    this.#pruneTimer = this.#clock.setTimeout(() => {
      void this.prune();
      this.#schedulePrune();
    }, this.#recording.pruneEveryMs);
  }

  /**
   * Applies retention (recorder/RecordingRetention.ts) to the recordings
   * folder, never deleting the part being written; one prune at a time.
   */
  prune(): Promise<void> {
    const { keepBytes, keepMs } = this.#recording;
    if (keepBytes === 0 && keepMs === 0) return this.#pruning;
    this.#pruning = this.#pruning.then(async () => {
      try {
        const { removed } = await pruneRecordings(this.store, { keepBytes, keepMs }, new Set([this.recorder.name]), this.#clock.now());
        if (removed.length > 0) this.#log(`recordings: retention removed ${removed.join(', ')}`);
      } catch (error) {
        this.#log(`recordings: retention failed: ${(error as Error).message}`);
      }
    });
    return this.#pruning;
  }

  /** Stops the sources, the relay and the HTTP server, then closes the recording. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (this.#pruneTimer) this.#clock.clearTimeout(this.#pruneTimer);
      for (const source of this.#sources.splice(0).reverse()) {
        try {
          await source.stop();
        } catch (error) {
          this.#log(`stopping a source failed: ${(error as Error).message}`);
        }
      }
      this.hub.close();
      const closed = this.#io.close();
      // Idle keep-alive connections would hold the HTTP server open; a long download gets a moment to end.
      this.#http.closeIdleConnections();
      const force = setTimeout(() => this.#http.closeAllConnections(), 1000);
      await closed;
      clearTimeout(force);
      this.recorder.close();
      await this.#pruning;
    })();
    return this.#closing;
  }
}
