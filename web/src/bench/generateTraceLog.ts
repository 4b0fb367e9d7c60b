/**
 * A synthetic miros trace of any length, for benchmarks: ten charts taking
 * turns, each walking outer → inner → middle → outer, one millisecond apart,
 * exactly as miros prints trace lines.
 */
const STATES = ['outer', 'inner', 'middle'];
const SIGNALS = ['to_inner', 'to_middle', 'to_outer'];

function stamp(ms: number): string {
  const d = new Date(Date.UTC(2018, 4, 4, 9, 0, 0) + ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${pad(ms % 1000, 3)}`;
}

export function traceLine(i: number, charts = 10): string {
  const chart = `${String(i % charts).padStart(3, '0')}a_ao`;
  const step = Math.floor(i / charts);
  const k = step % 3;
  return `[${stamp(i)}] [${chart}] e->${SIGNALS[k]}() ${STATES[k]}->${STATES[(k + 1) % 3]}`;
}

export function generateTraceLog(lines: number, charts = 10): string {
  const out: string[] = new Array(lines);
  for (let i = 0; i < lines; i++) out[i] = traceLine(i, charts);
  return `${out.join('\n')}\n`;
}
