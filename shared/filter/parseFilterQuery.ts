/**
 * Reads the filter query a user types into a {@link LogFilter}.
 *
 *   query  := term*                      (separated by spaces)
 *   term   := ['-'] ( field ':' values | "quoted text" | /regex/flags | word )
 *   field  := chart | kind | signal | state | text
 *   values := value (',' value)*  |  "quoted value"  |  /regex/flags
 *
 *   chart:ao1,ao2 kind:trace signal:to_* -state:idle "door open" /x+\d/i
 *
 * `-` in front of a term hides what it matches. A bare word is a text term;
 * so is a `word:with:colons` whose first part is not a field, which lets a
 * spy line such as `ENTRY_SIGNAL:outer` be pasted in as is. Inside quotes,
 * `\"` and `\\` stand for `"` and `\`. Regex flags may be `d i m s u v`
 * (`g` and `y` would make matching stateful and are dropped).
 *
 * Hand-written rather than a parser library: the grammar is six rules and the
 * errors must point at characters of the query (FilterSyntaxError.start/end).
 */
import { FilterSyntaxError } from './FilterSyntaxError.ts';
import { FILTER_KINDS, type FilterFields, type FilterKind, type LogFilter, type NameMatch } from './LogFilter.ts';

type Field = 'chart' | 'kind' | 'signal' | 'state' | 'text';
const FIELDS = new Set<string>(['chart', 'kind', 'signal', 'state', 'text']);
const ALLOWED_FLAGS = new Set(['d', 'i', 'm', 's', 'u', 'v']);
const KINDS = new Set<string>(FILTER_KINDS);

interface Mutable {
  charts: NameMatch[];
  kinds: FilterKind[];
  signals: NameMatch[];
  states: NameMatch[];
  text: string[];
  regex: RegExp[];
}

function empty(): Mutable {
  return { charts: [], kinds: [], signals: [], states: [], text: [], regex: [] };
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

class QueryReader {
  pos = 0;

  constructor(readonly q: string) {}

  /** A quoted string starting at `pos` (on the `"`); returns its text. */
  quoted(): string {
    const start = this.pos;
    let out = '';
    this.pos++;
    while (this.pos < this.q.length) {
      const c = this.q[this.pos]!;
      if (c === '\\' && (this.q[this.pos + 1] === '"' || this.q[this.pos + 1] === '\\')) {
        out += this.q[this.pos + 1];
        this.pos += 2;
      } else if (c === '"') {
        this.pos++;
        return out;
      } else {
        out += c;
        this.pos++;
      }
    }
    throw new FilterSyntaxError('unterminated quote: add a closing "', start, this.q.length);
  }

  /** A `/regex/flags` literal starting at `pos` (on the first `/`). */
  regex(): RegExp {
    const start = this.pos;
    let i = start + 1;
    let inClass = false;
    while (i < this.q.length) {
      const c = this.q[i];
      if (c === '\\') i++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
      i++;
    }
    if (i >= this.q.length) {
      throw new FilterSyntaxError('unterminated regular expression: add a closing /', start, this.q.length);
    }
    const source = this.q.slice(start + 1, i);
    if (source === '') throw new FilterSyntaxError('empty regular expression //', start, i + 1);
    let flags = '';
    i++;
    while (i < this.q.length && !isSpace(this.q[i])) {
      const flag = this.q[i]!;
      if (!ALLOWED_FLAGS.has(flag) && flag !== 'g' && flag !== 'y') {
        throw new FilterSyntaxError(`unknown regular expression flag '${flag}' (use d, i, m, s, u or v)`, i, i + 1);
      }
      if (flag !== 'g' && flag !== 'y' && !flags.includes(flag)) flags += flag;
      i++;
    }
    this.pos = i;
    try {
      return new RegExp(source, flags);
    } catch (error) {
      throw new FilterSyntaxError(`invalid regular expression /${source}/: ${(error as Error).message}`, start, i);
    }
  }

  /** Characters up to the next space. */
  word(): string {
    const start = this.pos;
    while (this.pos < this.q.length && !isSpace(this.q[this.pos])) this.pos++;
    return this.q.slice(start, this.pos);
  }
}

function addValue(target: Mutable, field: Field, value: string | RegExp, at: number, end: number): void {
  if (field === 'kind') {
    if (typeof value !== 'string' || !KINDS.has(value)) {
      throw new FilterSyntaxError(`unknown kind '${String(value)}' (kinds: ${FILTER_KINDS.join(', ')})`, at, end);
    }
    target.kinds.push(value as FilterKind);
  } else if (field === 'text') {
    if (typeof value === 'string') target.text.push(value);
    else target.regex.push(value);
  } else {
    const list = field === 'chart' ? target.charts : field === 'signal' ? target.signals : target.states;
    list.push(value);
  }
}

function compact(m: Mutable): FilterFields {
  const out: { -readonly [K in keyof FilterFields]: FilterFields[K] } = {};
  if (m.charts.length) out.charts = m.charts;
  if (m.kinds.length) out.kinds = m.kinds;
  if (m.signals.length) out.signals = m.signals;
  if (m.states.length) out.states = m.states;
  if (m.text.length) out.text = m.text;
  if (m.regex.length) out.regex = m.regex;
  return out;
}

/** Parses a query; throws {@link FilterSyntaxError} pointing at the bad part. */
export function parseFilterQuery(query: string): LogFilter {
  const keep = empty();
  const hide = empty();
  const r = new QueryReader(query);
  while (r.pos < query.length) {
    if (isSpace(query[r.pos])) {
      r.pos++;
      continue;
    }
    const termStart = r.pos;
    let target = keep;
    if (query[r.pos] === '-' && r.pos + 1 < query.length && !isSpace(query[r.pos + 1])) {
      target = hide;
      r.pos++;
    }
    const c = query[r.pos];
    if (c === '"') {
      target.text.push(r.quoted());
      continue;
    }
    if (c === '/') {
      target.regex.push(r.regex());
      continue;
    }
    let wordEnd = r.pos;
    while (wordEnd < query.length && !isSpace(query[wordEnd])) wordEnd++;
    const colon = query.indexOf(':', r.pos);
    const name = colon > r.pos && colon < wordEnd ? query.slice(r.pos, colon).toLowerCase() : '';
    if (!FIELDS.has(name)) {
      target.text.push(r.word());
      continue;
    }
    const field = name as Field;
    r.pos = colon + 1;
    const valueStart = r.pos;
    const v = query[r.pos];
    if (v === undefined || isSpace(v)) {
      throw new FilterSyntaxError(`'${name}:' needs a value`, termStart, r.pos);
    }
    if (v === '"') {
      addValue(target, field, r.quoted(), valueStart, r.pos);
    } else if (v === '/') {
      addValue(target, field, r.regex(), valueStart, r.pos);
    } else {
      let at = valueStart;
      for (const part of r.word().split(',')) {
        if (part === '') throw new FilterSyntaxError(`empty value in '${name}:'`, at, at + 1);
        addValue(target, field, part, at, at + part.length);
        at += part.length + 1;
      }
    }
  }
  const filter: LogFilter = compact(keep);
  const not = compact(hide);
  if (Object.keys(not).length > 0) filter.not = not;
  return filter;
}
