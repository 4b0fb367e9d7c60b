import { defineConfig } from 'vitest/config';

// Unit, integration (real RabbitMQ on loopback) and conformance tests.
// Browser end-to-end tests live in tests/e2e and run under Playwright.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'tests/faults/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration tests share one broker; files run in parallel workers but
    // each test uses its own exchanges/queues or routing keys.
    pool: 'forks',
  },
});
