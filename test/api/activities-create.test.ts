import { describe, expect, it } from 'vitest'
import { count } from 'drizzle-orm'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN } from '../support/app'
import { activityBody, recordActivity, type ActivityJson } from '../support/activities'
import { activities, activityIntroductions, activityTags } from '../../worker/db/schema'
import { todayInShanghai } from '../../worker/core/dates'
import { ok } from '../support/clock'

const tomorrow = () => todayInShanghai(new Date(Date.now() + 86400_000))

describe('recording an activity', () => {
  it("stores a deputy's activity with its outcomes, introductions and tags, status submitted", async () => {
    const t = await makeTestApp()
    const { cookie, user } = await t.actor({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕' })
    const res = await t.call('POST', '/api/v1/activities', { cookie, body: activityBody({ tags: ['five_sends', 'three_visits', 'five_sends'] }) })
    expect(res.status).toBe(201)
    const a = (await res.json()) as ActivityJson
    expect(a).toMatchObject({
      deputyId: user.id,
      deputyName: '刘海燕',
      countyCode: PINGQUAN,
      year: Number(todayInShanghai().slice(0, 4)),
      venue: 'village',
      status: 'submitted',
      reviewNote: null,
      tags: ['five_sends', 'three_visits'],
      outcomes: { policy_talk: 1, opinion: 2, deed: 0, mentoring: 1 },
      introductions: [{ type: 'funds', name: '食用菌冷库建设资金', amount: 35.5 }],
      version: 1,
    })
    const fetched = await t.call('GET', `/api/v1/activities/${a.id}`, { cookie })
    expect(await fetched.json()).toEqual(a)
  })

  it('answers a retried create with 200 and stores nothing twice', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy' })
    const body = activityBody({ id: crypto.randomUUID(), tags: ['three_visits', 'four_must_visits'] })
    expect((await t.call('POST', '/api/v1/activities', { cookie, body })).status).toBe(201)
    const again = await t.call('POST', '/api/v1/activities', { cookie, body })
    expect(again.status).toBe(200)
    expect(((await again.json()) as ActivityJson).introductions).toHaveLength(1)
    expect((await t.db.select({ n: count() }).from(activities))[0]!.n).toBe(1)
    expect((await t.db.select({ n: count() }).from(activityIntroductions))[0]!.n).toBe(1)
    expect((await t.db.select({ n: count() }).from(activityTags))[0]!.n).toBe(2)
  })

  it('refuses the same id with another body, or from another user (409), changing nothing', async () => {
    const t = await makeTestApp()
    const a = await t.actor({ role: 'deputy' })
    const b = await t.actor({ role: 'deputy' })
    const id = crypto.randomUUID()
    await ok(t.call('POST', '/api/v1/activities', { cookie: a.cookie, body: activityBody({ id }) }), 201)
    const more = activityBody({ id, introductions: [{ type: 'talent', name: '农技专家' }, { type: 'funds', name: '资金', amount: 1 }, { type: 'technology', name: '技术' }] })
    expect((await t.call('POST', '/api/v1/activities', { cookie: a.cookie, body: more })).status).toBe(409)
    expect((await t.call('POST', '/api/v1/activities', { cookie: b.cookie, body: activityBody({ id }) })).status).toBe(409)
    expect((await t.db.select({ n: count() }).from(activityIntroductions))[0]!.n).toBe(1)
  })

  it('lets county staff record for a deputy of their county only, and city staff for any', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const mine = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN })
    const theirs = await t.makeUser({ role: 'deputy', countyCode: LONGHUA })
    const ok = await t.call('POST', '/api/v1/activities', { cookie: staff.cookie, body: activityBody({ deputyId: mine.id }) })
    expect(ok.status).toBe(201)
    expect(((await ok.json()) as ActivityJson).deputyId).toBe(mine.id)
    const foreign = await t.call('POST', '/api/v1/activities', { cookie: staff.cookie, body: activityBody({ deputyId: theirs.id }) })
    expect((await errorOf(foreign)).fields).toEqual({ deputyId: '没有这位代表，或不属于本县（市、区）' })
    const none = await t.call('POST', '/api/v1/activities', { cookie: staff.cookie, body: activityBody() })
    expect((await errorOf(none)).fields).toEqual({ deputyId: '请选择代表' })
    const city = await t.actor({ role: 'city_staff' })
    expect((await t.call('POST', '/api/v1/activities', { cookie: city.cookie, body: activityBody({ deputyId: theirs.id }) })).status).toBe(201)
  })

  it('refuses a deputy recording for someone else (403), and units (403)', async () => {
    const t = await makeTestApp()
    const deputy = await t.actor({ role: 'deputy' })
    const other = await t.makeUser({ role: 'deputy' })
    expect((await t.call('POST', '/api/v1/activities', { cookie: deputy.cookie, body: activityBody({ deputyId: other.id }) })).status).toBe(403)
    const unit = await t.actor({ role: 'unit' })
    expect((await t.call('POST', '/api/v1/activities', { cookie: unit.cookie, body: activityBody() })).status).toBe(403)
  })
})

