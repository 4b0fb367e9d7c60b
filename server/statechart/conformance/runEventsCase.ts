/**
 * The `events` engine: probes of the signal registry, return statuses and
 * Event formatting. Runs against a fresh {@link SignalRegistry}, which is what
 * the case's "fresh process" (first user signal = 11) amounts to.
 */
import { Event } from '../Event.ts';
import { ReturnStatus } from '../returnStatus.ts';
import { SignalRegistry } from '../SignalRegistry.ts';
import type { CaseOp, StepRecord } from './MirosCase.ts';

export function runEventsCase(ops: CaseOp[]): { steps: StepRecord[]; final: Record<string, unknown> } {
  const registry = new SignalRegistry();
  const describe = (e: Event) => ({
    signal: e.signal,
    signal_name: e.signalName,
    str: String(e),
    repr: e.repr(),
    dumps: Event.dumps(e),
    has_payload: e.hasPayload(),
  });
  const steps = ops.map((op): StepRecord => {
    switch (op.op) {
      case 'signals':
        return { result: registry.toObject() };
      case 'return_status':
        return { result: { ...ReturnStatus } };
      case 'event':
        return { result: describe(new Event((op.signal ?? op.number)!, op.payload ?? null, registry)) };
      case 'loads': {
        const e = Event.loads(op.json!, registry);
        return { result: { signal: e.signal, signal_name: e.signalName, str: String(e) } };
      }
      case 'is_inner_signal':
        return { result: registry.isInnerSignal(op.signal!) };
      case 'name_for_signal':
        return { result: registry.nameForSignal(op.number!) };
      default:
        throw new Error(`events engine has no op ${op.op}`);
    }
  });
  return { steps, final: { signals: registry.toObject() } };
}
