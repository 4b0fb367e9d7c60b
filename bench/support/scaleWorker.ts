/**
 * One process of the scale bench: `count` networked ping charts sharing one
 * AMQP connection (how a process hosting many charts deploys them), each
 * transmitting `ping(<Date.now()>)` at `perChart` per second from a timer.
 * The payload's timestamp lets the bench measure relay latency end to end.
 *
 * Started by scale.bench.ts with its settings in SCALE_WORKER (JSON); prints
 * "ready" once every chart's networks are up, starts sending on "go" (stdin),
 * and on "stop" prints "sent <n>" and exits.
 */
import { createInterface } from 'node:readline';
import { Event, ReturnStatus, signals, spyOn } from '../../server/statechart/index.ts';
import { NetworkedActiveObject } from '../../server/net/charts/NetworkedActiveObject.ts';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';

interface Settings {
  url: string;
  key: string;
  first: number;
  count: number;
  perChart: number;
  tag: string;
}

const settings = JSON.parse(process.env.SCALE_WORKER ?? '') as Settings;
const { HANDLED } = ReturnStatus;
const { ENTRY_SIGNAL, scale_tick, ping } = signals;
const TICK_S = 0.1;

let sending = false;
let since = 0;
let sent = 0;
const sentBy = new Map<string, number>();

const pinging = spyOn(function pinging(chart: NetworkedActiveObject, e: Event): number {
  if (e.signal === ENTRY_SIGNAL) {
    // Timers spread over one tick so the charts do not all fire together.
    setTimeout(() => chart.postFifo(new Event(scale_tick), { period: TICK_S, times: 0, deferred: true }), Math.random() * TICK_S * 1000);
    return HANDLED;
  }
  if (e.signal === scale_tick) {
    if (!sending) return HANDLED;
    const name = chart.name!;
    // As many as keep the chart at its rate since "go" (a late timer catches up, at most 1 s worth).
    const due = Math.floor(((Date.now() - since) * settings.perChart) / 1000);
    let done = sentBy.get(name) ?? 0;
    for (let k = 0; done < due && k < Math.max(1, settings.perChart); k++, done++) {
      chart.transmit(new Event(ping, Date.now()));
      sent++;
    }
    sentBy.set(name, done);
    return HANDLED;
  }
  return chart.super(chart.top);
});

const transport = new AmqpTransport({ url: settings.url });
const charts: NetworkedActiveObject[] = [];
for (let i = 0; i < settings.count; i++) {
  const n = settings.first + i;
  charts.push(
    new NetworkedActiveObject(`c${String(n).padStart(3, '0')}_${settings.tag}`, {
      transport,
      meshEncryptionKey: settings.key,
      txRoutingKey: `scale.${n}.${settings.tag}`,
      // Nobody transmits to this: the charts only talk, the bench measures the server.
      rxRoutingKey: `quiet.${n}.${settings.tag}`,
      node: `worker${settings.first}-${settings.tag}`,
      print: () => undefined,
    }),
  );
}
for (const chart of charts) chart.startAt(pinging);
await transport.whenConnected(30_000);
await Promise.all(charts.map((c) => c.network.ready()));
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'go') {
    since = Date.now();
    sending = true;
  } else if (line === 'stop') {
    sending = false;
    process.stdout.write(`sent ${sent}\n`);
    await Promise.all(charts.map((c) => c.stop()));
    await transport.close();
    process.exit(0);
  }
}
