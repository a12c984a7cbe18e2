// Two test environments in one `vitest run`: the API suite in Node against libSQL, and the same
// app inside workerd with D1 (migrations applied from migrations/). The browser suite has its own
// config (test/e2e/vitest.config.ts) and runs with `npm run test:e2e`.
import { defineConfig } from 'vitest/config'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'

export default defineConfig(async () => {
  const migrations = await readD1Migrations('./migrations')
  return {
    test: {
      // The worker logs every request through console; shown only for a test that fails.
      silent: 'passed-only' as const,
      projects: [
        {
          test: { name: 'node', include: ['test/api/**/*.test.ts'], environment: 'node' },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: { bindings: { MIGRATIONS: migrations } },
            }),
          ],
          test: { name: 'workerd', include: ['test/workerd/**/*.test.ts'] },
        },
      ],
    },
  }
})
