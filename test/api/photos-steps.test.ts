// Who may attach photos to which step, and until when: the reporter on the report (until the
// issue is closed), the assigned unit on its progress and complete reports (until staff verify
// or return them), staff on verify and return (also after closing); the deputy or staff on an
// activity while it can still be edited. Nine photos a step, also under a burst of parallel PUTs.
import { beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../support/app'
import { act, daysFromToday, fileIssue, type IssueJson } from '../support/issues'
import { recordActivity } from '../support/activities'
import { attach, putPhoto, type PhotoJson } from '../support/photos'
import { ok } from '../support/clock'

let t: TestApp
let deputy: { cookie: string; user: { id: string } }
let staff: { cookie: string }
let unitUser: { cookie: string }
let otherUnit: { cookie: string }
let unitId: string

beforeAll(async () => {
  t = await makeTestApp()
  deputy = await t.actor({ role: 'deputy' })
  staff = await t.actor({ role: 'county_staff' })
  const unit = await t.makeUnit()
  unitId = unit.id
  unitUser = await t.actor({ role: 'unit', unitId })
  otherUnit = await t.actor({ role: 'unit' })
})

type Action = { eventId: string; version: number }
async function step(cookie: string, issue: IssueJson, action: string, extra: Record<string, unknown> = {}): Promise<Action> {
  const res = await ok(act(t, cookie, issue.id, action, extra), 200)
  return (await res.json()) as Action
}

/** An issue filed by the deputy, assigned to the unit and accepted: ready for its progress reports. */
async function rectifying() {
  const issue = await fileIssue(t, deputy.cookie)
  await step(staff.cookie, issue, 'assign', { unitId, requirement: '限期清运', deadline: daysFromToday(10) })
  await step(unitUser.cookie, issue, 'accept')
  return issue
}

const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error

describe('an action', () => {
  it('answers the id of the event it appended, which the timeline shows', async () => {
    const issue = await rectifying()
    const progress = await step(unitUser.cookie, issue, 'progress', { note: '已清运一半', progress: 50 })
    expect(progress.eventId).toMatch(/^[0-9a-f-]{36}$/)
    const detail = (await (await t.call('GET', `/api/v1/issues/${issue.id}`, { cookie: staff.cookie })).json()) as { events: { id: string; action: string }[] }
    expect(detail.events.at(-1)).toMatchObject({ id: progress.eventId, action: 'progress' })
  })
})

describe('the report step', () => {
  it('takes the reporter’s photos without an eventId (the create event), until the issue is closed', async () => {
    const issue = await fileIssue(t, deputy.cookie)
    const photo = await attach(t, deputy.cookie, { issueId: issue.id })
    expect(photo.eventId).toBe(issue.id)
    expect((await putPhoto(t, staff.cookie, { issueId: issue.id })).status).toBe(403)
    const rectified = await rectifying()
    await step(unitUser.cookie, rectified, 'complete', { note: '已清运完毕' })
    await attach(t, deputy.cookie, { issueId: rectified.id })
    await step(staff.cookie, rectified, 'verify', { note: '验收合格' })
    const late = await putPhoto(t, deputy.cookie, { issueId: rectified.id })
    expect(late.status).toBe(409)
    expect(await codeOf(late)).toMatchObject({ code: 'invalid_transition', message: '该环节已结束，不能再添加照片' })
  })

  it('is closed to photos once the report is rejected', async () => {
    const issue = await fileIssue(t, deputy.cookie)
    await step(staff.cookie, issue, 'reject', { note: '重复反映' })
    expect((await putPhoto(t, deputy.cookie, { issueId: issue.id })).status).toBe(409)
  })
})

describe('the unit’s reports', () => {
  it('take the assigned unit’s photos until staff verify or return them', async () => {
    const issue = await rectifying()
    const progress = await step(unitUser.cookie, issue, 'progress', { note: '已清运一半' })
    await attach(t, unitUser.cookie, { issueId: issue.id, eventId: progress.eventId })
    expect((await putPhoto(t, deputy.cookie, { issueId: issue.id, eventId: progress.eventId })).status).toBe(403)
    expect((await putPhoto(t, otherUnit.cookie, { issueId: issue.id, eventId: progress.eventId })).status).toBe(404)
    const complete = await step(unitUser.cookie, issue, 'complete', { note: '已清运完毕' })
    const done = await attach(t, unitUser.cookie, { issueId: issue.id, eventId: complete.eventId })
    expect(done.eventId).toBe(complete.eventId)
    await step(staff.cookie, issue, 'return', { note: '仍有残留' })
    expect((await putPhoto(t, unitUser.cookie, { issueId: issue.id, eventId: complete.eventId })).status).toBe(409)
    expect((await putPhoto(t, unitUser.cookie, { issueId: issue.id, eventId: progress.eventId })).status).toBe(409)
    // The next report after the return is open again.
    const again = await step(unitUser.cookie, issue, 'complete', { note: '已全部清理' })
    await attach(t, unitUser.cookie, { issueId: issue.id, eventId: again.eventId })
  })
})

describe('the verification', () => {
  it('takes staff photos, also after the issue is closed, and no one else’s', async () => {
    const issue = await rectifying()
    await step(unitUser.cookie, issue, 'complete', { note: '已清运完毕' })
    const verify = await step(staff.cookie, issue, 'verify', { note: '验收合格' })
    const photo = await attach(t, staff.cookie, { issueId: issue.id, eventId: verify.eventId })
    expect(photo.eventId).toBe(verify.eventId)
    expect((await putPhoto(t, unitUser.cookie, { issueId: issue.id, eventId: verify.eventId })).status).toBe(403)
  })
})

describe('other steps', () => {
  it('refuses photos on an assignment, an acceptance or a comment (400), and on an event of another issue (404)', async () => {
    const issue = await fileIssue(t, deputy.cookie)
    const assign = await step(staff.cookie, issue, 'assign', { unitId, requirement: '限期清运', deadline: daysFromToday(10) })
    const res = await putPhoto(t, staff.cookie, { issueId: issue.id, eventId: assign.eventId })
    expect(res.status).toBe(400)
    expect(await codeOf(res)).toEqual({ code: 'bad_request', message: '该环节不能附照片' })
    const comment = await step(deputy.cookie, issue, 'comment', { note: '请尽快处理' })
    expect((await putPhoto(t, deputy.cookie, { issueId: issue.id, eventId: comment.eventId })).status).toBe(400)
    const other = await fileIssue(t, deputy.cookie)
    expect((await putPhoto(t, deputy.cookie, { issueId: other.id, eventId: assign.eventId })).status).toBe(404)
  })
})

describe('nine photos a step', () => {
  it('refuses a tenth (400) and stores nothing of it; a withdrawn photo leaves room for another', async () => {
    const issue = await fileIssue(t, deputy.cookie)
    const nine: PhotoJson[] = []
    for (let i = 0; i < 9; i++) nine.push(await attach(t, deputy.cookie, { issueId: issue.id }))
    const tenth = await putPhoto(t, deputy.cookie, { issueId: issue.id })
    expect(tenth.status).toBe(400)
    expect((await codeOf(tenth)).message).toBe('每个环节最多 9 张照片，本环节已满')
    await ok(t.call('POST', `/api/v1/photos/${nine[0]!.id}/withdraw`, { cookie: staff.cookie, body: { reason: '与本问题无关' } }), 200)
    await attach(t, deputy.cookie, { issueId: issue.id })
  })

  it('holds under a burst: 10 parallel uploads on a step with 5 add exactly 4', async () => {
    const issue = await fileIssue(t, deputy.cookie)
    for (let i = 0; i < 5; i++) await attach(t, deputy.cookie, { issueId: issue.id })
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => putPhoto(t, deputy.cookie, { issueId: issue.id })))).map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(4)
    expect(statuses.filter((s) => s === 400)).toHaveLength(6)
    const detail = (await (await t.call('GET', `/api/v1/issues/${issue.id}`, { cookie: deputy.cookie })).json()) as { photos: PhotoJson[] }
    expect(detail.photos).toHaveLength(9)
  })

  it('counts each step on its own', async () => {
    const issue = await rectifying()
    for (let i = 0; i < 9; i++) await attach(t, deputy.cookie, { issueId: issue.id })
    const progress = await step(unitUser.cookie, issue, 'progress', { note: '已清运一半' })
    await attach(t, unitUser.cookie, { issueId: issue.id, eventId: progress.eventId })
  })
})

