/**
 * Everything `miroscope serve` starts, in order, and the one function that
 * stops it all. Used by the CLI and by tests and benchmarks that want a real
 * server in their own process.
 *
 *   openTransport ─▶ MiroscopeServer (HTTP, socket.io, recorder)
 *                ─▶ NetworkListener (trace, spy, mesh → ingest)
 *                   + followSenderGaps (each sender's seq gaps → `missed` records)
 *                ─▶ demo charts / user chart modules (publish on the same transport)
 *
 *   stop(): charts ─▶ listener ─▶ transport ─▶ relay + HTTP ─▶ recorder (flushed last)
 *   (sources are stopped in the reverse order they were added)
 */
import type { ServeConfig } from '../config/serveConfig.ts';
import { MiroscopeServer, type MiroscopeServerOptions } from '../http/MiroscopeServer.ts';
import { NetworkListener } from '../listen/NetworkListener.ts';
import { openTransport } from '../listen/openTransport.ts';
import { followSenderGaps } from '../listen/followSenderGaps.ts';
import { redactSecrets } from '../net/transport/redactUrl.ts';
import { startCharts } from '../demo/startCharts.ts';
import { OperatorPublisher } from '../send/OperatorPublisher.ts';

export interface StartServeOptions {
  config: ServeConfig;
  /** Skip the broker probe: run on the in-process bus. */
  inProcess?: boolean;
  /** Human-facing status lines (default: standard output). */
  say?: (line: string) => void;
  /** Problems (default: standard error). */
  log?: (line: string) => void;
  /** Passed through to the server (tests, benchmarks). */
  server?: Omit<MiroscopeServerOptions, 'config' | 'label' | 'log'>;
  /** Multiplies demo timer periods (tests run the demo faster). */
  demoTimeScale?: number;
}

export interface RunningServe {
  server: MiroscopeServer;
  listener: NetworkListener;
  stop(): Promise<void>;
}

export async function startServe(options: StartServeOptions): Promise<RunningServe> {
  const { config } = options;
  const say = options.say ?? ((line) => process.stdout.write(line + '\n'));
  // Every broker's credentials are redacted from what is logged (--amqp may list a cluster's nodes).
  const urls = config.amqpUrl ? config.amqpUrl.split(',') : [];
  const log = (line: string) => (options.log ?? ((l) => process.stderr.write(l + '\n')))(redactSecrets(line, urls));

  const { transport, url, urls: brokerUrls } = await openTransport({ url: config.amqpUrl, inProcess: options.inProcess, say });
  urls.push(...brokerUrls);
  transport.on('error', (error) => log(`transport: ${error.message}`));

  let server: MiroscopeServer;
  try {
    server = await MiroscopeServer.start({
      ...options.server,
      config,
      ...(config.demo ? { label: 'demo' } : {}),
      log,
    });
  } catch (error) {
    await transport.close('the server could not start');
    throw error;
  }
  server.addSource({ stop: () => transport.close('server shutting down') });

  const listener = new NetworkListener({
    transport,
    keys: config.keys,
    meshBinding: config.meshBinding,
    budgets: server.budgets,
    ...(url ? { brokerUrl: url } : {}),
    ingest: (record) => server.ingest(record),
    onTransport: (info) => server.setTransport(info),
  });
  server.addSource(listener);
  // Registered after the listener: a gap's `missed` record follows the record that revealed it.
  server.addSource(followSenderGaps({ nets: listener.nets, networks: ['trace', 'spy', 'mesh'], ingest: (record) => server.ingest(record) }));
  server.setTransport(listener.transportInfo());
  // POST /api/send publishes on the mesh with the mesh key, from the address the listener's items would carry.
  server.operator.attach(new OperatorPublisher({ transport, meshKey: config.keys.mesh, address: () => listener.nets.senderAddress }));
  // Bindings are made on connect; with a broker that is not up yet they come later.
  if (transport.state === 'connected') await listener.ready();
  server.note({ event: 'status', detail: `listening on ${transport.kind === 'amqp' ? 'RabbitMQ' : 'the in-process bus'}` });

  if (config.demo || config.charts.length > 0) {
    try {
      const charts = await startCharts({
        transport,
        keys: config.keys,
        demo: config.demo,
        modules: config.charts,
        ...(options.demoTimeScale === undefined ? {} : { timeScale: options.demoTimeScale }),
        say,
        log,
      });
      server.addSource(charts);
    } catch (error) {
      await server.close();
      throw error;
    }
  }

  return { server, listener, stop: () => server.close() };
}
