// Group activities (集体活动): a group's leader or staff of its county record one activity with
// its participants; confirmed once, it is in each participant's 履职档案 as a group activity,
// counts once in the county's figures, credits its outcomes once to the group and makes every
// participant count as active.
import { describe, expect, it } from 'vitest'
import { errorOf, LONGHUA, makeTestApp, PINGQUAN, type TestApp } from '../support/app'
import { activityBody, review, type ActivityJson } from '../support/activities'
import { rebuildCounters } from '../../worker/stats/recount'

const YEAR = 2024
const DATE = '2024-05-10'

interface GroupActivity extends ActivityJson {
  groupId: string | null
  group: { id: string; name: string } | null
  participants: { id: string; name: string; invited: boolean }[]
}

/** A county's group of three members (the first leads it), one deputy outside it, and staff. */
async function setUp(t: TestApp, countyCode = PINGQUAN) {
  const staff = await t.actor({ role: 'county_staff', countyCode })
  const leader = await t.actor({ role: 'deputy', countyCode, name: '组长甲' })
  const member = await t.actor({ role: 'deputy', countyCode, name: '成员乙' })
  const idle = await t.actor({ role: 'deputy', countyCode, name: '成员丙' })
  const guest = await t.actor({ role: 'deputy', countyCode, name: '特邀丁', level: 'city' })
  const res = await t.call('POST', '/api/v1/groups', {
    cookie: staff.cookie,
    body: { name: '乡村产业代表小组', year: YEAR, fieldCodes: ['rural_industry', 'rural_living'], leaderId: leader.user.id, memberIds: [leader.user.id, member.user.id, idle.user.id] },
  })
  expect(res.status).toBe(201)
  const { id: groupId } = (await res.json()) as { id: string }
  await rebuildCounters(t.db) // the deputies above were written directly
  return { staff, leader, member, idle, guest, groupId }
}

const groupBody = (groupId: string, participantIds: string[], overrides: Record<string, unknown> = {}) =>
  activityBody({ date: DATE, groupId, participantIds, outcomes: { policy_talk: 1, opinion: 0, deed: 2, mentoring: 0 }, introductions: [{ type: 'funds', name: '冷库建设资金', amount: 20 }], ...overrides })

async function post(t: TestApp, cookie: string, body: unknown) {
  return t.call('POST', '/api/v1/activities', { cookie, body })
}

async function record(t: TestApp, deputyId: string, cookie: string) {
  const res = await t.call('GET', `/api/v1/deputies/${deputyId}/record?year=${YEAR}`, { cookie })
  expect(res.status).toBe(200)
  return (await res.json()) as { activities: number; confirmed: number; groupActivities: number; outcomes: Record<string, number>; introductions: Record<string, number>; byVenue: Record<string, number>; confirmedActivities: GroupActivity[] }
}

async function countyStats(t: TestApp, cookie: string) {
  const res = await t.call('GET', `/api/v1/stats/activities?year=${YEAR}&countyCode=${PINGQUAN}`, { cookie })
  return ((await res.json()) as { rows: { activities: number; confirmed: number; activeDeputies: number; deputies: number; outcomes: Record<string, number>; fundsAmount: number }[] }).rows[0]!
}

