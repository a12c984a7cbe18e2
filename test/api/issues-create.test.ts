import { describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN } from '../support/app'
import { daysFromToday, issueBody, type IssueJson } from '../support/issues'
import { issueEvents, issues } from '../../worker/db/schema'
import { ok } from '../support/clock'

describe('reporting an issue', () => {
  it("files a deputy's report in their own county with status reported", async () => {
    const t = await makeTestApp()
    const { cookie, user } = await t.actor({ role: 'deputy', countyCode: LONGHUA, name: '赵永福' })
    const res = await t.call('POST', '/api/v1/issues', { cookie, body: issueBody({ fieldCode: 'groundwater', foundOn: '2022-06-15', kind: 'suggestion' }) })
    expect(res.status).toBe(201)
    const issue = (await res.json()) as IssueJson
    expect(issue).toMatchObject({
      kind: 'suggestion',
      year: 2022,
      fieldCode: 'groundwater',
      countyCode: LONGHUA,
      status: 'reported',
      reporterId: user.id,
      reporterName: '赵永福',
      unitId: null,
      unitName: null,
      requirement: null,
      deadline: null,
      overdue: false,
      progress: 0,
      closedOn: null,
      closedOnTime: null,
      light: null,
      pressCount: 0,
      declinedNote: null,
      groupId: null,
      groupName: null,
      version: 1,
    })
    expect(Object.keys(issue).sort()).toEqual(
      ['id', 'kind', 'year', 'fieldCode', 'countyCode', 'township', 'location', 'title', 'description', 'source', 'foundOn', 'reporterId', 'reporterName', 'unitId', 'unitName', 'requirement', 'deadline', 'status', 'overdue', 'progress', 'closedOn', 'closedOnTime', 'createdAt', 'updatedAt', 'version', 'light', 'pressCount', 'declinedNote', 'number', 'groupId', 'groupName'].sort(),
    )
  })

  it('answers a retried create (same id, same body) with 200 and the same issue, creating nothing', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy' })
    const id = crypto.randomUUID()
    const first = await t.call('POST', '/api/v1/issues', { cookie, body: issueBody({ id }) })
    expect(first.status).toBe(201)
    // Keys in another order are still the same body.
    const reordered = Object.fromEntries(Object.entries(issueBody({ id })).reverse())
    const again = await t.call('POST', '/api/v1/issues', { cookie, body: reordered })
    expect(again.status).toBe(200)
    expect(((await again.json()) as IssueJson).id).toBe(id)
    expect((await t.db.select({ n: count() }).from(issues))[0]!.n).toBe(1)
    expect((await t.db.select({ n: count() }).from(issueEvents).where(eq(issueEvents.issueId, id)))[0]!.n).toBe(1)
  })

  it('refuses the same id with a different body, or from another user (409)', async () => {
    const t = await makeTestApp()
    const a = await t.actor({ role: 'deputy' })
    const b = await t.actor({ role: 'deputy' })
    const id = crypto.randomUUID()
    await ok(t.call('POST', '/api/v1/issues', { cookie: a.cookie, body: issueBody({ id }) }), 201)
    const changed = await t.call('POST', '/api/v1/issues', { cookie: a.cookie, body: issueBody({ id, title: '另一个问题' }) })
    expect(changed.status).toBe(409)
    expect((await errorOf(changed)).code).toBe('conflict')
    const stranger = await t.call('POST', '/api/v1/issues', { cookie: b.cookie, body: issueBody({ id }) })
    expect(stranger.status).toBe(409)
    const [row] = await t.db.select().from(issues).where(eq(issues.id, id))
    expect(row!.title).toBe(issueBody().title)
  })

  it('keeps county staff and deputies to their own county (403), and makes city staff name one', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    for (const who of [staff, deputy]) {
      const res = await t.call('POST', '/api/v1/issues', { cookie: who.cookie, body: issueBody({ countyCode: LONGHUA }) })
      expect(res.status).toBe(403)
    }
    const city = await t.actor({ role: 'city_staff' })
    const none = await t.call('POST', '/api/v1/issues', { cookie: city.cookie, body: issueBody() })
    expect((await errorOf(none)).fields).toEqual({ countyCode: '请选择县市区' })
    const unknown = await t.call('POST', '/api/v1/issues', { cookie: city.cookie, body: issueBody({ countyCode: '130800' }) })
    expect((await errorOf(unknown)).fields).toEqual({ countyCode: '没有这个县市区' })
    const named = await t.call('POST', '/api/v1/issues', { cookie: city.cookie, body: issueBody({ countyCode: LONGHUA }) })
    expect(named.status).toBe(201)
  })

  it('refuses units (403)', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'unit' })
    expect((await t.call('POST', '/api/v1/issues', { cookie, body: issueBody() })).status).toBe(403)
  })

  it('names every bad field in Chinese and stores nothing', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy' })
    const res = await t.call('POST', '/api/v1/issues', { cookie, body: { fieldCode: '', title: '  ', description: '', source: 'rumour', foundOn: '2022-13-01' } })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).fields).toEqual({
      fieldCode: '请选择监督领域',
      title: '请填写问题标题',
      description: '请填写问题描述',
      source: '请选择发现方式',
      foundOn: '发现日期格式应为 年-月-日，如 2022-05-01',
    })
    expect((await t.db.select({ n: count() }).from(issues))[0]!.n).toBe(0)
  })

  it("refuses a field that is not one of the year's, a future date, and a year that is not the date's", async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy' })
    const field = await t.call('POST', '/api/v1/issues', { cookie, body: issueBody({ fieldCode: 'space_program' }) })
    expect((await errorOf(field)).fields?.fieldCode).toMatch(/年没有这个监督领域/)
    const future = await t.call('POST', '/api/v1/issues', { cookie, body: issueBody({ foundOn: daysFromToday(2) }) })
    expect((await errorOf(future)).fields).toEqual({ foundOn: '发现日期不能晚于今天' })
    const year = await t.call('POST', '/api/v1/issues', { cookie, body: issueBody({ foundOn: '2023-03-01', year: 2022 }) })
    expect((await errorOf(year)).fields).toEqual({ year: '年度应与发现日期的年份一致' })
  })
})
