import { defineConfig } from 'vitest/config';

/**
 * unit: beside the code, no child processes; sockets only on loopback with OS-assigned ports.
 * integration: real SQLite files, the real engine process, real SIP peers; run inside a private
 * network namespace by `npm run test:integration` (scripts/in-netns.mjs).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
