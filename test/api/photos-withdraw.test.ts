// Photos are evidence, never replaced or silently deleted: staff withdraw a wrong one with a
// reason; it leaves the issue's and the activity's photos, their counts and the export, and the
// timeline keeps that it was withdrawn, by whom and why.
import { beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, LONGHUA, type TestApp } from '../support/app'
import { fileIssue, type IssueJson } from '../support/issues'
import { recordActivity } from '../support/activities'
import { attach, withdrawPhoto, type PhotoJson } from '../support/photos'
import { ok } from '../support/clock'

let t: TestApp
let deputy: { cookie: string }
let staff: { cookie: string; user: { id: string; name: string } }
let otherCounty: { cookie: string }

beforeAll(async () => {
  t = await makeTestApp()
  deputy = await t.actor({ role: 'deputy' })
  staff = await t.actor({ role: 'county_staff', name: '李建国' })
  otherCounty = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
})

type Detail = { photos: PhotoJson[]; events: { id: string; action: string; photos: PhotoJson[]; withdrawnPhotos: { id: string; withdrawn: PhotoJson['withdrawn'] }[] }[] }
const detail = async (cookie: string, id: string) => (await (await t.call('GET', `/api/v1/issues/${id}`, { cookie })).json()) as Detail

describe('withdrawing a photo', () => {
  let issue: IssueJson
  let kept: PhotoJson
  let wrong: PhotoJson

  beforeAll(async () => {
    issue = await fileIssue(t, deputy.cookie)
    kept = await attach(t, deputy.cookie, { issueId: issue.id })
    wrong = await attach(t, deputy.cookie, { issueId: issue.id })
  })

  it('needs a reason (400), staff (403) and the issue in scope (404), and changes nothing then', async () => {
    const blank = await withdrawPhoto(t, staff.cookie, wrong.id, '   ')
    expect(blank.status).toBe(400)
    expect(((await blank.json()) as { error: { fields: Record<string, string> } }).error.fields.reason).toBe('请填写撤回理由')
    expect((await withdrawPhoto(t, staff.cookie, wrong.id, '长'.repeat(501))).status).toBe(400)
    expect((await withdrawPhoto(t, deputy.cookie, wrong.id, '拍错了')).status).toBe(403)
    expect((await withdrawPhoto(t, otherCounty.cookie, wrong.id, '拍错了')).status).toBe(404)
    expect((await detail(deputy.cookie, issue.id)).photos).toHaveLength(2)
  })

  it('answers the photo with who withdrew it, when and why (the reason trimmed)', async () => {
    const res = await ok(withdrawPhoto(t, staff.cookie, wrong.id, '  拍的是另一处垃圾点  '), 200)
    const photo = (await res.json()) as PhotoJson
    expect(photo.withdrawn).toEqual({ by: staff.user.id, byName: '李建国', at: expect.any(String), reason: '拍的是另一处垃圾点' })
  })

  it('hides it from the issue and its step, and keeps the record of it on the timeline', async () => {
    const d = await detail(deputy.cookie, issue.id)
    expect(d.photos.map((p) => p.id)).toEqual([kept.id])
    const report = d.events.find((e) => e.action === 'create')!
    expect(report.photos.map((p) => p.id)).toEqual([kept.id])
    expect(report.withdrawnPhotos).toEqual([{ id: wrong.id, uploadedBy: wrong.uploadedBy, uploadedByName: wrong.uploadedByName, createdAt: wrong.createdAt, withdrawn: { by: staff.user.id, byName: '李建国', at: expect.any(String), reason: '拍的是另一处垃圾点' } }])
  })

  it('answers a retry of the same withdrawal with 200, another with 409', async () => {
    expect((await withdrawPhoto(t, staff.cookie, wrong.id, '拍的是另一处垃圾点')).status).toBe(200)
    const again = await withdrawPhoto(t, staff.cookie, wrong.id, '另一个理由')
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: { current: PhotoJson } }).error.current.withdrawn!.reason).toBe('拍的是另一处垃圾点')
  })

  it('leaves it out of the ledger export’s photo count', async () => {
    const res = await t.call('GET', `/api/v1/issues/export.csv`, { cookie: staff.cookie })
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n')
    const header = lines[0]!.split(',')
    const col = header.indexOf('照片')
    expect(col).toBeGreaterThan(-1)
    const row = lines.find((l) => l.endsWith(issue.id))!.split(',')
    expect(row[col]).toBe('1')
  })
})

describe('an activity’s withdrawn photo', () => {
  it('is no longer listed with the activity', async () => {
    const activity = await recordActivity(t, deputy.cookie)
    const photo = await attach(t, deputy.cookie, { activityId: activity.id })
    await ok(withdrawPhoto(t, staff.cookie, photo.id, '与活动无关'), 200)
    const read = (await (await t.call('GET', `/api/v1/activities/${activity.id}`, { cookie: deputy.cookie })).json()) as { photos: PhotoJson[] }
    expect(read.photos).toEqual([])
  })
})
