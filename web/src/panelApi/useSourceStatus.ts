/** What the current source says about itself (presence, counters, errors). */
import type { SourceState } from '../sources/Source.ts';
import type { ParseError } from '../../../shared/parsers/ParsedLog.ts';
import { useDashboardState } from './DashboardContext.tsx';

export function useSourceStatus(): SourceState {
  return useDashboardState((s) => s.source);
}

export function useParseErrors(): { errors: ParseError[]; count: number } {
  const errors = useDashboardState((s) => s.parseErrors);
  const count = useDashboardState((s) => s.parseErrorCount);
  return { errors, count };
}
