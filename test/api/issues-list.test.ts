import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorOf, makeTestApp, PINGQUAN } from '../support/app'
import { queryPlan } from '../support/plan'
import { act, daysFromToday, fileIssue, getIssue, putInStatus, type IssueJson } from '../support/issues'
import { issuePage } from '../../worker/issues/issues.queries'
import { issues } from '../../worker/db/schema'
import { todayInShanghai } from '../../worker/core/dates'
import { chunk } from '../../worker/db/seed/reference'

type Page = { items: IssueJson[]; nextCursor: string | null }

describe('the ledger list', () => {
  it('filters by field, status, unit, overdue and text', async () => {
    const t = await makeTestApp()
    const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
    const staff = await t.actor({ role: 'county_staff' })
    const deputy = await t.actor({ role: 'deputy' })
    const a = await fileIssue(t, deputy.cookie, { fieldCode: 'groundwater', title: '机井未封填', township: '杨树岭镇' })
    const b = await fileIssue(t, deputy.cookie, { fieldCode: 'rural_living', title: '厕所改造质量差', location: '南五十家子村' })
    const c = await fileIssue(t, deputy.cookie, { fieldCode: 'rural_living', title: '污水直排' })
    await putInStatus(t, b.id, 'rectifying', unit.id, daysFromToday(-3))
    await putInStatus(t, c.id, 'assigned', unit.id, daysFromToday(3))
    const ids = async (qs: string) => ((await (await t.call('GET', `/api/v1/issues?${qs}`, { cookie: staff.cookie })).json()) as Page).items.map((i) => i.id)
    expect(await ids('fieldCode=groundwater')).toEqual([a.id])
    expect(await ids('status=assigned')).toEqual([c.id])
    expect(await ids(`unitId=${unit.id}`)).toEqual([c.id, b.id])
    expect(await ids('overdue=true')).toEqual([b.id])
    expect(await ids(`q=${encodeURIComponent('杨树岭')}`)).toEqual([a.id])
    expect(await ids(`q=${encodeURIComponent('南五十家子')}`)).toEqual([b.id])
    expect(await ids(`q=${encodeURIComponent('直排')}`)).toEqual([c.id])
    expect(await ids(`year=${daysFromToday(0).slice(0, 4)}`)).toEqual([c.id, b.id, a.id])
    expect(await ids(`year=${Number(daysFromToday(0).slice(0, 4)) - 1}`)).toEqual([])
  })

  it('sorts a unit\'s to-do by deadline, soonest first, with a working cursor', async () => {
    const t = await makeTestApp()
    const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
    const unitUser = await t.actor({ role: 'unit', unitId: unit.id })
    const deputy = await t.actor({ role: 'deputy' })
    const made: [number, string][] = []
    for (const days of [9, -2, 4, 1]) {
      const i = await fileIssue(t, deputy.cookie, { title: `时限 ${days}` })
      await putInStatus(t, i.id, 'assigned', unit.id, daysFromToday(days))
      made.push([days, i.id])
    }
    const expected = made.sort((x, y) => x[0] - y[0]).map(([, id]) => id)
    const first = (await (await t.call('GET', '/api/v1/issues?sort=deadline&limit=3', { cookie: unitUser.cookie })).json()) as Page
    const second = (await (await t.call('GET', `/api/v1/issues?sort=deadline&limit=3&cursor=${first.nextCursor}`, { cookie: unitUser.cookie })).json()) as Page
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(expected)
    expect(first.items[0]!.overdue).toBe(true)
    expect(second.nextCursor).toBeNull()
  })

  it('gives the lists under a light or overdue most pressing first, paged by deadline, and refuses them in filing order', async () => {
    const t = await makeTestApp()
    const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
    const staff = await t.actor({ role: 'county_staff' })
    const city = await t.actor({ role: 'city_staff' })
    const deputy = await t.actor({ role: 'deputy' })
    // Filed in this order; overdue by 1, 20 and 5 days.
    const made: [number, string][] = []
    for (const days of [-1, -20, -5]) {
      const i = await fileIssue(t, deputy.cookie, { title: `逾期 ${-days} 天` })
      await putInStatus(t, i.id, 'rectifying', unit.id, daysFromToday(days))
      made.push([days, i.id])
    }
    const mostOverdueFirst = [...made].sort((x, y) => x[0] - y[0]).map(([, id]) => id)
    const ids = async (cookie: string, qs: string) => ((await (await t.call('GET', `/api/v1/issues?${qs}`, { cookie })).json()) as Page).items.map((i) => i.id)
    expect(await ids(staff.cookie, 'overdue=true')).toEqual(mostOverdueFirst)
    expect(await ids(city.cookie, 'light=red')).toEqual(mostOverdueFirst)
    const first = (await (await t.call('GET', '/api/v1/issues?light=red&limit=2', { cookie: staff.cookie })).json()) as Page
    const rest = await ids(staff.cookie, `light=red&limit=2&cursor=${first.nextCursor}`)
    expect([...first.items.map((i) => i.id), ...rest]).toEqual(mostOverdueFirst)
    for (const qs of ['light=red&sort=newest', 'overdue=true&sort=newest']) {
      const res = await t.call('GET', `/api/v1/issues?${qs}`, { cookie: staff.cookie })
      expect(res.status, qs).toBe(400)
      expect((await errorOf(res)).fields?.sort).toMatch(/整改时限/)
    }
  })

  it('pages newest first without skipping or repeating rows when new issues arrive', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff' })
    const deputy = await t.actor({ role: 'deputy' })
    const filed: string[] = []
    for (let i = 0; i < 5; i++) filed.push((await fileIssue(t, deputy.cookie, { title: `问题 ${i}` })).id)
    const seen: string[] = []
    let cursor: string | null = null
    let round = 0
    do {
      const page = (await (await t.call('GET', `/api/v1/issues?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { cookie: staff.cookie })).json()) as Page
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
      if (round++ === 0) await fileIssue(t, deputy.cookie, { title: '翻页时新增的问题' })
    } while (cursor)
    expect(seen).toEqual([...filed].reverse())
  })
})

describe('overdue in China Standard Time', () => {
  afterEach(() => {
    vi.useRealTimers()
    delete process.env.TZ
  })

  it('is not overdue on the deadline day, and is from 00:00 China time the next day, whatever the server zone', async () => {
    process.env.TZ = 'America/Los_Angeles'
    const t = await makeTestApp()
    const unit = await t.makeUnit(PINGQUAN)
    const staff = await t.actor({ role: 'county_staff' })
    const deputy = await t.actor({ role: 'deputy' })
    const deadline = todayInShanghai()
    const issue = await fileIssue(t, deputy.cookie, { foundOn: deadline })
    await putInStatus(t, issue.id, 'rectifying', unit.id, deadline)
    const overdue = async () => ((await (await t.call('GET', `/api/v1/issues/${issue.id}`, { cookie: staff.cookie })).json()) as { issue: IssueJson }).issue.overdue

    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(`${deadline}T23:59:59+08:00`)) // the deadline's last second in Beijing (15:59:59Z)
    expect(todayInShanghai()).toBe(deadline)
    expect(await overdue()).toBe(false)
    vi.setSystemTime(new Date(`${deadline}T23:59:59.999+08:00`).getTime() + 1) // 00:00 the next day in Beijing
    expect(await overdue()).toBe(true)
    const listed = (await (await t.call('GET', '/api/v1/issues?overdue=true', { cookie: staff.cookie })).json()) as Page
    expect(listed.items.map((i) => i.id)).toEqual([issue.id])
  })

  it('never marks a rectified or closed issue overdue', async () => {
    const t = await makeTestApp()
    const unit = await t.makeUnit(PINGQUAN)
    const staff = await t.actor({ role: 'county_staff' })
    const deputy = await t.actor({ role: 'deputy' })
    for (const status of ['rectified', 'closed'] as const) {
      const i = await fileIssue(t, deputy.cookie)
      await putInStatus(t, i.id, status, unit.id, daysFromToday(-10))
      const { issue } = (await (await t.call('GET', `/api/v1/issues/${i.id}`, { cookie: staff.cookie })).json()) as { issue: IssueJson }
      expect(issue.overdue).toBe(false)
    }
  })
})

describe('list queries on a database with many rows', () => {
  it('read the county list, the overdue list and the unit list through indexes', async () => {
    const t = await makeTestApp()
    const units = await Promise.all(['130881', '130825', '130802'].map((c) => t.makeUnit(c)))
    const reporter = await t.makeUser({ role: 'deputy' })
    const now = Date.now()
    const rows = Array.from({ length: 3000 }, (_, n) => {
      const unit = units[n % 3]!
      const at = new Date(now - n * 60_000).toISOString()
      return {
        id: crypto.randomUUID(),
        year: 2026,
        fieldCode: 'rural_living',
        countyCode: unit.countyCode,
        title: `问题${n}`,
        description: '描述',
        source: 'deputy' as const,
        foundOn: '2026-05-01',
        reporterId: reporter.id,
        unitId: n % 2 ? unit.id : null,
        status: n % 2 ? ('rectifying' as const) : ('reported' as const),
        deadline: n % 2 ? '2026-06-01' : null,
        requestHash: 'h',
        createdAt: at,
        updatedAt: at,
      }
    })
    for (const part of chunk(rows, 16)) await t.db.insert(issues).values(part)
    await t.client.execute('ANALYZE')

    const county = (await queryPlan(t.client, issuePage(t.db, { scope: { countyCode: '130881' }, sort: 'newest', limit: 50 }))).join('\n')
    expect(county).toMatch(/USING INDEX issues_county_created/)
    expect(county).not.toMatch(/TEMP B-TREE/)
    // Overdue and a light are read in deadline order, most pressing first: a range of the open items' index, no sort.
    const overdue = (await queryPlan(t.client, issuePage(t.db, { scope: { countyCode: '130881' }, overdueOn: '2026-11-25', sort: 'deadline', limit: 50 }))).join('\n')
    expect(overdue).toMatch(/USING INDEX issues_county_open_deadline/)
    expect(overdue).not.toMatch(/TEMP B-TREE/)
    const red = { light: 'red' as const, today: '2026-11-25', rule: { byYear: new Map([[2025, 5]]), defaultDays: 3 } }
    const countyRed = (await queryPlan(t.client, issuePage(t.db, { scope: { countyCode: '130881' }, light: red, sort: 'deadline', limit: 50 }))).join('\n')
    expect(countyRed).toMatch(/USING INDEX issues_county_open_deadline/)
    expect(countyRed).not.toMatch(/TEMP B-TREE/)
    const cityOverdue = (await queryPlan(t.client, issuePage(t.db, { scope: { all: true }, overdueOn: '2026-11-25', sort: 'deadline', limit: 50 }))).join('\n')
    expect(cityOverdue).toMatch(/USING INDEX issues_open_deadline/)
    expect(cityOverdue).not.toMatch(/TEMP B-TREE/)
    const unit = (await queryPlan(t.client, issuePage(t.db, { scope: { unitId: units[0]!.id }, sort: 'deadline', limit: 50 }))).join('\n')
    expect(unit).toMatch(/USING INDEX issues_unit_status_deadline/)
    const deputy = (await queryPlan(t.client, issuePage(t.db, { scope: { reporterId: reporter.id }, sort: 'newest', limit: 50 }))).join('\n')
    expect(deputy).toMatch(/USING INDEX issues_reporter_created/)
    const city = (await queryPlan(t.client, issuePage(t.db, { scope: { all: true }, sort: 'newest', limit: 50 }))).join('\n')
    expect(city).toMatch(/USING INDEX issues_created/)
    expect(city).not.toMatch(/TEMP B-TREE/)
  })
})

describe('names on a list page', () => {
  it('shows the reporter, unit and group as they are named now: after a roster edit, a re-import and a group renamed', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff' })
    const city = await t.actor({ role: 'city_staff' })
    const deputy = await t.actor({ role: 'deputy', name: '王建国', phone: '13900001111' })
    const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
    const group = (await (await t.call('POST', '/api/v1/groups', { cookie: staff.cookie, body: { name: '人居环境代表小组', year: 2026, fieldCodes: ['rural_living'], leaderId: deputy.user.id, memberIds: [deputy.user.id] } })).json()) as { id: string; version: number }
    const filed = await fileIssue(t, deputy.cookie, { foundOn: '2026-06-03', groupId: group.id })
    const other = await fileIssue(t, staff.cookie, { title: '工作人员登记的问题' })
    expect(filed).toMatchObject({ reporterName: '王建国', groupName: '人居环境代表小组', unitName: null })
    expect((await act(t, staff.cookie, filed.id, 'assign', { unitId: unit.id, requirement: '整改', deadline: daysFromToday(10) })).status).toBe(200)
    const listed = async () => {
      const page = (await (await t.call('GET', '/api/v1/issues', { cookie: staff.cookie })).json()) as Page
      return page.items.find((i) => i.id === filed.id)!
    }
    expect(await listed()).toMatchObject({ reporterName: '王建国', unitName: '平泉市水务局', groupName: '人居环境代表小组' })

    // The roster corrects the deputy's name: the ledger, the deputy's own list and the issue page follow.
    const me = ((await (await t.call('GET', `/api/v1/deputies/${deputy.user.id}`, { cookie: staff.cookie })).json()) as { deputy: { version: number } }).deputy
    expect((await t.call('PATCH', `/api/v1/deputies/${deputy.user.id}`, { cookie: staff.cookie, body: { version: me.version, name: '王建民' } })).status).toBe(200)
    expect((await listed()).reporterName).toBe('王建民')
    const own = (await (await t.call('GET', '/api/v1/issues', { cookie: deputy.cookie })).json()) as Page
    expect(own.items.map((i) => i.reporterName)).toEqual(['王建民'])
    // A roster file with a new spelling of the name does the same; the other reporter's items keep theirs.
    const imported = await t.call('POST', '/api/v1/deputies/import', { cookie: staff.cookie, body: '姓名,手机号,代表层级,县市区,代表小组\n王建明,13900001111,县,平泉市,\n', headers: { 'content-type': 'text/csv' } })
    expect(imported.status, await imported.clone().text()).toBe(200)
    expect((await listed()).reporterName).toBe('王建明')
    expect((await getIssue(t, city.cookie, filed.id)).body!.issue.reporterName).toBe('王建明')
    expect((await getIssue(t, city.cookie, other.id)).body!.issue.reporterName).toBe(staff.user.name)

    // The group renamed.
    expect((await t.call('PATCH', `/api/v1/groups/${group.id}`, { cookie: staff.cookie, body: { version: group.version, name: '农村人居环境代表小组' } })).status).toBe(200)
    expect((await listed()).groupName).toBe('农村人居环境代表小组')

    // The unit renamed; the timeline keeps the name it was handed over under.
    expect((await t.call('PATCH', `/api/v1/units/${unit.id}`, { cookie: staff.cookie, body: { version: unit.version, name: '平泉市水利局' } })).status).toBe(200)
    expect((await listed()).unitName).toBe('平泉市水利局')
    const page = (await getIssue(t, staff.cookie, filed.id)).body!
    expect(page.issue.unitName).toBe('平泉市水利局')
    expect(page.events.find((e) => e.action === 'assign')!.data).toMatchObject({ unitName: '平泉市水务局' })

    // The unit declines: the item names no unit until it is assigned again.
    const unitUser = await t.actor({ role: 'unit', unitId: unit.id })
    expect((await act(t, unitUser.cookie, filed.id, 'decline', { note: '不属于本单位职责' })).status).toBe(200)
    expect((await listed()).unitName).toBeNull()
  })

  it('leaves the names alone when a stale rename is refused', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff' })
    const deputy = await t.actor({ role: 'deputy', name: '李红' })
    const filed = await fileIssue(t, deputy.cookie)
    const me = ((await (await t.call('GET', `/api/v1/deputies/${deputy.user.id}`, { cookie: staff.cookie })).json()) as { deputy: { version: number } }).deputy
    expect((await t.call('PATCH', `/api/v1/deputies/${deputy.user.id}`, { cookie: staff.cookie, body: { version: me.version, level: 'city' } })).status).toBe(200)
    const stale = await t.call('PATCH', `/api/v1/deputies/${deputy.user.id}`, { cookie: staff.cookie, body: { version: me.version, name: '李虹' } })
    expect(stale.status).toBe(409)
    expect((await getIssue(t, staff.cookie, filed.id)).body!.issue.reporterName).toBe('李红')
  })
})

describe('filtering by several statuses', () => {
  it("gives a unit its open work (assigned and rectifying) in one list, soonest deadline first", async () => {
    const t = await makeTestApp()
    const unit = await t.makeUnit(PINGQUAN)
    const unitUser = await t.actor({ role: 'unit', unitId: unit.id })
    const deputy = await t.actor({ role: 'deputy' })
    const want: string[] = []
    for (const [status, days] of [['closed', -5], ['rectifying', 8], ['assigned', 2], ['rectified', 1]] as const) {
      const i = await fileIssue(t, deputy.cookie)
      await putInStatus(t, i.id, status, unit.id, daysFromToday(days))
      if (status === 'assigned' || status === 'rectifying') want.push(i.id)
    }
    const res = (await (await t.call('GET', '/api/v1/issues?status=assigned,rectifying&sort=deadline', { cookie: unitUser.cookie })).json()) as Page
    expect(res.items.map((i) => i.id)).toEqual(want.reverse())
    const bad = await t.call('GET', '/api/v1/issues?status=assigned,done', { cookie: unitUser.cookie })
    expect(bad.status).toBe(400)
  })

  it('pages that list with the cursor in deadline order (ties by id), each open issue once, as the to-do screen reads it', async () => {
    const t = await makeTestApp()
    const unit = await t.makeUnit(PINGQUAN)
    const unitUser = await t.actor({ role: 'unit', unitId: unit.id })
    const deputy = await t.actor({ role: 'deputy' })
    const open: [string, string][] = []
    const plan = [['assigned', 5], ['rectifying', 2], ['assigned', 2], ['rectified', 1], ['rectifying', 9], ['assigned', 2], ['closed', -1], ['rectifying', 7]] as const
    for (const [status, days] of plan) {
      const i = await fileIssue(t, deputy.cookie)
      await putInStatus(t, i.id, status, unit.id, daysFromToday(days))
      if (status === 'assigned' || status === 'rectifying') open.push([daysFromToday(days), i.id])
    }
    const want = open.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1)).map(([, id]) => id)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await t.call('GET', `/api/v1/issues?status=assigned,rectifying&sort=deadline&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { cookie: unitUser.cookie })
      expect(res.status).toBe(200)
      const page = (await res.json()) as Page
      expect(page.items.every((i) => i.status === 'assigned' || i.status === 'rectifying')).toBe(true)
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
      pages++
    } while (cursor && pages < 10)
    expect(seen).toEqual(want)
    expect(pages).toBe(3)
  })
})
