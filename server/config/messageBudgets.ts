/**
 * The limits on everything the server takes from the network, in one
 * options object read once at the edge (the CLI, a test, a bench) and passed
 * down to the decoders, the relay and the recorder.
 *
 * Each limit bounds one kind of cost of one message or record: its bytes,
 * how deep it nests, how many values it holds (the unpickler's CPU), how many
 * records it becomes, and what it keeps in memory afterwards (the relay's
 * ring buffer). A message over a limit is refused where it enters, before
 * the next stage looks at it, and the refusal is a counted `rejected` meta
 * record whose reason names the budget (see WireRejection.ts).
 *
 * Defaults are far above what a miros-rabbitmq node sends (a mesh message is
 * a two-string tuple of a few hundred bytes, a trace message one line) and
 * low enough that the worst message costs milliseconds and the relay holds a
 * few tens of megabytes. docs/server.md lists them with their reasons.
 */

export interface MessageBudgets {
  /** Largest AMQP body accepted, in bytes (checked before decryption). */
  maxBodyBytes: number;
  /** Deepest nesting of lists, tuples, dicts or JSON arrays/objects, in the body and in a mesh event's JSON. */
  maxDepth: number;
  /** Most values one pickle may build (each value pushed and each memo entry counts): bounds the unpickler's CPU. */
  maxItems: number;
  /** Most records one message may become (a trace message carries lines; one line each is normal). */
  maxRecordsPerMessage: number;
  /** Longest signal name a mesh event may carry, in characters. */
  maxSignalNameChars: number;
  /** Largest record, measured as the length of its JSON line (what the recording stores). */
  maxRecordChars: number;
  /** Records the relay keeps for clients that resume. */
  ringRecords: number;
  /** Characters of JSON (as recorded) the relay keeps; the oldest records go first. */
  ringChars: number;
  /** Characters of JSON in one batch sent to a browser (at least one record always goes). */
  batchChars: number;
  /** Largest the session's recording may grow, in bytes; then the session goes on unrecorded. */
  maxRecordingBytes: number;
}

export const DEFAULT_MESSAGE_BUDGETS: Readonly<MessageBudgets> = Object.freeze({
  maxBodyBytes: 1024 * 1024,
  maxDepth: 64,
  maxItems: 10_000,
  maxRecordsPerMessage: 1_000,
  maxSignalNameChars: 1_024,
  maxRecordChars: 2 * 1024 * 1024,
  ringRecords: 10_000,
  ringChars: 32 * 1024 * 1024,
  batchChars: 4 * 1024 * 1024,
  maxRecordingBytes: 16 * 1024 ** 3,
});

/** Thrown for a budget that is not a positive integer or contradicts another. */
export class BudgetError extends RangeError {
  override readonly name = 'BudgetError';
}

/** The defaults with `overrides` applied, checked. */
export function resolveBudgets(overrides: Partial<MessageBudgets> = {}): MessageBudgets {
  const budgets: MessageBudgets = { ...DEFAULT_MESSAGE_BUDGETS };
  for (const [name, value] of Object.entries(overrides) as [keyof MessageBudgets, unknown][]) {
    if (value === undefined) continue;
    if (!(name in DEFAULT_MESSAGE_BUDGETS)) throw new BudgetError(`unknown budget "${name}"`);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new BudgetError(`budget ${name} must be a positive integer, got ${String(value)}`);
    }
    budgets[name] = value;
  }
  if (budgets.maxRecordChars > budgets.ringChars) {
    throw new BudgetError(`maxRecordChars (${budgets.maxRecordChars}) must not exceed ringChars (${budgets.ringChars}): one record would empty the ring`);
  }
  return budgets;
}
