// Ending an account: sign-in refused with a clear message (only to whoever knows the password),
// sessions ended at once, every record kept and still attributed, and how the statistics count an
// ended deputy (off today's roster for coverage; their confirmed activities still count).
import { describe, expect, it } from 'vitest'
import { makeTestApp, errorOf, PASSWORD, PINGQUAN, type TestApp } from '../support/app'
import { activityBody, recordActivity, review } from '../support/activities'
import { act, fileIssue, getIssue } from '../support/issues'
import { RECOUNT, rebuildCounters } from '../../worker/stats/recount'
import { addYears, todayInShanghai, yearInShanghai } from '../../worker/core/dates'
import { ok } from '../support/clock'

const year = yearInShanghai()

async function setActive(t: TestApp, cookie: string, id: string, active: boolean) {
  const version = Number((await t.client.execute({ sql: 'select version from users where id = ?', args: [id] })).rows[0]![0])
  const res = await t.call('PATCH', `/api/v1/deputies/${id}`, { cookie, body: { version, active } })
  if (res.status !== 200) throw new Error(`PATCH failed: ${res.status} ${await res.text()}`)
}

async function figures(t: TestApp, cookie: string, y = year) {
  const res = (await (await t.call('GET', `/api/v1/stats/activities?year=${y}&countyCode=${PINGQUAN}`, { cookie })).json()) as { rows: Record<string, number>[] }
  return res.rows[0]!
}

async function countersMatchRecount(t: TestApp) {
  for (const table of ['activity_counts', 'deputy_counts'] as const) {
    const { columns, select } = RECOUNT[table]
    const n = columns.split(',').length
    const stored = (await t.client.execute(`select ${columns} from ${table}`)).rows.map((r) => Array.from({ length: n }, (_, i) => Number(r[i])).join())
    const truth = ((await t.db.values(select)) as unknown[][]).map((r) => Array.from({ length: n }, (_, i) => Number(r[i])).join())
    expect(stored.sort(), table).toEqual(truth)
  }
}

describe('an ended account', () => {
  it("is refused at sign-in with a clear message, only when the password is right", async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN })
    await setActive(t, staff.cookie, deputy.id, false)
    const right = await t.call('POST', '/api/v1/auth/login', { body: { phone: deputy.phone, password: PASSWORD } })
    expect(right.status).toBe(403)
    expect(await errorOf(right)).toEqual({ code: 'account_inactive', message: '该账号已停用，不能登录。如需恢复，请联系本级人大常委会工作人员' })
    const wrong = await t.call('POST', '/api/v1/auth/login', { body: { phone: deputy.phone, password: 'not-it-123' } })
    const unknown = await t.call('POST', '/api/v1/auth/login', { body: { phone: '13999999999', password: 'not-it-123' } })
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect(await errorOf(wrong)).toEqual(await errorOf(unknown))
    await setActive(t, staff.cookie, deputy.id, true)
    await t.signIn(deputy.phone)
  })

  it('loses every open session at once, and a unit account too', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const second = await t.signIn(deputy.user.phone)
    const unit = await t.actor({ role: 'unit', countyCode: PINGQUAN })
    await setActive(t, staff.cookie, deputy.user.id, false)
    const v = Number((await t.client.execute({ sql: 'select version from users where id = ?', args: [unit.user.id] })).rows[0]![0])
    expect((await t.call('PATCH', `/api/v1/users/${unit.user.id}`, { cookie: staff.cookie, body: { version: v, active: false } })).status).toBe(200)
    for (const cookie of [deputy.cookie, second, unit.cookie]) expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(401)
    const left = await t.client.execute({ sql: 'select count(*) from sessions where user_id in (?, ?)', args: [deputy.user.id, unit.user.id] })
    expect(Number(left.rows[0]![0])).toBe(0)
    expect((await t.call('GET', '/api/v1/me', { cookie: staff.cookie })).status).toBe(200)
  })

  it('keeps every record it made, still under its name', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN, name: '李秀梅' })
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕' })
    const unitRow = await t.makeUnit(PINGQUAN, '平泉市水务局')
    const unit = await t.actor({ role: 'unit', unitId: unitRow.id, name: '周明' })
    const issue = await fileIssue(t, deputy.cookie)
    await ok(act(t, staff.cookie, issue.id, 'assign', { unitId: unitRow.id, requirement: '整改', deadline: `${year + 1}-01-01` }), 200)
    await ok(act(t, unit.cookie, issue.id, 'accept'), 200)
    const activity = await recordActivity(t, deputy.cookie)
    await setActive(t, staff.cookie, deputy.user.id, false)
    const uv = Number((await t.client.execute({ sql: 'select version from users where id = ?', args: [unit.user.id] })).rows[0]![0])
    await ok(t.call('PATCH', `/api/v1/users/${unit.user.id}`, { cookie: staff.cookie, body: { version: uv, active: false } }), 200)
    const { issue: seen, events } = (await getIssue(t, staff.cookie, issue.id)).body!
    expect(seen.reporterName).toBe('刘海燕')
    expect(events.map((e) => e.actorName)).toEqual(['刘海燕', '李秀梅', '周明'])
    const list = (await (await t.call('GET', `/api/v1/activities?deputyId=${deputy.user.id}`, { cookie: staff.cookie })).json()) as { items: { id: string; deputyName: string }[] }
    expect(list.items).toEqual([expect.objectContaining({ id: activity.id, deputyName: '刘海燕' })])
    // Staff can still confirm what the deputy submitted before leaving, but record nothing new for them.
    expect((await review(t, staff.cookie, activity, 'confirm')).status).toBe(200)
    const more = await t.call('POST', '/api/v1/activities', { cookie: staff.cookie, body: activityBody({ deputyId: deputy.user.id }) })
    expect((await errorOf(more)).fields).toEqual({ deputyId: '这位代表已停用，不能再为其记录履职活动' })
    const record = (await (await t.call('GET', `/api/v1/deputies/${deputy.user.id}/record?year=${year}`, { cookie: staff.cookie })).json()) as { confirmed: number }
    expect(record.confirmed).toBe(1)
  })
})

