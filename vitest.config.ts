// Two projects: `unit` (pure logic, fixtures on disk, no engine) and `integration` (real
// Elasticsearch, Kafka and RabbitMQ started by scripts/engines/). The integration project runs when
// BW_INTEGRATION=1 (CI sets it); a missing engine then fails its suite, it never skips. Without it,
// the suites are left out and test/integration-notice.ts says which, and how to start their engines.
import { defineConfig } from 'vitest/config';

const integration = process.env.BW_INTEGRATION === '1';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/integration/**'],
          globalSetup: integration ? [] : ['test/integration-notice.ts'],
        },
      },
      ...(integration
        ? [
            {
              test: {
                name: 'integration',
                include: ['test/integration/**/*.test.ts'],
                testTimeout: 120_000,
                hookTimeout: 180_000,
                // Suites share the engines and some stop brokers: one file at a time.
                pool: 'forks',
                poolOptions: { forks: { singleFork: true } },
              },
            },
          ]
        : []),
    ],
  },
});
