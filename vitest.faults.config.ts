import { defineConfig } from 'vitest/config';

// Fault tests stop, start and flood a RabbitMQ broker. They drive a private
// node this run starts on loopback (tests/faults/privateBroker.setup.ts via
// scripts/rabbit-node.sh), never the machine's shared broker on 5672. Files
// run one at a time, so no other test is talking to that node while it is down.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    globalSetup: ['tests/faults/privateBroker.setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
