import { describe, expect, it } from 'vitest'
import { count } from 'drizzle-orm'
import { makeTestApp, PINGQUAN } from '../support/app'
import { issueBody, putInStatus, type IssueJson } from '../support/issues'
import { activityBody, type ActivityJson } from '../support/activities'
import { activities, issues } from '../../worker/db/schema'

const up = (id: string) => id.toUpperCase()

describe('record ids are case-insensitive', () => {
  it('treats an issue id in upper case as the same record: no second issue, and the same answer', async () => {
    const t = await makeTestApp()
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const id = crypto.randomUUID()
    const first = await t.call('POST', '/api/v1/issues', { cookie: deputy.cookie, body: issueBody({ id: up(id) }) })
    expect(first.status).toBe(201)
    expect(((await first.json()) as IssueJson).id).toBe(id)
    const again = await t.call('POST', '/api/v1/issues', { cookie: deputy.cookie, body: issueBody({ id }) })
    expect(again.status).toBe(200)
    expect((await t.db.select({ n: count() }).from(issues))[0]!.n).toBe(1)
    expect((await t.call('GET', `/api/v1/issues/${up(id)}`, { cookie: deputy.cookie })).status).toBe(200)
  })

  it('accepts upper-case ids in paths, action bodies and list filters', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const unit = await t.makeUnit(PINGQUAN)
    const created = await t.call('POST', '/api/v1/issues', { cookie: staff.cookie, body: issueBody() })
    const issue = (await created.json()) as IssueJson
    const action = await t.call('POST', `/api/v1/issues/${up(issue.id)}/actions`, {
      cookie: staff.cookie,
      body: { action: 'assign', version: issue.version, unitId: up(unit.id), requirement: '限期清运', deadline: issue.foundOn },
    })
    expect(action.status).toBe(200)
    expect(((await action.json()) as IssueJson).unitId).toBe(unit.id)
    await putInStatus(t, issue.id, 'assigned', unit.id)
    const list = (await (await t.call('GET', `/api/v1/issues?unitId=${up(unit.id)}`, { cookie: staff.cookie })).json()) as { items: IssueJson[] }
    expect(list.items.map((i) => i.id)).toEqual([issue.id])
    const user = await t.makeUser({ role: 'unit', unitId: unit.id })
    expect((await t.call('GET', `/api/v1/users/${up(user.id)}`, { cookie: staff.cookie })).status).toBe(200)
  })

  it('treats an activity id and a deputy id in upper case as the same records', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN })
    const id = crypto.randomUUID()
    const body = activityBody({ id: up(id), deputyId: up(deputy.id) })
    const first = await t.call('POST', '/api/v1/activities', { cookie: staff.cookie, body })
    expect(first.status).toBe(201)
    expect((await first.json()) as ActivityJson).toMatchObject({ id, deputyId: deputy.id })
    expect((await t.call('POST', '/api/v1/activities', { cookie: staff.cookie, body: { ...body, id } })).status).toBe(200)
    expect((await t.db.select({ n: count() }).from(activities))[0]!.n).toBe(1)
    expect((await t.call('GET', `/api/v1/activities/${up(id)}`, { cookie: staff.cookie })).status).toBe(200)
    const list = (await (await t.call('GET', `/api/v1/activities?deputyId=${up(deputy.id)}`, { cookie: staff.cookie })).json()) as { items: ActivityJson[] }
    expect(list.items.map((a) => a.id)).toEqual([id])
    expect((await t.call('GET', `/api/v1/deputies/${up(deputy.id)}/record`, { cookie: staff.cookie })).status).toBe(200)
  })

  it('answers a path id that is not a UUID as not found', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    expect((await t.call('GET', '/api/v1/issues/not-an-id', { cookie: staff.cookie })).status).toBe(404)
  })
})
