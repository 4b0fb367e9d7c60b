/**
 * Hooks a SenderGaps tracker onto the networks the server listens to: each
 * delivery's number is noted, and a gap becomes a `missed` record on the
 * same ingest path as everything else (numbered, relayed, recorded,
 * counted). Kept beside NetworkListener rather than inside it, so the
 * listener decides what is heard and this only watches the numbering.
 */
import type { UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import type { MirosNets } from '../net/MirosNets.ts';
import type { MirosNetwork } from '../net/mirosTopology.ts';
import { SenderGaps } from './SenderGaps.ts';

export interface FollowSenderGapsOptions {
  nets: MirosNets;
  /** Only networks the listener already listens to (a new one would bind another queue). */
  networks: readonly MirosNetwork[];
  ingest: (record: UnnumberedRecord) => void;
  gaps?: SenderGaps;
}

/** Starts following; returns the tracker and the function that stops it. */
export function followSenderGaps(options: FollowSenderGapsOptions): { gaps: SenderGaps; stop: () => void } {
  const gaps = options.gaps ?? new SenderGaps();
  const { nets, ingest } = options;
  const offs = options.networks.map((network) => {
    const listen = network === 'mesh' ? nets.onMesh : network === 'trace' ? nets.onTrace : nets.onSpy;
    return listen.call(nets, (_record, delivery) => {
      const missed = gaps.see(network, delivery.props.headers, delivery.received);
      if (missed) ingest(missed);
    });
  });
  return { gaps, stop: () => offs.forEach((off) => off()) };
}
