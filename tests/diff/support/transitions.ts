/** Builds transition lists for the diff tests from `signal:from->to` shorthand. */
import type { Transition } from '../../../shared/diff/Transition.ts';

/** `t('to_inner:outer->inner', …)` → transitions numbered 1, 2, … with times 1 s apart. */
export function t(...specs: string[]): Transition[] {
  return specs.map((spec, i) => {
    const match = /^(\w+):(\w+)->(\w+)$/.exec(spec);
    if (!match) throw new Error(`bad transition shorthand ${spec}`);
    return { signal: match[1]!, from: match[2]!, to: match[3]!, time: Date.UTC(2026, 0, 2) + i * 1000, seq: i + 1 };
  });
}
