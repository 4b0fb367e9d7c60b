/**
 * The dashboard's one store: the records, the cursor, what the source says
 * about itself, and the user's choices (selected chart, filter, range,
 * theme). Panels read it only through the hooks in `panelApi/`.
 *
 * Records are not copied into React state: the store holds a mutable,
 * append-only RecordLog and a `length` number that changes with it, so a
 * subscriber re-renders when records arrive without anything being copied.
 * A discontinuity swaps in a new log (and bumps `epoch`), which drops every
 * derived index built on the old one.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ParseError } from '../../../shared/parsers/ParsedLog.ts';
import { RecordLog } from './RecordLog.ts';
import { initialSourceState, type SourceState, type SourceUpdate } from '../sources/Source.ts';

export type Theme = 'dark' | 'light';

/** A part of the run chosen on the timeline, as record counts [from, to). */
export interface PositionRange {
  from: number;
  to: number;
}

export interface DashboardState {
  log: RecordLog;
  /** log.length at the last update; what subscribers compare. */
  length: number;
  /** Bumped by every discontinuity. */
  epoch: number;
  /**
   * The record count the page shows, 0 … length; null follows the tail.
   * A replay moves it; in a live session the user may pin it to look back.
   */
  cursor: number | null;
  /** Bumped by every seek, so panels with local state can resync. */
  seekCount: number;
  source: SourceState;
  /** Parse errors of the current replay, in line order (capped; see `parseErrorCount`). */
  parseErrors: ParseError[];
  parseErrorCount: number;
  selectedChart: string | null;
  filterText: string;
  range: PositionRange | null;
  /** The sequence panel's view: `all`, `system` or `chart:<name>` (kept here so a URL can carry it). */
  sequenceView: string;
  /** Whether the log lists meta records (status, topologies, notes …) without a filter asking for them. */
  showMeta: boolean;
  /** Something the page should say about what it could not open (a shared link to a local file). */
  notice: string | null;
  theme: Theme;
  helpOpen: boolean;
}

export interface DashboardActions {
  applyUpdate(update: SourceUpdate): void;
  /** Pins the view at a record count (clamped), or null to follow the tail. */
  setCursor(position: number | null): void;
  selectChart(chart: string | null): void;
  setFilterText(text: string): void;
  setRange(range: PositionRange | null): void;
  setSequenceView(view: string): void;
  setShowMeta(show: boolean): void;
  setNotice(notice: string | null): void;
  setTheme(theme: Theme): void;
  setHelpOpen(open: boolean): void;
}

export type DashboardStore = StoreApi<DashboardState & DashboardActions>;

/** Enough to show; the count keeps the true total. */
const MAX_KEPT_PARSE_ERRORS = 1000;

export function createDashboardStore(initial: Partial<Pick<DashboardState, 'theme'>> = {}): DashboardStore {
  return createStore<DashboardState & DashboardActions>()((set, get) => ({
    log: new RecordLog(),
    length: 0,
    epoch: 0,
    cursor: null,
    seekCount: 0,
    source: initialSourceState('fake', 'nothing open', 'replay'),
    parseErrors: [],
    parseErrorCount: 0,
    selectedChart: null,
    filterText: '',
    range: null,
    sequenceView: 'all',
    showMeta: false,
    notice: null,
    theme: initial.theme ?? 'dark',
    helpOpen: false,

    applyUpdate(update) {
      const state = get();
      let { log, epoch, parseErrors, parseErrorCount, range, seekCount } = state;
      if (update.reset) {
        log = new RecordLog();
        epoch++;
        parseErrors = [];
        parseErrorCount = 0;
        range = null;
        seekCount++;
        // The selected chart survives: a reconnect or a re-opened file usually has the same charts.
      }
      if (update.records && update.records.length > 0) log.append(update.records);
      if (update.segments) for (const segment of update.segments) log.appendSegment(segment);
      if (update.parseErrors && update.parseErrors.length > 0) {
        parseErrorCount += update.parseErrors.length;
        if (parseErrors.length < MAX_KEPT_PARSE_ERRORS) {
          parseErrors = parseErrors.concat(update.parseErrors.slice(0, MAX_KEPT_PARSE_ERRORS - parseErrors.length));
        }
      }
      if (update.seeked) seekCount++;
      const sourceCursor = update.state.cursor;
      // A replay owns the cursor; a live source leaves the user's pin alone.
      const cursor = sourceCursor === null ? (update.reset ? null : state.cursor) : Math.min(sourceCursor, log.length);
      set({
        log,
        length: log.length,
        epoch,
        cursor,
        seekCount,
        source: update.state,
        parseErrors,
        parseErrorCount,
        range,
      });
    },

    setCursor(position) {
      const { length } = get();
      const cursor = position === null ? null : Math.max(0, Math.min(length, Math.round(position)));
      set((s) => ({ cursor, seekCount: s.seekCount + 1 }));
    },

    selectChart: (selectedChart) => set({ selectedChart }),
    setFilterText: (filterText) => set({ filterText }),
    setRange: (range) => set({ range }),
    setSequenceView: (sequenceView) => set({ sequenceView }),
    setShowMeta: (showMeta) => set({ showMeta }),
    setNotice: (notice) => set({ notice }),
    setTheme: (theme) => set({ theme }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
  }));
}

/** The record count the page shows (the cursor, or everything when following). */
export function visibleEnd(state: Pick<DashboardState, 'cursor' | 'length'>): number {
  return state.cursor === null ? state.length : Math.min(state.cursor, state.length);
}
