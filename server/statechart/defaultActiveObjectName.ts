/**
 * The name miros gives an unnamed active object at `start_at`: the first five
 * characters of `uuid5(NAMESPACE_DNS, start state name)` (`only` → `52bc3`).
 * Deterministic, so the same chart gets the same name in every process.
 */
import { v5 as uuidv5 } from 'uuid';

/**
 * The name an unnamed active object gets at `startAt`: the same in every process for the same start
 * state.
 *
 * @remarks miros: `str(uuid5(NAMESPACE_DNS, state))[:5]`, the name `start_at` gives an unnamed
 * ActiveObject.
 */
export function defaultActiveObjectName(startStateName: string): string {
  return uuidv5(startStateName, uuidv5.DNS).slice(0, 5);
}
