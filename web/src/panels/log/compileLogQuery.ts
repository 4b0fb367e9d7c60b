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
  | { ok: true; predicate: RecordPredicate; /** The query chooses kinds (`kind:…`), so it decides about meta rows itself. */ namesKinds: boolean }
  | { ok: false; error: string; start: number; end: number };

export function compileLogQuery(query: string): CompiledQuery {
  try {
    const filter = parseFilterQuery(query);
    return { ok: true, predicate: compileFilter(filter), namesKinds: (filter.kinds?.length ?? 0) > 0 };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { ok: false, error: error.message, start: error.start, end: error.end };
    throw error;
  }
}
