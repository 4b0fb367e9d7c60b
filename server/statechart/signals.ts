/**
 * The process-wide signal registry, miros's `signals`.
 *
 * Reading any other property registers that name, as miros's attribute access
 * does: `signals.OVEN_OFF` is a number from then on. Registry methods
 * (`append`, `nameForSignal`, `isInnerSignal`, …) are reachable on the same
 * object. In hot handlers prefer module constants (`const { OVEN_OFF } =
 * signals`): a Proxy read costs a map lookup.
 */
import { SignalRegistry } from './SignalRegistry.ts';

/**
 * The registry `signals` reads; pass it where a `SignalRegistry` is expected.
 *
 * @remarks miros: the `SignalSource` instance behind `signals`.
 */
export const signalRegistry = new SignalRegistry();

/**
 * Property names that libraries probe on arbitrary objects (promise
 * resolution, JSON, test matchers, React). Answering them with a fresh signal
 * number would register junk signals and confuse those libraries.
 */
const NOT_SIGNALS = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', '$$typeof', 'inspect']);

export type Signals = SignalRegistry & { readonly [name: string]: number };

/**
 * The process-wide signal table: reading `signals.NAME` registers NAME and returns its number.
 *
 * @remarks miros: `signals` (miros.event): `signals.X`, `append`, `name_for_signal`, `is_inner_signal`.
 */
export const signals: Signals = new Proxy(signalRegistry, {
  get(target, property) {
    if (typeof property !== 'string' || property in target || NOT_SIGNALS.has(property) || property.startsWith('@@')) {
      // The registry itself as receiver: its getters read private (#) fields, which the Proxy lacks.
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    }
    return target.append(property);
  },
}) as Signals;
