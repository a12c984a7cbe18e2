// A photo is as confidential as its record: GET of the bytes and the thumbnail is scoped exactly as
// the parent issue or activity (404 outside it, never 403), a unit sees the reporter's photos of an
// issue assigned to it, and a withdrawn photo is gone for everyone but staff in scope.
import { beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, LONGHUA, PINGQUAN, type TestApp } from '../support/app'
import { act, daysFromToday, fileIssue } from '../support/issues'
import { recordActivity } from '../support/activities'
import { attach, getPhoto, putPhoto, withdrawPhoto, type PhotoJson } from '../support/photos'
import { ok } from '../support/clock'

let t: TestApp
const who: Record<string, string> = {}
let issuePhoto: PhotoJson
let activityPhoto: PhotoJson
let withdrawn: PhotoJson

beforeAll(async () => {
  t = await makeTestApp()
  const unit = await t.makeUnit(PINGQUAN)
  const actors = {
    reporter: await t.actor({ role: 'deputy', countyCode: PINGQUAN }),
    otherDeputy: await t.actor({ role: 'deputy', countyCode: PINGQUAN }),
    staff: await t.actor({ role: 'county_staff', countyCode: PINGQUAN }),
    city: await t.actor({ role: 'city_staff' }),
    assignedUnit: await t.actor({ role: 'unit', unitId: unit.id }),
    otherUnit: await t.actor({ role: 'unit', countyCode: PINGQUAN }),
    otherCountyStaff: await t.actor({ role: 'county_staff', countyCode: LONGHUA }),
    otherCountyDeputy: await t.actor({ role: 'deputy', countyCode: LONGHUA }),
  }
  for (const [k, v] of Object.entries(actors)) who[k] = v.cookie
  const issue = await fileIssue(t, who.reporter!)
  issuePhoto = await attach(t, who.reporter!, { issueId: issue.id })
  withdrawn = await attach(t, who.reporter!, { issueId: issue.id })
  await ok(withdrawPhoto(t, who.staff!, withdrawn.id, '拍错了地点'), 200)
  await ok(act(t, who.staff!, issue.id, 'assign', { unitId: unit.id, requirement: '限期清运', deadline: daysFromToday(10) }), 200)
  const activity = await recordActivity(t, who.reporter!)
  activityPhoto = await attach(t, who.reporter!, { activityId: activity.id })
})

const SEES_ISSUE = ['reporter', 'staff', 'city', 'assignedUnit']
const SEES_ACTIVITY = ['reporter', 'staff', 'city']
const EVERYONE = ['reporter', 'otherDeputy', 'staff', 'city', 'assignedUnit', 'otherUnit', 'otherCountyStaff', 'otherCountyDeputy']

describe.each(EVERYONE)('%s', (role) => {
  const seesIssue = SEES_ISSUE.includes(role)
  const seesActivity = SEES_ACTIVITY.includes(role)

  it(`${seesIssue ? 'gets' : 'gets 404 for'} an issue's photo and its thumbnail`, async () => {
    for (const thumb of [false, true]) {
      const res = await getPhoto(t, who[role]!, issuePhoto.id, thumb)
      expect(res.status).toBe(seesIssue ? 200 : 404)
      if (!seesIssue) expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
    }
  })

  it(`${seesActivity ? 'gets' : 'gets 404 for'} an activity's photo`, async () => {
    expect((await getPhoto(t, who[role]!, activityPhoto.id)).status).toBe(seesActivity ? 200 : 404)
    expect((await getPhoto(t, who[role]!, activityPhoto.id, true)).status).toBe(seesActivity ? 200 : 404)
  })

  const staffInScope = role === 'staff' || role === 'city'
  it(`${staffInScope ? 'still gets' : 'gets 404 for'} a withdrawn photo`, async () => {
    expect((await getPhoto(t, who[role]!, withdrawn.id)).status).toBe(staffInScope ? 200 : 404)
  })

  it('cannot attach to a record outside its scope (404)', async () => {
    if (seesIssue) return
    expect((await putPhoto(t, who[role]!, { issueId: issuePhoto.issueId! })).status).toBe(404)
  })
})

describe('an unknown photo', () => {
  it('is 404 to everyone', async () => {
    expect((await getPhoto(t, who.city!, crypto.randomUUID())).status).toBe(404)
    expect((await getPhoto(t, who.city!, 'not-a-uuid')).status).toBe(404)
  })
})
