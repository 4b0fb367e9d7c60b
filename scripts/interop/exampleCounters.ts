/**
 * What one of our example processes says it published, from the line it
 * writes on stderr when it stops (examples/seedChartRun.ts):
 *
 *   04ccc_ao: stopped; published {"sent":168,"buffered":2,"dropped":0} on the mesh, {…} trace, {…} spy; received …
 *
 * `sent` went out at once, `buffered` was held while the connection came up
 * and flushed after it, `dropped` never went out.
 */
export type Network = 'mesh' | 'trace' | 'spy';
export const NETWORKS: readonly Network[] = ['trace', 'spy', 'mesh'];

export interface Published {
  sent: number;
  buffered: number;
  dropped: number;
}

const STOPPED = /^(\S+): stopped; published (\{[^}]*\}) on the mesh, (\{[^}]*\}) trace, (\{[^}]*\}) spy;/m;

export function exampleCounters(stderr: string): { chart: string; published: Record<Network, Published> } | null {
  const m = STOPPED.exec(stderr);
  if (!m) return null;
  const read = (json: string): Published => {
    const value = JSON.parse(json) as Partial<Published>;
    return { sent: value.sent ?? 0, buffered: value.buffered ?? 0, dropped: value.dropped ?? 0 };
  };
  return { chart: m[1]!, published: { mesh: read(m[2]!), trace: read(m[3]!), spy: read(m[4]!) } };
}
