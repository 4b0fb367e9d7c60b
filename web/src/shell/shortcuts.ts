/**
 * The keyboard shortcuts, as data: the handler and the `?` overlay read the
 * same table, so the help can never disagree with the keys.
 */
export type ShortcutAction =
  | 'togglePlay'
  | 'stepBack'
  | 'stepForward'
  | 'jumpBack'
  | 'jumpForward'
  | 'start'
  | 'latest'
  | 'rangeStart'
  | 'rangeEnd'
  | 'escape'
  | 'faster'
  | 'slower'
  | 'focusFilter'
  | 'toggleTheme'
  | 'openFile'
  | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.key values. */
  keys: string[];
  shift?: boolean;
  label: string;
  description: string;
}

/** How far Shift+arrow jumps. */
export const JUMP = 100;

export const SHORTCUTS: Shortcut[] = [
  { action: 'togglePlay', keys: [' '], label: 'Space', description: 'Play / pause the replay' },
  { action: 'stepBack', keys: ['ArrowLeft'], label: '←', description: 'Step back one record' },
  { action: 'stepForward', keys: ['ArrowRight'], label: '→', description: 'Step forward one record' },
  { action: 'jumpBack', keys: ['ArrowLeft'], shift: true, label: 'Shift ←', description: `Back ${JUMP} records` },
  { action: 'jumpForward', keys: ['ArrowRight'], shift: true, label: 'Shift →', description: `Forward ${JUMP} records` },
  { action: 'start', keys: ['Home'], label: 'Home', description: 'Go to the first record' },
  { action: 'latest', keys: ['End'], label: 'End', description: 'Go to the latest record (follow live)' },
  { action: 'rangeStart', keys: ['['], label: '[', description: 'Start a range at the cursor' },
  { action: 'rangeEnd', keys: [']'], label: ']', description: 'End the range at the cursor' },
  { action: 'escape', keys: ['Escape'], label: 'Esc', description: 'Close help, or clear the range' },
  { action: 'faster', keys: ['+', '='], label: '+', description: 'Faster playback' },
  { action: 'slower', keys: ['-', '_'], label: '−', description: 'Slower playback' },
  { action: 'focusFilter', keys: ['/'], label: '/', description: 'Filter the log' },
  { action: 'toggleTheme', keys: ['t'], label: 't', description: 'Dark / light theme' },
  { action: 'openFile', keys: ['o'], label: 'o', description: 'Open a saved log' },
  { action: 'help', keys: ['?'], label: '?', description: 'Show these shortcuts' },
];

/** The action a key press means, or null. Shift matters only where a shortcut says so. */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const withShift = SHORTCUTS.find((s) => s.shift && event.shiftKey && s.keys.includes(event.key));
  if (withShift) return withShift.action;
  return SHORTCUTS.find((s) => !s.shift && s.keys.includes(event.key))?.action ?? null;
}
