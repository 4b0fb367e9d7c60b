/**
 * A burst of mesh events (a peer's held publishes after a broker failover)
 * waits for room in the chart's 500-event queue instead of overflowing it:
 * all run, in order; beyond the inbox's bound they are refused as
 * `queue-full`, never as handler errors. The chart's own posts keep miros's
 * rule (a full queue throws QueueOverflowError).
 */
import { describe, expect, it } from 'vitest';
import { NetworkedActiveObject } from '../../server/net/charts/NetworkedActiveObject.ts';
import { MirosNets } from '../../server/net/MirosNets.ts';
import { InProcessBroker, InProcessBus } from '../../server/net/transport/InProcessBus.ts';
import { Event, HsmWithQueues, QueueOverflowError, ReturnStatus, spyOn } from '../../server/statechart/index.ts';
import { waitFor } from './waitFor.ts';

const KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';

function burst(count: number, onFirst?: (chart: NetworkedActiveObject) => void) {
  const broker = new InProcessBroker();
  const handled: number[] = [];
  const only = spyOn(function only(chart: NetworkedActiveObject, e: Event): number {
    if (e.signalName === 'burst') {
      handled.push(e.payload as number);
      if (e.payload === 1) onFirst?.(chart);
      return ReturnStatus.HANDLED;
    }
    return e.signal > 10 || e.signalName === 'ENTRY_SIGNAL' || e.signalName === 'INIT_SIGNAL' ? ReturnStatus.HANDLED : chart.super(chart.top);
  });
  const errors: unknown[] = [];
  const chart = new NetworkedActiveObject('burst_ao', {
    transport: new InProcessBus({ broker }),
    meshEncryptionKey: KEY,
    rxRoutingKey: '#.man',
    print: () => undefined,
    onError: (error) => void errors.push(error),
    instrumented: false,
  });
  const peer = new MirosNets({ transport: new InProcessBus({ broker }), meshKey: KEY, node: 'peer', txRoutingKey: 'peer.man' });
  const send = () => {
    // One synchronous loop: the bus hands all of them over in one turn, before the chart runs any.
    for (let n = 1; n <= count; n++) peer.transmit({ signal: 'burst', payload: n }, { chart: 'peer_ao' });
  };
  const stop = () => Promise.all([chart.stop(), peer.close()]);
  return { chart, only, handled, errors, send, stop };
}

describe('a burst of mesh events larger than the chart queue', () => {
  it('runs all 3,000 in order, none lost as a handler error', async () => {
    const b = burst(3_000);
    b.chart.startAt(b.only);
    await b.chart.network.ready();
    b.send();
    await waitFor(() => expect(b.handled.length).toBe(3_000), 20_000, 10);
    const n = b.chart.networkCounters();
    expect(b.handled).toEqual(Array.from({ length: 3_000 }, (_, i) => i + 1));
    expect([n.received.mesh, n.posted, n.rejected, n.transport!.rejected, n.inbox.waiting, b.errors, b.chart.failure]).toEqual([3_000, 3_000, {}, {}, 0, [], undefined]);
    // The burst did pass through the inbox: all but what fitted below the high-water mark waited.
    expect(n.inbox.peak).toBe(3_000 - (HsmWithQueues.QUEUE_SIZE - 100));
    await b.stop();
  }, 30_000);

  it('refuses what exceeds the 10,000-event inbox as queue-full, and still runs the rest in order', async () => {
    const b = burst(12_000);
    b.chart.startAt(b.only);
    await b.chart.network.ready();
    b.send();
    await waitFor(() => expect(b.chart.networkCounters().received.mesh).toBe(12_000), 30_000, 10);
    await waitFor(() => expect(b.handled.length).toBe(10_400), 30_000, 10);
    await b.chart.whenIdle();
    const n = b.chart.networkCounters();
    // 400 posted at once (the queue's high-water mark), 10,000 held, the last 1,600 refused.
    expect(b.handled).toEqual(Array.from({ length: 10_400 }, (_, i) => i + 1));
    expect([n.posted, n.rejected, n.transport!.rejected, n.inbox, b.errors]).toEqual([10_400, { 'queue-full': 1_600 }, {}, { waiting: 0, peak: 10_000 }, []]);
    await b.stop();
  }, 60_000);

  it("leaves the chart's own posts miros's rule: room while the inbox holds events, QueueOverflowError when the chart fills the queue itself", async () => {
    // Seen from the chart's first step: the whole burst has arrived (the bus hands it over in one turn).
    let seen: unknown[] = [];
    const b = burst(1_000, (chart) => {
      const before = [chart.queue.length, chart.networkCounters().inbox.waiting];
      // The burst waits in the inbox; the queue (400 less the event being run) keeps room for the chart's own code.
      for (let i = 0; i < 101; i++) chart.postFifo(new Event('own'));
      let overflow: unknown = null;
      try {
        chart.postFifo(new Event('own'));
      } catch (error) {
        overflow = error;
      }
      seen = [before, chart.queue.length, overflow instanceof QueueOverflowError];
    });
    b.chart.startAt(b.only);
    await b.chart.network.ready();
    b.send();
    await waitFor(() => expect(seen).toEqual([[399, 600], HsmWithQueues.QUEUE_SIZE, true]), 20_000, 10);
    await waitFor(() => expect(b.handled.length).toBe(1_000), 20_000, 10);
    expect(b.handled).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
    await b.stop();
  }, 30_000);
});
