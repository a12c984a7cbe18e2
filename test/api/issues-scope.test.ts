// Every issue route for every role, against an issue in their scope and one outside it: inside
// works, outside is 404 (never 403), so nobody learns what exists in another county.
import { beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, LONGHUA, PINGQUAN, type TestApp } from '../support/app'
import { daysFromToday, fileIssue, type IssueJson } from '../support/issues'
import { ok } from '../support/clock'

let t: TestApp
const who: Record<string, string> = {}
let own: Record<string, IssueJson>
let foreign: IssueJson
let sameCountyNotMine: IssueJson

beforeAll(async () => {
  t = await makeTestApp()
  const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
  const longhuaUnit = await t.makeUnit(LONGHUA, '隆化县水务局')
  const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const otherDeputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
  const unitUser = await t.actor({ role: 'unit', unitId: unit.id })
  const city = await t.actor({ role: 'city_staff' })
  const lhDeputy = await t.actor({ role: 'deputy', countyCode: LONGHUA })
  const lhStaff = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
  Object.assign(who, { deputy: deputy.cookie, county_staff: staff.cookie, unit: unitUser.cookie, city_staff: city.cookie })

  const mine = await fileIssue(t, deputy.cookie)
  await ok(t.call('POST', `/api/v1/issues/${mine.id}/actions`, { cookie: staff.cookie, body: { action: 'assign', version: 1, unitId: unit.id, requirement: '整改', deadline: daysFromToday(9) } }), 200)
  own = { deputy: mine, county_staff: mine, unit: mine, city_staff: mine }
  foreign = await fileIssue(t, lhDeputy.cookie, { title: '隆化县的问题' })
  await ok(t.call('POST', `/api/v1/issues/${foreign.id}/actions`, { cookie: lhStaff.cookie, body: { action: 'assign', version: 1, unitId: longhuaUnit.id, requirement: '整改', deadline: daysFromToday(9) } }), 200)
  sameCountyNotMine = await fileIssue(t, otherDeputy.cookie, { title: '同县他人反映的问题' })
})

const ROLES = ['deputy', 'unit', 'county_staff', 'city_staff'] as const

describe.each(ROLES)('%s', (role) => {
  it('reads its own issue and its timeline', async () => {
    const res = await t.call('GET', `/api/v1/issues/${own[role]!.id}`, { cookie: who[role] })
    expect(res.status).toBe(200)
  })

  it('can comment on its own issue', async () => {
    const res = await t.call('GET', `/api/v1/issues/${own[role]!.id}`, { cookie: who[role] })
    const { issue } = (await res.json()) as { issue: IssueJson }
    const c = await t.call('POST', `/api/v1/issues/${issue.id}/actions`, { cookie: who[role], body: { action: 'comment', note: '跟进', version: issue.version } })
    expect(c.status).toBe(200)
  })

  const outside = role === 'city_staff' ? [] : role === 'county_staff' ? ['foreign'] : ['foreign', 'sameCounty']
  it.each(outside)('gets 404 for the %s issue on every route', async (which) => {
    const target = which === 'foreign' ? foreign : sameCountyNotMine
    const detail = await t.call('GET', `/api/v1/issues/${target.id}`, { cookie: who[role] })
    expect(detail.status).toBe(404)
    for (const action of ['comment', 'assign', 'accept', 'verify']) {
      const res = await t.call('POST', `/api/v1/issues/${target.id}/actions`, { cookie: who[role], body: { action, note: 'x', version: target.version } })
      expect(res.status).toBe(404)
    }
  })

  it("lists, searches and exports nothing outside its scope", async () => {
    const list = (await (await t.call('GET', '/api/v1/issues', { cookie: who[role] })).json()) as { items: IssueJson[] }
    const ids = list.items.map((i) => i.id)
    expect(ids).toContain(own[role]!.id)
    if (role !== 'city_staff') expect(ids).not.toContain(foreign.id)
    if (role === 'deputy' || role === 'unit') expect(ids).not.toContain(sameCountyNotMine.id)
    const asked = (await (await t.call('GET', `/api/v1/issues?countyCode=${LONGHUA}`, { cookie: who[role] })).json()) as { items: IssueJson[] }
    expect(asked.items.map((i) => i.id)).toEqual(role === 'city_staff' ? [foreign.id] : [])
    const csv = await (await t.call('GET', '/api/v1/issues/export.csv', { cookie: who[role] })).text()
    expect(csv.includes('隆化县的问题')).toBe(role === 'city_staff')
  })
})

describe('without a session', () => {
  it('answers 401 on every issue route', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/issues'],
      ['POST', '/api/v1/issues'],
      ['GET', `/api/v1/issues/${foreign.id}`],
      ['POST', `/api/v1/issues/${foreign.id}/actions`],
      ['GET', '/api/v1/issues/export.csv'],
      ['GET', '/api/v1/issues/export.xlsx'],
      ['GET', '/api/v1/units'],
    ] as const) {
      expect((await t.call(method, path, { body: method === 'POST' ? {} : undefined })).status).toBe(401)
    }
  })
})
