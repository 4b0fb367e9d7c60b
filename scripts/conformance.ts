/**
 * `npm run conformance -- <suite> <folder>`: checks a folder of golden cases.
 *
 *   miros     cases in the format of ../shared/conformance/miros/FORMAT.md
 *   sequence  NAME.trace.txt / NAME.expected.txt pairs (sequence.rb ASCII)
 *
 * Each suite prints one line per case, then `N passed, N failed`, and the
 * process exits non-zero on any failure.
 */
const suites: Record<string, () => Promise<{ main(folder: string): Promise<number> }>> = {
  miros: () => import('../server/statechart/conformance/runMirosConformance.ts'),
  sequence: () => import('../shared/sequence/conformance/runSequenceConformance.ts'),
};

const [suite, folder] = process.argv.slice(2);
if (!suite || !folder || !(suite in suites)) {
  console.error(`usage: npm run conformance -- <${Object.keys(suites).join('|')}> <folder>`);
  process.exit(2);
}
const { main } = await suites[suite]!();
process.exitCode = await main(folder);

export {};
