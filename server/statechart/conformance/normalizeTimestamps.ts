/** FORMAT.md "Timestamps": every trace timestamp becomes `[TIMESTAMP]`. */
const TIMESTAMP = /\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}\]/g;

export function normalizeTimestamps(text: string): string {
  return text.replace(TIMESTAMP, '[TIMESTAMP]');
}
