/**
 * Writes a {@link LogFilter} as the query text parseFilterQuery reads, so a
 * filter built by clicking (a chart, a signal in the log) can be shown in the
 * filter box and edited by hand. parseFilterQuery(formatFilterQuery(f))
 * gives back a filter equal to f.
 */
import type { FilterFields, LogFilter, NameMatch } from './LogFilter.ts';

const FIELD_PREFIX = /^(chart|kind|signal|state|text):/i;

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** A value that can be written bare inside a `field:a,b` list. */
function isBareValue(text: string): boolean {
  return text !== '' && !/[\s,"]/.test(text) && !text.startsWith('/');
}

/** A free-text word that reads back as the same text term. */
function isBareWord(text: string): boolean {
  return text !== '' && !/[\s"]/.test(text) && !/^[-/]/.test(text) && !FIELD_PREFIX.test(text);
}

function regexText(re: RegExp): string {
  return `/${re.source}/${re.flags.replace(/[gy]/g, '')}`;
}

function fieldTerms(field: string, values: readonly NameMatch[] | undefined, sign: string): string[] {
  if (!values?.length) return [];
  if (values.every((v) => typeof v === 'string' && isBareValue(v))) return [`${sign}${field}:${values.join(',')}`];
  // One term per value, in order, so the values read back in the same order.
  return values.map((v) =>
    `${sign}${field}:${typeof v !== 'string' ? regexText(v) : isBareValue(v) ? v : quote(v)}`,
  );
}

function terms(f: FilterFields, sign: string): string[] {
  return [
    ...fieldTerms('chart', f.charts, sign),
    ...fieldTerms('kind', f.kinds, sign),
    ...fieldTerms('signal', f.signals, sign),
    ...fieldTerms('state', f.states, sign),
    ...(f.text ?? []).map((t) => sign + (isBareWord(t) ? t : quote(t))),
    ...(f.regex ?? []).map((re) => sign + regexText(re)),
  ];
}

export function formatFilterQuery(filter: LogFilter): string {
  return [...terms(filter, ''), ...(filter.not ? terms(filter.not, '-') : [])].join(' ');
}
