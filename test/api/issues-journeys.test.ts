import { describe, expect, it } from 'vitest'
import { makeTestApp, errorOf, PINGQUAN } from '../support/app'
import { act, daysFromToday, fileIssue, getIssue, today, type IssueJson } from '../support/issues'

async function setup() {
  const t = await makeTestApp()
  const unit = await t.makeUnit(PINGQUAN, '平泉市住房和城乡建设局')
  const other = await t.makeUnit(PINGQUAN, '平泉镇人民政府')
  const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕' })
  const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN, name: '李秀梅' })
  const unitUser = await t.actor({ role: 'unit', unitId: unit.id, name: '陈立军' })
  const otherUnitUser = await t.actor({ role: 'unit', unitId: other.id, name: '周明' })
  return { t, unit, other, deputy, staff, unitUser, otherUnitUser }
}

async function ok(res: Response): Promise<IssueJson> {
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as IssueJson
}

describe('an issue from report to close', () => {
  it('goes reported → assigned → rectifying → rectified → (returned) → rectified → closed, every step on record', async () => {
    const { t, unit, deputy, staff, unitUser } = await setup()
    const issue = await fileIssue(t, deputy.cookie)
    expect(issue).toMatchObject({ status: 'reported', reporterName: '刘海燕', countyCode: PINGQUAN, year: Number(today().slice(0, 4)), unitId: null })

    const deadline = daysFromToday(15)
    let now = await ok(await act(t, staff.cookie, issue.id, 'assign', { unitId: unit.id, requirement: '一周内清运完毕并建立保洁制度', deadline }))
    expect(now).toMatchObject({ status: 'assigned', unitName: '平泉市住房和城乡建设局', deadline, requirement: '一周内清运完毕并建立保洁制度' })

    now = await ok(await act(t, unitUser.cookie, issue.id, 'accept'))
    expect(now.status).toBe('rectifying')
    now = await ok(await act(t, unitUser.cookie, issue.id, 'progress', { note: '已清运大部分垃圾', progress: 60 }))
    expect(now).toMatchObject({ status: 'rectifying', progress: 60 })
    now = await ok(await act(t, unitUser.cookie, issue.id, 'complete', { note: '垃圾已全部清运，设置垃圾箱两处' }))
    expect(now).toMatchObject({ status: 'rectified', progress: 100 })
    now = await ok(await act(t, staff.cookie, issue.id, 'return', { note: '现场复查仍有少量垃圾' }))
    expect(now.status).toBe('rectifying')
    now = await ok(await act(t, unitUser.cookie, issue.id, 'complete', { note: '已彻底清理' }))
    now = await ok(await act(t, staff.cookie, issue.id, 'verify', { note: '复查合格，予以销号' }))
    expect(now).toMatchObject({ status: 'closed', closedOn: today(), closedOnTime: true, overdue: false })

    // The deputy who reported it follows it to the end.
    const { body } = await getIssue(t, deputy.cookie, issue.id)
    expect(body!.issue.status).toBe('closed')
    expect(body!.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorName])).toEqual([
      ['create', null, 'reported', '刘海燕'],
      ['assign', 'reported', 'assigned', '李秀梅'],
      ['accept', 'assigned', 'rectifying', '陈立军'],
      ['progress', 'rectifying', 'rectifying', '陈立军'],
      ['complete', 'rectifying', 'rectified', '陈立军'],
      ['return', 'rectified', 'rectifying', '李秀梅'],
      ['complete', 'rectifying', 'rectified', '陈立军'],
      ['verify', 'rectified', 'closed', '李秀梅'],
    ])
    expect(body!.events[1]!.data).toMatchObject({ unitName: '平泉市住房和城乡建设局', deadline })
    expect(body!.events[5]!.note).toBe('现场复查仍有少量垃圾')
  })

  it('lets a unit decline (退办) with a reason, clearing unit and deadline, and staff re-assign it', async () => {
    const { t, unit, other, deputy, staff, unitUser, otherUnitUser } = await setup()
    const issue = await fileIssue(t, deputy.cookie)
    await ok(await act(t, staff.cookie, issue.id, 'assign', { unitId: unit.id, requirement: '整改', deadline: daysFromToday(10) }))
    const missingReason = await act(t, unitUser.cookie, issue.id, 'decline', {})
    expect(missingReason.status).toBe(400)
    expect((await errorOf(missingReason)).fields).toEqual({ note: '请填写退办理由' })

    const declined = await ok(await act(t, unitUser.cookie, issue.id, 'decline', { note: '该路段属镇政府管护范围' }))
    expect(declined).toMatchObject({ status: 'reported', unitId: null, deadline: null })
    // Once declined, the unit no longer sees it.
    expect((await getIssue(t, unitUser.cookie, issue.id)).res.status).toBe(404)

    const reassigned = await ok(await act(t, staff.cookie, issue.id, 'assign', { unitId: other.id, requirement: '整改', deadline: daysFromToday(10) }))
    expect(reassigned.unitName).toBe('平泉镇人民政府')
    expect((await getIssue(t, otherUnitUser.cookie, issue.id)).res.status).toBe(200)
  })

  it('lets staff re-assign an issue already being rectified to another unit', async () => {
    const { t, unit, other, deputy, staff, unitUser } = await setup()
    const issue = await fileIssue(t, deputy.cookie)
    await ok(await act(t, staff.cookie, issue.id, 'assign', { unitId: unit.id, requirement: '整改', deadline: daysFromToday(10) }))
    await ok(await act(t, unitUser.cookie, issue.id, 'accept'))
    await ok(await act(t, unitUser.cookie, issue.id, 'progress', { note: '推进中', progress: 30 }))
    const moved = await ok(await act(t, staff.cookie, issue.id, 'assign', { unitId: other.id, requirement: '改由镇政府牵头', deadline: daysFromToday(20), note: '职责调整' }))
    expect(moved).toMatchObject({ status: 'assigned', unitName: '平泉镇人民政府', progress: 0 })
    const { body } = await getIssue(t, staff.cookie, issue.id)
    expect(body!.events.at(-1)!.data).toMatchObject({ previousUnitName: '平泉市住房和城乡建设局', unitName: '平泉镇人民政府' })
  })

  it('lets staff reject a report with a reason (不予受理)', async () => {
    const { t, deputy, staff } = await setup()
    const issue = await fileIssue(t, deputy.cookie)
    const noReason = await act(t, staff.cookie, issue.id, 'reject', {})
    expect((await errorOf(noReason)).fields).toEqual({ note: '请填写不予受理的理由' })
    const rejected = await ok(await act(t, staff.cookie, issue.id, 'reject', { note: '与第 12 号问题重复' }))
    expect(rejected.status).toBe('rejected')
    const { body } = await getIssue(t, deputy.cookie, issue.id)
    expect(body!.events.at(-1)).toMatchObject({ action: 'reject', note: '与第 12 号问题重复' })
  })

  it('extends a deadline only to a later date, with a reason, keeping the status', async () => {
    const { t, unit, deputy, staff } = await setup()
    const issue = await fileIssue(t, deputy.cookie)
    const first = daysFromToday(5)
    await ok(await act(t, staff.cookie, issue.id, 'assign', { unitId: unit.id, requirement: '整改', deadline: first }))
    const earlier = await act(t, staff.cookie, issue.id, 'extend', { deadline: daysFromToday(3), note: '延期' })
    expect((await errorOf(earlier)).fields).toEqual({ deadline: `新的整改时限应晚于原时限 ${first}` })
    const later = daysFromToday(30)
    const extended = await ok(await act(t, staff.cookie, issue.id, 'extend', { deadline: later, note: '涉及资金审批，延期一个月' }))
    expect(extended).toMatchObject({ status: 'assigned', deadline: later })
    const { body } = await getIssue(t, staff.cookie, issue.id)
    expect(body!.events.at(-1)!.data).toEqual({ deadline: later, previousDeadline: first })
  })

  it('refuses to assign to a unit of another county, or with a deadline in the past', async () => {
    const { t, deputy, staff } = await setup()
    const foreign = await t.makeUnit('130825', '隆化县水务局')
    const issue = await fileIssue(t, deputy.cookie)
    const res = await act(t, staff.cookie, issue.id, 'assign', { unitId: foreign.id, requirement: '整改', deadline: daysFromToday(5) })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).fields).toEqual({ unitId: '请选择本县（市、区）的责任单位' })
    const { unit } = await setup()
    const past = await act(t, staff.cookie, issue.id, 'assign', { unitId: unit.id, requirement: '整改', deadline: daysFromToday(-1) })
    expect(past.status).toBe(400)
    const city = await t.actor({ role: 'city_staff' })
    const cityTry = await act(t, city.cookie, issue.id, 'assign', { unitId: foreign.id, requirement: '整改', deadline: daysFromToday(5) })
    expect((await errorOf(cityTry)).fields).toEqual({ unitId: '请选择本县（市、区）的责任单位' })
  })

  it('marks closedOnTime false when the fix was reported after the deadline', async () => {
    const { t, unit, deputy, staff, unitUser } = await setup()
    const issue = await fileIssue(t, deputy.cookie)
    await ok(await act(t, staff.cookie, issue.id, 'assign', { unitId: unit.id, requirement: '整改', deadline: daysFromToday(5) }))
    await ok(await act(t, unitUser.cookie, issue.id, 'accept'))
    await t.client.execute({ sql: 'update issues set deadline = ? where id = ?', args: [daysFromToday(-2), issue.id] })
    expect((await getIssue(t, staff.cookie, issue.id)).body!.issue.overdue).toBe(true)
    await ok(await act(t, unitUser.cookie, issue.id, 'complete', { note: '已完成' }))
    const closed = await ok(await act(t, staff.cookie, issue.id, 'verify'))
    expect(closed).toMatchObject({ status: 'closed', closedOnTime: false, overdue: false })
  })
})

