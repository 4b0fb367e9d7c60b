/**
 * A source that streams generated transitions as fast as the page takes
 * them — the shape of a busy live session (batches, awaited renders), with
 * no server needed. Used only by the benchmark hook.
 */
import { createLogParser } from '../../../shared/parsers/createLogParser.ts';
import { initialSourceState, type Source, type SourceListener, type SourceState } from '../sources/Source.ts';
import { UpdatePump } from '../sources/UpdatePump.ts';
import { traceLine } from './generateTraceLog.ts';

export class StreamSource implements Source {
  private state: SourceState = { ...initialSourceState('live', 'bench stream', 'live') };
  private readonly pump = new UpdatePump(() => this.state);
  private closed = false;
  /** Resolves when every record has been rendered. */
  readonly done: Promise<void>;
  private finish!: () => void;

  constructor(
    private readonly total: number,
    private readonly batch: number,
  ) {
    this.done = new Promise((resolve) => (this.finish = resolve));
  }

  setListener(listener: SourceListener): () => void {
    this.pump.setListener(listener);
    void this.run();
    return () => this.close();
  }

  close(): void {
    this.closed = true;
    this.pump.close();
  }

  private async run(): Promise<void> {
    await this.pump.enqueue({ reset: true });
    const parser = createLogParser({ received: Date.now() });
    for (let sent = 0; sent < this.total && !this.closed; sent += this.batch) {
      const n = Math.min(this.batch, this.total - sent);
      const lines: string[] = [];
      for (let i = 0; i < n; i++) lines.push(traceLine(sent + i));
      await this.pump.enqueue({ records: parser.push(`${lines.join('\n')}\n`) });
    }
    this.finish();
  }
}
