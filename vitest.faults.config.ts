import { defineConfig } from 'vitest/config';

// Fault tests stop and start the shared RabbitMQ broker (rabbitmqctl
// stop_app/start_app). They run after the main suite, one file at a time, so
// no other test is talking to the broker while it is down.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