describe('validating an activity', () => {
  const cases: [string, Record<string, unknown>, Record<string, string>][] = [
    ['a future date', { date: 'TOMORROW' }, { date: '活动日期不能晚于今天' }],
    ['a date before the term', { date: '2021-12-31' }, { date: '活动日期不能早于本届任期首年（2022 年）' }],
    ['a malformed date', { date: '2022/5/1' }, { date: '活动日期格式应为 年-月-日，如 2022-05-01' }],
    ['an unknown venue', { venue: 'karaoke' }, { venue: '请选择活动载体（九进）' }],
    ['an empty title', { title: ' ' }, { title: '请填写活动主题' }],
    ['a negative count', { outcomes: { opinion: -1 } }, { 'outcomes.opinion': '反映社情民意应在 0 到 999 之间' }],
    ['a count over 999', { outcomes: { deed: 1000 } }, { 'outcomes.deed': '办成惠民实事应在 0 到 999 之间' }],
    ['a fractional count', { outcomes: { mentoring: 1.5 } }, { 'outcomes.mentoring': '带动骨干力量应为整数' }],
    ['an unknown tag', { tags: ['karaoke'] }, { 'tags.0': '未知的活动标签' }],
    ['funds without an amount', { introductions: [{ type: 'funds', name: '资金' }] }, { 'introductions.0.amount': '请填写资金金额（万元）' }],
    ['an amount on a talent', { introductions: [{ type: 'talent', name: '专家', amount: 3 }] }, { 'introductions.0.amount': '只有“引进一笔发展资金”填写金额' }],
    ['a zero amount', { introductions: [{ type: 'funds', name: '资金', amount: 0 }] }, { 'introductions.0.amount': '金额应大于 0' }],
    ['three decimals', { introductions: [{ type: 'funds', name: '资金', amount: 1.005 }] }, { 'introductions.0.amount': '金额最多保留两位小数' }],
    ['an unnamed introduction', { introductions: [{ type: 'technology', name: '' }] }, { 'introductions.0.name': '请填写引进名称' }],
    ['an unknown introduction type', { introductions: [{ type: 'tourists', name: 'x' }] }, { 'introductions.0.type': '请选择引进类别' }],
  ]
  it.each(cases)('refuses %s and stores nothing', async (_name, change, fields) => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy' })
    const body = activityBody(change.date === 'TOMORROW' ? { date: tomorrow() } : change)
    const res = await t.call('POST', '/api/v1/activities', { cookie, body })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).fields).toEqual(fields)
    expect((await t.db.select({ n: count() }).from(activities))[0]!.n).toBe(0)
  })

  it('keeps amounts exact to the fen (two decimals of 万元)', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy' })
    const a = await recordActivity(t, cookie, { introductions: [{ type: 'funds', name: 'a', amount: 0.1 }, { type: 'funds', name: 'b', amount: 0.2 }, { type: 'funds', name: 'c', amount: 1234.56 }] })
    expect(a.introductions.map((i) => i.amount)).toEqual([0.1, 0.2, 1234.56])
  })
})
