/**
 * Runs our Python stand-in for a miros-rabbitmq node (miros_peer.py) with
 * Debian's /usr/bin/python3, which has pika and cryptography.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PYTHON = '/usr/bin/python3';
export const PEER_SCRIPT = fileURLToPath(new URL('./miros_peer.py', import.meta.url));

/** Runs python with the args; resolves with stdout, rejects with stderr on failure. */
export function runPython(args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`python exited ${code}: ${err}`))));
    child.stdin.end(input ?? '');
  });
}

export function runPeer(args: string[]): Promise<string> {
  return runPython([PEER_SCRIPT, ...args]);
}

/** Starts `miros_peer.py consume …`; resolves once it is bound, with a promise of every line it printed. */
export function startPeerConsumer(args: string[]): Promise<{ done: Promise<Record<string, unknown>[]> }> {
  return new Promise((resolveReady, rejectReady) => {
    const child = spawn(PYTHON, [PEER_SCRIPT, 'consume', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: Record<string, unknown>[] = [];
    let buffered = '';
    let err = '';
    let ready = false;
    const done = new Promise<Record<string, unknown>[]>((resolve, reject) => {
      child.on('close', (code) => (code === 0 ? resolve(lines) : reject(new Error(`consumer exited ${code}: ${err}`))));
    });
    done.catch(() => undefined);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', rejectReady);
    child.on('close', () => {
      if (!ready) rejectReady(new Error(`consumer never became ready: ${err}`));
    });
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, nl)) as Record<string, unknown>;
        buffered = buffered.slice(nl + 1);
        if (line.ready === true) {
          ready = true;
          resolveReady({ done });
        } else lines.push(line);
      }
    });
  });
}
