/**
 * The two seed examples as a user runs them: separate processes on the real
 * broker (`npm run example -- networked-ao` / `networked-factory`), timers
 * sped up, their own mesh routing keys so parallel tests stay apart (the
 * snoop networks are shared by everything on the broker, so lines are
 * picked by chart name). Asserted from what each process printed: each
 * chart reacted to the other's other_to_inner / other_to_outer, and each
 * printed the other's trace lines — exactly the lines the other printed
 * for itself, its own name blue and the peer's purple.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../shared/parsers/stripAnsi.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

interface Run {
  /** Resolves when the chart printed its first line (its networks are bound by then). */
  started: Promise<string>;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function runExample(name: string, args: string[]): Run {
  const child = spawn(TSX, ['examples/run.ts', name, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let markStarted!: (name: string) => void;
  let failStart!: (error: Error) => void;
  const started = new Promise<string>((resolve, reject) => ((markStarted = resolve), (failStart = reject)));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    const own = /\[\x1b\[34m(\w+)\x1b\[0m\]/.exec(stdout);
    if (own) markStarted(own[1]!);
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      failStart(new Error(`${name} exited ${code} before printing its start line: ${stderr}`));
      resolve({ code, stdout, stderr });
    }),
  );
  return { started, done };
}

/** The ` [+t] ` lines of `chart`, colours removed. */
function linesOf(stdout: string, chart: string): string[] {
  return stripAnsi(stdout)
    .split('\n')
    .filter((l) => l.startsWith(' [+t] ') && l.includes(`] [${chart}] `));
}

function isContiguousSlice(part: string[], whole: string[]): boolean {
  const start = whole.indexOf(part[0]!);
  return start >= 0 && part.every((line, i) => whole[start + i] === line);
}

describe('the networked seed examples in two processes', () => {
  it.concurrent.each([
    ['networked-ao', 'networked-ao'],
    ['networked-ao', 'networked-factory'],
  ])('%s and %s follow each other and print each other’s trace', async (first, second) => {
    const tag = randomUUID().slice(0, 8);
    const mesh = ['--tx', `heya.${tag}.man`, '--rx', `#.${tag}.man`];
    // Fixed, different paces instead of random ones: a flips every 0.5 s and
    // b follows it; b's own 1.25 s timers fire while both are in outer, and
    // then a follows b. (With random periods one chart can lead every time.)
    // a outlives b by 8 s: b's process can take seconds to start on a loaded
    // machine, and a must still be listening when b prints its last line.
    const a = runExample(first, ['--seconds', '14', '--period', '0.5', ...mesh]);
    const nameA = await a.started;
    const b = runExample(second, ['--seconds', '6', '--period', '1.25', ...mesh]);
    const nameB = await b.started;
    const [outA, outB] = await Promise.all([a.done, b.done]);

    expect([outA.code, outB.code, outA.stderr, outB.stderr].map((x) => (typeof x === 'string' ? /stopped; published/.test(x) : x))).toEqual([0, 0, true, true]);
    // Colours: a chart's own name blue, the peer's purple, in each output.
    for (const [out, own, peer] of [[outA.stdout, nameA, nameB], [outB.stdout, nameB, nameA]] as const) {
      expect([out.includes(`[\x1b[34m${own}\x1b[0m]`), out.includes(`[\x1b[35m${peer}\x1b[0m]`), out.includes(`[\x1b[35m${own}\x1b[0m]`)]).toEqual([true, true, false]);
    }
    const aByA = linesOf(outA.stdout, nameA);
    const bByB = linesOf(outB.stdout, nameB);
    const bByA = linesOf(outA.stdout, nameB);
    const aByB = linesOf(outB.stdout, nameA);
    // A listened for B's whole life: it printed exactly B's own lines. B
    // heard A only while it ran: a contiguous stretch of A's lines.
    expect(bByA).toEqual(bByB);
    expect([aByB.length >= 2, isContiguousSlice(aByB, aByA)]).toEqual([true, true]);
    // Each reacted to the other: other_ transitions in its own trace.
    const reacted = (lines: string[]) => lines.filter((l) => / e->other_to_(inner|outer)\(\) /.test(l)).length > 0;
    expect([aByA[0]!.endsWith('e->start_at() top->outer'), bByB[0]!.endsWith('e->start_at() top->outer'), reacted(aByA), reacted(bByB)]).toEqual([true, true, true, true]);
  }, 60_000);
});
