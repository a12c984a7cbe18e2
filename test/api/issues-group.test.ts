// Issues found by a deputy group carry the group: a member (or staff) names it on filing, the
// issue shows it, the ledger filters by it, and the supervision figures break down by it.
import { describe, expect, it } from 'vitest'
import { errorOf, LONGHUA, makeTestApp, PINGQUAN, type TestApp } from '../support/app'
import { act, daysFromToday, issueBody, type IssueJson } from '../support/issues'

const YEAR = 2024
const FOUND = '2024-06-03'

async function setUp(t: TestApp) {
  const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
  const leader = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const member = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const outsider = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const res = await t.call('POST', '/api/v1/groups', {
    cookie: staff.cookie,
    body: { name: '人居环境代表小组', year: YEAR, fieldCodes: ['rural_living'], leaderId: leader.user.id, memberIds: [leader.user.id, member.user.id] },
  })
  const { id: groupId } = (await res.json()) as { id: string }
  return { staff, leader, member, outsider, groupId }
}

const file = (t: TestApp, cookie: string, overrides: Record<string, unknown>) => t.call('POST', '/api/v1/issues', { cookie, body: issueBody({ foundOn: FOUND, ...overrides }) })

describe('issues found by a group', () => {
  it('carry the group a member names, shown on the issue and filtered on in the ledger', async () => {
    const t = await makeTestApp()
    const { staff, member, groupId } = await setUp(t)
    const res = await file(t, member.cookie, { groupId })
    expect(res.status).toBe(201)
    const issue = (await res.json()) as IssueJson
    expect(issue).toMatchObject({ groupId, groupName: '人居环境代表小组' })
    const read = (await (await t.call('GET', `/api/v1/issues/${issue.id}`, { cookie: staff.cookie })).json()) as { issue: IssueJson }
    expect(read.issue).toMatchObject({ groupId, groupName: '人居环境代表小组' })
    const plain = (await (await file(t, member.cookie, {})).json()) as IssueJson
    expect(plain).toMatchObject({ groupId: null, groupName: null })
    const byStaff = await file(t, staff.cookie, { groupId, title: '工作人员代小组上报' })
    expect(byStaff.status).toBe(201)
    const list = (await (await t.call('GET', `/api/v1/issues?groupId=${groupId}`, { cookie: staff.cookie })).json()) as { items: IssueJson[] }
    expect(list.items.map((i) => i.id).sort()).toEqual([issue.id, ((await byStaff.json()) as IssueJson).id].sort())
    expect(list.items.map((i) => i.id)).not.toContain(plain.id)
  })

  it('refuses a deputy outside the group (403), another county’s (404) and a group of another year (400), filing nothing', async () => {
    const t = await makeTestApp()
    const { outsider, member, groupId } = await setUp(t)
    const notMember = await file(t, outsider.cookie, { groupId })
    expect(notMember.status).toBe(403)
    expect((await errorOf(notMember)).message).toMatch(/代表小组/)
    const other = await t.actor({ role: 'deputy', countyCode: LONGHUA })
    expect((await file(t, other.cookie, { groupId })).status).toBe(404)
    const otherStaff = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    expect((await file(t, otherStaff.cookie, { groupId })).status).toBe(404)
    const city = await t.actor({ role: 'city_staff' })
    const wrongCounty = await file(t, city.cookie, { groupId, countyCode: LONGHUA })
    expect(wrongCounty.status).toBe(400)
    expect((await errorOf(wrongCounty)).fields?.groupId).toBeTruthy()
    const wrongYear = await file(t, member.cookie, { groupId, foundOn: '2025-02-01' })
    expect(wrongYear.status).toBe(400)
    expect((await errorOf(wrongYear)).fields?.groupId).toMatch(/2024/)
    const n = await t.client.execute('select count(*) as n from issues')
    expect(Number(n.rows[0]!.n)).toBe(0)
  })

  it('are broken down by group in the supervision figures and counted in the group’s row', async () => {
    const t = await makeTestApp()
    const { staff, member, leader, groupId } = await setUp(t)
    const unit = await t.makeUnit(PINGQUAN, '平泉市住建局')
    const a = (await (await file(t, member.cookie, { groupId })).json()) as IssueJson
    const b = (await (await file(t, leader.cookie, { groupId, title: '第二件' })).json()) as IssueJson
    await file(t, member.cookie, { title: '不是小组发现的' })
    expect((await act(t, staff.cookie, b.id, 'reject', { note: '重复反映' })).status).toBe(200)
    const assigned = await act(t, staff.cookie, a.id, 'assign', { unitId: unit.id, requirement: '限期清运', deadline: daysFromToday(10) })
    expect(assigned.status).toBe(200)
    const sup = (await (await t.call('GET', `/api/v1/stats/supervision?year=${YEAR}&groupBy=group`, { cookie: staff.cookie })).json()) as {
      groupBy: string
      rows: Record<string, unknown>[]
      totals: Record<string, number>
    }
    expect(sup.groupBy).toBe('group')
    expect(sup.rows).toEqual([expect.objectContaining({ countyCode: PINGQUAN, groupId, assigned: 1, rejected: 1, total: 1 })])
    expect(sup.totals).toMatchObject({ reported: 0, assigned: 1, rejected: 1, total: 1 })
    const groups = (await (await t.call('GET', `/api/v1/stats/groups/activities?year=${YEAR}`, { cookie: staff.cookie })).json()) as { rows: { groupId: string; issues: number }[] }
    expect(groups.rows).toEqual([expect.objectContaining({ groupId, issues: 1 })])
    const other = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    const hidden = (await (await t.call('GET', `/api/v1/stats/supervision?year=${YEAR}&groupBy=group&countyCode=${PINGQUAN}`, { cookie: other.cookie })).json()) as { rows: unknown[] }
    expect(hidden.rows).toEqual([])
  })
})
