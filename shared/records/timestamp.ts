/**
 * Timestamps as miros and its neighbours print them, read and written.
 *
 * miros stamps trace entries with local wall-clock time and no zone
 * (`2019-02-23 08:08:34.878743`); Python `logging` uses a comma and
 * milliseconds (`2019-07-26 11:37:22,674`); older traces print only the time
 * of day (`08:08:34.878743`) or whole seconds. A record's `time` is epoch
 * milliseconds (with the microseconds as a fraction) read as if that
 * wall-clock were UTC, so every reader in every time zone gets the same
 * number (see `MirosRecord.time`). A time-of-day stamp reads as that time on
 * 1970-01-01, which keeps such logs ordered without inventing a date.
 *
 * Hand-written instead of `Date.parse` because (1) `Date.parse` reads
 * zone-less date-times as *local* time, (2) it rejects the comma and unpadded
 * forms, and (3) the saved-log parser calls this once per line, millions of
 * times, so it scans character codes without allocating.
 */

/** How {@link formatStamp} writes a time. */
export type StampStyle =
  /** `2019-02-23 08:08:34.878743` (miros trace). */
  | 'miros'
  /** `2019-07-26 11:37:22,674` (Python logging). */
  | 'logging'
  /** `08:08:34.878743` (older miros traces). */
  | 'time';

const MS_PER_DAY = 86_400_000;

/**
 * Days from 1970-01-01 to the given proleptic Gregorian date (month 1–12).
 * The usual era-based civil-to-days arithmetic: no Date object, no tables.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// The parser below walks `text` with a cursor kept in this module-level slot
// so the digit reader can return two things (value and new position) without
// allocating a tuple per call.
let cursor = 0;

/** Reads 1..maxDigits decimal digits at `cursor`; -1 when there is none. */
function readNumber(text: string, end: number, maxDigits: number): number {
  let value = 0;
  let digits = 0;
  while (cursor < end && digits < maxDigits) {
    const c = text.charCodeAt(cursor) - 48;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
    cursor++;
    digits++;
  }
  return digits === 0 ? -1 : value;
}

/**
 * Parses `text.slice(start, end)` as a stamp and returns epoch milliseconds
 * (UTC reading of the wall-clock), or NaN when it is not a valid stamp.
 *
 * Accepted: `Y-M-D H:M:S`, optionally followed by `.fraction` or `,fraction`
 * (1–9 digits; digits past the sixth, below a microsecond, are dropped), with
 * a space or `T` between date and time; each date/time field may be unpadded
 * (`2013-3-24 12:15:5.201`); or the time alone, `H:M:S[.fraction]`.
 * Fields must be in range (month 1–12, a real day of that month, hour 0–23,
 * minute and second 0–59).
 */
export function parseStampRange(text: string, start: number, end: number): number {
  if (
    end - start >= 19 && text.charCodeAt(start + 4) === 45 && text.charCodeAt(start + 7) === 45 &&
    text.charCodeAt(start + 10) === 32 && text.charCodeAt(start + 13) === 58 && text.charCodeAt(start + 16) === 58
  ) {
    return parsePaddedStamp(text, start, end);
  }
  cursor = start;
  let dayMs = 0;
  let hour: number;
  // A date is present when a '-' comes before any ':'.
  let dash = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 /* - */) { dash = i; break; }
    if (c === 58 /* : */) break;
  }
  if (dash >= 0) {
    if (dash - start !== 4) return NaN;
    const year = readNumber(text, end, 4);
    if (year < 0 || cursor !== dash) return NaN;
    cursor++;
    const month = readNumber(text, end, 2);
    if (month < 1 || month > 12 || text.charCodeAt(cursor) !== 45) return NaN;
    cursor++;
    const day = readNumber(text, end, 2);
    if (day < 1 || day > daysInMonth(year, month)) return NaN;
    const sep = text.charCodeAt(cursor);
    if (sep !== 32 /* space */ && sep !== 84 /* T */) return NaN;
    cursor++;
    dayMs = daysFromCivil(year, month, day) * MS_PER_DAY;
  }
  hour = readNumber(text, end, 2);
  if (hour < 0 || hour > 23 || text.charCodeAt(cursor) !== 58) return NaN;
  cursor++;
  const minute = readNumber(text, end, 2);
  if (minute < 0 || minute > 59 || text.charCodeAt(cursor) !== 58) return NaN;
  cursor++;
  const second = readNumber(text, end, 2);
  if (second < 0 || second > 59) return NaN;
  let micros = 0;
  if (cursor < end) {
    const sep = text.charCodeAt(cursor);
    if (sep !== 46 /* . */ && sep !== 44 /* , */) return NaN;
    cursor++;
    const fracStart = cursor;
    const frac = readNumber(text, end, 9);
    if (frac < 0) return NaN;
    const digits = cursor - fracStart;
    micros = digits <= 6 ? frac * 10 ** (6 - digits) : Math.floor(frac / 10 ** (digits - 6));
    if (cursor !== end) return NaN;
  }
  return dayMs + ((hour * 60 + minute) * 60 + second) * 1000 + micros / 1000;
}

