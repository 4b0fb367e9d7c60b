/**
 * End-to-end tests of the dashboard in Chromium (the system's /usr/bin/chromium;
 * never `playwright install`). Screenshots and traces go to test-results/.
 *
 * The page is served by `vite preview` of the built dashboard for now. Once
 * the server serves web/dist itself, point WEB_SERVER_COMMAND at it — that
 * one line is the only change needed.
 */
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4391);
const WEB_SERVER_COMMAND = `npx vite build --config web/vite.config.ts && npx vite preview --config web/vite.config.ts --host 127.0.0.1 --port ${PORT} --strictPort`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
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
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
