// Every statistics endpoint against a small hand-built ledger whose figures are written out here.
import '../support/clock'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN, type TestApp } from '../support/app'
import { activityBody } from '../support/activities'
import { act, daysFromToday, fileIssue, today } from '../support/issues'
import { ok } from '../support/clock'
import { rebuildCounters } from '../../worker/stats/recount'
import { yearInShanghai } from '../../worker/core/dates'

let t: TestApp
let staff: string
let city: string
const ids: Record<string, string> = {}
const year = yearInShanghai()

beforeAll(async () => {
  t = await makeTestApp()
  const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
  staff = (await t.actor({ role: 'county_staff', countyCode: PINGQUAN })).cookie
  city = (await t.actor({ role: 'city_staff' })).cookie
  const unitCookie = (await t.actor({ role: 'unit', unitId: unit.id })).cookie
  const d1 = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  const d2 = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  await t.actor({ role: 'deputy', countyCode: PINGQUAN }) // a deputy with no activity lowers coverage
  await t.actor({ role: 'deputy', countyCode: LONGHUA })
  await rebuildCounters(t.db) // the people above were written directly
  Object.assign(ids, { d1: d1.user.id, d2: d2.user.id })

  const assign = (id: string) => ok(act(t, staff, id, 'assign', { unitId: unit.id, requirement: '整改', deadline: daysFromToday(10) }), 200)
  const finish = async (id: string) => {
    await ok(act(t, unitCookie, id, 'accept'), 200)
    await ok(act(t, unitCookie, id, 'complete', { note: '完成' }), 200)
    await ok(act(t, staff, id, 'verify'), 200)
  }
  await fileIssue(t, d1.cookie, { fieldCode: 'rural_living', township: '平泉镇' }) // reported
  const overdue = await fileIssue(t, d1.cookie, { fieldCode: 'rural_living', township: '平泉镇' })
  await assign(overdue.id)
  await t.client.execute({ sql: 'update issues set deadline = ? where id = ?', args: [daysFromToday(-1), overdue.id] }) // assigned, overdue
  const onTime = await fileIssue(t, d1.cookie, { fieldCode: 'rural_living', township: '杨树岭镇' })
  await assign(onTime.id)
  await finish(onTime.id) // closed on time
  const late = await fileIssue(t, d2.cookie, { fieldCode: 'groundwater', township: '杨树岭镇' })
  await assign(late.id)
  await t.client.execute({ sql: 'update issues set deadline = ? where id = ?', args: [daysFromToday(-3), late.id] })
  await finish(late.id) // closed late
  const dup = await fileIssue(t, d2.cookie, { fieldCode: 'groundwater', township: '平泉镇' })
  await ok(act(t, staff, dup.id, 'reject', { note: '重复' }), 200) // rejected: not in total

  const record = async (cookie: string, body: Record<string, unknown>) =>
    (await (await ok(t.call('POST', '/api/v1/activities', { cookie, body: activityBody(body) }), 201)).json()) as { id: string; version: number }
  const review = (a: { id: string; version: number }, decision: string) => ok(t.call('POST', `/api/v1/activities/${a.id}/review`, { cookie: staff, body: { decision, note: '退回', version: a.version } }), 200)
  await review(await record(d1.cookie, { outcomes: { policy_talk: 2, opinion: 1 }, introductions: [{ type: 'funds', name: '资金', amount: 100.5 }] }), 'confirm')
  await review(await record(d1.cookie, { outcomes: { deed: 3 }, introductions: [{ type: 'talent', name: '人才' }, { type: 'funds', name: '资金', amount: 20 }] }), 'confirm')
  await review(await record(d2.cookie, { outcomes: { opinion: 9 }, introductions: [{ type: 'technology', name: '技术' }] }), 'return') // returned: not counted
  await record(d2.cookie, { outcomes: { opinion: 5 } }) // submitted: not counted

  for (const type of ['inspection', 'inquiry', 'inquiry']) {
    await ok(t.call('POST', '/api/v1/five-ones', { cookie: staff, body: { countyCode: PINGQUAN, year, type, date: today(), title: '五个一' } }), 201)
  }
  await ok(t.call('POST', '/api/v1/five-ones', { cookie: city, body: { countyCode: '130800', year, type: 'exchange', date: today(), title: '全市交流会' } }), 201)
  await rebuildCounters(t.db) // two deadlines above were moved into the past directly
})

