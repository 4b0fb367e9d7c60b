/**
 * Routes key presses (see shortcuts.ts) to the session and the store.
 * Keys typed into a text field stay there — except Escape, which leaves it.
 */
import { useEffect } from 'react';
import { useDashboard } from '../panelApi/DashboardContext.tsx';
import { visibleEnd } from '../store/createDashboardStore.ts';
import { nextSpeed } from '../panels/timeline/timelineScale.ts';
import { FILTER_INPUT_ID } from '../panelApi/filterInputId.ts';
import { JUMP, shortcutFor } from './shortcuts.ts';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useKeyboardShortcuts(openFilePicker: () => void): void {
  const { store, session } = useDashboard();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      if (isTextField(event.target)) {
        if (action === 'escape') (event.target as HTMLElement).blur();
        return;
      }
      const state = store.getState();
      const cursor = visibleEnd(state);
      switch (action) {
        case 'togglePlay':
          session.togglePlay();
          break;
        case 'stepBack':
          session.step(-1);
          break;
        case 'stepForward':
          session.step(1);
          break;
        case 'jumpBack':
          session.step(-JUMP);
          break;
        case 'jumpForward':
          session.step(JUMP);
          break;
        case 'start':
          session.seek(0);
          break;
        case 'latest':
          session.goLatest();
          break;
        case 'rangeStart':
          state.setRange({ from: Math.min(cursor, state.range?.to ?? state.length), to: Math.max(cursor, state.range?.to ?? state.length) });
          break;
        case 'rangeEnd':
          state.setRange({ from: Math.min(cursor, state.range?.from ?? 0), to: Math.max(cursor, state.range?.from ?? 0) });
          break;
        case 'escape':
          if (state.helpOpen) state.setHelpOpen(false);
          else state.setRange(null);
          break;
        case 'faster':
          session.setSpeed(nextSpeed(state.source.speed, 1));
          break;
        case 'slower':
          session.setSpeed(nextSpeed(state.source.speed, -1));
          break;
        case 'focusFilter':
          document.getElementById(FILTER_INPUT_ID)?.focus();
          break;
        case 'toggleTheme':
          state.setTheme(state.theme === 'dark' ? 'light' : 'dark');
          break;
        case 'openFile':
          openFilePicker();
          break;
        case 'help':
          state.setHelpOpen(!state.helpOpen);
          break;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, session, openFilePicker]);
}
