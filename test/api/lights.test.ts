// Deadline lights (亮灯): every open item's light in its JSON, worked out for today with its
// year's N; ?light= lists exactly the items under one light; city staff set N per year.
import { describe, expect, it } from 'vitest'
import { makeTestApp, LONGHUA, PINGQUAN, type TestApp } from '../support/app'
import { act, daysFromToday, fileIssue, getIssue, putInStatus, type IssueJson } from '../support/issues'
import { rebuildCounters } from '../../worker/stats/recount'
import { queryPlan } from '../support/plan'
import { issuePage } from '../../worker/issues/issues.queries'
import { todayInShanghai, yearInShanghai } from '../../worker/core/dates'

async function setup() {
  const t = await makeTestApp()
  const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
  const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
  const city = await t.actor({ role: 'city_staff' })
  const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const unitUser = await t.actor({ role: 'unit', unitId: unit.id })
  /** An item assigned to the unit with a deadline `days` from today (negative: overdue). */
  const withDeadline = async (days: number, title = `问题${days}`) => {
    const i = await fileIssue(t, deputy.cookie, { title })
    if (days >= 0) expect((await act(t, staff.cookie, i.id, 'assign', { unitId: unit.id, requirement: '限期整改', deadline: daysFromToday(days) })).status).toBe(200)
    else {
      await putInStatus(t, i.id, 'assigned', unit.id, daysFromToday(days))
      await rebuildCounters(t.db)
    }
    return i
  }
  return { t, unit, staff, city, deputy, unitUser, withDeadline }
}

async function list(t: TestApp, cookie: string, qs: string) {
  const res = await t.call('GET', `/api/v1/issues?${qs}`, { cookie })
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: IssueJson[] }).items
}

