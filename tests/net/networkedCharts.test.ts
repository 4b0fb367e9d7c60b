/**
 * NetworkedActiveObject and NetworkedFactory on the in-process bus (the
 * transport is the far side; the charts, codecs and MirosNets are ours and
 * real). Timers run on a virtual clock, so every transition and trace
 * timestamp is deterministic; messages still cross the bus asynchronously,
 * as they would cross a broker.
 */
import { describe, expect, it } from 'vitest';
import type { UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { ChartNetwork } from '../../server/net/charts/ChartNetwork.ts';
import { NetworkedActiveObject } from '../../server/net/charts/NetworkedActiveObject.ts';
import type { NetworkedChartOptions } from '../../server/net/charts/NetworkedChartOptions.ts';
import { NetworkedFactory } from '../../server/net/charts/NetworkedFactory.ts';
import { mirosMessageProperties } from '../../server/net/correlationHeaders.ts';
import { MessageCodec } from '../../server/net/MessageCodec.ts';
import { meshItem } from '../../server/net/mirosItems.ts';
import { MirosNets } from '../../server/net/MirosNets.ts';
import { InProcessBroker, InProcessBus } from '../../server/net/transport/InProcessBus.ts';
import { TransportClosedError } from '../../server/net/transport/TransportClosedError.ts';
import { Event, formatTimestamp, ReturnStatus, spyOn, VirtualClock } from '../../server/statechart/index.ts';
import { buildSeedFactory } from '../../examples/seedChartFactory.ts';
import { seedChartStates } from '../../examples/seedChartStates.ts';
import { waitFor } from './waitFor.ts';

const KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';
const START = Date.UTC(2026, 0, 2, 3, 4, 5);
const settle = () => new Promise((resolve) => setTimeout(resolve, 15));

function world() {
  const broker = new InProcessBroker();
  const clock = new VirtualClock(START);
  const printed: Record<string, string[]> = {};
  const options = (name: string, extra: Partial<NetworkedChartOptions> = {}): NetworkedChartOptions => {
    printed[name] = [];
    return {
      transport: new InProcessBus({ broker }),
      meshEncryptionKey: KEY,
      txRoutingKey: 'heya.man',
      rxRoutingKey: '#.man',
      clock,
      node: `node-${name}`,
      print: (text) => void printed[name]!.push(text),
      ...extra,
    };
  };
  const peer = () => new MirosNets({ transport: new InProcessBus({ broker }), meshKey: KEY, node: 'peer', txRoutingKey: 'peer.man', rxRoutingKey: '#' });
  return { broker, clock, printed, options, peer };
}

/** [signal, from, to] of each trace entry. */
function moves(chart: NetworkedActiveObject | NetworkedFactory): string[][] {
  return (chart.trace() ?? '')
    .trim()
    .split('\n')
    .map((line) => /e->(\w+)\(\) (\w+)->(\w+)$/.exec(line)!.slice(1));
}

/** A one-state chart that keeps every event it is given. */
function recorder() {
  const seen: [string, unknown][] = [];
  const only = spyOn(function only(chart: NetworkedActiveObject, e: Event): number {
    if (e.signal > 10) {
      seen.push([e.signalName, e.payload]);
      return ReturnStatus.HANDLED;
    }
    return e.signalName === 'ENTRY_SIGNAL' || e.signalName === 'INIT_SIGNAL' ? ReturnStatus.HANDLED : chart.super(chart.top);
  });
  return { seen, only };
}

describe('networked seed charts', () => {
  it('follow each other over the mesh as the seed page describes, each on its own timers too', async () => {
    const w = world();
    const a = new NetworkedActiveObject('aaaaa_ao', w.options('aaaaa_ao'));
    const b = new NetworkedActiveObject('bbbbb_ao', w.options('bbbbb_ao'));
    a.startAt(seedChartStates(() => 2).outer);
    b.startAt(seedChartStates(() => 7).outer);
    await settle();
    for (let second = 0; second < 9; second++) {
      w.clock.advance(1);
      await settle();
    }
    await Promise.all([a.stop(), b.stop()]);
    // a: timers every 2 s. b: 7 s timers, but it follows a's other_ events first.
    expect([moves(a), moves(b)]).toEqual([
      [['start_at', 'top', 'outer'], ['to_inner', 'outer', 'inner'], ['to_outer', 'inner', 'outer'], ['to_inner', 'outer', 'inner'], ['to_outer', 'inner', 'outer']],
      [['start_at', 'top', 'outer'], ['other_to_inner', 'outer', 'inner'], ['other_to_outer', 'inner', 'outer'], ['other_to_inner', 'outer', 'inner'], ['other_to_outer', 'inner', 'outer']],
    ]);
    expect([a.networkCounters().ignored, b.networkCounters().ignored]).toEqual([{ own: 5, reserved: 0 }, { own: 5, reserved: 0 }]);
  });

  it('work the same when one of them is a NetworkedFactory', async () => {
    const w = world();
    const a = new NetworkedActiveObject('aaaaa_ao', w.options('aaaaa_ao'));
    const f = new NetworkedFactory('fffff_fo', w.options('fffff_fo'));
    a.startAt(seedChartStates(() => 2).outer);
    f.startAt(buildSeedFactory(f, () => 7));
    await settle();
    for (let second = 0; second < 5; second++) {
      w.clock.advance(1);
      await settle();
    }
    await Promise.all([a.stop(), f.stop()]);
    expect(moves(f)).toEqual([['start_at', 'top', 'outer'], ['other_to_inner', 'outer', 'inner'], ['other_to_outer', 'inner', 'outer']]);
  });
});

describe('seed charts whose timers move them in opposite directions at the same moment', () => {
  /** a in inner, b in outer, then both timers fire at once: a → outer, b → inner. */
  async function collide(echo: boolean) {
    const w = world();
    const a = new NetworkedActiveObject('aaaaa_ao', w.options('aaaaa_ao'));
    const b = new NetworkedActiveObject('bbbbb_ao', w.options('bbbbb_ao'));
    const states = seedChartStates(() => 100, { echo });
    a.startAt(states.outer);
    b.startAt(states.outer);
    await settle();
    b.registerNetworkMessageCallback(() => {}); // b does not follow a this once
    a.postFifo(new Event('to_inner'));
    await settle();
    b.registerNetworkMessageCallback(null);
    a.postFifo(new Event('to_outer'));
    b.postFifo(new Event('to_inner'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all([a.stop(), b.stop()]);
    return { a: moves(a).slice(2), b: moves(b).slice(1) };
  }

  it('swap states back and forth at network speed with the page design (each re-transmits what moved it)', async () => {
    const { a, b } = await collide(true);
    expect(a.slice(0, 3)).toEqual([['to_outer', 'inner', 'outer'], ['other_to_inner', 'outer', 'inner'], ['other_to_outer', 'inner', 'outer']]);
    expect(a.length).toBeGreaterThan(10);
    expect(b.length).toBeGreaterThan(10);
  });

  it('settle after one swap without echo: a move a peer caused is never sent back', async () => {
    const { a, b } = await collide(false);
    expect({ a, b }).toEqual({
      a: [['to_outer', 'inner', 'outer'], ['other_to_inner', 'outer', 'inner']],
      b: [['to_inner', 'outer', 'inner'], ['other_to_outer', 'inner', 'outer']],
    });
  });
});

describe('NetworkedActiveObject mesh reception', () => {
  it('posts received events FIFO, skipping its own transmits (payload = its name) and reserved signals', async () => {
    const w = world();
    const { seen, only } = recorder();
    const chart = new NetworkedActiveObject('rec_ao', w.options('rec_ao'));
    chart.startAt(only);
    await chart.network.ready();
    const peer = w.peer();
    peer.transmit({ signal: 'first', payload: 1 });
    peer.transmit({ signal: 'mine', payload: 'rec_ao' });
    peer.transmit({ signal: 'STOP_ACTIVE_OBJECT_SIGNAL' });
    peer.transmit({ signal: 'second', payload: { n: [1, 'two'] } });
    peer.transmit({ signal: 'third' });
    await waitFor(() => expect(seen.length).toBe(3));
    const { posted, ignored, received } = chart.networkCounters();
    expect([seen, posted, ignored, received.mesh, chart.isRunning]).toEqual([
      [['first', 1], ['second', { n: [1, 'two'] }], ['third', null]],
      3,
      { own: 1, reserved: 1 },
      5,
      true,
    ]);
    await chart.stop();
  });

  it('hands every mesh event to a registered callback instead, its own included', async () => {
    const w = world();
    const { seen, only } = recorder();
    const chart = new NetworkedActiveObject('cb_ao', w.options('cb_ao'));
    const heard: unknown[] = [];
    chart.registerNetworkMessageCallback((event, record) => heard.push([event.signalName, event.payload, record.node]));
    chart.startAt(only);
    chart.transmit(new Event('echo', 'cb_ao'));
    w.peer().transmit({ signal: 'hello' });
    await waitFor(() => expect(heard.length).toBe(2));
    expect([heard, seen]).toEqual([[['echo', 'cb_ao', 'node-cb_ao'], ['hello', null, 'peer']], []]);
    await chart.stop();
  });

  it('counts the messages a peer sent that never arrived, from its per-network sequence numbers', async () => {
    const w = world();
    const { only } = recorder();
    const chart = new NetworkedActiveObject('gap_ao', w.options('gap_ao'));
    chart.startAt(only);
    await chart.network.ready();
    const bus = new InProcessBus({ broker: w.broker });
    const codec = new MessageCodec({ network: 'mesh', key: KEY });
    for (const seq of [4, 5, 8, 9, 12]) {
      bus.publish('miros.mesh.exchange', 'x.man', codec.encode(meshItem('10.0.0.9', { signal: `s${seq}` })), mirosMessageProperties({ node: 'lossy', seq, chart: 'lossy_ao' }));
    }
    await waitFor(() => expect(chart.networkCounters().received.mesh).toBe(5));
    const { missed, heard } = chart.networkCounters();
    // 6, 7, 10 and 11 never came; what came before 4 is not a loss.
    expect([missed, heard['mesh lossy_ao@lossy']]).toEqual([4, { first: 4, last: 12, received: 5, missed: 4 }]);
    await chart.stop();
  });
});

describe('snoop output', () => {
  it('prints every chart’s trace and spy lines as miros-rabbitmq does: own name blue, others purple, or plain', async () => {
    const w = world();
    const a = new NetworkedActiveObject('aaaaa_ao', w.options('aaaaa_ao'));
    const b = new NetworkedActiveObject('bbbbb_ao', w.options('bbbbb_ao'));
    a.enableSnoopTrace();
    a.enableSnoopSpy();
    b.enableSnoopTraceNoColor();
    a.startAt(recorder().only);
    await waitFor(() => expect(w.printed['aaaaa_ao']!.length).toBe(6));
    b.startAt(recorder().only);
    await waitFor(() => expect(w.printed['bbbbb_ao']!.length).toBe(1));
    w.clock.advance(1.5);
    a.snoopScribble('hello all');
    await waitFor(() => expect(w.printed['bbbbb_ao']!.length).toBe(2));
    await Promise.all([a.stop(), b.stop()]);

    const at = (seconds: number) => formatTimestamp(START + seconds * 1000);
    const [blue, purple, grey, reset] = ['\x1b[34m', '\x1b[35m', '\x1b[30;1m', '\x1b[0m'];
    expect(w.printed).toEqual({
      aaaaa_ao: [
        ` [+t] [${at(0)}] [${blue}aaaaa_ao${reset}] e->start_at() top->only`,
        ` [+s] ${blue}aaaaa_ao${reset} START`,
        ` [+s] ${blue}aaaaa_ao${reset} SEARCH_FOR_SUPER_SIGNAL:only`,
        ` [+s] ${blue}aaaaa_ao${reset} ENTRY_SIGNAL:only`,
        ` [+s] ${blue}aaaaa_ao${reset} INIT_SIGNAL:only`,
        ` [+s] ${blue}aaaaa_ao${reset} <- Queued:(0) Deferred:(0)`,
        ` [+t] [${at(0)}] [${purple}bbbbb_ao${reset}] e->start_at() top->only`,
        ` [+t] [${at(1.5)}] [${blue}aaaaa_ao${reset}] ${grey}# hello all${reset}`,
      ],
      // The library prints a received scribble as it came: coloured by its sender, even on a no-colour node.
      bbbbb_ao: [` [+t] [${at(0)}] [bbbbb_ao] e->start_at() top->only`, ` [+t] [${at(1.5)}] [aaaaa_ao] ${grey}# hello all${reset}`],
    });
  });

  it('sends and reads back the spy lines of a chart whose name holds spaces (issue 8)', async () => {
    const w = world();
    const chart = new NetworkedActiveObject('a spaced ao', w.options('a spaced ao'));
    const other = new NetworkedActiveObject('watcher_ao', w.options('watcher_ao'));
    other.enableSnoopSpyNoColor();
    const records: [string | null, string][] = [];
    w.peer().onSpy((r) => void (r.kind === 'spy' && records.push([r.chart, r.line])));
    other.startAt(recorder().only);
    await waitFor(() => expect(w.printed['watcher_ao']!.length).toBe(5));
    chart.enableSnoopSpy();
    chart.startAt(recorder().only);
    await waitFor(() => expect(records.filter(([c]) => c === 'a spaced ao')).toHaveLength(5));
    await Promise.all([chart.stop(), other.stop()]);
    expect(records.filter(([c]) => c === 'a spaced ao').map(([, line]) => line)).toEqual([
      'START',
      'SEARCH_FOR_SUPER_SIGNAL:only',
      'ENTRY_SIGNAL:only',
      'INIT_SIGNAL:only',
      '<- Queued:(0) Deferred:(0)',
    ]);
    expect(w.printed['watcher_ao']!.slice(5)).toEqual([' [+s] a spaced ao START', ' [+s] a spaced ao SEARCH_FOR_SUPER_SIGNAL:only', ' [+s] a spaced ao ENTRY_SIGNAL:only', ' [+s] a spaced ao INIT_SIGNAL:only', ' [+s] a spaced ao <- Queued:(0) Deferred:(0)']);
  });

  it('hands received trace and spy records to registered callbacks instead of printing them', async () => {
    const w = world();
    const chart = new NetworkedActiveObject('cbs_ao', w.options('cbs_ao'));
    const got: string[] = [];
    chart.registerNetworkTraceCallback((r) => void got.push(`${r.kind}:${r.raw}`));
    chart.registerNetworkSpyCallback((r) => void (r.kind === 'spy' && got.push(`spy:${r.line}`)));
    chart.enableSnoopTraceNoColor();
    chart.enableSnoopSpyNoColor();
    chart.startAt(recorder().only);
    await waitFor(() => expect(got.length).toBe(6));
    await chart.stop();
    expect([got.sort(), w.printed['cbs_ao']]).toEqual([
      [
        'spy:<- Queued:(0) Deferred:(0)',
        'spy:ENTRY_SIGNAL:only',
        'spy:INIT_SIGNAL:only',
        'spy:SEARCH_FOR_SUPER_SIGNAL:only',
        'spy:START',
        `trace:[${formatTimestamp(START)}] [cbs_ao] e->start_at() top->only`,
      ],
      [],
    ]);
  });

  it('keeps a scribble local when no snoop network is on', async () => {
    const w = world();
    const chart = new NetworkedActiveObject('quiet_ao', w.options('quiet_ao'));
    chart.startAt(recorder().only);
    chart.snoopScribble('just me');
    expect(chart.spyRtc().at(-1)).toBe(`[${formatTimestamp(START)}] [quiet_ao] \x1b[30;1m# just me\x1b[0m`);
    expect(chart.networkCounters().published).toEqual({ mesh: { sent: 0, buffered: 0, dropped: 0 }, trace: { sent: 0, buffered: 0, dropped: 0 }, spy: { sent: 0, buffered: 0, dropped: 0 } });
    await chart.stop();
  });
});

describe('topology announcements', () => {
  async function announced(build: (w: ReturnType<typeof world>) => NetworkedActiveObject | NetworkedFactory, steps: number) {
    const w = world();
    const listener = new MirosNets({ transport: new InProcessBus({ broker: w.broker }), meshKey: KEY });
    const topologies: unknown[] = [];
    listener.onTrace((r: UnnumberedRecord) => void (r.kind === 'meta' && r.event === 'topology' && topologies.push(r.states)));
    const chart = build(w);
    for (let i = 0; i < steps; i++) {
      w.clock.advance(5);
      await settle();
    }
    await chart.stop();
    return topologies;
  }

  it('a factory announces its whole nest table with its first trace line', async () => {
    const topologies = await announced((w) => {
      const f = new NetworkedFactory('topo_fo', w.options('topo_fo'));
      f.enableSnoopTrace();
      f.startAt(buildSeedFactory(f, () => 100));
      return f;
    }, 1);
    expect(topologies).toEqual([[{ name: 'outer', parent: null }, { name: 'inner', parent: 'outer' }]]);
  });

  it('an active object announces states as it learns them, again when something new is learned', async () => {
    const topologies = await announced((w) => {
      const a = new NetworkedActiveObject('topo_ao', w.options('topo_ao'));
      a.enableSnoopTrace();
      a.startAt(seedChartStates(() => 6).outer);
      return a;
    }, 2);
    expect(topologies).toEqual([[{ name: 'outer', parent: null }], [{ name: 'outer', parent: null }, { name: 'inner', parent: 'outer' }]]);
  });
});

describe('lifecycle', () => {
  it('starts without a reachable broker: the chart runs, publishes are buffered and counted, stop() closes cleanly', async () => {
    const chart = new NetworkedActiveObject('nobroker_ao', {
      meshEncryptionKey: KEY,
      amqpUrl: 'amqp://guest:guest@127.0.0.1:1/',
      amqp: { backoff: { initialMs: 50, maxMs: 200 } },
      print: () => undefined,
    });
    chart.enableSnoopTrace();
    chart.startAt(seedChartStates(() => 0.05).outer);
    await waitFor(() => expect(moves(chart).length).toBeGreaterThanOrEqual(3), 5_000);
    await waitFor(() => expect(chart.networkCounters().errors).toBeGreaterThan(0), 5_000);
    const before = chart.networkCounters();
    await chart.stop();
    const after = chart.networkCounters();
    const buffered = before.published.mesh.buffered + before.published.trace.buffered;
    expect([before.state === 'connecting' || before.state === 'waiting', before.published.mesh.sent + before.published.trace.sent, buffered > 2, after.state, after.transport!.dropped.closed === buffered]).toEqual([
      true,
      0,
      true,
      'closed',
      true,
    ]);
    expect(before.lastError).not.toContain('guest:guest');
  });

  it('closes the transport it opened but not one it was given, and refuses to transmit after stop()', async () => {
    const w = world();
    const given = new InProcessBus({ broker: w.broker });
    const chart = new NetworkedActiveObject('life_ao', w.options('life_ao', { transport: given }));
    chart.startAt(recorder().only);
    await chart.stop();
    expect([given.state, chart.isRunning]).toEqual(['connected', false]);
    expect(() => chart.transmit(new Event('late'))).toThrow(TransportClosedError);
  });

  it('needs a name (spaces allowed, as miros-rabbitmq allows them) and a mesh key', () => {
    expect(new NetworkedActiveObject('two words', { meshEncryptionKey: KEY }).name).toBe('two words');
    expect(() => new NetworkedFactory('', { meshEncryptionKey: KEY })).toThrow(RangeError);
    expect(() => new NetworkedActiveObject('ok', {} as NetworkedChartOptions)).toThrow(/meshEncryptionKey/);
    expect(new ChartNetwork(new NetworkedActiveObject('ok', { meshEncryptionKey: KEY }), { meshEncryptionKey: KEY }).isOpen).toBe(false);
  });
});
