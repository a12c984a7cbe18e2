// The reverse-proxy suite: a real nginx (Debian's package) with TLS in front of the real Node
// server. Run with `npm run test:proxy` (.ci/run installs nginx first); `npm test` does not need
// nginx, and without it this suite fails rather than passing empty.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/proxy/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