describe('supervision figures', () => {
  it('count each status by county and field, with overdue, totals without rejected, closure and on-time rates', async () => {
    const res = (await (await t.call('GET', `/api/v1/stats/supervision?year=${year}`, { cookie: staff })).json()) as {
      rows: Record<string, unknown>[]
      totals: Record<string, number>
      closureRate: number
      onTimeRate: number
    }
    expect(res.rows).toHaveLength(7) // one county × the year's seven fields
    expect(res.rows.find((r) => r.fieldCode === 'rural_living')).toMatchObject({ countyCode: PINGQUAN, reported: 1, assigned: 1, rectifying: 0, rectified: 0, closed: 1, rejected: 0, overdue: 1, total: 3 })
    expect(res.rows.find((r) => r.fieldCode === 'groundwater')).toMatchObject({ closed: 1, rejected: 1, overdue: 0, total: 1 })
    expect(res.rows.find((r) => r.fieldCode === 'dev_zones')).toMatchObject({ total: 0, closureRate: 0 })
    expect(res.totals).toMatchObject({ reported: 1, assigned: 1, closed: 2, rejected: 1, overdue: 1, total: 4 })
    expect(res.closureRate).toBe(0.5)
    expect(res.onTimeRate).toBe(0.5)
  })

  it('break a county down by township', async () => {
    const res = (await (await t.call('GET', `/api/v1/stats/supervision?year=${year}&groupBy=township`, { cookie: staff })).json()) as { rows: Record<string, unknown>[] }
    expect(res.rows.find((r) => r.township === '平泉镇')).toMatchObject({ reported: 1, assigned: 1, rejected: 1, total: 2, overdue: 1 })
    expect(res.rows.find((r) => r.township === '杨树岭镇')).toMatchObject({ closed: 2, total: 2 })
  })

  it('give every township row, 未填写乡镇 included, the total of the ledger filtered to it', async () => {
    // A ledger of its own: the figures written out above stay as they are.
    const own = await makeTestApp()
    const ownStaff = (await own.actor({ role: 'county_staff', countyCode: PINGQUAN })).cookie
    for (const township of ['平泉镇', '平泉镇', '杨树岭镇', '', '']) await fileIssue(own, ownStaff, { fieldCode: 'groundwater', township })
    const res = (await (await own.call('GET', `/api/v1/stats/supervision?year=${year}&groupBy=township`, { cookie: ownStaff })).json()) as { rows: { township: string; total: number }[] }
    expect(res.rows.map((r) => [r.township, r.total]).sort()).toEqual([['', 2], ['平泉镇', 2], ['杨树岭镇', 1]])
    for (const row of res.rows) {
      const qs = `year=${year}&countyCode=${PINGQUAN}&status=reported,assigned,rectifying,rectified,closed&township=${encodeURIComponent(row.township)}`
      const list = (await (await ok(own.call('GET', `/api/v1/issues?${qs}&limit=200`, { cookie: ownStaff }), 200)).json()) as { items: { township: string }[] }
      expect(list.items.length, row.township).toBe(row.total)
      expect(list.items.every((i) => i.township === row.township)).toBe(true)
    }
  })

  it('give a past year no figures', async () => {
    const res = (await (await t.call('GET', `/api/v1/stats/supervision?year=2022`, { cookie: staff })).json()) as { totals: { total: number } }
    expect(res.totals.total).toBe(0)
  })
})

