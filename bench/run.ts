/**
 * `npm run bench -- <name> [options]`: runs one benchmark. Each benchmark
 * prints its numbers and the ratio against a baseline measured in the same
 * process, so the figures are comparable on whatever machine runs them.
 */
const benches: Record<string, () => Promise<{ main(args: string[]): Promise<void> }>> = {
  engine: () => import('./engine.bench.ts'),
  wire: () => import('./wire.bench.ts'),
  relay: () => import('./relay.bench.ts'),
  web: () => import('./web.bench.ts'),
  sequence: () => import('./sequence.bench.ts'),
  abuse: () => import('./abuse.bench.ts'),
  soak: () => import('./soak.bench.ts'),
  scale: () => import('./scale.bench.ts'),
};

const [name, ...rest] = process.argv.slice(2);
if (!name || !(name in benches)) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
const { main } = await benches[name]!();
await main(rest);

export {};