/** Two digits at i as a number; negative when either is not a digit. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a < 0 || a > 9 || b < 0 || b > 9 ? -1 : a * 10 + b;
}

// The last date seen and its day number: a log's lines share a few dates.
let lastDateKey = -1;
let lastDayMs = 0;

/**
 * The fast path for the zero-padded `YYYY-MM-DD HH:MM:SS` prefix every
 * current miros and logging stamp has (separators already checked): fixed
 * positions, and the day number cached per date.
 */
function parsePaddedStamp(text: string, start: number, end: number): number {
  const yHigh = twoDigits(text, start);
  const yLow = twoDigits(text, start + 2);
  const month = twoDigits(text, start + 5);
  const day = twoDigits(text, start + 8);
  const hour = twoDigits(text, start + 11);
  const minute = twoDigits(text, start + 14);
  const second = twoDigits(text, start + 17);
  if (yHigh < 0 || yLow < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  const year = yHigh * 100 + yLow;
  const dateKey = (year * 16 + month) * 32 + day;
  if (dateKey !== lastDateKey) {
    if (day > daysInMonth(year, month)) return NaN;
    lastDayMs = daysFromCivil(year, month, day) * MS_PER_DAY;
    lastDateKey = dateKey;
  }
  let micros = 0;
  if (end > start + 19) {
    const sep = text.charCodeAt(start + 19);
    if (sep !== 46 /* . */ && sep !== 44 /* , */) return NaN;
    cursor = start + 20;
    const frac = readNumber(text, end, 9);
    if (frac < 0 || cursor !== end) return NaN;
    const digits = end - start - 20;
    micros = digits <= 6 ? frac * 10 ** (6 - digits) : Math.floor(frac / 10 ** (digits - 6));
  }
  return lastDayMs + ((hour * 60 + minute) * 60 + second) * 1000 + micros / 1000;
}

/** {@link parseStampRange} over a whole string; NaN when invalid. */
export function parseStamp(text: string): number {
  return parseStampRange(text, 0, text.length);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Writes epoch milliseconds back as a stamp (reading them as UTC, the
 * inverse of {@link parseStamp}). `miros` keeps microseconds, `logging`
 * milliseconds (truncated, as Python's logging does), `time` drops the date.
 */
export function formatStamp(time: number, style: StampStyle = 'miros'): string {
  const totalMicros = Math.round(time * 1000);
  const micros = ((totalMicros % 1_000_000) + 1_000_000) % 1_000_000;
  const seconds = (totalMicros - micros) / 1_000_000;
  const date = new Date(seconds * 1000);
  const clock = `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  if (style === 'time') return `${clock}.${pad(micros, 6)}`;
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  if (style === 'logging') return `${day} ${clock},${pad(Math.floor(micros / 1000), 3)}`;
  return `${day} ${clock}.${pad(micros, 6)}`;
}
