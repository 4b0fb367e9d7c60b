/**
 * End-to-end tests of the dashboard in Chromium (the system's /usr/bin/chromium;
 * never `playwright install`). Screenshots and traces go to test-results/.
 *
 * The page is served the way users get it: the dashboard is built, then the
 * real server runs the demo charts (the seed's two charts and the charger
 * site) against the real RabbitMQ, with its recordings in a fresh temporary
 * folder. The broker is named explicitly so a broker that is down fails the
 * live tests instead of silently falling back to the in-process bus.
 *
 * The networks get a key of their own for the run. The broker is shared,
 * and seed charts elsewhere on it (the seed's routing keys are fixed) would
 * otherwise drive the demo's charts and be driven by them; with another key
 * each side only counts the other's messages as rejections.
 *
 *   vite build ─▶ web/dist ─▶ miroscope serve --demo --no-build ─▶ :PORT ─▶ Chromium
 *                                  │  ▲
 *                     RabbitMQ ◀───┘  └── /api/health answers: tests start
 */
import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';

const PORT = Number(process.env.E2E_PORT ?? 4391);
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672/';
// A Fernet key: 32 random bytes, URL-safe base64 with padding.
const MESH_KEY = process.env.E2E_MESH_KEY ?? randomBytes(32).toString('base64url') + '=';

// The recordings folder is made and removed by the command's shell, so
// loading this file (the runner, each worker, --list) creates nothing; the
// trap runs once the server has shut down on the runner's SIGTERM.
const WEB_SERVER_COMMAND = [
  `REC=$(mktemp -d "\${TMPDIR:-/tmp}/miroscope-e2e-XXXXXX")`,
  `trap 'rm -rf "$REC"' EXIT`,
  `trap 'exit 143' TERM INT`,
  'npx vite build --config web/vite.config.ts --logLevel warn',
  `node bin/miroscope.mjs serve --demo --no-build --port ${PORT} --amqp ${AMQP_URL} --recordings "$REC"`,
].join(' && ');

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  // The live tests go first, while the demo's seed charts are young: their
  // shared 2–7 s timers can fall into lock-step with messages crossing on
  // the mesh, after which the two charts swap states ~100 times a second
  // and stop once 500 timed posts are pending (see docs/dashboard.md).
  projects: [
    { name: 'live', testMatch: ['live.spec.ts', 'recordings.spec.ts', 'sendEvent.spec.ts', 'systemView.spec.ts', 'virtualSequenceLive.spec.ts'] },
    { name: 'replay', testIgnore: ['live.spec.ts', 'recordings.spec.ts', 'sendEvent.spec.ts', 'systemView.spec.ts', 'virtualSequenceLive.spec.ts'] },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    screenshot: 'on',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: WEB_SERVER_COMMAND,
    url: `http://127.0.0.1:${PORT}/api/health`,
    // In the environment, not the command line, so no process listing shows it.
    env: { MIROS_MESH_KEY: MESH_KEY },
    reuseExistingServer: false,
    timeout: 180_000,
    // SIGTERM lets the server stop its charts and close its recording in order.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
