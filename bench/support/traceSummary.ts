/**
 * Which work made a page's long frames: reads a Chromium trace (CDP
 * Tracing, categories in TRACE_CATEGORIES) and, for each main-thread task
 * over `minMs`, lists what ran inside it — timeline events (timers,
 * animation frames, socket messages, layout, style, paint, GC) and the
 * JavaScript functions the sampling profiler caught, with their bundle
 * file and, when the bundle's source map is at hand, the source file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  // Stacks on forced layouts and style recalcs: which script asked.
  'disabled-by-default-devtools.timeline.stack',
];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    beginData?: { stackTrace?: { functionName: string; url: string; lineNumber: number; columnNumber: number }[] };
    data?: {
      functionName?: string;
      url?: string;
      type?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

export interface LongTask {
  startMs: number;
  ms: number;
  /** Top-level timeline events inside the task, "name detail" → ms. */
  parts: [string, number][];
  /** JavaScript self time by function (sampled), "function (file)" → ms. */
  functions: [string, number][];
  /** Sampled time by the source file of the innermost frame from our bundle or a dependency. */
  files: [string, number][];
}

/** Where the page's main thread went over the whole window. */
export interface WindowTotals {
  seconds: number;
  /** Main-thread task time (ms). */
  busyMs: number;
  frames: number;
  /** Sampled JavaScript and GC by the source file of the nearest frame with one (ms). */
  files: [string, number][];
  /** Layout and style recalcs run inside scripts (forced by reading or writing geometry), by the script frame that asked (ms). */
  forced: [string, number][];
}

export interface FrameGap {
  startMs: number;
  ms: number;
  /** The main-thread tasks over 5 ms that overlap the gap, in order. */
  tasks: LongTask[];
}

const top = (m: Map<string, number>, n: number): [string, number][] =>
  [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, Math.round(v * 10) / 10]);
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** Maps minified bundle positions to sources, if source-map-js (a Vite dependency) loads. */
async function sourceMapper(distDir: string | null): Promise<(url: string, line: number, column: number) => string | null> {
  if (!distDir) return () => null;
  let SourceMapConsumer: new (raw: string) => { originalPositionFor(p: { line: number; column: number }): { source: string | null; name: string | null } };
  try {
    ({ SourceMapConsumer } = (await import('source-map-js')) as never);
  } catch {
    return () => null;
  }
  const maps = new Map<string, InstanceType<typeof SourceMapConsumer> | null>();
  return (url, line, column) => {
    const file = url.split('/').pop()?.split('?')[0] ?? '';
    if (!maps.has(file)) {
      const mapPath = path.join(distDir, 'assets', `${file}.map`);
      maps.set(file, existsSync(mapPath) ? new SourceMapConsumer(readFileSync(mapPath, 'utf8')) : null);
    }
    const pos = maps.get(file)?.originalPositionFor({ line: line + 1, column });
    if (!pos?.source) return null;
    const source = pos.source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/');
    return `${pos.name ?? '?'} @ ${source}`;
  };
}

function detail(e: TraceEvent): string {
  const d = e.args?.data;
  if (e.name === 'FunctionCall') return `${d?.functionName || '(anonymous)'} ${d?.url?.split('/').pop() ?? ''}`.trim();
  if (e.name === 'EventDispatch') return d?.type ?? '';
  return '';
}

/**
 * Long main-thread tasks of the page's renderer, longest first, and the
 * longest frame gaps (the page's 'miroscope:frame-gap' measures) with the
 * tasks that filled them.
 */
