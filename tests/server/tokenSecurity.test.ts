import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayTestClient } from './support/RelayTestClient.ts';
import { startTestServer, type TestServer } from './support/startTestServer.ts';

const TOKEN = 'a-test-token-4f9c';
const servers: TestServer[] = [];
const clients: RelayTestClient[] = [];
async function start() {
  const s = await startTestServer({ token: TOKEN, webDist: '/nonexistent' });
  servers.push(s);
  return s;
}
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.stop();
});

function connectError(url: string, options: Parameters<typeof io>[1]): Promise<string> {
  return new Promise((resolve) => {
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
    socket.on('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
    socket.on('connect', () => {
      socket.close();
      resolve('connected');
    });
  });
}

describe('a server with a token', () => {
  it('answers API calls without the token with 401 and with it with 200', async () => {
    const { base } = await start();
    const without = await fetch(`${base}/api/health`);
    expect([without.status, await without.json()]).toEqual([
      401,
      { error: 'this miroscope server needs a token: send Authorization: Bearer <token>' },
    ]);
    const wrong = await fetch(`${base}/api/health`, { headers: { authorization: 'Bearer nope-nope-nope' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${base}/api/health`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
  });

  it('refuses the page without the token', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('needs a token');
  });

  it('prints a URL that opens the live dashboard with the token', async () => {
    const { server } = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?live&token=${TOKEN}`);
    const first = await fetch(server.url, { redirect: 'manual' });
    expect([first.status, first.headers.get('location')]).toEqual([303, '/?live']);
  });

  it('turns a URL token into an HttpOnly cookie and drops it from the address', async () => {
    const { base } = await start();
    const first = await fetch(`${base}/charts?token=${TOKEN}&x=1`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/charts?x=1');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toBe(`miroscope_token=${TOKEN}; Path=/; HttpOnly; SameSite=Strict`);
    const page = await fetch(`${base}/charts?x=1`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(503);
    const api = await fetch(`${base}/api/health`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(api.status).toBe(200);
  });

  it('refuses a socket.io connection without the token', async () => {
    const { base } = await start();
    // Refused at the engine.io handshake, so the client sees only its transport fail.
    expect(await connectError(base, {})).toBe('websocket error');
    expect(await connectError(base, { query: { token: 'wrong-token-123' } })).toBe('websocket error');
    expect(await connectError(base, { transports: ['polling'] })).toBe('xhr poll error');
  });

  it('accepts socket.io with the token in the cookie, a Bearer header or the query', async () => {
    const { base } = await start();
    expect(await connectError(base, { extraHeaders: { cookie: `miroscope_token=${TOKEN}` } })).toBe('connected');
    expect(await connectError(base, { extraHeaders: { authorization: `Bearer ${TOKEN}` } })).toBe('connected');
    expect(await connectError(base, { query: { token: TOKEN } })).toBe('connected');
    const c = new RelayTestClient(base, { token: TOKEN });
    clients.push(c);
    expect((await c.connected()).contract).toBe(1);
  });

  it('refuses a socket.io handshake from another web site', async () => {
    const { base } = await start();
    expect(
      await connectError(base, { auth: { token: TOKEN }, extraHeaders: { origin: 'https://attacker.example' } }),
    ).toBe('websocket error');
  });

  // Issue 9: the engine.io handshake (which hands out a session id) used to be
  // answered before the token was looked at; only socket.io's CONNECT was checked.
  it('gives no engine.io session id to a handshake without the token', async () => {
    const { base } = await start();
    const handshake = (headers: Record<string, string> = {}, query = '') =>
      fetch(`${base}/socket.io/?EIO=4&transport=polling${query}`, { headers });
    const without = await handshake();
    expect(without.status).toBe(403);
    expect(await without.text()).not.toContain('"sid"');
    const wrong = await handshake({ authorization: 'Bearer wrong-token-123' });
    expect(wrong.status).toBe(403);
    await wrong.text();
    for (const res of [
      await handshake({ authorization: `Bearer ${TOKEN}` }),
      await handshake({ cookie: `miroscope_token=${TOKEN}` }),
      await handshake({}, `&token=${TOKEN}`),
    ]) {
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('"sid"');
    }
  });

  it('refuses a WebSocket handshake whose token is only in the CONNECT packet', async () => {
    const { base } = await start();
    // auth.token travels after the session exists; the handshake itself must carry the token.
    expect(await connectError(base, { auth: { token: TOKEN } })).toBe('websocket error');
  });
});