describe('an activity', () => {
  it('takes the deputy’s and staff photos while it can be edited, none once confirmed (409)', async () => {
    const activity = await recordActivity(t, deputy.cookie)
    const mine = await attach(t, deputy.cookie, { activityId: activity.id })
    expect(mine).toMatchObject({ activityId: activity.id, issueId: null, eventId: null })
    await attach(t, staff.cookie, { activityId: activity.id })
    const other = await t.actor({ role: 'deputy' })
    expect((await putPhoto(t, other.cookie, { activityId: activity.id })).status).toBe(404)
    expect((await putPhoto(t, unitUser.cookie, { activityId: activity.id })).status).toBe(403)
    const read = (await (await t.call('GET', `/api/v1/activities/${activity.id}`, { cookie: deputy.cookie })).json()) as { photos: PhotoJson[]; version: number }
    expect(read.photos.map((p) => p.id)).toContain(mine.id)
    await ok(t.call('POST', `/api/v1/activities/${activity.id}/review`, { cookie: staff.cookie, body: { decision: 'confirm', version: read.version } }), 200)
    const late = await putPhoto(t, deputy.cookie, { activityId: activity.id })
    expect(late.status).toBe(409)
    // A retry of a photo it already took still answers 200 after the activity was confirmed.
    expect((await putPhoto(t, deputy.cookie, { activityId: activity.id }, { id: mine.id })).status).toBe(200)
  })

  it('lists its photos in the activity list and the deputy’s yearly record', async () => {
    const activity = await recordActivity(t, deputy.cookie)
    const photo = await attach(t, deputy.cookie, { activityId: activity.id })
    const list = (await (await t.call('GET', `/api/v1/activities?deputyId=${deputy.user.id}`, { cookie: staff.cookie })).json()) as { items: { id: string; photos: PhotoJson[] }[] }
    expect(list.items.find((a) => a.id === activity.id)!.photos).toEqual([photo])
  })
})
