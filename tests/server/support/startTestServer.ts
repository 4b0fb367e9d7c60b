/**
 * Starts a MiroscopeServer on 127.0.0.1 port 0 with a temporary recordings
 * folder, and removes both afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MiroscopeServer, type MiroscopeServerOptions } from '../../../server/http/MiroscopeServer.ts';

export interface TestServer {
  server: MiroscopeServer;
  /** `http://127.0.0.1:PORT` without a trailing slash or token. */
  base: string;
  recordings: string;
  stop(): Promise<void>;
}

export async function startTestServer(
  overrides: Partial<MiroscopeServerOptions['config']> & Omit<Partial<MiroscopeServerOptions>, 'config'> = {},
): Promise<TestServer> {
  const recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-srv-'));
  const { host, port, token, uploadLimit, ...rest } = overrides;
  const server = await MiroscopeServer.start({
    config: {
      host: host ?? '127.0.0.1',
      port: port ?? 0,
      token: token ?? null,
      recordings,
      uploadLimit: uploadLimit ?? 1024 * 1024,
    },
    log: () => {},
    ...rest,
  });
  return {
    server,
    base: `http://127.0.0.1:${server.port}`,
    recordings,
    async stop() {
      await server.close();
      rmSync(recordings, { recursive: true, force: true });
    },
  };
}