describe('two people acting at once', () => {
  it('refuses a stale version with 409 and the current record, and writes nothing', async () => {
    const { t, unit, deputy, staff } = await setup()
    const issue = await fileIssue(t, deputy.cookie)
    const other = await t.actor({ role: 'county_staff', countyCode: PINGQUAN, name: '王芳' })
    const seen = issue.version
    await ok(await t.call('POST', `/api/v1/issues/${issue.id}/actions`, { cookie: other.cookie, body: { action: 'comment', note: '请尽快交办', version: seen } }))
    const res = await t.call('POST', `/api/v1/issues/${issue.id}/actions`, {
      cookie: staff.cookie,
      body: { action: 'assign', version: seen, unitId: unit.id, requirement: '整改', deadline: daysFromToday(5) },
    })
    expect(res.status).toBe(409)
    const err = (await res.json()) as { error: { code: string; message: string; current: IssueJson } }
    expect(err.error.code).toBe('conflict')
    expect(err.error.message).toContain('已被他人修改')
    expect(err.error.current).toMatchObject({ id: issue.id, status: 'reported', version: seen + 1 })
    const { body } = await getIssue(t, staff.cookie, issue.id)
    expect(body!.events.map((e) => e.action)).toEqual(['create', 'comment'])
  })

  it('lets exactly one of two simultaneous actions on the same version through', async () => {
    const { t, unit, other, deputy, staff } = await setup()
    const issue = await fileIssue(t, deputy.cookie)
    const body = (unitId: string) => ({ action: 'assign', version: issue.version, unitId, requirement: '整改', deadline: daysFromToday(5) })
    const results = await Promise.all([
      t.call('POST', `/api/v1/issues/${issue.id}/actions`, { cookie: staff.cookie, body: body(unit.id) }),
      t.call('POST', `/api/v1/issues/${issue.id}/actions`, { cookie: staff.cookie, body: body(other.id) }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const { body: detail } = await getIssue(t, staff.cookie, issue.id)
    expect(detail!.events.filter((e) => e.action === 'assign')).toHaveLength(1)
  })
})
