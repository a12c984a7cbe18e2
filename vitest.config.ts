// Two test environments in one `vitest run`: the API suite in Node against libSQL, and the same
// app inside workerd with D1 (migrations applied from migrations/). The browser suite has its own
// config (test/e2e/vitest.config.ts) and runs with `npm run test:e2e`.
import { defineConfig } from 'vitest/config'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { buildWorker } from './worker/build/build'
import { execFileSync } from 'node:child_process'

// The files whose answers depend on today's date (the year of a record, "not in the future",
// overdue, deadlines, a year's statistics). They run again with today on the first and the last
// day of a year, at the hours where the UTC date differs or the year is about to turn: 00:30 on
// 1 January in Asia/Shanghai is still 31 December in UTC, and 23:30 on 31 December is the year's end.
const DATE_SENSITIVE = [
  'accounts-end',
  'activities-create',
  'commendation',
  'create-same-millisecond',
  'date-bounds',
  'demo',
  'exports-formulas',
  'issues-create',
  'issues-export',
  'issues-import',
  'issues-journeys',
  'issues-list',
  'issues-scope',
  'issues-workflow',
  'lights',
  'press',
  'reference',
  'stats-counters',
  'stats',
  'summary',
  'test-clock',
  'text-rules',
].map((f) => `test/api/${f}.test.ts`)

function onDay(name: string, today: string, include: string[]) {
  return { test: { name, include, environment: 'node', setupFiles: ['test/support/clock.ts'], env: { TEST_TODAY: today } } }
}

export default defineConfig(async () => {
  // The workerd project runs wrangler.toml's main, the built worker (dist/worker): built here, so
  // it is never older than the source under test.
  await buildWorker()
  // workerd cannot compile JSON Schemas at run time: the document's checks are compiled here,
  // in Node (through tsx: the app's sources are not loadable by the config loader).
  execFileSync(process.execPath, ['--import', 'tsx', 'test/support/contract-standalone.ts'], { stdio: 'inherit' })
  const migrations = await readD1Migrations('./migrations')
  return {
    test: {
      // The worker logs every request through console; shown only for a test that fails.
      silent: 'passed-only' as const,
      projects: [
        {
          // TEST_TODAY=YYYY-MM-DD[THH:MM] in the environment runs these on that day (test/support/clock.ts).
          // The web's own tests (web/src/*.test.ts) are data and logic only, with no DOM.
          test: { name: 'node', include: ['test/api/**/*.test.ts', 'web/src/**/*.test.ts'], environment: 'node', setupFiles: ['test/support/clock.ts'] },
        },
        onDay('node-jan1', '2027-01-01T00:30', DATE_SENSITIVE),
        onDay('node-dec31', '2026-12-31T23:30', DATE_SENSITIVE),
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