describe('deadline lights', () => {
  it('shows green in time, yellow from 3 days before the deadline through the deadline day, red once overdue', async () => {
    const { t, staff, withDeadline } = await setup()
    const cases: [number, string][] = [[10, 'green'], [4, 'green'], [3, 'yellow'], [0, 'yellow'], [-1, 'red'], [-30, 'red']]
    for (const [days, light] of cases) {
      const i = await withDeadline(days)
      const { body } = await getIssue(t, staff.cookie, i.id)
      expect(body!.issue.light, `${days} days`).toBe(light)
      expect(body!.issue.overdue).toBe(light === 'red')
    }
  })

  it('gives no light to an item not yet assigned, waiting for verification, closed or rejected', async () => {
    const { t, staff, deputy, unit } = await setup()
    const reported = await fileIssue(t, deputy.cookie)
    expect(reported.light).toBeNull()
    for (const status of ['rectified', 'closed', 'rejected'] as const) {
      const i = await fileIssue(t, deputy.cookie)
      await putInStatus(t, i.id, status, status === 'rejected' ? null : unit.id, daysFromToday(-5))
      expect((await getIssue(t, staff.cookie, i.id)).body!.issue.light, status).toBeNull()
    }
  })

  it('lists exactly the items under each light, for staff and for the unit, in deadline order', async () => {
    const { t, staff, unitUser, deputy, withDeadline } = await setup()
    const made = { green: [await withDeadline(20), await withDeadline(8)], yellow: [await withDeadline(2), await withDeadline(0)], red: [await withDeadline(-3), await withDeadline(-1)] }
    await fileIssue(t, deputy.cookie) // reported: under no light
    for (const light of ['green', 'yellow', 'red'] as const) {
      for (const who of [staff, unitUser]) {
        const items = await list(t, who.cookie, `light=${light}&sort=deadline`)
        expect(items.map((i) => i.id).sort()).toEqual(made[light].map((i) => i.id).sort())
        expect(items.every((i) => i.light === light)).toBe(true)
        const deadlines = items.map((i) => i.deadline!)
        expect(deadlines).toEqual([...deadlines].sort())
      }
    }
  })

  it('refuses an unknown light with a Chinese message', async () => {
    const { t, staff } = await setup()
    const res = await t.call('GET', '/api/v1/issues?light=blue', { cookie: staff.cookie })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.light).toBe('亮灯只能是 green、yellow 或 red')
  })

  it("follows the N city staff set for the item's year, in the JSON and in the filter", async () => {
    const { t, staff, city, withDeadline } = await setup()
    const year = yearInShanghai()
    const five = await withDeadline(5)
    expect((await getIssue(t, staff.cookie, five.id)).body!.issue.light).toBe('green')
    const before = await t.call('GET', `/api/v1/year-settings?year=${year}`, { cookie: staff.cookie })
    expect(await before.json()).toEqual({ year, dueSoonDays: 3, updatedAt: null, version: 0 })

    const put = await t.call('PUT', '/api/v1/year-settings', { cookie: city.cookie, body: { year, dueSoonDays: 7, version: 0 } })
    expect(put.status).toBe(200)
    expect(await put.json()).toMatchObject({ year, dueSoonDays: 7, version: 1 })
    expect((await getIssue(t, staff.cookie, five.id)).body!.issue.light).toBe('yellow')
    expect((await list(t, staff.cookie, 'light=yellow')).map((i) => i.id)).toEqual([five.id])
    expect(await list(t, staff.cookie, 'light=green')).toEqual([])
    // Another year keeps the default.
    expect(await (await t.call('GET', `/api/v1/year-settings?year=${year - 1}`, { cookie: staff.cookie })).json()).toMatchObject({ dueSoonDays: 3, version: 0 })
  })

  it('refuses a stale setting (409 with the current one), county staff (403) and a bad N (400), changing nothing', async () => {
    const { t, staff, city } = await setup()
    const year = yearInShanghai()
    expect((await t.call('PUT', '/api/v1/year-settings', { cookie: city.cookie, body: { year, dueSoonDays: 5, version: 0 } })).status).toBe(200)
    const stale = await t.call('PUT', '/api/v1/year-settings', { cookie: city.cookie, body: { year, dueSoonDays: 9, version: 0 } })
    expect(stale.status).toBe(409)
    expect(((await stale.json()) as { error: { current: unknown } }).error.current).toMatchObject({ dueSoonDays: 5, version: 1 })
    const county = await t.call('PUT', '/api/v1/year-settings', { cookie: staff.cookie, body: { year, dueSoonDays: 9, version: 1 } })
    expect(county.status).toBe(403)
    const bad = await t.call('PUT', '/api/v1/year-settings', { cookie: city.cookie, body: { year, dueSoonDays: 61, version: 1 } })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields.dueSoonDays).toBe('黄灯天数应在 0 到 60 之间')
    expect(await (await t.call('GET', `/api/v1/year-settings?year=${year}`, { cookie: staff.cookie })).json()).toMatchObject({ dueSoonDays: 5, version: 1 })
  })

  it("keeps another county's lights from county staff", async () => {
    const { t, withDeadline } = await setup()
    await withDeadline(1)
    const other = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    expect(await list(t, other.cookie, 'light=yellow')).toEqual([])
  })

  it('counts each light per county and field on the dashboard, each count equal to the list it links to', async () => {
    const { t, city, staff, unit, deputy, withDeadline } = await setup()
    for (const days of [30, 9, 3, 1, 0, -2, -40]) await withDeadline(days)
    const other = await fileIssue(t, deputy.cookie, { fieldCode: 'groundwater' })
    expect((await act(t, staff.cookie, other.id, 'assign', { unitId: unit.id, requirement: '整改', deadline: daysFromToday(2) })).status).toBe(200)
    const year = yearInShanghai()
    const res = await t.call('GET', `/api/v1/stats/supervision?year=${year}`, { cookie: city.cookie })
    const table = (await res.json()) as { rows: { countyCode: string; fieldCode: string; overdue: number; dueSoon: number; inTime: number }[]; totals: Record<string, number> }
    expect(table.totals).toMatchObject({ overdue: 2, dueSoon: 4, inTime: 2 })
    const named = { red: 'overdue', yellow: 'dueSoon', green: 'inTime' } as const
    for (const row of table.rows.filter((r) => r.countyCode === PINGQUAN && ['rural_living', 'groundwater'].includes(r.fieldCode))) {
      for (const [light, key] of Object.entries(named)) {
        const items = await list(t, city.cookie, `year=${year}&countyCode=${row.countyCode}&fieldCode=${row.fieldCode}&light=${light}&limit=100`)
        expect(row[key], `${row.fieldCode} ${light}`).toBe(items.length)
      }
    }
  })

  it("reads a unit's to-do through issues_unit_open_deadline, without sorting", async () => {
    const t = await makeTestApp()
    const unit = await t.makeUnit(PINGQUAN)
    const plan = await queryPlan(t.client, issuePage(t.db, { scope: { unitId: unit.id }, status: ['assigned', 'rectifying'], sort: 'deadline', limit: 50 }))
    expect(plan.join('\n')).toMatch(/USING INDEX issues_unit_open_deadline/)
    expect(plan.join('\n')).not.toMatch(/USE TEMP B-TREE/)
    const yellow = await queryPlan(
      t.client,
      issuePage(t.db, { scope: { unitId: unit.id }, status: ['assigned', 'rectifying'], light: { light: 'yellow', today: todayInShanghai(), rule: { byYear: new Map(), defaultDays: 3 } }, sort: 'deadline', limit: 50 }),
    )
    expect(yellow.join('\n')).toMatch(/USING INDEX issues_unit_open_deadline/)
  })
})
