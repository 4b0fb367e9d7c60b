/** The theme to start with: the one chosen last time, else the system's preference. */
import type { Theme } from '../store/createDashboardStore.ts';

export const THEME_KEY = 'miroscope.theme';

export function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === 'dark' || saved === 'light') return saved;
  } catch {
    // No storage: fall through to the system preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}
