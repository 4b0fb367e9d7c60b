/**
 * A load chart for failover tests: one state that transmits numbered `ping`
 * events at a steady rate and notes every `ping` it hears.
 *
 *   +----------------------- pinging ------------------------+
 *   | ENTRY: tick every 10 ms (forever)                      |
 *   | tick:  transmit ping(n+1) … ping(m), as many as keeps  |
 *   |        the rate at `perSecond` since the last resume   |
 *   |        (timers run late under load: the next ticks     |
 *   |        catch up, ≤ 0.25 s worth each), while `load.on` |
 *   | ping:  note (n, when) in `heard`                       |
 *   +--------------------------------------------------------+
 *
 * The payload is the sender's own count: what a receiver misses is found
 * from the numbers alone, independently of the x-miroscope-seq header the
 * code under test counts with.
 */
import { Event, ReturnStatus, signals, spyOn, type StateHandler } from '../../server/statechart/index.ts';
import type { NetworkedActiveObject } from '../../server/net/charts/NetworkedActiveObject.ts';

const { HANDLED } = ReturnStatus;
const { ENTRY_SIGNAL, ping_tick, ping } = signals;

export interface PingLoad {
  /** Transmitting now (false: ticks send nothing). */
  on: boolean;
  perSecond: number;
  /** Per chart: pings sent (the last number used). */
  sent: Map<string, number>;
  /** Per chart: the numbers heard, with the time each arrived. */
  heard: Map<string, { n: number; at: number }[]>;
  /** Where the current rate was counted from (set by resume()). */
  since: Map<string, { at: number; sent: number }>;
  /** Milliseconds spent transmitting, over every resume … pause. */
  onMs: number;
}

export function pingLoad(perSecond: number): PingLoad {
  return { on: false, perSecond, sent: new Map(), heard: new Map(), since: new Map(), onMs: 0 };
}

/** Starts (or restarts) transmitting, counting the rate from now. */
export function resume(load: PingLoad): void {
  if (load.on) return;
  const at = Date.now();
  for (const [chart, sent] of load.sent) load.since.set(chart, { at, sent });
  load.on = true;
}

/** Stops transmitting (ticks go on, sending nothing). */
export function pause(load: PingLoad): void {
  if (!load.on) return;
  load.on = false;
  load.onMs += Date.now() - Math.min(...[...load.since.values()].map((s) => s.at));
}

/** Pings per second while transmitting, all charts together. */
export function rate(load: PingLoad): number {
  const total = [...load.sent.values()].reduce((n, s) => n + s, 0);
  return (total * 1000) / load.onMs;
}

export function pingState(load: PingLoad): StateHandler<NetworkedActiveObject> {
  return spyOn(function pinging(chart: NetworkedActiveObject, e: Event): number {
    const name = chart.name!;
    switch (e.signal) {
      case ENTRY_SIGNAL:
        load.sent.set(name, 0);
        load.heard.set(name, []);
        chart.postFifo(new Event(ping_tick), { period: 0.01, times: 0, deferred: true });
        return HANDLED;
      case ping_tick: {
        if (!load.on) return HANDLED;
        const since = load.since.get(name) ?? { at: Date.now(), sent: load.sent.get(name)! };
        load.since.set(name, since);
        // Catch up at most a quarter second per tick: a starved event loop
        // must not turn into one burst bigger than the peer's event queue (500).
        const due = Math.min(since.sent + Math.floor(((Date.now() - since.at) * load.perSecond) / 1000), load.sent.get(name)! + load.perSecond / 4);
        for (let n = load.sent.get(name)! + 1; n <= due; n++) {
          load.sent.set(name, n);
          chart.transmit(new Event(ping, n));
        }
        return HANDLED;
      }
      case ping:
        load.heard.get(name)!.push({ n: e.payload as number, at: Date.now() });
        return HANDLED;
      default:
        return chart.super(chart.top);
    }
  });
}
