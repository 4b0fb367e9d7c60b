/**
 * miros's trace timestamp: local wall-clock `YYYY-MM-DD HH:MM:SS.ffffff`
 * (Python `datetime.now()` formatted with `%Y-%m-%d %H:%M:%S.%f`).
 */
function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * @param epochMs epoch milliseconds with a microsecond fraction
 *
 * @remarks miros: the `%Y-%m-%d %H:%M:%S.%f` timestamp of trace lines.
 */
export function formatTimestamp(epochMs: number): string {
  // Integer microseconds first, so 0.1-style float noise cannot round a
  // fraction of .999999x up into the next second inconsistently.
  const totalMicros = Math.round(epochMs * 1000);
  const micros = ((totalMicros % 1_000_000) + 1_000_000) % 1_000_000;
  const date = new Date((totalMicros - micros) / 1000);
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)} ` +
    `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}.${pad(micros, 6)}`
  );
}
