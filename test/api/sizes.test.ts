// The deterministic part of the benchmarks: what a phone downloads for the sign-in page and the
// activity form, and the worker bundle, against the budgets in bench/budgets.json. npm test
// builds the web first, so web/dist is the build under test.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { webSizes, workerBundle } from '../../bench/sizes'

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as { sizes: { signInJsGzipKBMax: number; activityFormJsGzipKBMax: number; signInTotalGzipKBMax: number; activityFormTotalGzipKBMax: number; workerGzipKiBMax: number } }

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

  it('keeps the worker bundle within its budget', () => {
    expect(workerBundle().gzipKiB).toBeLessThanOrEqual(budgets.sizes.workerGzipKiBMax)
  }, 120_000)
})
