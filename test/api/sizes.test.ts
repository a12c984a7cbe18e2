// The deterministic part of the benchmarks: what a phone downloads for the sign-in page and the
// activity form, and the worker's main module, against the budgets in bench/budgets.json. npm test
// builds the web first, so web/dist is the build under test; the worker is built here.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { webSizes, workerBundle, workerModules } from '../../bench/sizes'

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as { sizes: { signInJsGzipKBMax: number; activityFormJsGzipKBMax: number; signInTotalGzipKBMax: number; activityFormTotalGzipKBMax: number; workerMainGzipKiBMax: number } }

// What only a few routes need, each of which must be a chunk of its own that the worker's start
// does not load: XLSX writing (exports), XLSX reading (roster upload), the Turso client.
const LAZY = ['write-excel-file', 'read-excel-file', 'fflate', '@libsql/client', '@libsql/hrana-client']

describe('download sizes', () => {
  it('keeps the sign-in page and the activity form light for a cheap phone', () => {
    const web = webSizes()
    expect(web.signIn.jsGzipKB).toBeGreaterThan(0)
    expect(web.signIn.jsGzipKB).toBeLessThanOrEqual(budgets.sizes.signInJsGzipKBMax)
    // What the service worker's registration and the update bar add counts here too (the outbox
    // itself is not loaded before sign-in).
    expect(web.signIn.jsGzipKB + web.signIn.cssGzipKB).toBeLessThanOrEqual(budgets.sizes.signInTotalGzipKBMax)
    expect(web.activityForm.jsGzipKB).toBeLessThanOrEqual(budgets.sizes.activityFormJsGzipKBMax)
    // The form's own stylesheet (form.css), not the ledger's and Programme 2's screens' as well.
    expect(web.activityForm.jsGzipKB + web.activityForm.cssGzipKB).toBeLessThanOrEqual(budgets.sizes.activityFormTotalGzipKBMax)
  })

  it("keeps the worker's main module (with what it imports at start) within its budget, and XLSX and the Turso client out of it", async () => {
    const worker = await workerModules()
    expect(worker.start[0]!.file).toBe('index.js')
    expect(worker.startGzipKiB).toBeLessThanOrEqual(budgets.sizes.workerMainGzipKiBMax)
    const atStart = new Set(worker.start.flatMap((m) => m.packages))
    expect(atStart).toContain('zod')
    expect(atStart).toContain('drizzle-orm')
    // Of zod's locales only zh-CN, and nothing of drizzle's Postgres dialect.
    const inputs = worker.start.flatMap((m) => m.inputs)
    expect(inputs.filter((f) => f.includes('zod/v4/locales/'))).toEqual(['node_modules/zod/v4/locales/zh-CN.js'])
    expect(inputs.filter((f) => f.includes('drizzle-orm/pg-core/'))).toEqual([])
    for (const pkg of LAZY) {
      expect(atStart, `${pkg} is loaded at the worker's start`).not.toContain(pkg)
      expect(worker.lazy.some((m) => m.packages.includes(pkg)), `${pkg} is in no lazily loaded chunk`).toBe(true)
    }
    // The OpenAPI generator and the demo data are chunks of their own too.
    expect(worker.lazy.map((m) => m.file)).toEqual(expect.arrayContaining([expect.stringMatching(/^chunks\/document-/), expect.stringMatching(/^chunks\/demo-/)]))
  }, 120_000)

  it('uploads every chunk beside the main module (wrangler.toml find_additional_modules)', async () => {
    const { lazy, start } = await workerModules()
    const uploaded = workerBundle().modules
    expect(uploaded.sort()).toEqual([...start, ...lazy].map((m) => m.file).filter((f) => f !== 'index.js').sort())
  }, 120_000)
})
