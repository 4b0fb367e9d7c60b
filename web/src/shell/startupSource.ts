/**
 * What to open when the page loads, from its URL:
 *
 *   ?live            the relay of the server that served the page
 *   ?live=<url>      another server's relay
 *   ?recording=<n>   replay one of the server's recordings
 *   (nothing)        this server's relay when the page came from a miroscope
 *                    server; else nothing (open or drop a saved log)
 */
export type Startup = { kind: 'live'; url: string } | { kind: 'recording'; name: string } | { kind: 'server'; url: string };

export function startupSource(location: { search: string; origin: string }): Startup {
  const params = new URLSearchParams(location.search);
  const recording = params.get('recording');
  if (recording) return { kind: 'recording', name: recording };
  if (params.has('live')) return { kind: 'live', url: params.get('live') || location.origin };
  return { kind: 'server', url: location.origin };
}
