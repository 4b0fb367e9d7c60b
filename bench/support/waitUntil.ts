/**
 * Polls `done` every 20 ms until it holds or `timeoutMs` pass; the
 * benchmarks use it to let the last messages of a window arrive (and count
 * the rest as lost) without hanging on a stack that dropped some.
 */
export async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
