/**
 * The items miros-rabbitmq pickles onto each network, built from our side:
 *
 *   trace  the trace line itself; live entries are "\n<line>\n"
 *   spy    "<chart name> <spy line>" (a name may hold spaces: spyNameEnd)
 *   mesh   (sender address, event_json) with event_json from Python's
 *          json.dumps({"signal_name": …, "payload": …})
 */
import { pythonJsonDumps } from '../../shared/records/pythonJsonDumps.ts';
import { tuple, type PickleTuple } from './pickle/PickleValue.ts';

export interface MeshEvent {
  signal: string;
  /** Any JSON value; absent means None. */
  payload?: unknown;
}

export function traceItem(line: string, live = true): string {
  return live ? `\n${line.replace(/^\n+|\n+$/g, '')}\n` : line;
}

/** `"<chart> <line>"`, as miros-rabbitmq's broadcast_spy; a name with spaces travels as it is (Python's does). */
export function spyItem(chart: string, line: string): string {
  if (chart === '') throw new RangeError('a chart needs a name to travel on the spy network');
  return `${chart} ${line}`;
}

/**
 * Where the chart name of a spy item ends (the index of the space after
 * it), or -1 when the item has no `"<name> <line>"` shape. A spy item does
 * not say where the name stops, and the library lets a name hold spaces.
 * Our senders also name the chart in a header (`chart`): when the item
 * starts with that name and a space, that is the split. Otherwise the first
 * space — the library's own reading: it colours the first word as the name.
 * (A spy line may hold spaces of its own — a scribble's free text,
 * `<- Queued:(0) Deferred:(0)` — so no later space can be trusted instead.)
 */
export function spyNameEnd(text: string, chart?: string): number {
  if (chart !== undefined && chart !== '' && text.length > chart.length && text.startsWith(chart) && text.charCodeAt(chart.length) === 32) {
    return chart.length;
  }
  const first = text.indexOf(' ');
  return first > 0 ? first : -1;
}

export function meshEventJson(event: MeshEvent): string {
  return pythonJsonDumps({ signal_name: event.signal, payload: event.payload ?? null });
}

export function meshItem(sender: string, event: MeshEvent): PickleTuple {
  return tuple(sender, meshEventJson(event));
}
