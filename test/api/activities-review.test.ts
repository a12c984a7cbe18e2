import { describe, expect, it } from 'vitest'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN } from '../support/app'
import { activityBody, recordActivity, review, type ActivityJson } from '../support/activities'
import { ok } from '../support/clock'

async function setup() {
  const t = await makeTestApp()
  const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
  const a = await recordActivity(t, deputy.cookie)
  return { t, deputy, staff, a }
}

describe('reviewing activities', () => {
  it('confirms a submitted activity', async () => {
    const { t, staff, a } = await setup()
    const res = await review(t, staff.cookie, a, 'confirm')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'confirmed', version: 2 })
  })

  it('returns one only with a reason, which the deputy then sees', async () => {
    const { t, deputy, staff, a } = await setup()
    const bare = await review(t, staff.cookie, a, 'return')
    expect((await errorOf(bare)).fields).toEqual({ note: '请填写退回原因' })
    expect((await review(t, staff.cookie, a, 'return', '请补充活动成效')).status).toBe(200)
    const seen = (await (await t.call('GET', `/api/v1/activities/${a.id}`, { cookie: deputy.cookie })).json()) as ActivityJson
    expect(seen).toMatchObject({ status: 'returned', reviewNote: '请补充活动成效' })
  })

  it('refuses to review twice (409 invalid_transition) or with a stale version (409 conflict with the current record)', async () => {
    const { t, staff, a } = await setup()
    await ok(review(t, staff.cookie, a, 'confirm'), 200)
    const stale = await review(t, staff.cookie, a, 'return', '再看看')
    expect(stale.status).toBe(409)
    const body = (await stale.json()) as { error: { code: string; current: ActivityJson } }
    expect(body.error).toMatchObject({ code: 'conflict', current: { status: 'confirmed', version: 2 } })
    const again = await review(t, staff.cookie, { id: a.id, version: 2 }, 'return', '再看看')
    expect((await errorOf(again)).code).toBe('invalid_transition')
  })

  it("hides another county's activity from county staff (404), lets city staff review it, and refuses deputies (403)", async () => {
    const { t, deputy, a } = await setup()
    const other = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    expect((await review(t, other.cookie, a, 'confirm')).status).toBe(404)
    expect((await review(t, deputy.cookie, a, 'confirm')).status).toBe(403)
    const city = await t.actor({ role: 'city_staff' })
    expect((await review(t, city.cookie, a, 'confirm')).status).toBe(200)
  })
})

describe('editing an activity', () => {
  it('lets the deputy fix a returned activity, which goes back to submitted', async () => {
    const { t, deputy, staff, a } = await setup()
    await ok(review(t, staff.cookie, a, 'return', '请补充成效'), 200)
    const res = await t.call('PUT', `/api/v1/activities/${a.id}`, {
      cookie: deputy.cookie,
      body: { ...activityBody({ outcomes: { deed: 2 }, introductions: [], tags: [] }), version: 2 },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'submitted', version: 3, outcomes: { deed: 2, opinion: 0 }, introductions: [], tags: [] })
  })

  it('refuses to edit a confirmed activity, someone else\'s, or a stale version', async () => {
    const { t, deputy, staff, a } = await setup()
    const stale = await t.call('PUT', `/api/v1/activities/${a.id}`, { cookie: deputy.cookie, body: { ...activityBody(), version: 7 } })
    expect((await errorOf(stale)).code).toBe('conflict')
    expect((await t.call('PUT', `/api/v1/activities/${a.id}`, { cookie: staff.cookie, body: { ...activityBody(), version: 1 } })).status).toBe(403)
    await ok(review(t, staff.cookie, a, 'confirm'), 200)
    const confirmed = await t.call('PUT', `/api/v1/activities/${a.id}`, { cookie: deputy.cookie, body: { ...activityBody(), version: 2 } })
    expect(confirmed.status).toBe(409)
    expect((await errorOf(confirmed)).code).toBe('invalid_transition')
    const other = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    expect((await t.call('PUT', `/api/v1/activities/${a.id}`, { cookie: other.cookie, body: { ...activityBody(), version: 2 } })).status).toBe(404)
  })

  it('keeps the stored activity unchanged when an edit is refused for a bad field', async () => {
    const { t, deputy, a } = await setup()
    const bad = await t.call('PUT', `/api/v1/activities/${a.id}`, { cookie: deputy.cookie, body: { ...activityBody({ title: '' }), version: 1 } })
    expect(bad.status).toBe(400)
    const now = (await (await t.call('GET', `/api/v1/activities/${a.id}`, { cookie: deputy.cookie })).json()) as ActivityJson
    expect(now).toEqual(a)
  })
})

describe('listing activities', () => {
  it('gives the review queue oldest first, filtered by status, within the county', async () => {
    const t = await makeTestApp()
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const lh = await t.actor({ role: 'deputy', countyCode: LONGHUA })
    await recordActivity(t, deputy.cookie, { title: '第一' })
    const second = await recordActivity(t, deputy.cookie, { title: '第二' })
    const third = await recordActivity(t, deputy.cookie, { title: '第三' })
    await recordActivity(t, lh.cookie, { title: '隆化' })
    await ok(review(t, staff.cookie, second, 'confirm'), 200)
    const queue = (await (await t.call('GET', '/api/v1/activities?status=submitted&sort=oldest&limit=1', { cookie: staff.cookie })).json()) as { items: ActivityJson[]; nextCursor: string }
    expect(queue.items.map((a) => a.title)).toEqual(['第一'])
    const next = (await (await t.call('GET', `/api/v1/activities?status=submitted&sort=oldest&limit=1&cursor=${queue.nextCursor}`, { cookie: staff.cookie })).json()) as { items: ActivityJson[] }
    expect(next.items.map((a) => a.id)).toEqual([third.id])
  })

  it("shows a deputy only their own, and refuses units", async () => {
    const t = await makeTestApp()
    const a = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const b = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    await recordActivity(t, a.cookie, { title: '甲' })
    await recordActivity(t, b.cookie, { title: '乙' })
    const mine = (await (await t.call('GET', '/api/v1/activities', { cookie: a.cookie })).json()) as { items: ActivityJson[] }
    expect(mine.items.map((x) => x.title)).toEqual(['甲'])
    const asked = (await (await t.call('GET', `/api/v1/activities?deputyId=${b.user.id}`, { cookie: a.cookie })).json()) as { items: ActivityJson[] }
    expect(asked.items).toEqual([])
    const unit = await t.actor({ role: 'unit' })
    expect((await t.call('GET', '/api/v1/activities', { cookie: unit.cookie })).status).toBe(403)
  })
})

describe('the review queue on a large table', () => {
  it("reads a county's submitted activities oldest first through one index, without sorting", async () => {
    const { queryPlan } = await import('../support/plan')
    const { listActivities } = await import('../../worker/activities/activities.queries')
    const t = await makeTestApp()
    const plan = (
      await queryPlan(t.client, listActivities(t.db, { scope: { countyCode: PINGQUAN }, status: 'submitted', sort: 'oldest', limit: 50, after: { key: '2026-01-01', id: 'x' } }))
    ).join('\n')
    expect(plan).toMatch(/USING INDEX activities_county_status_created/)
    expect(plan).not.toMatch(/TEMP B-TREE/)
  })
})
