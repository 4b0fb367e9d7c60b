/**
 * The items miros-rabbitmq pickles onto each network, built from our side:
 *
 *   trace  the trace line itself; live entries are "\n<line>\n"
 *   spy    "<chart name> <spy line>"
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

export function spyItem(chart: string, line: string): string {
  if (chart === '' || /\s/.test(chart)) throw new RangeError(`a chart name must be one word to travel on the spy network: "${chart}"`);
  return `${chart} ${line}`;
}

export function meshEventJson(event: MeshEvent): string {
  return pythonJsonDumps({ signal_name: event.signal, payload: event.payload ?? null });
}

export function meshItem(sender: string, event: MeshEvent): PickleTuple {
  return tuple(sender, meshEventJson(event));
}