describe('activity figures', () => {
  it('count confirmed activities only, and coverage over every deputy on the roster', async () => {
    const res = (await (await t.call('GET', `/api/v1/stats/activities?year=${year}`, { cookie: staff })).json()) as { rows: Record<string, unknown>[] }
    expect(res.rows).toEqual([
      {
        countyCode: PINGQUAN,
        deputies: 3,
        activeDeputies: 1,
        coverage: 1 / 3,
        activities: 4,
        confirmed: 2,
        outcomes: { policy_talk: 2, opinion: 1, deed: 3, mentoring: 0 },
        introductions: { market_entity: 0, green_project: 0, funds: 2, talent: 1, technology: 0 },
        fundsAmount: 120.5,
      },
    ])
  })

  it('lists exactly the activities behind 引进资金 with ?introduction=funds', async () => {
    const stats = (await (await t.call('GET', `/api/v1/stats/activities?year=${year}`, { cookie: staff })).json()) as { totals: { introductions: { funds: number }; fundsAmount: number } }
    const list = async (qs: string) =>
      ((await (await ok(t.call('GET', `/api/v1/activities?year=${year}&${qs}`, { cookie: staff }), 200)).json()) as { items: { status: string; introductions: { type: string; amount?: number }[] }[] }).items
    const funded = await list('status=confirmed&introduction=funds')
    expect(funded).toHaveLength(2)
    const funds = funded.flatMap((a) => a.introductions.filter((i) => i.type === 'funds'))
    expect(funds.length).toBe(stats.totals.introductions.funds)
    expect(funds.reduce((s, i) => s + (i.amount ?? 0), 0)).toBe(stats.totals.fundsAmount)
    // Without the status: the submitted one with funds too, and never one without funds.
    const any = await list('introduction=funds')
    expect(any.map((a) => a.status).sort()).toEqual(['confirmed', 'confirmed', 'submitted'])
    expect(any.every((a) => a.introductions.some((i) => i.type === 'funds'))).toBe(true)
    expect(await list('introduction=technology')).toHaveLength(1)
    const bad = await t.call('GET', `/api/v1/activities?introduction=gold`, { cookie: staff })
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).fields?.introduction).toMatch(/五个引进/)
  })

  it('give city staff every county, with totals', async () => {
    const res = (await (await t.call('GET', `/api/v1/stats/activities?year=${year}`, { cookie: city })).json()) as { rows: { countyCode: string; deputies: number }[]; totals: { deputies: number; coverage: number } }
    expect(res.rows).toHaveLength(12)
    expect(res.rows.find((r) => r.countyCode === LONGHUA)!.deputies).toBe(1)
    expect(res.totals).toMatchObject({ deputies: 4, coverage: 0.25 })
  })
})

describe('五个一 figures', () => {
  it('show each congress, the city included, and how many of the five are done', async () => {
    const res = (await (await t.call('GET', `/api/v1/stats/five-ones?year=${year}`, { cookie: city })).json()) as { rows: Record<string, number | string>[] }
    expect(res.rows).toHaveLength(13)
    expect(res.rows[0]).toEqual({ countyCode: '130800', inspection: 0, inquiry: 0, resolution: 0, evaluation: 0, exchange: 1, done: 1 })
    expect(res.rows.find((r) => r.countyCode === PINGQUAN)).toEqual({ countyCode: PINGQUAN, inspection: 1, inquiry: 2, resolution: 0, evaluation: 0, exchange: 0, done: 2 })
  })
})