export async function summariseTrace(traceJson: string, minMs: number, distDir: string | null): Promise<{ longTasks: LongTask[]; gaps: FrameGap[]; totals: WindowTotals }> {
  const parsed = JSON.parse(traceJson) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = (e: TraceEvent) => mains.has(`${e.pid}:${e.tid}`);
  const allTasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e)).sort((a, b) => a.ts - b.ts);
  const tasks = allTasks.filter((e) => (e.dur ?? 0) >= minMs * 1000);
  const complete = events.filter((e) => e.ph === 'X' && onMain(e) && e.name !== 'RunTask');
  const mapper = await sourceMapper(distDir);

  // The sampling profiler's samples (timestamps in the trace clock, µs) with their leaf node.
  const nodes = new Map<string, ProfileNode>();
  const samples: { ts: number; node: string }[] = [];
  const clock = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id) clock.set(`${e.pid}:${e.id}`, e.args?.data?.startTime ?? e.ts);
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const key = `${e.pid}:${e.id}`;
    const data = e.args?.data;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(`${key}:${n.id}`, n);
    let t = clock.get(key) ?? e.ts;
    const deltas = data?.timeDeltas ?? [];
    (data?.cpuProfile?.samples ?? []).forEach((id, i) => {
      t += deltas[i] ?? 0;
      samples.push({ ts: t, node: `${key}:${id}` });
    });
    clock.set(key, t);
  }
  samples.sort((a, b) => a.ts - b.ts);
  /** The nearest frame with a source file: tells panels and libraries apart even when the leaf is native. */
  const sourceFile = (nodeKey: string): string => {
    const leaf = nodes.get(nodeKey);
    let n: ProfileNode | undefined = leaf;
    while (n) {
      if (n.callFrame?.url) return mapper(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber)?.split(' @ ')[1] ?? n.callFrame.url.split('/').pop()!;
      n = n.parent !== undefined ? nodes.get(nodeKey.replace(/:\d+$/, `:${n.parent}`)) : undefined;
    }
    return `(native: ${leaf?.callFrame?.functionName ?? '?'})`;
  };
  const first = allTasks[0]?.ts ?? 0;

  const describe = (task: TraceEvent): LongTask => {
    const end = task.ts + task.dur!;
    const parts = new Map<string, number>();
    // Direct children only: events inside the task not inside another event inside it.
    const inside = complete.filter((e) => e.tid === task.tid && e.pid === task.pid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let coveredTo = -Infinity;
    for (const e of inside) {
      if (e.ts < coveredTo) continue;
      coveredTo = e.ts + (e.dur ?? 0);
      add(parts, `${e.name} ${detail(e)}`.trim(), (e.dur ?? 0) / 1000);
    }
    const functions = new Map<string, number>();
    const files = new Map<string, number>();
    let lo = samples.findIndex((s) => s.ts >= task.ts);
    if (lo < 0) lo = samples.length;
    for (let i = lo; i < samples.length && samples[i]!.ts < end; i++) {
      const dt = ((samples[i + 1]?.ts ?? end) - samples[i]!.ts) / 1000;
      const node = nodes.get(samples[i]!.node);
      if (!node) continue;
      const f = { ...node.callFrame, url: node.callFrame.url ?? '' };
      const file = f.url.split('/').pop() || f.functionName;
      const mapped = f.url ? mapper(f.url, f.lineNumber, f.columnNumber) : null;
      add(functions, mapped ?? `${f.functionName || '(anonymous)'} (${file}:${f.lineNumber + 1}:${f.columnNumber + 1})`, dt);
      add(files, sourceFile(samples[i]!.node), dt);
    }
    return { startMs: (task.ts - first) / 1000, ms: task.dur! / 1000, parts: top(parts, 8), functions: top(functions, 10), files: top(files, 10) };
  };

  // performance.measure spans arrive as async begin/end pairs ('b'/'e') sharing an id.
  const begins = new Map<string, number>();
  const gaps: { ts: number; end: number }[] = [];
  for (const e of events) {
    if (e.name !== 'miroscope:frame-gap') continue;
    const id = `${e.pid}:${e.id ?? (e as { id2?: { local?: string } }).id2?.local ?? ''}`;
    if (e.ph === 'b') begins.set(id, e.ts);
    else if (e.ph === 'e' && begins.has(id)) gaps.push({ ts: begins.get(id)!, end: e.ts });
    else if (e.ph === 'X') gaps.push({ ts: e.ts, end: e.ts + (e.dur ?? 0) });
  }
  const frameGaps = gaps
    .sort((a, b) => b.end - b.ts - (a.end - a.ts))
    .slice(0, 5)
    .map((g) => ({
      startMs: (g.ts - first) / 1000,
      ms: (g.end - g.ts) / 1000,
      tasks: allTasks.filter((t) => t.ts + t.dur! > g.ts && t.ts < g.end && t.dur! >= 5000).map(describe),
    }));

  const allFiles = new Map<string, number>();
  const last = allTasks.at(-1);
  const windowEnd = last ? last.ts + last.dur! : 0;
  samples.forEach((sample, i) => {
    if (sample.ts < first || sample.ts > windowEnd) return;
    const node = nodes.get(sample.node);
    if (!node || node.callFrame?.functionName === '(idle)' || node.callFrame?.functionName === '(program)') return;
    add(allFiles, sourceFile(sample.node), ((samples[i + 1]?.ts ?? sample.ts) - sample.ts) / 1000);
  });
  const scripts = complete.filter((e) => e.name === 'FunctionCall' || e.name === 'RunMicrotasks' || e.name === 'FireAnimationFrame' || e.name === 'TimerFire' || e.name === 'EventDispatch');
  const forced = new Map<string, number>();
  for (const e of complete) {
    if (e.name !== 'Layout' && e.name !== 'UpdateLayoutTree') continue;
    if (!scripts.some((j) => j.tid === e.tid && j.ts <= e.ts && j.ts + j.dur! >= e.ts + e.dur!)) continue;
    const frame = e.args?.beginData?.stackTrace?.[0];
    const who = frame ? (mapper(frame.url, frame.lineNumber - 1, frame.columnNumber - 1) ?? `${frame.functionName} (${frame.url.split('/').pop()})`) : '(no stack)';
    add(forced, `${e.name} ← ${who}`, e.dur! / 1000);
  }
  const totals: WindowTotals = {
    seconds: (windowEnd - first) / 1e6,
    busyMs: allTasks.reduce((sum, t) => sum + t.dur! / 1000, 0),
    frames: complete.filter((e) => e.name === 'Commit').length,
    files: top(allFiles, 12),
    forced: top(forced, 6),
  };
  return { longTasks: tasks.map(describe).sort((a, b) => b.ms - a.ms), gaps: frameGaps, totals };
}
