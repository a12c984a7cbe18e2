// The yearly record (履职档案) must equal a recount of the confirmed activities, for any mix of
// deputies, years, statuses, venues, outcomes and introductions (a property test).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN } from '../support/app'
import { recordActivity, review } from '../support/activities'
import { FIVE_INTRODUCTIONS, FOUR_BATCHES, VENUES } from '../../worker/core/taxonomy'

const venue = fc.constantFrom(...VENUES.map((v) => v.code), null)
const intro = fc.oneof(
  fc.record({ type: fc.constant('funds' as const), name: fc.constant('资金'), amount: fc.integer({ min: 1, max: 99_999 }).map((h) => h / 100) }),
  fc.record({ type: fc.constantFrom('market_entity', 'green_project', 'talent', 'technology'), name: fc.constant('引进') }),
)
const activity = fc.record({
  deputy: fc.integer({ min: 0, max: 2 }),
  year: fc.integer({ min: 2022, max: 2025 }),
  day: fc.integer({ min: 1, max: 28 }),
  venue,
  outcomes: fc.record({ policy_talk: fc.integer({ min: 0, max: 5 }), opinion: fc.integer({ min: 0, max: 5 }), deed: fc.integer({ min: 0, max: 5 }), mentoring: fc.integer({ min: 0, max: 5 }) }),
  introductions: fc.array(intro, { maxLength: 3 }),
  fate: fc.constantFrom('submitted', 'confirmed', 'returned'),
})

type Generated = typeof activity extends fc.Arbitrary<infer T> ? T : never

function recount(list: Generated[], deputy: number, year: number) {
  const mine = list.filter((a) => a.deputy === deputy && a.year === year)
  const ok = mine.filter((a) => a.fate === 'confirmed')
  const byVenue = Object.fromEntries(VENUES.map((v) => [v.code, ok.filter((a) => a.venue === v.code).length]))
  const outcomes = Object.fromEntries(FOUR_BATCHES.map((k) => [k, ok.reduce((s, a) => s + a.outcomes[k], 0)]))
  const intros = ok.flatMap((a) => a.introductions)
  const counts = Object.fromEntries(FIVE_INTRODUCTIONS.map((k) => [k, intros.filter((i) => i.type === k).length]))
  const fundsHundredths = intros.reduce((s, i) => s + ('amount' in i ? Math.round(i.amount * 100) : 0), 0)
  return {
    activities: mine.length,
    confirmed: ok.length,
    groupActivities: 0,
    byVenue,
    outcomes,
    introductions: { ...counts, fundsAmount: fundsHundredths / 100 },
    targets: { fiveIntroductionsMet: FIVE_INTRODUCTIONS.filter((k) => counts[k]! > 0) },
  }
}

describe('the yearly record', () => {
  it('equals a recount of the confirmed activities for any generated set', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(activity, { maxLength: 25 }), async (list) => {
        const t = await makeTestApp()
        const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
        const deputies = await Promise.all([0, 1, 2].map(() => t.actor({ role: 'deputy', countyCode: PINGQUAN })))
        for (const g of list) {
          const date = `${g.year}-03-${String(g.day).padStart(2, '0')}`
          const a = await recordActivity(t, deputies[g.deputy]!.cookie, { date, venue: g.venue, outcomes: g.outcomes, introductions: g.introductions, tags: [] })
          if (g.fate !== 'submitted') expect((await review(t, staff.cookie, a, g.fate === 'confirmed' ? 'confirm' : 'return', '退回')).status).toBe(200)
        }
        for (const d of [0, 1, 2]) {
          for (const year of [2022, 2025]) {
            const res = await t.call('GET', `/api/v1/deputies/${deputies[d]!.user.id}/record?year=${year}`, { cookie: staff.cookie })
            const { deputy: _d, year: _y, confirmedActivities, ...figures } = (await res.json()) as Record<string, unknown> & { confirmedActivities: unknown[] }
            expect(figures).toEqual(recount(list, d, year))
            expect(confirmedActivities).toHaveLength(figures.confirmed as number)
          }
        }
      }),
      { numRuns: 12 },
    )
  }, 120_000)

  it('is visible to the deputy and to staff of their county, and hidden from others (404)', async () => {
    const t = await makeTestApp()
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const path = `/api/v1/deputies/${deputy.user.id}/record?year=2024`
    expect((await t.call('GET', path, { cookie: deputy.cookie })).status).toBe(200)
    expect((await t.call('GET', path, { cookie: (await t.actor({ role: 'county_staff', countyCode: PINGQUAN })).cookie })).status).toBe(200)
    expect((await t.call('GET', path, { cookie: (await t.actor({ role: 'city_staff' })).cookie })).status).toBe(200)
    expect((await t.call('GET', path, { cookie: (await t.actor({ role: 'county_staff', countyCode: LONGHUA })).cookie })).status).toBe(404)
    expect((await t.call('GET', path, { cookie: (await t.actor({ role: 'deputy', countyCode: PINGQUAN })).cookie })).status).toBe(404)
    const unit = await t.call('GET', path, { cookie: (await t.actor({ role: 'unit' })).cookie })
    expect((await errorOf(unit)).code).toBe('forbidden')
  })
})
