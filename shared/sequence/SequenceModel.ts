/**
 * The sequence-diagram model built from records (shared/sequence/).
 *
 * Two views of the same records:
 *  - per chart: lifelines are the chart's states (as the `sequence` tool draws
 *    them), each step is a transition labelled with its event;
 *  - system: lifelines are charts, messages are mesh events from the sender
 *    to each chart that received them, and state changes appear as notes.
 *
 * Every step and message gets a number `n`, shared across all charts, in
 * arrival order (record seq) by default or by timestamp on request — these
 * replace the `(?)` miros users fill in by hand.
 */

export type SequenceOrder = 'arrival' | 'timestamp';

export interface SequenceOptions {
  order?: SequenceOrder;
  /** Only records with fromSeq <= seq <= toSeq. */
  range?: { fromSeq?: number; toSeq?: number };
  /** Infer cross-chart arrows for `other_…` receptions no mesh record explains (default true). */
  inferred?: boolean;
}

export interface ChartStep {
  /** The diagram number shown in place of `(?)`. */
  n: number;
  seq: number;
  time: number | null;
  signal: string;
  payload?: string;
  from: string;
  to: string;
}

export interface ChartDiagram {
  chart: string;
  /** A, B, C … in order of first appearance (the seed page labels charts so). */
  letter: string;
  /** States in order of first appearance (source before target). */
  lifelines: string[];
  steps: ChartStep[];
}

export interface SystemMessage {
  type: 'message';
  n: number;
  seq: number;
  time: number | null;
  signal: string;
  payload?: unknown;
  /** Sending chart (or sender address when the chart is unknown). */
  from: string;
  /** Charts whose reception was paired with this message. */
  to: string[];
  /**
   * Drawn from no mesh record: the sender's move inferred from the
   * `other_<signal>` convention (see model/inferReceptions.ts). `n` is then
   * the number of that move (the send has no number of its own) and `to`
   * the one reception it is placed before.
   */
  inferred?: true;
}

export interface SystemStateNote {
  type: 'state';
  n: number;
  seq: number;
  time: number | null;
  chart: string;
  signal: string;
  payload?: string;
  from: string;
  to: string;
  /** `n` of the mesh message this step was the reception of, when paired. */
  causedBy?: number;
  /** `n` of the other chart's move inferred to have sent this `other_…` event (no mesh record paired). */
  inferredFrom?: number;
  /** An `other_…` event with neither a mesh message nor a plausible send: "no send seen". */
  noSendSeen?: true;
}

export type SystemItem = SystemMessage | SystemStateNote;

export interface SequenceModel {
  charts: ChartDiagram[];
  system: { lifelines: string[]; items: SystemItem[] };
}
