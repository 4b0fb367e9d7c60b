/**
 * What `chart.observe(listener)` delivers: the public, typed view of a
 * chart's instrumentation for dashboards, relays and networked charts.
 *
 * Unlike probe events these are fresh immutable values; a listener may keep
 * them. A listener that throws is reported and never breaks the chart.
 */
export type ChartObservation =
  /** A line appended to the full spy (in order; what `spy()` will contain). */
  | { readonly type: 'spy'; readonly chart: string | null; readonly line: string }
  /** A trace entry was recorded. `signal` is `start_at` for the start entry. */
  | {
      readonly type: 'trace';
      readonly chart: string | null;
      /** Epoch milliseconds with microsecond fraction. */
      readonly time: number;
      readonly signal: string;
      readonly from: string;
      readonly to: string;
      /** The trace line without line end, as `trace()` prints it. */
      readonly line: string;
    }
  /** The processor learned (or relearned) a state's parent; `parent` null = top. */
  | { readonly type: 'topology'; readonly chart: string | null; readonly state: string; readonly parent: string | null }
  /** A string handed to the live spy callback (only while `liveSpy`). */
  | { readonly type: 'live-spy'; readonly chart: string | null; readonly line: string }
  /** A string handed to the live trace callback (only while `liveTrace`), newlines included. */
  | { readonly type: 'live-trace'; readonly chart: string | null; readonly text: string };

export type ChartListener = (observation: ChartObservation) => void;
