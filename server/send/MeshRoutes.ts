/**
 * The routing keys charts were heard transmitting with on the mesh: what
 * `send <chart>` publishes with.
 *
 * miros-rabbitmq has no per-chart addressing. A chart publishes with its
 * tx_routing_key and receives every mesh message whose routing key matches
 * its rx_routing_key pattern (the seed example: tx `heya.man`, rx `#.man`).
 * So the only honest "send to chart X" is: publish with the key X itself
 * transmits with — in the library's layouts its own pattern and its peers'
 * match it — and say that every chart bound to a matching pattern receives
 * the event too. A chart that never transmitted has no known key (give one).
 *
 * Who sent a mesh record: its correlation chart (our nodes), else a string
 * payload (Python nodes conventionally send their own name, as the seed
 * example does), else nobody we can name.
 *
 * Budget: at most `maxCharts` charts and `maxKeys` distinct keys are kept;
 * the oldest entry is forgotten first (names and keys come from the mesh).
 */
import type { MirosRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';

export const OPERATOR_CHART = 'operator';

export class MeshRoutes {
  private readonly byChart = new Map<string, string>();
  private readonly keys = new Map<string, true>();

  constructor(
    private readonly maxCharts = 4_096,
    private readonly maxKeys = 256,
  ) {}

  observe(record: MirosRecord | UnnumberedRecord): void {
    if (record.kind !== 'mesh' || record.routingKey === undefined) return;
    const key = record.routingKey;
    const chart = record.correlation?.chart ?? record.chart ?? (typeof record.payload === 'string' ? record.payload : null);
    // The operator's own sends teach nothing: a key typed by hand is not one the charts use.
    if (chart === OPERATOR_CHART) return;
    remember(this.keys, key, true, this.maxKeys);
    if (chart !== null) remember(this.byChart, chart, key, this.maxCharts);
  }

  /** The key `chart` last transmitted with, if it was heard. */
  routingKeyOf(chart: string): string | undefined {
    return this.byChart.get(chart);
  }

  /** Every distinct key heard, oldest first. */
  allKeys(): string[] {
    return [...this.keys.keys()];
  }
}

/** Sets `key` as the newest entry, dropping the oldest past `max`. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}
