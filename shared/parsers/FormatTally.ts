/**
 * Decides a file's format from its first lines: each of the first
 * {@link SAMPLE_LINES} non-blank lines votes for the format that read it
 * (lines nothing read do not vote) and the most votes win. Ties go to the
 * more specific format, in {@link PRIORITY} order. Used by `detectFormat` on
 * a sample and by the streaming parser as lines arrive, so both agree.
 */
import type { LogFormat } from './ParsedLog.ts';

export const SAMPLE_LINES = 50;

const PRIORITY: readonly LogFormat[] = [
  'miroscope-jsonl', 'python-logging', 'rabbitmq-terminal', 'miros-trace', 'legacy-trace',
];

export class FormatTally {
  private readonly votes = new Map<LogFormat, number>();
  private sampled = 0;

  /** Whether the sample is complete (further lines no longer vote). */
  get full(): boolean {
    return this.sampled >= SAMPLE_LINES;
  }

  /** Counts one non-blank line, read as `format` (null: read by nothing). */
  add(format: LogFormat | null): void {
    if (this.sampled >= SAMPLE_LINES) return;
    this.sampled++;
    if (format !== null) this.votes.set(format, (this.votes.get(format) ?? 0) + 1);
  }

  /** The winning format, or null while no line has been recognised. */
  winner(): LogFormat | null {
    let best: LogFormat | null = null;
    let bestVotes = 0;
    for (const format of PRIORITY) {
      const n = this.votes.get(format) ?? 0;
      if (n > bestVotes) {
        best = format;
        bestVotes = n;
      }
    }
    return best;
  }
}
