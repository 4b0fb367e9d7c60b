/**
 * How a server recording is opened — whole (a ReplaySource: play, speed,
 * every panel over every record) or a window at a time (a
 * RecordingWindowSource, for millions of records that would not fit the
 * page) — decided in one place for every way in: the Recordings menu, a
 * shared link, Back and Forward.
 *
 * The decision is the record count: the menu knows it from the listing; a
 * link does not, so its count comes from GET …/index, which costs the same
 * for any size (the seek index). Loading a 5-million-record link whole took
 * ~7 s and ~2 GB; asking first costs one small request.
 *
 * A link's cursor (`at`, see urlState.ts) counts the records shown in the
 * whole recording, whichever way it opens: whole, it is the replay's cursor;
 * windowed, the window opens around record `at` (its cursor on it).
 */
import type { SourceSession } from '../sources/SourceSession.ts';
import type { RecordingSummary } from '../../../shared/contract/recordingRange.ts';
import { RECORDS_LOADED_WHOLE, RecordingWindowSource } from '../sources/RecordingWindowSource.ts';
import { recordingUrl } from '../sources/recordingsApi.ts';
import { openReplay } from './openReplay.ts';

export type RecordingOpening = { kind: 'whole' } | { kind: 'windowed'; summary: RecordingSummary | null };

/** Whole up to RECORDS_LOADED_WHOLE records, a window at a time above. */
export function opensWindowed(records: number): boolean {
  return records > RECORDS_LOADED_WHOLE;
}

export interface RecordingOpenOptions {
  /** The record count when known (the menu's listing): no request is made. */
  records?: number;
  base?: string;
  fetch?: typeof fetch;
}

/**
 * Whole or windowed. Without a known count it asks the server's index; when
 * that fails (an older server, a name that is not there) it opens whole, and
 * the replay's own load says what went wrong.
 */
export async function recordingOpening(name: string, options: RecordingOpenOptions = {}): Promise<RecordingOpening> {
  if (options.records !== undefined) return opensWindowed(options.records) ? { kind: 'windowed', summary: null } : { kind: 'whole' };
  const doFetch = options.fetch ?? ((...args) => fetch(...args));
  try {
    const response = await doFetch(`${recordingUrl(name, options.base ?? '')}/index`);
    if (!response.ok) return { kind: 'whole' };
    const summary = (await response.json()) as RecordingSummary;
    if (typeof summary?.records !== 'number') return { kind: 'whole' };
    return opensWindowed(summary.records) ? { kind: 'windowed', summary } : { kind: 'whole' };
  } catch {
    return { kind: 'whole' };
  }
}

/**
 * Opens `opening` in the session. `at`: a link's cursor, the count of records
 * shown in the whole recording (the window opens with record `at` last shown).
 */
export function applyRecordingOpening(
  session: SourceSession,
  name: string,
  opening: RecordingOpening,
  options: { at?: number; base?: string; fetch?: typeof fetch } = {},
): void {
  const { at, base, fetch: doFetch } = options;
  if (opening.kind === 'whole') {
    openReplay(session, { kind: 'url', url: recordingUrl(name, base ?? ''), name }, at === undefined ? {} : { openAt: at });
    return;
  }
  session.open(
    new RecordingWindowSource(name, {
      ...(at === undefined ? {} : { openAt: Math.max(0, at - 1) }),
      ...(opening.summary ? { summary: opening.summary } : {}),
      ...(base === undefined ? {} : { base }),
      ...(doFetch === undefined ? {} : { fetch: doFetch }),
    }),
  );
}

/**
 * Decides and opens. Resolves false, opening nothing, when another source was
 * opened while the index was asked (the user's choice keeps the screen).
 */
export async function openRecording(session: SourceSession, name: string, options: RecordingOpenOptions & { at?: number } = {}): Promise<boolean> {
  const before = session.current;
  const opening = await recordingOpening(name, options);
  if (session.current !== before) return false;
  applyRecordingOpening(session, name, opening, options);
  return true;
}
