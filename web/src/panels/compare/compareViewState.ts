/**
 * Whether the Compare view is open. Its own tiny store (not the dashboard's)
 * because nothing else reads it: the recordings menu opens it, the view
 * closes itself, and the comparison never touches the records the panels
 * show.
 */
import { create } from 'zustand';
import type { RunChoice } from './RunChoice.ts';

interface CompareViewState {
  open: boolean;
  /** What the view starts with (the recording the user opened it from). */
  initialA: RunChoice | null;
  openCompare(initialA?: RunChoice | null): void;
  closeCompare(): void;
}

export const useCompareView = create<CompareViewState>((set) => ({
  open: false,
  initialA: null,
  openCompare: (initialA = null) => set({ open: true, initialA }),
  closeCompare: () => set({ open: false }),
}));
