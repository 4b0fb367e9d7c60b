/**
 * An event: a signal plus an optional payload, miros's `Event`.
 *
 * Built from a signal number or a name (names are registered on first use).
 * Text forms match miros exactly because they appear in logs and on the wire:
 *
 *   String(e)        NAME::<payload>        NAME::<>
 *   e.repr()         NAME:NUMBER::<payload>
 *   Event.dumps(e)   {"signal_name": "NAME", "payload": …}   (Python json.dumps)
 *
 * Events are short-lived values; only the signal *name* is stable across
 * processes, so serialization carries names, never numbers.
 */
import { pyStr } from './pythonStr.ts';
import { pythonJsonDumps } from '../../shared/records/pythonJsonDumps.ts';
import { SignalRegistry } from './SignalRegistry.ts';
import { signalRegistry } from './signals.ts';
import { EventDecodeError, UnknownSignalError } from './StatechartError.ts';

/**
 * A signal plus an optional payload. Only the signal's name travels between processes, so the text
 * forms match miros byte for byte.
 *
 * @remarks miros: `Event(signal, payload=None)` (miros.event)
 */
export class Event<P = unknown> {
  /**
   * The signal's number in this process.
   *
   * @remarks miros: `e.signal`
   */
  readonly signal: number;
  /**
   * The signal's name: what travels between processes.
   *
   * @remarks miros: `e.signal_name`
   */
  readonly signalName: string;
  /**
   * `null` when the event carries none (Python `None`).
   *
   * @remarks miros: `e.payload`
   */
  readonly payload: P | null;

  constructor(signal: number | string, payload?: P | null, registry: SignalRegistry = signalRegistry) {
    if (typeof signal === 'number') {
      if (!registry.has(signal)) throw new UnknownSignalError(`signal number ${signal} is not registered`);
      this.signal = signal;
      this.signalName = registry.nameForSignal(signal);
    } else if (typeof signal === 'string') {
      this.signal = registry.append(signal);
      this.signalName = signal;
    } else {
      throw new TypeError('signal must be a registered number or a name');
    }
    this.payload = payload ?? null;
  }

  /**
   * miros `has_payload()`: the payload is not None.
   *
   * @remarks miros: `e.has_payload()`
   */
  hasPayload(): boolean {
    return this.payload !== null;
  }

  /**
   * Python `str(e)`.
   *
   * @remarks miros: `str(e)`
   */
  toString(): string {
    return this.payload === null ? `${this.signalName}::<>` : `${this.signalName}::<${pyStr(this.payload)}>`;
  }

  /**
   * Python `repr(e)`.
   *
   * @remarks miros: `repr(e)`
   */
  repr(): string {
    return this.payload === null
      ? `${this.signalName}:${this.signal}::<>`
      : `${this.signalName}:${this.signal}::<${pyStr(this.payload)}>`;
  }

  /**
   * miros `Event.dumps`: the JSON text peers exchange.
   *
   * @remarks miros: `Event.dumps(e)`
   */
  static dumps(e: Event): string {
    return pythonJsonDumps({ signal_name: e.signalName, payload: e.payload });
  }

  /**
   * An event heard from the network: its name is registered only as a
   * foreign name (bounded, see SignalRegistry) unless code defines it.
   *
   * @remarks miros: none; miros registers every heard name for good, which lets a peer grow every
   * process without bound (see SignalRegistry).
   */
  static fromNetwork<P = unknown>(name: string, payload?: P | null, registry: SignalRegistry = signalRegistry): Event<P> {
    return new Event<P>(registry.appendForeign(name), payload, registry);
  }

  /**
   * miros `Event.loads`; registers the name. Bad text raises {@link EventDecodeError}.
   *
   * @remarks miros: `Event.loads(text)`
   */
  static loads(text: string, registry: SignalRegistry = signalRegistry): Event {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new EventDecodeError(`event JSON does not parse: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new EventDecodeError('event JSON must be an object');
    }
    const { signal_name: name, payload } = parsed as { signal_name?: unknown; payload?: unknown };
    if (typeof name !== 'string' || name.length === 0) {
      throw new EventDecodeError('event JSON has no "signal_name" string');
    }
    return new Event(name, payload ?? null, registry);
  }
}
