import { describe, expect, it } from 'vitest'
import { makeTestApp, errorOf, PINGQUAN } from '../support/app'
import { issueBody, fileIssue, type IssueJson } from '../support/issues'
import { activityBody } from '../support/activities'
import { addYears, latestDeadline, todayInShanghai } from '../../worker/core/dates'
import { FIRST_YEAR } from '../../worker/db/seed/chengde'

async function setup() {
  const t = await makeTestApp()
  const unit = await t.makeUnit(PINGQUAN, '平泉市住房和城乡建设局')
  const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
  return { t, unit, deputy, staff }
}

describe('dates are bounded', () => {
  it('adds years to a date, 29 February included', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28')
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
    expect(latestDeadline('2026-12-01')).toBe('2029-12-01')
  })

  it(`refuses an issue found before ${FIRST_YEAR} (the ledger's first year)`, async () => {
    const { t, deputy } = await setup()
    for (const foundOn of ['1900-01-01', `${FIRST_YEAR - 1}-12-31`]) {
      const res = await t.call('POST', '/api/v1/issues', { cookie: deputy.cookie, body: issueBody({ foundOn }) })
      expect(res.status).toBe(400)
      expect((await errorOf(res)).fields).toEqual({ foundOn: `发现日期不能早于台账首年（${FIRST_YEAR} 年）` })
    }
    const first = await t.call('POST', '/api/v1/issues', { cookie: deputy.cookie, body: issueBody({ foundOn: `${FIRST_YEAR}-01-01` }) })
    expect(first.status).toBe(201)
  })

  it(`refuses a 五个一 dated 1900-01-01 or in any year before ${FIRST_YEAR}`, async () => {
    const { t, staff } = await setup()
    const body = (date: string) => ({ countyCode: PINGQUAN, year: Number(date.slice(0, 4)), type: 'inquiry', date, title: '关于农村人居环境整治工作的专题询问' })
    for (const date of ['1900-01-01', `${FIRST_YEAR - 1}-06-30`]) {
      const res = await t.call('POST', '/api/v1/five-ones', { cookie: staff.cookie, body: body(date) })
      expect(res.status).toBe(400)
      expect((await errorOf(res)).fields).toEqual({ year: `年度不能早于台账首年（${FIRST_YEAR} 年）` })
    }
    expect((await t.call('POST', '/api/v1/five-ones', { cookie: staff.cookie, body: body(`${FIRST_YEAR}-01-01`) })).status).toBe(201)
  })

  it(`refuses an activity dated before ${FIRST_YEAR}`, async () => {
    const { t, deputy } = await setup()
    const res = await t.call('POST', '/api/v1/activities', { cookie: deputy.cookie, body: activityBody({ date: '1900-01-01' }) })
    expect(res.status).toBe(400)
    expect(Object.keys((await errorOf(res)).fields!)).toEqual(['date'])
  })

  it('refuses a deadline of 9999-12-31 when assigning or extending; three years ahead is the latest', async () => {
    const { t, unit, deputy, staff } = await setup()
    const issue = await fileIssue(t, deputy.cookie)
    const latest = latestDeadline(todayInShanghai())
    const act = (version: number, action: string, extra: Record<string, unknown>) =>
      t.call('POST', `/api/v1/issues/${issue.id}/actions`, { cookie: staff.cookie, body: { action, version, ...extra } })
    const far = await act(issue.version, 'assign', { unitId: unit.id, requirement: '限期清运', deadline: '9999-12-31' })
    expect(far.status).toBe(400)
    expect((await errorOf(far)).fields).toEqual({ deadline: `整改时限不能晚于 ${latest}（最长 3 年）` })
    const tooLate = await act(issue.version, 'assign', { unitId: unit.id, requirement: '限期清运', deadline: nextDay(latest) })
    expect(tooLate.status).toBe(400)
    const assigned = await act(issue.version, 'assign', { unitId: unit.id, requirement: '限期清运', deadline: todayInShanghai() })
    expect(assigned.status).toBe(200)
    const extended = (await assigned.json()) as IssueJson
    const extendFar = await act(extended.version, 'extend', { deadline: '9999-12-31', note: '延期' })
    expect((await errorOf(extendFar)).fields).toEqual({ deadline: `整改时限不能晚于 ${latest}（最长 3 年）` })
    expect((await act(extended.version, 'extend', { deadline: latest, note: '涉及资金审批' })).status).toBe(200)
  })
})

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10)
}
