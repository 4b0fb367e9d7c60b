/**
 * A chart's state hierarchy, announced in an AMQP header on its snoop
 * messages so the dashboard can draw a TypeScript chart before (or without)
 * inferring it from spy lines. Python nodes ignore headers they do not know,
 * so the wire stays miros-rabbitmq's.
 *
 *   x-miroscope-topology: [{"name":"outer","parent":null},{"name":"inner","parent":"outer"}]
 *
 * Sent with the chart's first snoop message after the hierarchy changed and
 * then at most every {@link TOPOLOGY_REPEAT_MS} (so a dashboard that connects
 * later still learns it; a topology too big for a header is not announced).
 * The reader is strict: anything that is not a
 * bounded list of `{name: string, parent: string | null}` is ignored — the
 * message's body is still good, only the announcement is dropped.
 */
export const HEADER_TOPOLOGY = 'x-miroscope-topology';
export const TOPOLOGY_REPEAT_MS = 5_000;
/** More states than any chart a person draws; a header this long is noise. */
export const MAX_TOPOLOGY_STATES = 1_000;
const MAX_HEADER_CHARS = 64 * 1024;
/**
 * The most a sent announcement may take, in UTF-8 bytes. amqplib encodes a
 * message's whole header table into one 64 KiB buffer and throws past it,
 * so a bigger topology would make the chart's snoop publishes throw.
 */
export const MAX_TOPOLOGY_HEADER_BYTES = 32 * 1024;

export interface TopologyState {
  name: string;
  /** null = the state's parent is top. */
  parent: string | null;
}

/** The header's text; `[]` (which readers ignore) for a topology over {@link MAX_TOPOLOGY_HEADER_BYTES}: it is not announced. */
export function encodeTopology(states: readonly TopologyState[]): string {
  const json = JSON.stringify(states.map(({ name, parent }) => ({ name, parent })));
  return json.length > MAX_TOPOLOGY_HEADER_BYTES || Buffer.byteLength(json) > MAX_TOPOLOGY_HEADER_BYTES ? '[]' : json;
}

/** The announced states, or null when the header is absent or not a topology. */
export function readTopology(headers: Record<string, unknown> | undefined): TopologyState[] | null {
  const value = headers?.[HEADER_TOPOLOGY];
  const text = typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : null;
  if (text === null || text.length > MAX_HEADER_CHARS) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > MAX_TOPOLOGY_STATES) return null;
  const states: TopologyState[] = [];
  for (const entry of parsed as unknown[]) {
    if (entry === null || typeof entry !== 'object') return null;
    const { name, parent } = entry as { name?: unknown; parent?: unknown };
    if (typeof name !== 'string' || name === '' || (parent !== null && typeof parent !== 'string')) return null;
    states.push({ name, parent });
  }
  return states;
}
