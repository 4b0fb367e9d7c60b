/**
 * What a shared link carries, as query parameters of the page's URL:
 *
 *   ?recording=<name>   a server recording (restores on reload)
 *   ?file=<name>        a local file (cannot be reopened from a link: the page says so)
 *   ?live[=<url>]       the live stream (of another server when given)
 *   &at=<n>             the cursor, as a count of records shown (replays), in the
 *                       whole recording even when it is seen a window at a time
 *                       (a reload opens the window around record n: openRecording.ts)
 *   &q=<query>          the log filter
 *   &chart=<name>       the selected chart
 *   &view=system|chart:<name>   the sequence panel's view (`all` is left out)
 *
 * Pure: the decoder reads a search string, the encoder writes one, keeping
 * any parameter it does not own (`bench`, …) where it was. The sync with the
 * store and the history lives in useUrlSync.ts.
 */

export type UrlSource = { kind: 'recording'; name: string } | { kind: 'file'; name: string } | { kind: 'live'; url: string | null };

export interface UrlState {
  source: UrlSource | null;
  at: number | null;
  filter: string;
  chart: string | null;
  view: string;
}

const OWN = ['recording', 'file', 'live', 'at', 'q', 'chart', 'view'];
/** Longest text a parameter may bring in (a URL is outside input). */
const MAX_PARAM_CHARS = 2000;

function param(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value === null ? null : value.slice(0, MAX_PARAM_CHARS);
}

export function decodeUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const recording = param(params, 'recording');
  const file = param(params, 'file');
  let source: UrlSource | null = null;
  if (recording) source = { kind: 'recording', name: recording };
  else if (file) source = { kind: 'file', name: file };
  else if (params.has('live')) source = { kind: 'live', url: param(params, 'live') || null };
  const atText = param(params, 'at');
  const at = atText !== null && /^\d{1,10}$/.test(atText) ? Number(atText) : null;
  const view = param(params, 'view');
  return {
    source,
    at,
    filter: param(params, 'q') ?? '',
    chart: param(params, 'chart') || null,
    view: view === 'system' || (view !== null && view.startsWith('chart:') && view.length > 6) ? view : 'all',
  };
}

/** `search` with our parameters replaced by `state`'s (others kept); '' when nothing is left. */
export function encodeUrlState(state: UrlState, search = ''): string {
  const params = new URLSearchParams(search);
  for (const name of OWN) params.delete(name);
  const { source } = state;
  if (source?.kind === 'recording') params.set('recording', source.name);
  else if (source?.kind === 'file') params.set('file', source.name);
  else if (source?.kind === 'live') params.set('live', source.url ?? '');
  if (state.at !== null && source?.kind !== 'live') params.set('at', String(state.at));
  if (state.filter !== '') params.set('q', state.filter);
  if (state.chart !== null) params.set('chart', state.chart);
  if (state.view !== 'all') params.set('view', state.view);
  // `?live` reads better than `?live=`.
  const text = params.toString().replace(/(^|&)live=(?=&|$)/, '$1live');
  return text === '' ? '' : `?${text}`;
}

/** True when two states name different sources (a new history entry, not a replaced one). */
export function sameSource(a: UrlSource | null, b: UrlSource | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  return a.kind === 'live' ? a.url === (b as { url: string | null }).url : a.name === (b as { name: string }).name;
}

/** What the page shows, as the URL sync reads it; `source` undefined = nothing open yet. */
export interface ShownState extends Omit<UrlState, 'source'> {
  source: UrlSource | undefined;
  /** A replay still loading (its playhead is on its way to where a link put it). */
  loading: boolean;
}

/**
 * The URL to write for what is shown, given the URL now (`search`) and the
 * source last written: `push` for a new source (its own history entry), else
 * a replacement; null when the URL already says it.
 *
 * - Nothing open yet: the link's source and cursor stay (a file it names, a
 *   recording still starting).
 * - A replay loading: the link's cursor stays if the link names this source
 *   (a reload then still lands there), none otherwise; the cursor is written
 *   once the load is done.
 */
export function planUrlWrite(shown: ShownState, search: string, written: UrlSource | undefined): { search: string; push: boolean } | null {
  const link = decodeUrlState(search);
  const { loading, ...rest } = shown;
  let state: UrlState;
  if (shown.source === undefined) state = { ...rest, source: link.source, at: link.at };
  else {
    state = { ...rest, source: shown.source };
    if (loading && shown.source.kind !== 'live') state.at = sameSource(link.source, shown.source) ? link.at : null;
  }
  const text = encodeUrlState(state, search);
  if (text === search) return null;
  return { search: text, push: shown.source !== undefined && written !== undefined && !sameSource(written, shown.source) };
}

/** The cursor a link to the local file `name` carries, or null (another file, or no cursor). */
export function linkedFileCursor(search: string, name: string): number | null {
  const { source, at } = decodeUrlState(search);
  return source?.kind === 'file' && source.name === name ? at : null;
}
