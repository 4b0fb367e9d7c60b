/**
 * A typed event emitter whose `emit` survives its listeners: a listener that
 * throws is reported to `onListenerError` and the others still run (Node's
 * EventEmitter would unwind into the emitter — here, the transport's
 * reconnect loop or a consumer). Every `on()` returns its unsubscribe.
 */
type Listener = (...args: never[]) => void;

export class ListenerSet<Events extends { [K in keyof Events]: Listener }> {
  private readonly listeners = new Map<keyof Events, Set<Listener>>();

  constructor(private readonly onListenerError: (error: unknown, event: keyof Events) => void) {}

  on<E extends keyof Events>(event: E, listener: Events[E]): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as (...a: Parameters<Events[E]>) => void)(...args);
      } catch (error) {
        if (event === ('error' as E)) continue; // never loop on a failing error listener
        this.onListenerError(error, event);
      }
    }
  }

  count(event: keyof Events): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}
