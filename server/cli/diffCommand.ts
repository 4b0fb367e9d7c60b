/**
 * `miroscope diff <a> <b>`: where two runs of the same system parted ways.
 *
 * Both inputs are read as any saved log the parsers know (our JSON-lines
 * recordings, miros trace text, snoop terminal output, Python logging),
 * streamed so only their transitions are held. Charts are paired by name
 * with hex prefixes and suffixes ignored, by a `--match` pattern, or by
 * hand (`--pair A=B`); see shared/diff/matchCharts.ts. For each pair the
 * output names the first transition where the runs differ, how many
 * transitions each made that the other did not, and both sequences side by
 * side around that point (shared/diff/formatRunDiff.ts).
 *
 * Exit status as diff(1): 0 the runs made the same transitions, 1 they
 * differ (a diverging pair or a chart only one run has), 2 trouble
 * (unreadable file, bad option, a budget exceeded).
 */
import { createReadStream } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { diffRuns } from '../../shared/diff/diffRuns.ts';
import { formatRunDiff } from '../../shared/diff/formatRunDiff.ts';
import { parseHandPair } from '../../shared/diff/matchCharts.ts';
import { readRun, type ReadRunResult } from '../../shared/diff/readRun.ts';
import { DEFAULT_MAX_TRANSITIONS } from '../../shared/diff/RunTransitions.ts';
import { summarizeRunDiff } from '../../shared/diff/summarizeRunDiff.ts';

/** Exit status for trouble, as diff(1) uses it. */
export const DIFF_TROUBLE = 2;

interface DiffFlags {
  match?: string;
  pair?: string[];
  context: string;
  json?: boolean;
  maxTransitions: string;
}

export function diffCommand(): Command {
  return new Command('diff')
    .description('compare two runs (recordings or saved logs): per chart, the first transition where they differ')
    .argument('<a>', 'the first run: a recording (.jsonl) or any saved log, or - for standard input')
    .argument('<b>', 'the second run, the same way')
    .option('-m, --match <regex>', 'pair charts by this pattern: its first group (or whole match) is the key')
    .option('-p, --pair <A=B...>', 'pair chart A of the first run with chart B of the second, by hand')
    .option('-C, --context <n>', 'transitions shown before the divergence (and one more after it)', '3')
    .option('--json', 'print the comparison as JSON (positions 0-based) instead of text')
    .option('--max-transitions <n>', 'refuse a run with more transitions than this', String(DEFAULT_MAX_TRANSITIONS))
    .addHelpText(
      'after',
      `
Examples:
  npx miroscope diff recordings/monday.jsonl recordings/tuesday.jsonl
  npx miroscope diff run1.log run2.log --match '_(\\w+)$'          # pair 04ccc_ao with 9f1e2_ao by "ao"
  npx miroscope diff a.jsonl b.jsonl --pair 04ccc_ao=9f1e2_fo     # pair these two by hand
  python3 my_chart.py | npx miroscope diff saved.log -

Charts are paired by their names without hex prefixes or suffixes
(04ccc_ao and 9f1e2_ao are both "ao"). A transition is the (from state,
signal, to state) of a trace line; timestamps are shown, never compared.
Exit status: 0 identical, 1 different, 2 trouble.`,
    )
    .exitOverride((error) => {
      // Help and version exit 0; any usage error is trouble, as in diff(1).
      throw error.exitCode === 0 ? error : new CommanderError(DIFF_TROUBLE, error.code, error.message);
    })
    .action(async (a: string, b: string, flags: DiffFlags) => {
      try {
        process.exitCode = await runDiff(a, b, flags);
      } catch (error) {
        process.stderr.write(`miroscope diff: ${(error as Error).message}\n`);
        process.exitCode = DIFF_TROUBLE;
      }
    });
}

async function runDiff(a: string, b: string, flags: DiffFlags): Promise<number> {
  if (a === '-' && b === '-') throw new Error('only one of the two runs can be read from standard input');
  const context = count('--context', flags.context, 0);
  const maxTransitions = count('--max-transitions', flags.maxTransitions, 1);
  const pattern = flags.match === undefined ? undefined : regex(flags.match);
  const pairs = (flags.pair ?? []).map(parseHandPair);
  const [runA, runB] = await Promise.all([read(a, maxTransitions), read(b, maxTransitions)]);
  for (const read of [runA, runB]) {
    const { run, errors } = read;
    if (errors.length > 0) process.stderr.write(`warning: ${run.name}: ${errors.length} unreadable lines (first: line ${errors[0]!.line}: ${errors[0]!.message})\n`);
    if (run.transitions === 0) process.stderr.write(`warning: ${run.name}: no transitions (no trace lines with a chart name in ${run.records} records)\n`);
  }
  const diff = diffRuns(runA.run, runB.run, { ...(pattern ? { pattern } : {}), pairs });
  if (flags.json) process.stdout.write(JSON.stringify(summarizeRunDiff(diff), null, 2) + '\n');
  else process.stdout.write(formatRunDiff(diff, { before: context, after: context + 1 }));
  return diff.identical ? 0 : 1;
}

function read(file: string, maxTransitions: number): Promise<ReadRunResult> {
  const name = file === '-' ? 'stdin' : file;
  const input = file === '-' ? process.stdin : createReadStream(file);
  input.setEncoding('utf8');
  return readRun(name, input as AsyncIterable<string>, { maxTransitions });
}

function count(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}, not ${JSON.stringify(value)}`);
  return n;
}

function regex(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (error) {
    throw new Error(`--match: ${(error as Error).message}`);
  }
}