describe('scope of the figures', () => {
  it("gives county staff asking for another county empty figures, and deputies and units no figures (403)", async () => {
    const other = (await t.actor({ role: 'county_staff', countyCode: LONGHUA })).cookie
    for (const path of ['supervision', 'activities', 'five-ones']) {
      const res = await t.call('GET', `/api/v1/stats/${path}?year=${year}&countyCode=${PINGQUAN}`, { cookie: other })
      expect(res.status).toBe(200)
      expect(((await res.json()) as { rows: unknown[] }).rows).toEqual([])
    }
    const toCall = await t.call('GET', `/api/v1/stats/inactive-deputies?year=${year}&countyCode=${PINGQUAN}`, { cookie: other })
    expect(((await toCall.json()) as { items: unknown[] }).items).toEqual([])
    const own = (await (await t.call('GET', `/api/v1/stats/five-ones?year=${year}`, { cookie: other })).json()) as { rows: { countyCode: string }[] }
    expect(own.rows.map((r) => r.countyCode)).toEqual([LONGHUA])
    for (const role of ['deputy', 'unit'] as const) {
      const c = (await t.actor({ role })).cookie
      expect((await errorOf(await t.call('GET', '/api/v1/stats/supervision', { cookie: c }))).code).toBe('forbidden')
    }
  })

  it('exports the tables as one workbook with totals', async () => {
    const { default: readXlsxFile } = await import('read-excel-file/node')
    const res = await t.call('GET', `/api/v1/stats/export.xlsx?year=${year}`, { cookie: staff })
    const sheets = await readXlsxFile(Buffer.from(await res.arrayBuffer()))
    expect(sheets.map((s) => s.sheet)).toEqual(['问题整改统计', '代表履职统计', '五个一'])
    const sup = sheets[0]!.data
    expect(sup.at(-1)!.slice(0, 10)).toEqual(['合计', null, 1, 1, 0, 0, 2, 1, 1, 4])
    // Row 3 is the header (the title and the export-time line above it), row 4 the first county.
    expect(sheets[1]!.data[2]![0]).toBe('县市区')
    expect(sheets[1]!.data[3]![0]).toBe('平泉市')
  })
})

describe('deputies to call', () => {
  it('lists the deputies of a county with no confirmed activity this year', async () => {
    const res = (await (await t.call('GET', `/api/v1/stats/inactive-deputies?year=${year}`, { cookie: staff })).json()) as { items: { id: string; countyCode: string }[] }
    // Only the first deputy has confirmed activities; the second's were returned or are pending.
    const listed = res.items.map((d) => d.id)
    expect(listed).not.toContain(ids.d1)
    expect(listed).toContain(ids.d2)
    expect(res.items.every((d) => d.countyCode === PINGQUAN)).toBe(true)
    const cityAll = await t.call('GET', `/api/v1/stats/inactive-deputies?year=${year}`, { cookie: city })
    expect((await errorOf(cityAll)).fields).toEqual({ countyCode: '请选择一个县市区' })
    const cityOne = (await (await t.call('GET', `/api/v1/stats/inactive-deputies?year=${year}&countyCode=${LONGHUA}`, { cookie: city })).json()) as { items: unknown[] }
    expect(cityOne.items).toHaveLength(1)
  })
})

describe('figures that link to their records', () => {
  it('lets the ledger list exactly the records behind a township cell and the on-time count', async () => {
    const ids = async (qs: string) => ((await (await t.call('GET', `/api/v1/issues?${qs}&limit=200`, { cookie: staff })).json()) as { items: unknown[] }).items.length
    expect(await ids(`year=${year}&township=${encodeURIComponent('杨树岭镇')}&status=reported,assigned,rectifying,rectified,closed`)).toBe(2)
    expect(await ids(`year=${year}&closedOnTime=true`)).toBe(1)
    expect(await ids(`year=${year}&closedOnTime=false`)).toBe(1)
  })

  it("gives city staff one congress's 五个一 when asked, the city's own included", async () => {
    const one = (await (await t.call('GET', `/api/v1/stats/five-ones?year=${year}&countyCode=${PINGQUAN}`, { cookie: city })).json()) as { rows: { countyCode: string }[] }
    expect(one.rows.map((r) => r.countyCode)).toEqual([PINGQUAN])
    const cityOnly = (await (await t.call('GET', `/api/v1/stats/five-ones?year=${year}&countyCode=130800`, { cookie: city })).json()) as { rows: { countyCode: string; done: number }[] }
    expect(cityOnly.rows).toMatchObject([{ countyCode: '130800', done: 1 }])
  })

  it('counts overdue from the deadline buckets through their primary key', async () => {
    const { queryPlan } = await import('../support/plan')
    const { deadlineRows } = await import('../../worker/stats/stats.queries')
    const plan = (await queryPlan(t.client, deadlineRows(t.db, year, [PINGQUAN, LONGHUA], 'field', { to: '2026-11-25' }))).join('\n')
    expect(plan).toMatch(/USING INDEX sqlite_autoindex_deadline_counts_1 \(year=\? AND county_code=\? AND dimension=\?/)
  })
})
