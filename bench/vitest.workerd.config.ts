// The rows-read benchmark inside workerd with D1 (not part of npm test).
import { defineConfig } from 'vitest/config'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { buildWorker } from '../worker/build/build'

export default defineConfig(async () => ({
  // wrangler.toml's main is the built worker; buildWorker() resolves before the plugin reads it.
  ...(await buildWorker(), {}),
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' }, miniflare: { bindings: { MIGRATIONS: await readD1Migrations('./migrations') } } })],
  test: { include: ['bench/workerd/**/*.bench.ts'], testTimeout: 600_000 },
}))
