// The work bench (GET /me/summary): for every role, every count equals the total of the list it
// links to, as the dashboard's figures do; one county's counts never include another's.
import { beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, LONGHUA, PINGQUAN, type TestApp } from '../support/app'
import { act, daysFromToday, fileIssue, putInStatus } from '../support/issues'
import { activityBody } from '../support/activities'
import { ok } from '../support/clock'
import { rebuildCounters } from '../../worker/stats/recount'
import { SUMMARY_NAMES } from '../../worker/me/me.schemas'
import { PROGRESS_CAP, progressCount } from '../../worker/me/me.queries'
import { issues } from '../../worker/db/schema'
import { queryPlan } from '../support/plan'

interface Summary {
  role: string
  counts: Record<string, number>
  lists: Record<string, string>
  overdueByCounty?: { countyCode: string; overdue: number }[]
  issuesSeenAt?: string | null
}

let t: TestApp
const who: Record<string, { cookie: string }> = {}

async function summaryOf(cookie: string) {
  const res = await t.call('GET', '/api/v1/me/summary', { cookie })
  expect(res.status).toBe(200)
  return (await res.json()) as Summary
}

/** Every record of a list (all pages). */
async function listTotal(cookie: string, path: string) {
  let n = 0
  let cursor: string | null = null
  do {
    const sep = path.includes('?') ? '&' : '?'
    const res = await t.call('GET', `/api/v1${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { cookie })
    expect(res.status, path).toBe(200)
    const body = (await res.json()) as { items: unknown[]; nextCursor: string | null }
    n += body.items.length
    cursor = body.nextCursor
  } while (cursor)
  return n
}

beforeAll(async () => {
  t = await makeTestApp()
  const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
  const lhUnit = await t.makeUnit(LONGHUA, '隆化县水务局')
  who.county = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
  who.longhua = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
  who.city = await t.actor({ role: 'city_staff' })
  who.unit = await t.actor({ role: 'unit', unitId: unit.id })
  who.deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const lhDeputy = await t.actor({ role: 'deputy', countyCode: LONGHUA })
  await rebuildCounters(t.db)
  const c = who.county!.cookie
  const assign = async (days: number, u = unit.id, cookie = c, reporter = who.deputy!.cookie) => {
    const i = await fileIssue(t, reporter)
    await ok(act(t, cookie, i.id, 'assign', { unitId: u, requirement: '整改', deadline: daysFromToday(days) }), 200)
    return i
  }
  await fileIssue(t, who.deputy!.cookie) // 待交办
  await fileIssue(t, who.deputy!.cookie)
  const declined = await assign(10)
  await ok(act(t, who.unit!.cookie, declined.id, 'decline', { note: '不属于本单位' }), 200) // 待交办 and 被退办
  const rectified = await assign(10)
  await ok(act(t, who.unit!.cookie, rectified.id, 'accept'), 200)
  await ok(act(t, who.unit!.cookie, rectified.id, 'complete', { note: '已完成' }), 200) // 待验收
  const soon = await assign(1) // 即将到期, 待接收
  await ok(act(t, c, soon.id, 'press', { note: '请抓紧' }), 200) // 被督办
  const green = await assign(20)
  await ok(act(t, who.unit!.cookie, green.id, 'accept'), 200) // 整改中
  const late = await fileIssue(t, who.deputy!.cookie)
  await putInStatus(t, late.id, 'rectifying', unit.id, daysFromToday(-4)) // 逾期, 整改中
  const lhLate = await fileIssue(t, lhDeputy.cookie)
  await putInStatus(t, lhLate.id, 'assigned', lhUnit.id, daysFromToday(-2)) // another county's overdue
  await rebuildCounters(t.db) // two items were put in their status directly

  const record = async (body: Record<string, unknown> = {}) => (await (await ok(t.call('POST', '/api/v1/activities', { cookie: who.deputy!.cookie, body: activityBody(body) }), 201)).json()) as { id: string; version: number }
  await record() // 待审核
  const back = await record()
  await ok(t.call('POST', `/api/v1/activities/${back.id}/review`, { cookie: c, body: { decision: 'return', note: '请补充活动照片说明', version: back.version } }), 200)
})

describe('the work bench', () => {
  it.each(['county', 'longhua', 'city', 'unit', 'deputy'])('gives %s its documented counts, each equal to the total of the list it links to', async (key) => {
    const s = await summaryOf(who[key]!.cookie)
    expect(Object.keys(s.counts)).toEqual([...SUMMARY_NAMES[s.role as keyof typeof SUMMARY_NAMES]])
    expect(Object.keys(s.lists)).toEqual(Object.keys(s.counts))
    for (const [name, n] of Object.entries(s.counts)) expect(n, name).toBe(await listTotal(who[key]!.cookie, s.lists[name]!))
  })

  it('counts what each role has waiting', async () => {
    expect((await summaryOf(who.county!.cookie)).counts).toEqual({ toAssign: 3, declined: 1, toVerify: 1, overdue: 1, dueSoon: 1, toReview: 1 })
    expect((await summaryOf(who.longhua!.cookie)).counts).toEqual({ toAssign: 0, declined: 0, toVerify: 0, overdue: 1, dueSoon: 0, toReview: 0 })
    expect((await summaryOf(who.unit!.cookie)).counts).toEqual({ toAccept: 1, rectifying: 2, dueSoon: 1, overdue: 1, pressed: 1 })
    const city = await summaryOf(who.city!.cookie)
    expect(city.counts).toMatchObject({ overdue: 2, toAssign: 3 })
    expect(city.overdueByCounty).toHaveLength(12)
    expect(city.overdueByCounty!.filter((r) => r.overdue > 0)).toEqual([
      { countyCode: LONGHUA, overdue: 1 },
      { countyCode: PINGQUAN, overdue: 1 },
    ].sort((a, b) => (city.overdueByCounty!.findIndex((r) => r.countyCode === a.countyCode) - city.overdueByCounty!.findIndex((r) => r.countyCode === b.countyCode))))
    for (const r of city.overdueByCounty!) expect(r.overdue).toBe(await listTotal(who.city!.cookie, `/issues?countyCode=${r.countyCode}&light=red`))
  })

  it("tells the deputy of returned activities and of progress on their reports until they look", async () => {
    const before = await summaryOf(who.deputy!.cookie)
    expect(before.issuesSeenAt).toBeNull()
    expect(before.counts.returned).toBe(1)
    expect(before.counts.newProgress).toBe(4) // the four reports staff or the unit acted on after they were filed
    const seen = await t.call('PUT', '/api/v1/me/issues-seen', { cookie: who.deputy!.cookie })
    expect(seen.status).toBe(200)
    const after = await summaryOf(who.deputy!.cookie)
    expect(after.counts.newProgress).toBe(0)
    expect(after.issuesSeenAt).toBe(((await seen.json()) as { issuesSeenAt: string }).issuesSeenAt)
    // A new step by staff on one report is new again.
    const [mine] = ((await (await t.call('GET', '/api/v1/issues?status=assigned', { cookie: who.deputy!.cookie })).json()) as { items: { id: string }[] }).items
    await new Promise((r) => setTimeout(r, 5))
    await ok(act(t, who.county!.cookie, mine!.id, 'comment', { note: '已电话督促' }), 200)
    const again = await summaryOf(who.deputy!.cookie)
    expect(again.counts.newProgress).toBe(1)
    expect(await listTotal(who.deputy!.cookie, again.lists.newProgress!)).toBe(1)
  })
})

describe("the deputy's new progress", () => {
  it('reads only reports changed since filing, and counts them up to 100', async () => {
    const own = await makeTestApp()
    const deputy = await own.actor({ role: 'deputy', countyCode: PINGQUAN })
    const at = Date.parse('2026-03-01T00:00:00Z')
    // 130 reports changed after filing and 300 never touched: the bench reads neither all nor more than 100.
    const rows = Array.from({ length: 430 }, (_, n) => {
      const created = new Date(at + n * 1000).toISOString()
      return {
        id: crypto.randomUUID(),
        year: 2026,
        fieldCode: 'rural_living',
        countyCode: PINGQUAN,
        title: `问题${n}`,
        description: '描述',
        source: 'deputy' as const,
        foundOn: '2026-03-01',
        reporterId: deputy.user.id,
        status: 'reported' as const,
        requestHash: 'h',
        createdAt: created,
        updatedAt: n < 130 ? new Date(at + n * 1000 + 60_000).toISOString() : created,
      }
    })
    for (let i = 0; i < rows.length; i += 16) await own.db.insert(issues).values(rows.slice(i, i + 16))
    await own.client.execute('ANALYZE')
    const summary = (await (await own.call('GET', '/api/v1/me/summary', { cookie: deputy.cookie })).json()) as Summary
    expect(summary.counts.newProgress).toBe(PROGRESS_CAP)
    const plan = (await queryPlan(own.client, progressCount(own.db, deputy.user.id, '1970-01-01T00:00:00.000Z'))).join('\n')
    expect(plan).toMatch(/USING (COVERING )?INDEX issues_reporter_progress/)
    // Looked at: nothing is new.
    await ok(own.call('PUT', '/api/v1/me/issues-seen', { cookie: deputy.cookie }), 200)
    expect(((await (await own.call('GET', '/api/v1/me/summary', { cookie: deputy.cookie })).json()) as Summary).counts.newProgress).toBe(0)
  })
})
