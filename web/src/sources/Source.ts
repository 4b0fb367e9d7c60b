/**
 * The one interface every feed of records implements — a live server, a
 * saved log, a fake in tests. Panels never learn which one they are fed by.
 *
 * A source pushes updates to a single listener and waits for the promise it
 * returns (the store applied the batch and the page rendered) before pushing
 * the next one, so a fast source can never flood a slow page:
 *
 *   source ──update──▶ listener (await next frame; store.apply) ──resolve──▶ source
 *          ◀───────────────────────── next update only now ──────────────────┘
 *
 * Lifecycle of `presence`:
 *
 *   live:    connecting ──hello──▶ live ──disconnect──▶ reconnecting ──hello──▶ live
 *                 └─────────── fatal ──────────▶ error ◀──────────┘
 *   replay:  replay (loading shows in `progress`; a failed read is `error`)
 *
 * `reset: true` marks a discontinuity (a new file, a seek that cannot be
 * expressed as "more records", a server that lost our place): everything the
 * page derived from earlier records is thrown away before `records` apply.
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import type { RecordSegment } from '../store/RecordSegment.ts';
import type { ParseError } from '../../../shared/parsers/ParsedLog.ts';
import type { Counters, HelloInfo } from '../../../shared/contract/socketContract.ts';

export type Presence = 'connecting' | 'live' | 'reconnecting' | 'replay' | 'error';

/** What the timeline may offer. Only a replay can seek or change speed. */
export interface Capabilities {
  play: boolean;
  seek: boolean;
  speed: boolean;
}

/** Playback speed: a factor (0.1 … 100) or as fast as the page can take. */
export type Speed = number | 'max';

export interface LoadProgress {
  /** Bytes read so far. */
  loaded: number;
  /** Total bytes, when known. */
  total: number | null;
  /** Lines parsed so far. */
  lines: number;
  done: boolean;
}

export interface SourceState {
  kind: 'live' | 'replay' | 'fake';
  /** What to show as the source's name: a file name, a server address. */
  label: string;
  presence: Presence;
  capabilities: Capabilities;
  /** Replay: the playhead, as a count of records played (0 … length). Live: null (follow the tail). */
  cursor: number | null;
  playing: boolean;
  speed: Speed;
  progress: LoadProgress | null;
  /** Why presence is `error`, or a non-fatal problem worth showing. */
  error: string | null;
  /** Live: what the server said in `hello`. */
  server: HelloInfo | null;
  /** Live: the server's latest counters. */
  counters: Counters | null;
  /** Records announced as lost (dropped markers), summed. */
  dropped: number;
  /** Live: how many times the connection came back. */
  reconnects: number;
  /**
   * A recording too big to load whole, opened a window at a time
   * (RecordingWindowSource): where the records held sit in the whole. Absent
   * for every other source.
   */
  window?: RecordingWindowState;
}

export interface RecordingWindowState {
  /** Record number (0-based) of the first record held; its seq is from + 1. */
  from: number;
  /** Records held (the store's length). */
  count: number;
  /** Records in the whole recording. */
  total: number;
  firstReceived: number | null;
  lastReceived: number | null;
  /** A window is being fetched: the record it is centred on. */
  loadingAt: number | null;
}

export interface SourceUpdate {
  state: SourceState;
  /** Discard everything derived so far before applying `records`. */
  reset?: boolean;
  /** Records to append, in seq order. */
  records?: readonly MirosRecord[];
  /**
   * Records to append after `records`, as segments (a replay's columns, see
   * store/ColumnSegment.ts); appended as they are, without building objects.
   */
  segments?: readonly RecordSegment[];
  /** Parse errors found since the previous update (line numbers included). */
  parseErrors?: readonly ParseError[];
  /** The playhead jumped (seek, step): panels with local derived state resync. */
  seeked?: boolean;
}

export type SourceListener = (update: SourceUpdate) => Promise<void>;

export interface Source {
  /**
   * Starts the source and routes its updates to `listener` (one at a time).
   * Returns a function that detaches the listener and closes the source.
   */
  setListener(listener: SourceListener): () => void;
  /** Stops everything the source started; further calls do nothing. */
  close(): void;
  /* Present when the matching capability is true. */
  play?(): void;
  pause?(): void;
  /** Moves the playhead to a record count (0 … length). */
  seek?(position: number): void;
  /** Moves the playhead by `delta` records. */
  step?(delta: number): void;
  setSpeed?(speed: Speed): void;
}

export const NO_CAPABILITIES: Capabilities = { play: false, seek: false, speed: false };
export const REPLAY_CAPABILITIES: Capabilities = { play: true, seek: true, speed: true };

/** A state with nothing in it, for sources to start from. */
export function initialSourceState(kind: SourceState['kind'], label: string, presence: Presence): SourceState {
  return {
    kind,
    label,
    presence,
    capabilities: kind === 'replay' ? REPLAY_CAPABILITIES : NO_CAPABILITIES,
    cursor: kind === 'replay' ? 0 : null,
    playing: false,
    speed: 1,
    progress: null,
    error: null,
    server: null,
    counters: null,
    dropped: 0,
    reconnects: 0,
  };
}
