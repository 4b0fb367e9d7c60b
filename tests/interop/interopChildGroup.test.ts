/**
 * The interop run's children (issue 8): each runs in its own process group,
 * so stopping it also stops what it started, and a child that outlives its
 * time is stopped rather than waited for.
 */
import { describe, expect, it } from 'vitest';
import { ChildGroup } from '../../scripts/interop/ChildGroup.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(test: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (test()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return test();
}

describe('the interop run’s children', () => {
  it('stops a child together with the process it started, even one that ignores SIGTERM', async () => {
    const group = new ChildGroup();
    // The grandchild ignores SIGTERM, and stops holding the output pipe (which
    // would otherwise keep the leader's 'close' from firing until it died).
    const child = group.start('/bin/sh', ['-c', "sh -c 'trap \"\" TERM; echo $$; exec sleep 60 >/dev/null 2>&1' & wait"], { env: process.env, label: 'shell' });
    const grandchild = Number(await child.waitFor((out) => /^\d+\n/.exec(out)?.[0], 5000, 'grandchild pid'));
    expect(alive(grandchild)).toBe(true);

    const started = Date.now();
    await group.stopAll();
    expect(await until(() => !alive(grandchild), 2000)).toBe(true);
    expect(child.hasEnded).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000); // not the 3 s grace: the leader went at once
  });

  it('stops a child that runs past its time and says so', async () => {
    const group = new ChildGroup();
    const child = group.start('/bin/sleep', ['30'], { env: process.env, label: 'sleep' });
    const end = await child.endWithin(200);
    expect([end.timedOut, end.signal]).toEqual([true, 'SIGTERM']);
  });

  it('reports a child that ends before printing what it was waited for', async () => {
    const group = new ChildGroup();
    const child = group.start('/bin/sh', ['-c', 'echo nope >&2; exit 3'], { env: process.env, label: 'quitter' });
    await expect(child.waitFor((out) => out.includes('ready'), 5000, '"ready"')).rejects.toThrow('quitter ended before "ready": nope');
    expect((await child.ended).code).toBe(3);
  });
});
