/**
 * What to open when the page loads, from its URL (see urlState.ts for every
 * parameter a shared link carries):
 *
 *   ?live            the relay of the server that served the page
 *   ?live=<url>      another server's relay
 *   ?recording=<n>   replay one of the server's recordings (at `at` when given)
 *   ?file=<n>        a local file: nothing can be opened; the page says so
 *   (nothing)        this server's relay when the page came from a miroscope
 *                    server; else nothing (open or drop a saved log)
 */
import { decodeUrlState } from './urlState.ts';

export type Startup =
  | { kind: 'live'; url: string }
  | { kind: 'recording'; name: string; at: number }
  | { kind: 'file'; name: string }
  | { kind: 'server'; url: string };

export function startupSource(location: { search: string; origin: string }): Startup {
  const { source, at } = decodeUrlState(location.search);
  switch (source?.kind) {
    case 'recording':
      return { kind: 'recording', name: source.name, at: at ?? 0 };
    case 'file':
      return { kind: 'file', name: source.name };
    case 'live':
      return { kind: 'live', url: source.url ?? location.origin };
    default:
      return { kind: 'server', url: location.origin };
  }
}
