/**
 * Every process the interop check starts, each in its own process group, so
 * that one kill reaches what it started in turn (tsx starts a second node
 * process; a Python node runs threads that never exit on their own).
 *
 *   start() ──▶ running ──(exits by itself)──────────────▶ ended
 *                  │
 *                  └─ stop(): SIGTERM to the group ── 3 s ── SIGKILL
 *
 * killAll() is what main.ts calls on every way out (normal end, a check that
 * ran out of time, Ctrl-C, an uncaught error): no child outlives the run.
 * Output is kept up to a budget per stream; past it the rest is counted,
 * not kept, and the run says so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes of stdout (and of stderr) kept per child: far above what a check prints. */
const OUTPUT_BUDGET = 64 * 1024 * 1024;
const KILL_GRACE_MS = 3000;

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Epoch ms when the process ended. */
  at: number;
}

export interface StartOptions {
  cwd?: string;
  env: NodeJS.ProcessEnv;
  /** What the run says the process is (`py_listen`, `networked-ao` …). */
  label: string;
  /** A file to read standard input from (else none). */
  stdinFile?: string;
}

export class Child {
  readonly label: string;
  readonly ended: Promise<Ended>;
  #process: ChildProcess;
  #out: string[] = [];
  #err: string[] = [];
  #outBytes = 0;
  #errBytes = 0;
  #overBudget = 0;
  #hasEnded = false;
  #watchers: (() => void)[] = [];

  constructor(command: string, args: readonly string[], options: StartOptions) {
    this.label = options.label;
    const stdin = options.stdinFile === undefined ? 'ignore' : openSync(options.stdinFile, 'r');
    this.#process = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: [stdin, 'pipe', 'pipe'],
      detached: true, // its own process group: kill(-pid) reaches its children too
    });
    if (typeof stdin === 'number') closeSync(stdin); // the child has its own copy
    this.#process.stdout!.on('data', (chunk: Buffer) => this.#keep(chunk, 'out'));
    this.#process.stderr!.on('data', (chunk: Buffer) => this.#keep(chunk, 'err'));
    this.ended = new Promise((resolve) => {
      const done = (code: number | null, signal: NodeJS.Signals | null) => {
        this.#hasEnded = true;
        this.#wake();
        resolve({ code, signal, at: Date.now() });
      };
      this.#process.on('error', (error) => {
        this.#err.push(`${this.label}: could not start ${command}: ${error.message}\n`);
        done(null, null);
      });
      this.#process.on('close', done);
    });
  }

  #keep(chunk: Buffer, stream: 'out' | 'err'): void {
    const used = stream === 'out' ? this.#outBytes : this.#errBytes;
    if (used + chunk.length > OUTPUT_BUDGET) this.#overBudget += chunk.length;
    else if (stream === 'out') {
      this.#out.push(chunk.toString('utf8'));
      this.#outBytes += chunk.length;
    } else {
      this.#err.push(chunk.toString('utf8'));
      this.#errBytes += chunk.length;
    }
    this.#wake();
  }

  #wake(): void {
    for (const watcher of this.#watchers.splice(0)) watcher();
  }

  get stdout(): string {
    if (this.#out.length > 1) this.#out = [this.#out.join('')];
    return this.#out[0] ?? '';
  }

  get stderr(): string {
    if (this.#err.length > 1) this.#err = [this.#err.join('')];
    return this.#err[0] ?? '';
  }

  get hasEnded(): boolean {
    return this.#hasEnded;
  }

  /** Bytes of output dropped over the budget (0 in any sane run). */
  get droppedBytes(): number {
    return this.#overBudget;
  }

  /**
   * Resolves once `test` holds for the output seen so far; rejects when the
   * process ends first or after `ms`.
   */
  waitFor<T>(test: (stdout: string, stderr: string) => T | undefined | null | false, ms: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`${this.label}: no ${what} within ${ms / 1000} s`)), ms);
      const finish = (error: Error | null, value?: T) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(value as T);
      };
      const check = () => {
        const value = test(this.stdout, this.stderr);
        if (value) return finish(null, value);
        if (this.#hasEnded) return finish(new Error(`${this.label} ended before ${what}: ${tail(this.stderr)}`));
        this.#watchers.push(check);
      };
      check();
    });
  }

  /** Waits for the end; past `ms`, stops the group and reports the timeout as the result. */
  async endWithin(ms: number): Promise<Ended & { timedOut: boolean }> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
    const first = await Promise.race([this.ended, late]);
    clearTimeout(timer);
    if (first !== 'late') return { ...first, timedOut: false };
    return { ...(await this.stop()), timedOut: true };
  }

  /** SIGTERM to the whole group, SIGKILL after a grace period; resolves when it ended. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<Ended> {
    if (!this.#hasEnded) {
      this.#signalGroup(signal);
      const timer = setTimeout(() => this.#signalGroup('SIGKILL'), KILL_GRACE_MS);
      await this.ended;
      clearTimeout(timer);
      // The leader is gone; anything of its group that shrugged off the
      // signal (and no longer holds its output open) goes now.
      this.#signalGroup('SIGKILL');
    }
    return this.ended;
  }

  /** Synchronous last resort (process exit): SIGKILL to the group of a child still running. */
  killNow(): void {
    if (!this.#hasEnded) this.#signalGroup('SIGKILL');
  }

  #signalGroup(signal: NodeJS.Signals): void {
    const pid = this.#process.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: the group is gone already.
    }
  }
}

export class ChildGroup {
  #children: Child[] = [];

  start(command: string, args: readonly string[], options: StartOptions): Child {
    const child = new Child(command, args, options);
    this.#children.push(child);
    return child;
  }

  /** Stops every child still running (in parallel) and waits for them. */
  async stopAll(): Promise<void> {
    await Promise.all(this.#children.map((child) => child.stop()));
  }

  /** Writes every child's output into `dir` (a failed run keeps it for reading). */
  saveOutputs(dir: string): void {
    this.#children.forEach((child, i) => {
      const stem = join(dir, `${String(i + 1).padStart(2, '0')}-${child.label.replace(/[^\w.-]+/g, '_')}`);
      writeFileSync(`${stem}.stdout`, child.stdout);
      writeFileSync(`${stem}.stderr`, child.stderr);
    });
  }

  /** For a synchronous exit path: SIGKILL every group we started. */
  killAllNow(): void {
    for (const child of this.#children) child.killNow();
  }
}

/** The last lines of a process's output, for a failure message. */
export function tail(text: string, lines = 5): string {
  const kept = text.trimEnd().split('\n').slice(-lines).join(' | ');
  return kept.length > 600 ? '…' + kept.slice(-600) : kept || '(nothing printed)';
}
