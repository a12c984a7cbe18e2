// The browser suite: real Chromium against the real Node server (started once by global-setup).
// Run with `npm run test:e2e`, which builds web/dist first.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One server and one browser per file; files need not race each other on two cores.
    fileParallelism: false,
  },
})
