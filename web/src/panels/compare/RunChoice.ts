/**
 * What one side of a comparison is: one of the server's recordings (the live
 * session's own recording among them, marked `live` in the list), or the
 * records this page holds now (the live stream so far, or the open replay).
 */
export type RunChoice = { kind: 'recording'; name: string } | { kind: 'page' };

/** The `<select>` value for a choice, and back. */
export function choiceValue(choice: RunChoice | null): string {
  if (!choice) return '';
  return choice.kind === 'page' ? 'page:' : `recording:${choice.name}`;
}

export function choiceFromValue(value: string): RunChoice | null {
  if (value === 'page:') return { kind: 'page' };
  if (value.startsWith('recording:')) return { kind: 'recording', name: value.slice('recording:'.length) };
  return null;
}
