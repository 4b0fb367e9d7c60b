/**
 * The filter box's text as a record predicate, via shared/filter (the query
 * language is defined there, once, for the dashboard and the CLI). A query
 * that does not parse says where, so the box can point at it while the last
 * good filter stays in force.
 */
import { compileFilter } from '../../../../shared/filter/compileFilter.ts';
import { parseFilterQuery } from '../../../../shared/filter/parseFilterQuery.ts';
import { FilterSyntaxError } from '../../../../shared/filter/FilterSyntaxError.ts';
import type { RecordPredicate } from './filterPositions.ts';

export type CompiledQuery =
  | { ok: true; predicate: RecordPredicate }
  | { ok: false; error: string; start: number; end: number };

export function compileLogQuery(query: string): CompiledQuery {
  try {
    return { ok: true, predicate: compileFilter(parseFilterQuery(query)) };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { ok: false, error: error.message, start: error.start, end: error.end };
    throw error;
  }
}
