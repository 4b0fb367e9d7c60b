/**
 * Which options a chart picker lists for what was typed: case-insensitive,
 * every word must appear, names starting with the text first; at most
 * `limit`, so a list of 500 charts never renders 500 items.
 */
export interface PickerOption {
  value: string;
  label: string;
}

export function matchOptions(options: readonly PickerOption[], text: string, limit: number): { shown: PickerOption[]; more: number } {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const prefix: PickerOption[] = [];
  const rest: PickerOption[] = [];
  for (const option of options) {
    const label = option.label.toLowerCase();
    if (!words.every((w) => label.includes(w))) continue;
    (words.length > 0 && label.startsWith(words[0]!) ? prefix : rest).push(option);
  }
  const all = prefix.concat(rest);
  return { shown: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}
