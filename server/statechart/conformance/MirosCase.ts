/**
 * The miros conformance case format (`../shared/conformance/miros/FORMAT.md`),
 * as types, plus the one place that reads a case file and checks its shape.
 * Everything after `loadMirosCase` may trust the structure.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { StatechartError } from '../StatechartError.ts';

export type CaseEngine = 'hsm' | 'ao' | 'factory' | 'events';

export type Condition = { truthy: string } | { falsy: string } | { equals: [string, unknown] };

/** One action of a state handler; exactly one verb key (plus timing options on posts). */
export type CaseStep =
  | { status: 'handled' | 'unhandled' | 'super' | 'ignored' }
  | { trans: string }
  | { log: string }
  | { scribble: string }
  | ({ post_fifo: string } & TimingFields)
  | ({ post_lifo: string } & TimingFields)
  | { defer: string }
  | { recall: true }
  | { cancel_events: string }
  | { cancel_event: string }
  | { set: string; value: unknown }
  | { if: Condition; then: CaseStep[]; else?: CaseStep[] };

export interface TimingFields {
  period?: number;
  times?: number;
  deferred?: boolean;
  save_id?: string;
}

export interface CaseState {
  name: string;
  parent: string;
  on?: Record<string, CaseStep[]>;
}

export interface CaseChart {
  name: string | null;
  spy_on?: boolean;
  instrumented?: boolean;
  live_spy?: boolean;
  live_trace?: boolean;
  vars?: Record<string, unknown>;
  states: CaseState[];
}

/** An operation; fields beyond `op` depend on it (see FORMAT.md "Operations"). */
export interface CaseOp {
  op: string;
  state?: string;
  signal?: string;
  number?: number;
  payload?: string | number;
  period?: number;
  times?: number;
  deferred?: boolean;
  id?: string;
  seconds?: number;
  text?: string;
  var?: string;
  value?: unknown;
  of?: string;
  json?: string;
}

export type StepRecord = Record<string, unknown>;

export interface MirosCase {
  format: 'miros-conformance/1';
  id: string;
  title?: string;
  engine: CaseEngine;
  chart: CaseChart | null;
  ops: CaseOp[];
  expected: { steps: StepRecord[]; final: Record<string, unknown> };
}

export class CaseFormatError extends StatechartError {}

const ENGINES = new Set(['hsm', 'ao', 'factory', 'events']);

export async function loadMirosCase(path: string): Promise<MirosCase> {
  const text = await readFile(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CaseFormatError(`${basename(path)}: not JSON (${(error as Error).message})`);
  }
  return checkCase(data, basename(path));
}

export function checkCase(data: unknown, label: string): MirosCase {
  const fail = (why: string): never => {
    throw new CaseFormatError(`${label}: ${why}`);
  };
  if (typeof data !== 'object' || data === null) return fail('not an object');
  const c = data as Partial<MirosCase>;
  if (c.format !== 'miros-conformance/1') fail(`unknown format ${JSON.stringify(c.format)}`);
  if (typeof c.id !== 'string') fail('no id');
  if (!ENGINES.has(c.engine as string)) fail(`unknown engine ${JSON.stringify(c.engine)}`);
  if (!Array.isArray(c.ops) || c.ops.some((op) => typeof op?.op !== 'string')) fail('ops must be a list of {op: …}');
  if (!c.expected || !Array.isArray(c.expected.steps) || typeof c.expected.final !== 'object') {
    fail('expected must hold steps and final');
  }
  if (c.expected!.steps.length !== c.ops!.length) fail('expected.steps and ops differ in length');
  if (c.engine !== 'events') {
    if (!c.chart || !Array.isArray(c.chart.states) || c.chart.states.length === 0) fail('chart.states missing');
    for (const state of c.chart!.states) {
      if (typeof state.name !== 'string' || typeof state.parent !== 'string') fail('each state needs name and parent');
    }
  }
  return c as MirosCase;
}