describe('statistics with an ended deputy', () => {
  it('take the deputy off the roster and coverage from the day it ends, keep their confirmed figures, and put them back on restore', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const busy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const idle = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const other = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    await rebuildCounters(t.db) // the people above were written directly
    // Today and the same day last year: never in the future, whatever today is.
    for (const [who, back] of [[busy, 0], [busy, -1], [other, 0]] as const) {
      const a = await recordActivity(t, who.cookie, { date: addYears(todayInShanghai(), back), outcomes: { deed: 2 } })
      await ok(review(t, staff.cookie, a, 'confirm'), 200)
    }
    const pending = await recordActivity(t, idle.cookie, { outcomes: { opinion: 1 } })
    expect(await figures(t, staff.cookie)).toMatchObject({ deputies: 3, activeDeputies: 2, coverage: 2 / 3, confirmed: 2, outcomes: expect.objectContaining({ deed: 4 }) })

    await setActive(t, staff.cookie, busy.user.id, false)
    await setActive(t, staff.cookie, idle.user.id, false)
    expect(await figures(t, staff.cookie)).toMatchObject({ deputies: 1, activeDeputies: 1, coverage: 1, confirmed: 2, outcomes: expect.objectContaining({ deed: 4 }) })
    expect(await figures(t, staff.cookie, year - 1)).toMatchObject({ deputies: 1, activeDeputies: 0, confirmed: 1 })
    await countersMatchRecount(t)
    const toCall = (await (await t.call('GET', `/api/v1/stats/inactive-deputies?year=${year}&countyCode=${PINGQUAN}`, { cookie: staff.cookie })).json()) as { items: unknown[] }
    expect(toCall.items).toEqual([])

    // Confirming what the ended deputy submitted before leaving adds figures, not a covered deputy.
    await ok(review(t, staff.cookie, pending, 'confirm'), 200)
    expect(await figures(t, staff.cookie)).toMatchObject({ deputies: 1, activeDeputies: 1, confirmed: 3, outcomes: expect.objectContaining({ opinion: 1 }) })
    await countersMatchRecount(t)

    await setActive(t, staff.cookie, busy.user.id, true)
    expect(await figures(t, staff.cookie)).toMatchObject({ deputies: 2, activeDeputies: 2, coverage: 1, confirmed: 3 })
    expect(await figures(t, staff.cookie, year - 1)).toMatchObject({ deputies: 2, activeDeputies: 1 })
    await setActive(t, staff.cookie, idle.user.id, true)
    expect(await figures(t, staff.cookie)).toMatchObject({ deputies: 3, activeDeputies: 3, coverage: 1 })
    expect(await figures(t, staff.cookie, year - 1)).toMatchObject({ deputies: 3, activeDeputies: 1 })
    await countersMatchRecount(t)
  })
})
