/**
 * The grouping key of a trace timestamp. `sequence.rb` parses the bracketed
 * text with Ruby's `Time.parse` and groups lines of equal instants, so
 * `2013-3-24 12:15:5.201` and `2013-03-24 12:15:05.2010` are one group. The
 * key is that instant written canonically; it is never converted to a date,
 * because only equality matters and a time of day alone means "today" for
 * every such line alike.
 *
 * Recognised: `Y-M-D h:m[:s[.frac]]` (also `/` between date parts, `T`
 * between date and time, `,` before the fraction), `Y-M-D` alone (midnight)
 * and `h:m[:s[.frac]]` alone. Other text that contains a time of day groups
 * by its exact text; text without any date or time gives null — the case
 * where `sequence.rb` aborts.
 */

const DATE = String.raw`(\d{1,4})[-/](\d{1,2})[-/](\d{1,2})`;
const TIME = String.raw`(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?`;
const DATE_TIME = new RegExp(String.raw`^${DATE}(?:[ T]+${TIME})?$`);
const TIME_ONLY = new RegExp(String.raw`^${TIME}$`);
const HAS_TIME = /\d{1,2}:\d{2}/;

function instant(date: string, h = '0', m = '0', s = '0', fraction = ''): string {
  const digits = fraction.replace(/0+$/, '');
  return `${date} ${Number(h)}:${Number(m)}:${Number(s)}.${digits}`;
}

export function compatTimeKey(stamp: string): string | null {
  const text = stamp.trim();
  const full = DATE_TIME.exec(text);
  if (full) {
    const [, y, mo, d, h, m, s, f] = full;
    return instant(`${Number(y)}-${Number(mo)}-${Number(d)}`, h, m, s, f);
  }
  const timeOnly = TIME_ONLY.exec(text);
  if (timeOnly) {
    const [, h, m, s, f] = timeOnly;
    return instant('today', h, m, s, f);
  }
  return HAS_TIME.test(text) ? `text:${text}` : null;
}
