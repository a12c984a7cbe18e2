// Every activity route for every role, against an activity in its scope and one outside it.
import { beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, LONGHUA, PINGQUAN, type TestApp } from '../support/app'
import { activityBody, recordActivity, type ActivityJson } from '../support/activities'

let t: TestApp
const cookies: Record<string, string> = {}
let own: ActivityJson
let foreign: ActivityJson
let sameCountyOther: ActivityJson

beforeAll(async () => {
  t = await makeTestApp()
  const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const peer = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const lh = await t.actor({ role: 'deputy', countyCode: LONGHUA })
  Object.assign(cookies, {
    deputy: deputy.cookie,
    county_staff: (await t.actor({ role: 'county_staff', countyCode: PINGQUAN })).cookie,
    city_staff: (await t.actor({ role: 'city_staff' })).cookie,
    unit: (await t.actor({ role: 'unit', countyCode: PINGQUAN })).cookie,
  })
  own = await recordActivity(t, deputy.cookie)
  sameCountyOther = await recordActivity(t, peer.cookie)
  foreign = await recordActivity(t, lh.cookie)
})

// What each role may see: [own deputy's activity, same county's other deputy, another county].
const SEES: Record<string, [boolean, boolean, boolean]> = {
  deputy: [true, false, false],
  county_staff: [true, true, false],
  city_staff: [true, true, true],
}

describe.each(Object.keys(SEES))('%s', (role) => {
  it.each([0, 1, 2])('reads activity #%i and its deputy\'s record only within scope (else 404)', async (n) => {
    const target = [own, sameCountyOther, foreign][n]!
    const expected = SEES[role]![n] ? 200 : 404
    expect((await t.call('GET', `/api/v1/activities/${target.id}`, { cookie: cookies[role] })).status).toBe(expected)
    expect((await t.call('GET', `/api/v1/deputies/${target.deputyId}/record`, { cookie: cookies[role] })).status).toBe(expected)
    const review = await t.call('POST', `/api/v1/activities/${target.id}/review`, { cookie: cookies[role], body: { decision: 'return', note: '补充', version: 999 } })
    expect(review.status).toBe(role === 'deputy' ? 403 : SEES[role]![n] ? 409 : 404)
    const edit = await t.call('PUT', `/api/v1/activities/${target.id}`, { cookie: cookies[role], body: { ...activityBody(), version: 999 } })
    expect(edit.status).toBe(!SEES[role]![n] ? 404 : role === 'deputy' ? 409 : 403)
  })
})

describe('unit accounts', () => {
  it('get 403 on every activity route', async () => {
    const c = cookies.unit
    expect((await t.call('GET', '/api/v1/activities', { cookie: c })).status).toBe(403)
    expect((await t.call('GET', `/api/v1/activities/${own.id}`, { cookie: c })).status).toBe(403)
    expect((await t.call('POST', '/api/v1/activities', { cookie: c, body: activityBody() })).status).toBe(403)
    expect((await t.call('PUT', `/api/v1/activities/${own.id}`, { cookie: c, body: { ...activityBody(), version: 1 } })).status).toBe(403)
    expect((await t.call('POST', `/api/v1/activities/${own.id}/review`, { cookie: c, body: { decision: 'confirm', version: 1 } })).status).toBe(403)
    expect((await t.call('GET', `/api/v1/deputies/${own.deputyId}/record`, { cookie: c })).status).toBe(403)
  })
})
