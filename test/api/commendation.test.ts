// 一年一表彰: a county's deputies with their confirmed figures (each one the total of the
// activity list it links to), sorted and filtered; nominations of 优秀人大代表 by county staff,
// confirmed by the city; scope, idempotent nominations, stale versions and the XLSX export.
import { describe, expect, it } from 'vitest'
import readXlsxFile from 'read-excel-file/node'
import { errorOf, LONGHUA, makeTestApp, PINGQUAN, type TestApp } from '../support/app'
import { recordActivity, review } from '../support/activities'
import { yearInShanghai } from '../../worker/core/dates'

interface Row {
  deputyId: string
  name: string
  level: string
  activities: number
  venues: string[]
  venuesCovered: number
  outcomes: Record<string, number>
  fourBatches: number
  introductionsMet: string[]
  nomination: { id: string; status: string; version: number } | null
}
interface Nomination {
  id: string
  status: string
  version: number
  deputyId: string
  deputyName: string
  countyCode: string
  reason: string
}

/** A county with three deputies: 甲 (township) with three confirmed activities, 乙 (county) with one, 丙 (city) with none confirmed. */
async function setup() {
  const t = await makeTestApp()
  const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
  const city = await t.actor({ role: 'city_staff' })
  const jia = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, level: 'township', name: '甲代表' })
  const yi = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, level: 'county', name: '乙代表' })
  const bing = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, level: 'city', name: '丙代表' })
  const confirmed = async (deputyId: string, overrides: Record<string, unknown>) => {
    const a = await recordActivity(t, staff.cookie, { deputyId, ...overrides })
    expect((await review(t, staff.cookie, a, 'confirm')).status).toBe(200)
    return a
  }
  await confirmed(jia.id, { venue: 'village', outcomes: { policy_talk: 2, opinion: 1, deed: 0, mentoring: 0 }, introductions: [{ type: 'funds', name: '冷库资金', amount: 10 }] })
  await confirmed(jia.id, { venue: 'village', outcomes: { policy_talk: 1, opinion: 0, deed: 1, mentoring: 0 }, introductions: [{ type: 'talent', name: '农技人才' }] })
  await confirmed(jia.id, { venue: 'school', outcomes: { policy_talk: 0, opinion: 0, deed: 0, mentoring: 3 }, introductions: [] })
  await confirmed(yi.id, { venue: 'enterprise', outcomes: { policy_talk: 0, opinion: 1, deed: 0, mentoring: 0 }, introductions: [{ type: 'funds', name: '技改资金', amount: 5 }] })
  // Submitted and returned ones count for nothing.
  await recordActivity(t, staff.cookie, { deputyId: bing.id, venue: 'hospital' })
  const returned = await recordActivity(t, staff.cookie, { deputyId: bing.id, venue: 'shop' })
  expect((await review(t, staff.cookie, returned, 'return', '请补充照片')).status).toBe(200)
  return { t, staff, city, jia, yi, bing, year: yearInShanghai() }
}

async function table(t: TestApp, cookie: string, query: string) {
  const res = await t.call('GET', `/api/v1/stats/commendation?${query}`, { cookie })
  expect(res.status, await res.clone().text()).toBe(200)
  return ((await res.json()) as { items: Row[] }).items
}

