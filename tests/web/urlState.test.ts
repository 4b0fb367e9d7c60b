import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState, linkedFileCursor, planUrlWrite, sameSource, type ShownState, type UrlState } from '../../web/src/shell/urlState.ts';

const base: UrlState = { source: null, at: null, filter: '', chart: null, view: 'all' };

describe('URL state', () => {
  it.each<[string, UrlState, string]>([
    ['a server recording at a cursor, filtered, a chart and view chosen',
      { source: { kind: 'recording', name: '2026-12-06-demo' }, at: 38, filter: 'chart:ao1 kind:trace "door open"', chart: '2771f_ao', view: 'system' },
      '?recording=2026-12-06-demo&at=38&q=chart%3Aao1+kind%3Atrace+%22door+open%22&chart=2771f_ao&view=system'],
    ['a local file', { ...base, source: { kind: 'file', name: 'seed two.log' }, at: 0 }, '?file=seed+two.log&at=0'],
    ['this server\'s live stream (no cursor: a live session restarts)', { ...base, source: { kind: 'live', url: null }, at: 12 }, '?live'],
    ['another server\'s live stream', { ...base, source: { kind: 'live', url: 'http://10.0.0.2:4477' } }, '?live=http%3A%2F%2F10.0.0.2%3A4477'],
    ['a per-chart view', { ...base, view: 'chart:a&b=c' }, '?view=chart%3Aa%26b%3Dc'],
    ['nothing', base, ''],
  ])('encodes %s and decodes it back', (_what, state, search) => {
    expect(encodeUrlState(state)).toBe(search);
    const back = decodeUrlState(search);
    expect(back).toEqual(state.source?.kind === 'live' ? { ...state, at: null } : state);
  });

  it('keeps parameters it does not own, and replaces its own', () => {
    expect(encodeUrlState({ ...base, at: 5, source: { kind: 'recording', name: 'b' } }, '?bench&recording=a&at=9&q=x')).toBe('?bench=&recording=b&at=5');
  });

  it.each([
    ['?at=-3', null],
    ['?at=12abc', null],
    ['?at=1e9', null],
    ['?at=99999999999', null],
    ['?at=42', 42],
  ])('reads only a plain record count as the cursor: %s', (search, at) => {
    expect(decodeUrlState(search).at).toBe(at);
  });

  it('ignores a view it does not know and bounds what a parameter brings in', () => {
    expect(decodeUrlState('?view=nonsense').view).toBe('all');
    expect(decodeUrlState('?view=chart:').view).toBe('all');
    expect(decodeUrlState(`?q=${'x'.repeat(5000)}`).filter).toHaveLength(2000);
  });

  it('prefers a recording to a file to live when a hand-made link names several', () => {
    expect(decodeUrlState('?live&file=a.log&recording=r').source).toEqual({ kind: 'recording', name: 'r' });
    expect(decodeUrlState('?live&file=a.log').source).toEqual({ kind: 'file', name: 'a.log' });
  });

  it('tells a new source from the same one', () => {
    expect(sameSource({ kind: 'recording', name: 'a' }, { kind: 'recording', name: 'a' })).toBe(true);
    expect(sameSource({ kind: 'recording', name: 'a' }, { kind: 'file', name: 'a' })).toBe(false);
    expect(sameSource({ kind: 'live', url: null }, { kind: 'live', url: null })).toBe(true);
    expect(sameSource(null, { kind: 'live', url: null })).toBe(false);
  });
});

describe('planUrlWrite', () => {
  const shown: ShownState = { source: { kind: 'recording', name: 'b' }, at: 7, filter: '', chart: null, view: 'all', loading: false };

  it('replaces the entry when the cursor or a choice changed, and pushes a new one for a new source', () => {
    expect(planUrlWrite(shown, '?recording=b&at=3', { kind: 'recording', name: 'b' })).toEqual({ search: '?recording=b&at=7', push: false });
    expect(planUrlWrite(shown, '?recording=a&at=3', { kind: 'recording', name: 'a' })).toEqual({ search: '?recording=b&at=7', push: true });
    expect(planUrlWrite({ ...shown, source: { kind: 'live', url: null } }, '?recording=b&at=3', { kind: 'recording', name: 'b' })).toEqual({ search: '?live', push: true });
  });

  it('replaces the first entry a page writes (the link it was opened with)', () => {
    expect(planUrlWrite(shown, '', undefined)).toEqual({ search: '?recording=b&at=7', push: false });
  });

  it('writes nothing when the URL already says it', () => {
    expect(planUrlWrite(shown, '?recording=b&at=7', undefined)).toBeNull();
  });

  it('keeps a link\'s source and cursor while nothing is open (a local file the page cannot reopen)', () => {
    const nothing: ShownState = { ...shown, source: undefined, at: null, filter: 'kind:trace' };
    expect(planUrlWrite(nothing, '?file=seed.log&at=5', undefined)).toEqual({ search: '?file=seed.log&at=5&q=kind%3Atrace', push: false });
  });

  it('keeps the link\'s cursor while the recording it names loads toward it, and drops another source\'s', () => {
    expect(planUrlWrite({ ...shown, at: 2, loading: true }, '?recording=b&at=38', undefined)).toBeNull();
    expect(planUrlWrite({ ...shown, at: 2, loading: true }, '?recording=a&at=38', { kind: 'recording', name: 'a' })).toEqual({ search: '?recording=b', push: true });
    expect(planUrlWrite({ ...shown, at: 38, loading: false }, '?recording=b&at=38', undefined)).toBeNull();
  });
});

describe('linkedFileCursor', () => {
  it('gives the cursor of a link to a local file when the same file is opened, and nothing for another', () => {
    expect(linkedFileCursor('?file=seed.log&at=5', 'seed.log')).toBe(5);
    expect(linkedFileCursor('?file=seed.log&at=5', 'other.log')).toBeNull();
    expect(linkedFileCursor('?recording=seed.log&at=5', 'seed.log')).toBeNull();
    expect(linkedFileCursor('?file=seed.log', 'seed.log')).toBeNull();
  });
});
