/**
 * `npm run example -- <name> [--seconds N]`: runs one example from this folder.
 */
const examples: Record<string, () => Promise<{ main(args: string[]): Promise<void> }>> = {
  'outer-inner': () => import('./outerInner.ts'),
  'networked-ao': () => import('./networkedAo.ts'),
  'networked-factory': () => import('./networkedFactory.ts'),
};

const [name, ...rest] = process.argv.slice(2);
if (!name || !(name in examples)) {
  console.error(`usage: npm run example -- <${Object.keys(examples).join('|')}> [--seconds N]`);
  process.exit(2);
}
const { main } = await examples[name]!();
await main(rest);

export {};
