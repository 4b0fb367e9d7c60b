/**
 * A model without its inferred arrows, for the panel's "Inferred" toggle:
 * the builder always infers (so turning the toggle back on costs nothing),
 * and a view that does not want guesses drops them here. The CLI and REST
 * ask the builder not to infer at all (`inferred: false`).
 */
import type { SequenceModel, SystemItem } from '../SequenceModel.ts';

export function withoutInferred(model: SequenceModel): SequenceModel {
  if (!model.system.items.some((item) => (item.type === 'message' ? item.inferred : item.inferredFrom !== undefined || item.noSendSeen))) return model;
  const items: SystemItem[] = [];
  for (const item of model.system.items) {
    if (item.type === 'message') {
      if (!item.inferred) items.push(item);
      continue;
    }
    const { inferredFrom: _from, noSendSeen: _none, ...plain } = item;
    items.push(plain);
  }
  // Lifelines stay: every chart with a step keeps its own.
  return { charts: model.charts, system: { lifelines: model.system.lifelines, items } };
}
