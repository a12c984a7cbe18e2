// The rows-read benchmark inside workerd with D1 (not part of npm test).
import { defineConfig } from 'vitest/config'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'

export default defineConfig(async () => ({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' }, miniflare: { bindings: { MIGRATIONS: await readD1Migrations('./migrations') } } })],
  test: { include: ['bench/workerd/**/*.bench.ts'], testTimeout: 600_000 },
}))
