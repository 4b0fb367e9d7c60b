import { describe, expect, it } from 'vitest';
import type { UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { readCorrelation } from '../../server/net/correlationHeaders.ts';
import { MirosNets } from '../../server/net/MirosNets.ts';
import { InProcessBroker, InProcessBus } from '../../server/net/transport/InProcessBus.ts';
import { waitFor } from './waitFor.ts';

const demoKey = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';
const received = 1_700_000_000_000;

function pair(a: Partial<ConstructorParameters<typeof MirosNets>[0]> = {}, b: Partial<ConstructorParameters<typeof MirosNets>[0]> = {}) {
  const broker = new InProcessBroker();
  const now = () => received;
  const left = new MirosNets({ transport: new InProcessBus({ broker, now }), meshKey: demoKey, node: 'left', senderAddress: '10.0.0.1', txRoutingKey: 'heya.man', rxRoutingKey: '#.man', now, ...a });
  const right = new MirosNets({ transport: new InProcessBus({ broker, now }), meshKey: demoKey, node: 'right', senderAddress: '10.0.0.2', txRoutingKey: 'yo.man', rxRoutingKey: '#.man', now, ...b });
  return { left, right };
}

describe('MirosNets over the in-process bus', () => {
  it('carries mesh, trace and spy messages to every listener as records with correlation', async () => {
    const { left, right } = pair();
    const got: UnnumberedRecord[] = [];
    right.onMesh((r) => void got.push(r));
    right.onTrace((r) => void got.push(r));
    right.onSpy((r) => void got.push(r));
    await right.ready();
    left.transmit({ signal: 'other_to_inner', payload: 'ao1' }, { chart: 'ao1' });
    left.publishTrace('\n[2018-05-04 09:23:34.178157] [ao1] e->to_inner() outer->inner\n');
    left.publishSpy('ao1', 'ENTRY_SIGNAL:inner');
    await waitFor(() => expect(got.length).toBe(3));
    const mesh = got.find((r) => r.kind === 'mesh')!;
    expect(mesh).toMatchObject({ kind: 'mesh', chart: 'ao1', node: 'left', sender: '10.0.0.1', signal: 'other_to_inner', payload: 'ao1', routingKey: 'heya.man' });
    expect(mesh.kind === 'mesh' && mesh.correlation?.seq).toBe(1);
    expect(got.map((r) => [r.kind, r.chart, r.node, r.raw])).toEqual([
      ['mesh', 'ao1', 'left', '{"signal_name": "other_to_inner", "payload": "ao1"}'],
      ['trace', 'ao1', 'left', '[2018-05-04 09:23:34.178157] [ao1] e->to_inner() outer->inner'],
      ['spy', 'ao1', 'left', 'ao1 ENTRY_SIGNAL:inner'],
    ]);
  });

  it('binds the mesh with the rx pattern: a tx key outside it is not heard', async () => {
    const { left, right } = pair({ txRoutingKey: 'heya.woman' });
    const got: string[] = [];
    right.onMesh((r) => void got.push(r.raw));
    await right.ready();
    left.transmit({ signal: 'a' });
    right.transmit({ signal: 'b' }); // yo.man: heard by right itself, as in miros-rabbitmq
    await waitFor(() => expect(got.length).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(got).toEqual(['{"signal_name": "b", "payload": null}']);
  });

  it('uses the mesh key for all three networks unless the others are given', async () => {
    const traceKey = Fernet.generateKey();
    const { left, right } = pair({ traceKey }, {});
    const records: string[] = [];
    const meta: string[] = [];
    right.onTrace((r) => void records.push(r.kind));
    right.onSpy((r) => void records.push(r.kind));
    right.onMeta((r) => void meta.push(`${r.event}:${r.reason}:${r.network}`));
    await right.ready();
    left.publishTrace('[2018-05-04 09:23:34.178157] [ao1] e->to_inner() outer->inner');
    left.publishSpy('ao1', 'START');
    await waitFor(() => expect(records.length + meta.length).toBe(2));
    expect([records, meta, right.counters().rejected]).toEqual([['spy'], ['rejected:wrong-key:trace'], { 'wrong-key': 1 }]);
  });

  it('still delivers to other handlers when one throws, and counts the throw', async () => {
    const { left, right } = pair();
    const got: string[] = [];
    right.onSpy(() => {
      throw new Error('bad handler');
    });
    right.onSpy((r) => void got.push(r.raw));
    await right.ready();
    left.publishSpy('ao1', 'START');
    left.publishSpy('ao1', 'ENTRY_SIGNAL:outer');
    await waitFor(() => expect(got).toEqual(['ao1 START', 'ao1 ENTRY_SIGNAL:outer']));
    expect(right.counters().rejected).toEqual({ 'handler-error': 2 });
  });

  it('speaks JSON bodies between TypeScript nodes when asked to', async () => {
    const { left, right } = pair({ body: 'json' });
    const got: unknown[] = [];
    right.onMesh((r) => void got.push(r.kind === 'mesh' && r.payload));
    await right.ready();
    left.transmit({ signal: 's', payload: { n: [1, 2] } });
    await waitFor(() => expect(got).toEqual([{ n: [1, 2] }]));
  });

  it('numbers messages per network, so a receiver can count gaps on the one network it hears', async () => {
    const { left, right } = pair();
    const seqs: [string, number | undefined][] = [];
    const seqOf = (r: UnnumberedRecord, d: { props: { headers?: Record<string, unknown> } }) => void seqs.push([r.kind, readCorrelation(d.props.headers).seq]);
    right.onMesh(seqOf);
    right.onSpy(seqOf);
    await right.ready();
    left.publishSpy('ao1', 'START');
    left.transmit({ signal: 'a' }, { chart: 'ao1' });
    left.publishSpy('ao1', 'ENTRY_SIGNAL:outer');
    left.transmit({ signal: 'b' }, { chart: 'ao1' });
    await waitFor(() => expect(seqs.length).toBe(4));
    expect(seqs.sort()).toEqual([['mesh', 1], ['mesh', 2], ['spy', 1], ['spy', 2]]);
  });

  it('announces a chart topology on its next snoop message, then again only after a quiet interval', async () => {
    let clock = received;
    const broker = new InProcessBroker();
    const now = () => clock;
    const left = new MirosNets({ transport: new InProcessBus({ broker, now }), meshKey: demoKey, node: 'left', now });
    const right = new MirosNets({ transport: new InProcessBus({ broker, now }), meshKey: demoKey, node: 'right', now });
    const got: unknown[] = [];
    const headers: boolean[] = [];
    right.onSpy((r, delivery) => {
      got.push(r.kind === 'meta' ? [r.event, r.chart, r.states] : [r.kind, r.raw]);
      if (r.kind === 'spy') headers.push(delivery.props.headers?.['x-miroscope-topology'] !== undefined);
    });
    await right.ready();
    left.announceTopology('ao1', [{ name: 'outer', parent: null }, { name: 'inner', parent: 'outer' }]);
    left.publishSpy('ao1', 'START');
    left.publishSpy('ao1', 'ENTRY_SIGNAL:outer'); // within the repeat interval: no header
    clock += 5_000;
    left.publishSpy('ao1', 'INIT_SIGNAL:outer'); // the repeat: sent, but the same, so not recorded again
    left.announceTopology('ao1', [{ name: 'outer', parent: null }, { name: 'inner', parent: 'outer' }, { name: 'deep', parent: 'inner' }]);
    left.publishSpy('ao1', 'ENTRY_SIGNAL:inner');
    await waitFor(() => expect(got.length).toBe(6));
    const states = [{ name: 'outer', parent: null }, { name: 'inner', parent: 'outer' }];
    expect(got).toEqual([
      ['spy', 'ao1 START'],
      ['topology', 'ao1', states],
      ['spy', 'ao1 ENTRY_SIGNAL:outer'],
      ['spy', 'ao1 INIT_SIGNAL:outer'],
      ['spy', 'ao1 ENTRY_SIGNAL:inner'],
      ['topology', 'ao1', [...states, { name: 'deep', parent: 'inner' }]],
    ]);
    expect(headers).toEqual([true, false, true, true]);
  });

  it('records a topology repeated on the other snoop network once (issue 10: a topology row per transition)', async () => {
    let clock = received;
    const broker = new InProcessBroker();
    const now = () => clock;
    const left = new MirosNets({ transport: new InProcessBus({ broker, now }), meshKey: demoKey, node: 'left', now });
    const right = new MirosNets({ transport: new InProcessBus({ broker, now }), meshKey: demoKey, node: 'right', now });
    const got: string[] = [];
    right.onSpy((r) => void got.push(r.kind === 'meta' ? `${r.event}` : r.kind));
    right.onTrace((r) => void got.push(r.kind === 'meta' ? `${r.event}` : r.kind));
    await right.ready();
    left.announceTopology('ao1', [{ name: 'outer', parent: null }]);
    left.publishSpy('ao1', 'START');
    await waitFor(() => expect(got.length).toBe(2));
    clock += 5_000;
    left.publishTrace('\n[2018-05-04 09:23:34.178157] [ao1] e->to_inner() outer->inner\n');
    clock += 5_000;
    left.publishSpy('ao1', 'ENTRY_SIGNAL:inner');
    await waitFor(() => expect(got.filter((k) => k !== 'topology')).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(got.filter((k) => k === 'topology')).toHaveLength(1);
  });
});