describe('group activities', () => {
  it('lets the leader record one for the group with members and an invited deputy, under the leader’s name', async () => {
    const t = await makeTestApp()
    const { leader, member, guest, groupId } = await setUp(t)
    const id = crypto.randomUUID()
    const body = { ...groupBody(groupId, [member.user.id, leader.user.id, guest.user.id]), id }
    const res = await post(t, leader.cookie, body)
    expect(res.status).toBe(201)
    const a = (await res.json()) as GroupActivity
    expect(a).toMatchObject({ id, groupId, group: { id: groupId, name: '乡村产业代表小组' }, deputyId: leader.user.id, countyCode: PINGQUAN, status: 'submitted' })
    // Members first by name, then the invited.
    expect(a.participants).toEqual([
      { id: member.user.id, name: '成员乙', invited: false },
      { id: leader.user.id, name: '组长甲', invited: false },
      { id: guest.user.id, name: '特邀丁', invited: true },
    ])
    // A retry answers the same activity and records nothing more; the same id with other content is 409.
    const again = await post(t, leader.cookie, body)
    expect(again.status).toBe(200)
    expect(((await again.json()) as GroupActivity).participants).toHaveLength(3)
    const changed = await post(t, leader.cookie, { ...body, participantIds: [member.user.id] })
    expect(changed.status).toBe(409)
    const list = (await (await t.call('GET', `/api/v1/activities?groupId=${groupId}`, { cookie: leader.cookie })).json()) as { items: GroupActivity[] }
    expect(list.items.map((i) => i.id)).toEqual([id])
    const n = await t.client.execute({ sql: 'select count(*) as n from activity_participants where activity_id = ?', args: [id] })
    expect(Number(n.rows[0]!.n)).toBe(3)
  })

  it('lets staff of the county record one (a group without a leader goes under its first participant), and city staff any county’s', async () => {
    const t = await makeTestApp()
    const { staff, member, idle, groupId } = await setUp(t)
    const res = await post(t, staff.cookie, groupBody(groupId, [member.user.id, idle.user.id]))
    expect(res.status).toBe(201)
    expect(((await res.json()) as GroupActivity).participants.map((p) => p.invited)).toEqual([false, false])
    const city = await t.actor({ role: 'city_staff' })
    expect((await post(t, city.cookie, groupBody(groupId, [idle.user.id]))).status).toBe(201)
    await t.client.execute({ sql: 'update deputy_groups set leader_id = null where id = ?', args: [groupId] })
    const noLeader = (await (await post(t, staff.cookie, groupBody(groupId, [idle.user.id, member.user.id]))).json()) as GroupActivity
    expect(noLeader.deputyId).toBe(idle.user.id)
  })

  it('refuses a member who does not lead the group (403), another county’s staff and deputies (404) and units (403)', async () => {
    const t = await makeTestApp()
    const { member, leader, groupId } = await setUp(t)
    const body = groupBody(groupId, [member.user.id, leader.user.id])
    const notLeader = await post(t, member.cookie, body)
    expect(notLeader.status).toBe(403)
    expect((await errorOf(notLeader)).message).toContain('组长')
    const otherStaff = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    expect((await post(t, otherStaff.cookie, body)).status).toBe(404)
    const otherDeputy = await t.actor({ role: 'deputy', countyCode: LONGHUA })
    expect((await post(t, otherDeputy.cookie, body)).status).toBe(404)
    const unit = await t.actor({ role: 'unit', countyCode: PINGQUAN })
    expect((await post(t, unit.cookie, body)).status).toBe(403)
    expect((await post(t, leader.cookie, groupBody(crypto.randomUUID(), [leader.user.id]))).status).toBe(404)
    const n = await t.client.execute('select count(*) as n from activities')
    expect(Number(n.rows[0]!.n)).toBe(0)
  })

  it('checks the participants and the year, with a Chinese message for the field and nothing recorded', async () => {
    const t = await makeTestApp()
    const { leader, member, staff, groupId } = await setUp(t)
    const elsewhere = await t.makeUser({ role: 'deputy', countyCode: LONGHUA })
    const ended = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN })
    await t.client.execute({ sql: 'update users set active = 0 where id = ?', args: [ended.id] })
    const cases: [Record<string, unknown>, string][] = [
      [groupBody(groupId, []), 'participantIds'],
      [groupBody(groupId, [member.user.id, member.user.id]), 'participantIds'],
      [groupBody(groupId, [member.user.id, elsewhere.id]), 'participantIds'],
      [groupBody(groupId, [member.user.id, ended.id]), 'participantIds'],
      [groupBody(groupId, [member.user.id, staff.user.id]), 'participantIds'],
      [{ ...groupBody(groupId, [member.user.id]), participantIds: undefined }, 'participantIds'],
      [groupBody(groupId, [member.user.id], { date: '2025-03-01' }), 'date'],
      [{ ...groupBody(groupId, [member.user.id]), deputyId: member.user.id }, 'deputyId'],
      [activityBody({ date: DATE, participantIds: [member.user.id] }), 'participantIds'],
    ]
    for (const [body, field] of cases) {
      const res = await post(t, leader.cookie, body)
      expect(res.status, field).toBe(400)
      const e = await errorOf(res)
      expect(e.code).toBe('validation_failed')
      expect(e.fields?.[field], JSON.stringify(body)).toMatch(/[\u4e00-\u9fff]/)
    }
    const n = await t.client.execute('select count(*) as n from activities')
    expect(Number(n.rows[0]!.n)).toBe(0)
  })

  it('once confirmed, is in each participant’s record as a group activity, counts once for the county and credits its outcomes to the group', async () => {
    const t = await makeTestApp()
    const { staff, leader, member, idle, guest, groupId } = await setUp(t)
    const a = (await (await post(t, leader.cookie, groupBody(groupId, [member.user.id, guest.user.id]))).json()) as GroupActivity
    // Submitted, it is in nobody's record figures yet and nobody is active.
    expect((await record(t, member.user.id, staff.cookie)).confirmed).toBe(0)
    expect((await countyStats(t, staff.cookie)).activeDeputies).toBe(0)
    const confirmed = await review(t, staff.cookie, a, 'confirm')
    expect(confirmed.status).toBe(200)
    // Confirmed once: a second confirmation is refused.
    expect((await review(t, staff.cookie, { id: a.id, version: a.version + 1 }, 'confirm')).status).toBe(409)

    for (const who of [member, guest]) {
      const r = await record(t, who.user.id, who.cookie)
      expect(r).toMatchObject({ activities: 1, confirmed: 1, groupActivities: 1, byVenue: expect.objectContaining({ village: 1 }) })
      expect(r.outcomes).toEqual({ policy_talk: 0, opinion: 0, deed: 0, mentoring: 0 })
      expect(r.introductions).toMatchObject({ funds: 0, fundsAmount: 0 })
      expect(r.confirmedActivities).toEqual([expect.objectContaining({ id: a.id, groupId, group: { id: groupId, name: '乡村产业代表小组' } })])
    }
    // The leader recorded it without taking part; the idle member took no part either.
    for (const who of [leader, idle]) expect(await record(t, who.user.id, staff.cookie)).toMatchObject({ activities: 0, confirmed: 0, groupActivities: 0 })

    const county = await countyStats(t, staff.cookie)
    expect(county).toMatchObject({ activities: 1, confirmed: 1, activeDeputies: 2, deputies: 4, fundsAmount: 20 })
    expect(county.outcomes).toMatchObject({ policy_talk: 1, deed: 2 })

    const byGroup = (await (await t.call('GET', `/api/v1/stats/groups/activities?year=${YEAR}`, { cookie: staff.cookie })).json()) as {
      rows: { groupId: string; activities: number; participations: number; outcomes: Record<string, number>; introductions: Record<string, number>; fundsAmount: number; memberCount: number }[]
      fields: { fieldCode: string; groups: number; activities: number }[]
      totals: { groups: number; activities: number }
    }
    expect(byGroup.rows).toEqual([
      expect.objectContaining({ groupId, activities: 1, participations: 2, memberCount: 3, fundsAmount: 20, outcomes: { policy_talk: 1, opinion: 0, deed: 2, mentoring: 0 }, introductions: expect.objectContaining({ funds: 1 }) }),
    ])
    expect(byGroup.fields.find((f) => f.fieldCode === 'rural_industry')).toMatchObject({ groups: 1, activities: 1 })
    expect(byGroup.fields.find((f) => f.fieldCode === 'groundwater')).toMatchObject({ groups: 0, activities: 0 })
    expect(byGroup.totals).toMatchObject({ groups: 1, activities: 1 })

    // The one who took part reads the activity; another deputy of the county does not.
    expect((await t.call('GET', `/api/v1/activities/${a.id}`, { cookie: guest.cookie })).status).toBe(200)
    expect((await t.call('GET', `/api/v1/activities/${a.id}`, { cookie: idle.cookie })).status).toBe(404)
  })

  it('counts a deputy active once however many activities, own and group, they have', async () => {
    const t = await makeTestApp()
    const { staff, leader, member, groupId } = await setUp(t)
    const own = (await (await post(t, member.cookie, activityBody({ date: DATE }))).json()) as GroupActivity
    expect((await review(t, staff.cookie, own, 'confirm')).status).toBe(200)
    for (const ids of [[member.user.id], [member.user.id, leader.user.id]]) {
      const a = (await (await post(t, leader.cookie, groupBody(groupId, ids))).json()) as GroupActivity
      expect((await review(t, staff.cookie, a, 'confirm')).status).toBe(200)
    }
    expect(await countyStats(t, staff.cookie)).toMatchObject({ activities: 3, confirmed: 3, activeDeputies: 2 })
    const r = await record(t, member.user.id, member.cookie)
    expect(r).toMatchObject({ activities: 3, confirmed: 3, groupActivities: 2 })
    // Only the own activity's outcomes are the deputy's.
    expect(r.outcomes).toEqual({ policy_talk: 1, opinion: 2, deed: 0, mentoring: 1 })
  })

  it('gives each participant the group activity once in the commendation table, apart from their own activities and outcomes', async () => {
    const t = await makeTestApp()
    const { staff, leader, member, idle, groupId } = await setUp(t)
    const own = (await (await post(t, member.cookie, activityBody({ date: DATE, venue: 'school', introductions: [] }))).json()) as GroupActivity
    expect((await review(t, staff.cookie, own, 'confirm')).status).toBe(200)
    const a = (await (await post(t, leader.cookie, groupBody(groupId, [member.user.id, leader.user.id], { venue: 'village' }))).json()) as GroupActivity
    expect((await review(t, staff.cookie, a, 'confirm')).status).toBe(200)
    const res = await t.call('GET', `/api/v1/stats/commendation?year=${YEAR}&sort=name`, { cookie: staff.cookie })
    expect(res.status).toBe(200)
    type Row = { deputyId: string; activities: number; groupActivities: number; venues: string[]; fourBatches: number; introductionsMet: string[] }
    const rows = new Map(((await res.json()) as { items: Row[] }).items.map((r) => [r.deputyId, r]))
    // The group's 四个一批 and 五个引进 are the group's: neither the leader nor the member gets them.
    expect(rows.get(member.user.id)).toMatchObject({ activities: 1, groupActivities: 1, venues: ['school'], fourBatches: 4, introductionsMet: [] })
    expect(rows.get(leader.user.id)).toMatchObject({ activities: 0, groupActivities: 1, venues: [], fourBatches: 0, introductionsMet: [] })
    expect(rows.get(idle.user.id)).toMatchObject({ activities: 0, groupActivities: 0 })
    // What the counters hold is what a recount gives.
    const before = await t.client.execute('select * from deputy_year_counts order by deputy_id, year')
    await rebuildCounters(t.db)
    expect((await t.client.execute('select * from deputy_year_counts order by deputy_id, year')).rows).toEqual(before.rows)
  })

  it('is edited by its leader or county staff while not confirmed (participants too), returned and resubmitted like any activity', async () => {
    const t = await makeTestApp()
    const { staff, leader, member, idle, groupId } = await setUp(t)
    const a = (await (await post(t, leader.cookie, groupBody(groupId, [member.user.id]))).json()) as GroupActivity
    const edit = (who: { cookie: string }, version: number, extra: Record<string, unknown> = {}) =>
      t.call('PUT', `/api/v1/activities/${a.id}`, { cookie: who.cookie, body: { ...groupBody(groupId, [member.user.id, idle.user.id]), version, ...extra } })
    expect((await edit(member, a.version)).status).toBe(403)
    const byLeader = await edit(leader, a.version)
    expect(byLeader.status).toBe(200)
    const edited = (await byLeader.json()) as GroupActivity
    expect(edited.participants.map((p) => p.id).sort()).toEqual([member.user.id, idle.user.id].sort())
    expect((await edit(leader, a.version)).status).toBe(409)
    expect((await edit(leader, edited.version, { date: '2025-01-02' })).status).toBe(400)
    const returned = (await (await review(t, staff.cookie, edited, 'return', '请补充参加人员')).json()) as GroupActivity
    const byStaff = await edit(staff, returned.version, { participantIds: [idle.user.id] })
    expect(byStaff.status).toBe(200)
    const resubmitted = (await byStaff.json()) as GroupActivity
    expect(resubmitted).toMatchObject({ status: 'submitted', participants: [expect.objectContaining({ id: idle.user.id })] })
    expect((await review(t, staff.cookie, resubmitted, 'confirm')).status).toBe(200)
    expect((await record(t, idle.user.id, staff.cookie)).groupActivities).toBe(1)
    expect((await record(t, member.user.id, staff.cookie)).groupActivities).toBe(0)
    expect((await countyStats(t, staff.cookie)).activeDeputies).toBe(1)
  })

  it('keeps one county’s group figures from another county’s staff', async () => {
    const t = await makeTestApp()
    const { leader, groupId } = await setUp(t)
    expect((await post(t, leader.cookie, groupBody(groupId, [leader.user.id]))).status).toBe(201)
    const other = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    const own = (await (await t.call('GET', `/api/v1/stats/groups/activities?year=${YEAR}`, { cookie: other.cookie })).json()) as { rows: unknown[] }
    expect(own.rows).toEqual([])
    const asked = (await (await t.call('GET', `/api/v1/stats/groups/activities?year=${YEAR}&countyCode=${PINGQUAN}`, { cookie: other.cookie })).json()) as { rows: unknown[] }
    expect(asked.rows).toEqual([])
    expect((await t.call('GET', `/api/v1/stats/groups/activities?year=${YEAR}`, { cookie: leader.cookie })).status).toBe(403)
    const list = (await (await t.call('GET', `/api/v1/activities?groupId=${groupId}`, { cookie: other.cookie })).json()) as { items: unknown[] }
    expect(list.items).toEqual([])
  })
})
