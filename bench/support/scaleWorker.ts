/**
 * One process of the scale bench: `count` networked ping charts sharing one
 * AMQP connection (how a process hosting many charts deploys them), each
 * transmitting `ping(<Date.now()>)` at `perChart` per second from a timer.
 * The payload's timestamp lets the bench measure relay latency end to end.
 *
 * Each chart keeps its own schedule: one ping every 1/perChart s from a
 * random point of its first period after "go", each timer armed for the
 * next ping's own instant. Real charts start at different times and send
 * when their own events happen, so the server hears a steady stream
 * whatever N is. (A timer re-armed one period after it fired would not do:
 * when this process stalls — the bench machine is shared — every timer due
 * during the stall fires at its end, and re-armed from there they stay
 * together ever after.) An earlier version ticked every chart
 * at 100 ms against one shared start ("go"), so every chart's k-th record
 * fell due at the same instant: at N = 500 (2/s each) all 500 charts sent
 * within the same 100 ms twice a second — bursts of 5,000/s with 400 ms of
 * silence — and at N = 10 each chart sent 10 pings at once. Those bursts,
 * not the number of charts, set the relay's latency and batching (see
 * docs/scale.md). `lockstep: true` (`--lockstep`) keeps that old schedule,
 * to show the difference.
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
  /** The old schedule: 100 ms ticks, every chart due at the same instants (see the header). */
  lockstep?: boolean;
}

const settings = JSON.parse(process.env.SCALE_WORKER ?? '') as Settings;
const { HANDLED } = ReturnStatus;
const { ENTRY_SIGNAL, scale_tick, ping } = signals;
const LOCKSTEP_TICK_S = 0.1;
const lockstep = settings.lockstep === true;
const periodS = lockstep ? LOCKSTEP_TICK_S : 1 / settings.perChart;

let sending = false;
let since = 0;
let sent = 0;
const sentBy = new Map<string, number>();
/** Where in its period each chart's schedule starts (ms after "go"); 0 for all in lockstep. */
const phaseOf = new Map<string, number>();

/** One scale_tick, `ms` from now (a timed post needs a positive period). */
const tickIn = (chart: NetworkedActiveObject, ms: number) => chart.postFifo(new Event(scale_tick), { period: Math.max(0.5, ms) / 1000, times: 1, deferred: true });

const pinging = spyOn(function pinging(chart: NetworkedActiveObject, e: Event): number {
  if (e.signal === ENTRY_SIGNAL) {
    phaseOf.set(chart.name!, lockstep ? 0 : Math.random() * periodS * 1000);
    // The old schedule: a periodic timer from a random start, whatever the chart's rate.
    if (lockstep) setTimeout(() => chart.postFifo(new Event(scale_tick), { period: periodS, times: 0, deferred: true }), Math.random() * periodS * 1000);
    return HANDLED;
  }
  if (e.signal === scale_tick) {
    if (!sending) return HANDLED;
    const name = chart.name!;
    // As many as keep the chart at its rate since its own start (a late timer catches up, at most 1 s worth).
    const elapsed = Date.now() - since - phaseOf.get(name)!;
    const due = Math.floor((Math.max(0, elapsed) * settings.perChart) / 1000) + (lockstep ? 0 : 1);
    let done = sentBy.get(name) ?? 0;
    for (let k = 0; done < due && k < Math.max(1, settings.perChart); k++, done++) {
      chart.transmit(new Event(ping, Date.now()));
      sent++;
    }
    sentBy.set(name, done);
    if (!lockstep) tickIn(chart, since + phaseOf.get(name)! + done * periodS * 1000 - Date.now());
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
    if (!lockstep) for (const chart of charts) tickIn(chart, phaseOf.get(chart.name!)!);
  } else if (line === 'stop') {
    sending = false;
    process.stdout.write(`sent ${sent}\n`);
    await Promise.all(charts.map((c) => c.stop()));
    await transport.close();
    process.exit(0);
  }
}
