/**
 * A source driven by hand, for tests of the store, the session and panels'
 * logic: the test plays the far side (a server, a file) by pushing updates,
 * and can see whether the page has taken the last one (backpressure).
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import { initialSourceState, type Source, type SourceListener, type SourceState, type Speed } from './Source.ts';
import { UpdatePump, type UpdateParts } from './UpdatePump.ts';

export class FakeSource implements Source {
  state: SourceState;
  /** Playback commands received, in order (`play`, `seek 3`, …). */
  readonly commands: string[] = [];
  private readonly pump: UpdatePump;

  constructor(state: Partial<SourceState> = {}) {
    this.state = { ...initialSourceState('fake', 'fake', 'live'), ...state };
    this.pump = new UpdatePump(() => this.state);
  }

  setListener(listener: SourceListener): () => void {
    this.pump.setListener(listener);
    return () => this.close();
  }

  close(): void {
    this.commands.push('close');
    this.pump.close();
  }

  /** Changes the state and pushes an update; resolves once the page has taken it. */
  push(parts: UpdateParts & { state?: Partial<SourceState> } = {}): Promise<void> {
    const { state, ...rest } = parts;
    if (state) this.state = { ...this.state, ...state };
    return this.pump.enqueue(rest);
  }

  pushRecords(records: readonly MirosRecord[]): Promise<void> {
    return this.push({ records });
  }

  play(): void {
    this.commands.push('play');
  }
  pause(): void {
    this.commands.push('pause');
  }
  seek(position: number): void {
    this.commands.push(`seek ${position}`);
  }
  step(delta: number): void {
    this.commands.push(`step ${delta}`);
  }
  setSpeed(speed: Speed): void {
    this.commands.push(`speed ${speed}`);
  }
}
