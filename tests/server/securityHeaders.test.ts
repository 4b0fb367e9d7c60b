import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/startTestServer.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'miroscope-dist-'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>miroscope</title><div id="root"></div>');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

/** The policy's directives by name. */
function directives(csp: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values.join(' ');
  }
  return out;
}

describe('security headers (issue 9)', () => {
  it('are on the page, API answers, errors and refusals alike', async () => {
    const open = await startTestServer({ webDist: dist });
    const locked = await startTestServer({ webDist: dist, token: 'a-test-token-4f9c' });
    servers.push(open, locked);
    const answers = [
      await fetch(`${open.base}/`),
      await fetch(`${open.base}/charts/deep/link`),
      await fetch(`${open.base}/api/health`),
      await fetch(`${open.base}/api/nope`),
      await fetch(`${open.base}/api/health`, { headers: { origin: 'https://attacker.example' } }),
      await fetch(`${locked.base}/api/health`),
      await fetch(`${locked.base}/`),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 404, 403, 401, 401]);
    for (const res of answers) {
      await res.arrayBuffer();
      expect(directives(res.headers.get('content-security-policy'))).toEqual({
        'default-src': "'self'",
        'script-src': "'self'",
        'worker-src': "'self'",
        'connect-src': "'self'",
        'img-src': "'self' data: blob:",
        'style-src': "'self' 'unsafe-inline'",
        'font-src': "'self' data:",
        'object-src': "'none'",
        'base-uri': "'none'",
        'form-action': "'self'",
        'frame-ancestors': "'none'",
      });
      expect({
        nosniff: res.headers.get('x-content-type-options'),
        referrer: res.headers.get('referrer-policy'),
        frame: res.headers.get('x-frame-options'),
      }).toEqual({ nosniff: 'nosniff', referrer: 'no-referrer', frame: 'DENY' });
    }
  });
});
