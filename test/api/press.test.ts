// 督办 (press): staff press the unit about an assigned or rectifying item with a note; the event
// and the press counter are one atomic write, exact under a burst; and 退办 stays visible.
import { describe, expect, it } from 'vitest'
import { makeTestApp, LONGHUA, PINGQUAN, type TestApp } from '../support/app'
import { act, daysFromToday, fileIssue, getIssue, type IssueJson } from '../support/issues'

async function setup() {
  const t = await makeTestApp()
  const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
  const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
  const city = await t.actor({ role: 'city_staff' })
  const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const unitUser = await t.actor({ role: 'unit', unitId: unit.id })
  const assigned = async () => {
    const i = await fileIssue(t, deputy.cookie)
    const res = await act(t, staff.cookie, i.id, 'assign', { unitId: unit.id, requirement: '限期清运', deadline: daysFromToday(10) })
    expect(res.status).toBe(200)
    return (await res.json()) as IssueJson
  }
  return { t, unit, staff, city, deputy, unitUser, assigned }
}

async function list(t: TestApp, cookie: string, qs: string) {
  const res = await t.call('GET', `/api/v1/issues?${qs}`, { cookie })
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: IssueJson[] }).items
}

describe('督办 (press)', () => {
  it('records the press on the timeline with its note and new requirement, and counts it', async () => {
    const { t, staff, unitUser, assigned } = await setup()
    const i = await assigned()
    expect(i.pressCount).toBe(0)
    const res = await act(t, staff.cookie, i.id, 'press', { note: '请于本周五前报送整改进展', requirement: '本周内清运完毕并拍照报送' })
    expect(res.status).toBe(200)
    const pressed = (await res.json()) as IssueJson
    expect(pressed).toMatchObject({ pressCount: 1, status: 'assigned', requirement: '本周内清运完毕并拍照报送', version: i.version + 1 })
    const { body } = await getIssue(t, unitUser.cookie, i.id)
    const event = body!.events.at(-1)!
    expect(event).toMatchObject({ action: 'press', fromStatus: 'assigned', toStatus: 'assigned', note: '请于本周五前报送整改进展', data: { pressCount: 1, requirement: '本周内清运完毕并拍照报送' } })
    expect((await list(t, unitUser.cookie, 'pressed=true')).map((x) => x.id)).toEqual([i.id])
    // The 督办 list's export: the open items with their light, days to the deadline and presses.
    const csv = await (await t.call('GET', '/api/v1/issues/export.csv?status=assigned,rectifying', { cookie: staff.cookie })).text()
    const [header, row] = csv.slice(1).trim().split('\r\n').map((l) => l.split(','))
    expect(row![header!.indexOf('督办次数')]).toBe('1')
    expect(row![header!.indexOf('亮灯')]).toBe('绿灯（按期）')
    expect(row![header!.indexOf('距整改时限（天）')]).toBe('10')
  })

  it('asks for the note, and refuses the unit (403), a reported item (409) and another county (404)', async () => {
    const { t, staff, unitUser, deputy, assigned } = await setup()
    const i = await assigned()
    const noNote = await act(t, staff.cookie, i.id, 'press', {})
    expect(noNote.status).toBe(400)
    expect(((await noNote.json()) as { error: { fields: Record<string, string> } }).error.fields.note).toBe('请填写督办意见')
    expect((await act(t, unitUser.cookie, i.id, 'press', { note: '催' })).status).toBe(403)
    const reported = await fileIssue(t, deputy.cookie)
    const early = await act(t, staff.cookie, reported.id, 'press', { note: '催' })
    expect(early.status).toBe(409)
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('invalid_transition')
    const other = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    expect((await act(t, other.cookie, i.id, 'press', { note: '催' })).status).toBe(404)
    expect((await getIssue(t, staff.cookie, i.id)).body!.issue.pressCount).toBe(0)
  })

  it("lets the city press any county's item", async () => {
    const { t, city, assigned } = await setup()
    const i = await assigned()
    const res = await act(t, city.cookie, i.id, 'press', { note: '市人大常委会办公室督办' })
    expect(res.status).toBe(200)
    expect(((await res.json()) as IssueJson).pressCount).toBe(1)
  })

  it('counts exactly under a burst of parallel presses: one event per press, never a lost one', { timeout: 60_000 }, async () => {
    const { t, staff, city, assigned } = await setup()
    const i = await assigned()
    const presses = 12
    // Each presser retries on 409 with the version the conflict answers, as the web does.
    const pressOnce = async (k: number) => {
      const cookie = k % 2 ? staff.cookie : city.cookie
      let version = i.version
      for (;;) {
        const res = await t.call('POST', `/api/v1/issues/${i.id}/actions`, { cookie, body: { action: 'press', version, note: `督办 ${k}` } })
        if (res.status === 200) return
        expect(res.status).toBe(409)
        version = ((await res.json()) as { error: { current: IssueJson } }).error.current.version
      }
    }
    await Promise.all(Array.from({ length: presses }, (_, k) => pressOnce(k)))
    const { body } = await getIssue(t, staff.cookie, i.id)
    expect(body!.issue.pressCount).toBe(presses)
    expect(body!.events.filter((e) => e.action === 'press')).toHaveLength(presses)
    expect(new Set(body!.events.filter((e) => e.action === 'press').map((e) => e.note)).size).toBe(presses)
  })
})

describe('退办 stays visible', () => {
  it("keeps the unit's reason on the item and in 被退办待重新交办 until staff assign it again", async () => {
    const { t, staff, deputy, unitUser, unit, assigned } = await setup()
    const i = await assigned()
    expect((await act(t, unitUser.cookie, i.id, 'decline', { note: '该路段不属于本单位管辖' })).status).toBe(200)
    for (const who of [staff, deputy]) {
      const { body } = await getIssue(t, who.cookie, i.id)
      expect(body!.issue).toMatchObject({ status: 'reported', declinedNote: '该路段不属于本单位管辖', unitId: null })
    }
    expect((await list(t, staff.cookie, 'declined=true')).map((x) => x.id)).toEqual([i.id])
    const other = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    expect(await list(t, other.cookie, 'declined=true')).toEqual([])

    expect((await act(t, staff.cookie, i.id, 'assign', { unitId: unit.id, requirement: '限期清运', deadline: daysFromToday(10) })).status).toBe(200)
    expect((await getIssue(t, staff.cookie, i.id)).body!.issue.declinedNote).toBeNull()
    expect(await list(t, staff.cookie, 'declined=true')).toEqual([])
  })

  it('forgets the reason when staff reject the declined item instead', async () => {
    const { t, staff, unitUser, assigned } = await setup()
    const i = await assigned()
    await act(t, unitUser.cookie, i.id, 'decline', { note: '不属于本单位' })
    expect((await act(t, staff.cookie, i.id, 'reject', { note: '重复反映' })).status).toBe(200)
    expect(await list(t, staff.cookie, 'declined=true')).toEqual([])
  })
})
