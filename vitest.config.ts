import { defineConfig } from 'vitest/config';

// One config, four projects: `npm test` runs them in this order (see tests/run-all.mjs).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'hub/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The kiosk's own logic (flow, validation, idle timer), compiled with its Svelte config.
        extends: './kiosk/vite.config.ts',
        test: {
          name: 'kiosk',
          root: './kiosk',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The staff tablet's own logic, compiled with its Svelte config.
        extends: './staff-tablet/vite.config.ts',
        test: {
          name: 'staff-tablet',
          root: './staff-tablet',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'contract',
          include: ['tests/contract/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'crash',
          include: ['tests/crash/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // Faults (issue #6): kill -9 bursts, power cuts, full disks, damaged files, a second hub, soak.
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.faults.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // Abuse (issue #6): fuzzing every command and route, roles, origins, limits, tokens, CSP, session expiry.
        test: {
          name: 'security',
          include: ['tests/security/**/*.security.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