/** Every item of a list, page after page. */
async function listTotal(t: TestApp, cookie: string, query: string) {
  let total = 0
  let cursor: string | null = null
  do {
    const res = await t.call('GET', `/api/v1/activities?${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { cookie })
    expect(res.status).toBe(200)
    const page = (await res.json()) as { items: { status: string }[]; nextCursor: string | null }
    expect(page.items.every((a) => a.status === 'confirmed')).toBe(true)
    total += page.items.length
    cursor = page.nextCursor
  } while (cursor)
  return total
}

describe('the commendation table', () => {
  it("shows every deputy of the roster with their confirmed figures, most active first", async () => {
    const { t, staff, jia, yi, bing, year } = await setup()
    const items = await table(t, staff.cookie, `year=${year}`)
    expect(items.map((r) => r.name)).toEqual(['甲代表', '乙代表', '丙代表'])
    expect(items[0]).toMatchObject({
      deputyId: jia.id,
      level: 'township',
      activities: 3,
      venues: ['village', 'school'],
      venuesCovered: 2,
      outcomes: { policy_talk: 3, opinion: 1, deed: 1, mentoring: 3 },
      fourBatches: 8,
      introductionsMet: ['funds', 'talent'],
      nomination: null,
    })
    expect(items[1]).toMatchObject({ deputyId: yi.id, activities: 1, venues: ['enterprise'], fourBatches: 1, introductionsMet: ['funds'] })
    expect(items[2]).toMatchObject({ deputyId: bing.id, activities: 0, venues: [], venuesCovered: 0, fourBatches: 0, introductionsMet: [] })
  })

  it('gives for each deputy the number of confirmed activities the activity list shows them', async () => {
    const { t, staff, city, year } = await setup()
    for (const r of await table(t, staff.cookie, `year=${year}`)) {
      expect(await listTotal(t, staff.cookie, `deputyId=${r.deputyId}&status=confirmed&year=${year}`), r.name).toBe(r.activities)
      expect(await listTotal(t, city.cookie, `deputyId=${r.deputyId}&status=confirmed&year=${year}&countyCode=${PINGQUAN}`), r.name).toBe(r.activities)
    }
  })

  it('sorts by venues, 四个一批, 五个引进 or name, and filters by level and by group', async () => {
    const { t, staff, jia, yi, bing, year } = await setup()
    expect((await table(t, staff.cookie, `year=${year}&sort=name`)).map((r) => r.name)).toEqual(['丙代表', '乙代表', '甲代表'])
    expect((await table(t, staff.cookie, `year=${year}&sort=introductions`)).map((r) => r.name)).toEqual(['甲代表', '乙代表', '丙代表'])
    expect((await table(t, staff.cookie, `year=${year}&sort=fourBatches`)).map((r) => r.deputyId)).toEqual([jia.id, yi.id, bing.id])
    expect((await table(t, staff.cookie, `year=${year}&level=county`)).map((r) => r.name)).toEqual(['乙代表'])
    const g = await t.call('POST', '/api/v1/groups', { cookie: staff.cookie, body: { name: '企业代表小组', year, fieldCodes: ['business_env'], leaderId: yi.id, memberIds: [yi.id, bing.id] } })
    expect(g.status).toBe(201)
    const { id } = (await g.json()) as { id: string }
    expect((await table(t, staff.cookie, `year=${year}&groupId=${id}`)).map((r) => r.name)).toEqual(['乙代表', '丙代表'])
    const bad = await t.call('GET', `/api/v1/stats/commendation?year=${year}&sort=votes`, { cookie: staff.cookie })
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).fields?.sort).toMatch(/排序/)
  })

  it("keeps a county's table from other counties' staff (404), asks city staff for a county and refuses deputies", async () => {
    const { t, city, jia, year } = await setup()
    const other = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    expect((await t.call('GET', `/api/v1/stats/commendation?year=${year}&countyCode=${PINGQUAN}`, { cookie: other.cookie })).status).toBe(404)
    const noCounty = await t.call('GET', `/api/v1/stats/commendation?year=${year}`, { cookie: city.cookie })
    expect(noCounty.status).toBe(400)
    expect((await errorOf(noCounty)).fields?.countyCode).toBe('请选择县市区')
    expect((await table(t, city.cookie, `year=${year}&countyCode=${PINGQUAN}`)).map((r) => r.name)).toEqual(['甲代表', '乙代表', '丙代表'])
    expect(await table(t, city.cookie, `year=${year}&countyCode=${LONGHUA}`)).toEqual([])
    const deputy = await t.signIn(jia.phone)
    expect((await t.call('GET', `/api/v1/stats/commendation?year=${year}`, { cookie: deputy })).status).toBe(403)
  })

  it('exports the table as an XLSX sheet with Chinese headers, a row a deputy', async () => {
    const { t, staff, year } = await setup()
    const res = await t.call('GET', `/api/v1/stats/commendation/export?year=${year}`, { cookie: staff.cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const [sheet] = await readXlsxFile(Buffer.from(await res.arrayBuffer()))
    expect(sheet!.sheet).toBe(`平泉市${year}年度`)
    const [header, ...rows] = sheet!.data as (string | number)[][]
    expect(header!.slice(0, 6)).toEqual(['序号', '姓名', '代表层级', '个人活动', '集体活动', '九进覆盖数'])
    expect(rows.map((r) => r[1])).toEqual(['甲代表', '乙代表', '丙代表'])
    expect(rows[0]![header!.indexOf('九进载体')]).toBe('进农村、进学校')
    expect(rows[0]![header!.indexOf('五个引进达成')]).toBe('引进一笔发展资金、引进一名急需人才')
  })
})

describe('nominations of 优秀人大代表', () => {
  const body = (deputyId: string, year: number, overrides: Record<string, unknown> = {}) => ({ id: crypto.randomUUID(), year, deputyId, reason: '全年走访农户 40 余户，推动冷库建设', ...overrides })

  it('lets county staff nominate once: a retry answers the same nomination (200) and creates nothing', async () => {
    const { t, staff, jia, year } = await setup()
    const b = body(jia.id, year)
    const first = await t.call('POST', '/api/v1/commendation/nominations', { cookie: staff.cookie, body: b })
    expect(first.status).toBe(201)
    const created = ((await first.json()) as { nomination: Nomination }).nomination
    expect(created).toMatchObject({ id: b.id, status: 'nominated', version: 1, deputyName: '甲代表', countyCode: PINGQUAN })
    const again = await t.call('POST', '/api/v1/commendation/nominations', { cookie: staff.cookie, body: b })
    expect(again.status).toBe(200)
    expect(((await again.json()) as { nomination: Nomination }).nomination).toEqual(created)
    const list = (await (await t.call('GET', `/api/v1/commendation/nominations?year=${year}`, { cookie: staff.cookie })).json()) as { items: Nomination[] }
    expect(list.items.map((n) => n.id)).toEqual([b.id])
    expect((await table(t, staff.cookie, `year=${year}`))[0]!.nomination).toEqual({ id: b.id, status: 'nominated', version: 1 })
  })

  it('refuses a second nomination of the same deputy and year, and the id reused for other content (409)', async () => {
    const { t, staff, jia, yi, year } = await setup()
    const b = body(jia.id, year)
    expect((await t.call('POST', '/api/v1/commendation/nominations', { cookie: staff.cookie, body: b })).status).toBe(201)
    const twice = await t.call('POST', '/api/v1/commendation/nominations', { cookie: staff.cookie, body: body(jia.id, year) })
    expect(twice.status).toBe(409)
    expect((await errorOf(twice)).message).toContain('已被推荐')
    const reused = await t.call('POST', '/api/v1/commendation/nominations', { cookie: staff.cookie, body: { ...b, deputyId: yi.id } })
    expect(reused.status).toBe(409)
    const colleague = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    expect((await t.call('POST', '/api/v1/commendation/nominations', { cookie: colleague.cookie, body: b })).status).toBe(409)
    const list = (await (await t.call('GET', `/api/v1/commendation/nominations?year=${year}`, { cookie: staff.cookie })).json()) as { items: Nomination[] }
    expect(list.items).toHaveLength(1)
  })

  it("keeps nominations within the county: another county's staff neither see nor nominate its deputies", async () => {
    const { t, staff, jia, year } = await setup()
    const other = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    const b = body(jia.id, year)
    await t.call('POST', '/api/v1/commendation/nominations', { cookie: staff.cookie, body: b })
    expect((await t.call('GET', `/api/v1/commendation/nominations/${b.id}`, { cookie: other.cookie })).status).toBe(404)
    expect((await t.call('PATCH', `/api/v1/commendation/nominations/${b.id}`, { cookie: other.cookie, body: { version: 1, status: 'withdrawn' } })).status).toBe(404)
    const asked = (await (await t.call('GET', `/api/v1/commendation/nominations?year=${year}&countyCode=${PINGQUAN}`, { cookie: other.cookie })).json()) as { items: unknown[] }
    expect(asked.items).toEqual([])
    const theirs = await t.call('POST', '/api/v1/commendation/nominations', { cookie: other.cookie, body: body(jia.id, year) })
    expect(theirs.status).toBe(400)
    expect((await errorOf(theirs)).fields?.deputyId).toContain('不是本县')
    const deputy = await t.signIn(jia.phone)
    expect((await t.call('POST', '/api/v1/commendation/nominations', { cookie: deputy, body: body(jia.id, year) })).status).toBe(403)
  })

  it('lets only the city confirm, once, at the version it saw; a confirmed nomination is no longer withdrawn', async () => {
    const { t, staff, city, jia, year } = await setup()
    const b = body(jia.id, year)
    await t.call('POST', '/api/v1/commendation/nominations', { cookie: staff.cookie, body: b })
    const byCounty = await t.call('POST', `/api/v1/commendation/nominations/${b.id}/confirm`, { cookie: staff.cookie, body: { version: 1 } })
    expect(byCounty.status).toBe(403)
    const all = (await (await t.call('GET', `/api/v1/commendation/nominations?year=${year}`, { cookie: city.cookie })).json()) as { items: Nomination[] }
    expect(all.items.map((n) => n.id)).toEqual([b.id])
    // County staff change the reason meanwhile: the city's version is stale.
    const edited = await t.call('PATCH', `/api/v1/commendation/nominations/${b.id}`, { cookie: staff.cookie, body: { version: 1, reason: '补充：带动 12 户种植食用菌' } })
    expect(edited.status).toBe(200)
    const stale = await t.call('POST', `/api/v1/commendation/nominations/${b.id}/confirm`, { cookie: city.cookie, body: { version: 1 } })
    expect(stale.status).toBe(409)
    expect((await errorOf(stale)).current).toMatchObject({ version: 2, reason: '补充：带动 12 户种植食用菌' })
    const ok = await t.call('POST', `/api/v1/commendation/nominations/${b.id}/confirm`, { cookie: city.cookie, body: { version: 2 } })
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { nomination: Nomination }).nomination).toMatchObject({ status: 'confirmed', version: 3 })
    const twice = await t.call('POST', `/api/v1/commendation/nominations/${b.id}/confirm`, { cookie: city.cookie, body: { version: 3 } })
    expect((await errorOf(twice)).code).toBe('invalid_transition')
    const withdraw = await t.call('PATCH', `/api/v1/commendation/nominations/${b.id}`, { cookie: staff.cookie, body: { version: 3, status: 'withdrawn' } })
    expect(withdraw.status).toBe(409)
    expect((await errorOf(withdraw)).code).toBe('invalid_transition')
  })

  it('lets a withdrawn nomination be made again, and a withdrawn one not be confirmed', async () => {
    const { t, staff, city, jia, year } = await setup()
    const b = body(jia.id, year)
    await t.call('POST', '/api/v1/commendation/nominations', { cookie: staff.cookie, body: b })
    expect((await t.call('PATCH', `/api/v1/commendation/nominations/${b.id}`, { cookie: staff.cookie, body: { version: 1, status: 'withdrawn' } })).status).toBe(200)
    expect((await errorOf(await t.call('POST', `/api/v1/commendation/nominations/${b.id}/confirm`, { cookie: city.cookie, body: { version: 2 } }))).code).toBe('invalid_transition')
    expect((await table(t, staff.cookie, `year=${year}`))[0]!.nomination).toBeNull()
    expect((await t.call('POST', '/api/v1/commendation/nominations', { cookie: staff.cookie, body: body(jia.id, year) })).status).toBe(201)
    const withWithdrawn = (await (await t.call('GET', `/api/v1/commendation/nominations?year=${year}&withdrawn=true`, { cookie: staff.cookie })).json()) as { items: Nomination[] }
    expect(withWithdrawn.items.map((n) => n.status)).toEqual(['withdrawn', 'nominated'])
  })

  it('refuses a nomination without a reason, in Chinese, and nominates nothing', async () => {
    const { t, staff, jia, year } = await setup()
    const res = await t.call('POST', '/api/v1/commendation/nominations', { cookie: staff.cookie, body: body(jia.id, year, { reason: '  ' }) })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).fields?.reason).toMatch(/推荐理由/)
    const list = (await (await t.call('GET', `/api/v1/commendation/nominations?year=${year}`, { cookie: staff.cookie })).json()) as { items: unknown[] }
    expect(list.items).toEqual([])
  })
})
