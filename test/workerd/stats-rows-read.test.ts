// D1 bills every row a query scans. A statistics request, the work bench and a unit's to-do must
// read rows in proportion to counties × fields (or to a page), never to records: measured here
// from D1's own meta.rows_read, on 20,000 activities and 2,000 issues, and again on twice that.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, expect, it } from 'vitest'
import { createApp } from '../../worker/app'
import { fromD1 } from '../../worker/db/client'
import { parseConfig } from '../../worker/env'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { rebuildCounters } from '../../worker/stats/recount'
import { yearInShanghai } from '../../worker/core/dates'
import { countingD1, type RowCounter } from '../support/d1-count'

const counter: RowCounter = { read: 0, written: 0 }

const year = yearInShanghai()
/** A deputy none of the seeded activities belong to (path ids are UUIDs). */
const LONE = '0b6a4c2e-5d1f-4e8a-9c3b-7f2d1e0a9b8c'

async function seed(from: number, activities: number, issues: number) {
  // One statement each, generated inside SQLite, so that seeding takes seconds.
  await env.DB.prepare(
    `with recursive n(i) as (select ${from} union all select i + 1 from n where i < ${from + activities - 1})
     insert into activities (id, deputy_id, county_code, year, date, venue, title, policy_talk, opinion, status, created_by, request_hash, created_at, updated_at)
     select 'a' || i, 'd' || (i % 600), c.code, ${year}, '${year}-01-02', 'village', '走访', i % 3, 1,
            case i % 3 when 0 then 'submitted' when 1 then 'confirmed' else 'returned' end, 'd' || (i % 600), 'h', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z'
     from n join (select code, row_number() over (order by code) - 1 as k from places where kind = 'county') c on c.k = i % 12`,
  ).run()
  await env.DB.prepare(
    `with recursive n(i) as (select ${from} union all select i + 1 from n where i < ${from + issues - 1})
     insert into issues (id, year, field_code, county_code, township, title, description, source, found_on, reporter_id, unit_id, deadline, status, closed_on, closed_on_time, request_hash, created_at, updated_at)
     select 'i' || i, ${year}, f.code, c.code, '镇' || (i % 5), '问题', '描述', 'deputy', '${year}-01-02', 'd' || (i % 600),
            case when i % 2 = 0 or i % 4 = 1 then 'u' end, case when i % 2 = 0 then '${year}-01-05' when i % 4 = 1 then '${year}-12-0' || (1 + i % 5) end,
            case when i % 2 = 0 then 'closed' when i % 4 = 1 then 'assigned' else 'reported' end, case when i % 2 = 0 then '${year}-01-03' end, case when i % 2 = 0 then 1 end, 'h', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z'
     from n join (select code, row_number() over (order by code) - 1 as k from places where kind = 'county') c on c.k = i % 12
            join (select code, row_number() over (order by sort) - 1 as k from fields where year = ${year}) f on f.k = i % 7`,
  ).run()
  // The unit's open items in the county, half of them overdue and half in time whatever today is
  // (deadlines a year back and a year ahead): more than a page of each for the light lists.
  await env.DB.prepare(
    `with recursive n(i) as (select ${from} union all select i + 1 from n where i < ${from + 239})
     insert into issues (id, year, field_code, county_code, title, description, source, found_on, reporter_id, reporter_name, unit_id, unit_name, deadline, status, request_hash, created_at, updated_at)
     select 'o' || i, ${year}, 'rural_living', '130881', '问题', '描述', 'deputy', '${year}-01-02', 'd' || (i % 600), '代表', 'u', '单位',
            case when i % 2 = 0 then '${year - 1}-12-01' else '${year + 1}-06-01' end, 'assigned', 'h', '2026-01-03T00:00:00Z', '2026-01-03T00:00:00Z'
     from n`,
  ).run()
  await rebuildCounters(fromD1(env.DB))
}

let cookie = ''
/** Signed-in cookies of the other roles: county staff, the unit 'u' and a deputy. */
const cookies: Record<string, string> = {}
const app = () => createApp({ db: fromD1(countingD1(env.DB, counter)), config: parseConfig({}) })

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  const first = app()
  expect((await first.request('/api/v1/health')).status).toBe(200)
  const now = new Date().toISOString()
  const hash = await hashPassword('rows-2022x')
  const db = fromD1(env.DB)
  await env.DB.prepare(`insert into units (id, county_code, name, created_at) values ('u', '130881', '单位', '${now}')`).run()
  await db.insert(users).values({ id: 'city', name: '市', phone: '13733330001', role: 'city_staff', passwordHash: hash, mustChangePassword: false, createdAt: now, updatedAt: now })
  // 600 deputies for the seeded activities to belong to.
  for (let i = 0; i < 600; i += 8) {
    await db.insert(users).values(
      Array.from({ length: 8 }, (_, k) => ({ id: `d${i + k}`, name: '代表', phone: `1390000${String(i + k).padStart(4, '0')}`, role: 'deputy' as const, countyCode: '130881', level: 'county' as const, createdAt: now, updatedAt: now })),
    )
  }
  const res = await first.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '13733330001', password: 'rows-2022x' }) })
  expect(res.status).toBe(200)
  cookie = res.headers.get('set-cookie')!.split(';')[0]!
  await db.insert(users).values([
    { id: 'staff', name: '县', phone: '13733330002', role: 'county_staff', countyCode: '130881', passwordHash: hash, mustChangePassword: false, createdAt: now, updatedAt: now },
    // A deputy with none of the seeded activities: their 履职档案 reads their own few rows, whatever the city holds.
    { id: LONE, name: '新代表', phone: '13733330004', role: 'deputy', countyCode: '130881', level: 'county', createdAt: now, updatedAt: now },
    { id: 'unituser', name: '单位', phone: '13733330003', role: 'unit', countyCode: '130881', unitId: 'u', passwordHash: hash, mustChangePassword: false, createdAt: now, updatedAt: now },
  ])
  await env.DB.prepare(`update users set password_hash = ?, must_change_password = 0 where id = 'd0'`).bind(hash).run()
  for (const [who, phone] of [['staff', '13733330002'], ['unit', '13733330003'], ['deputy', '13900000000']] as const) {
    const r = await first.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, password: 'rows-2022x' }) })
    expect(r.status, who).toBe(200)
    cookies[who] = r.headers.get('set-cookie')!.split(';')[0]!
  }
})

/** The requests that must read the same rows at any data size: statistics, the work bench, a unit's to-do, a deputy's record. */
const BOUNDED: [who: string, path: string][] = [
  ['city', '/stats/supervision'],
  ['city', '/stats/supervision?groupBy=township'],
  ['city', '/stats/activities'],
  ['city', '/stats/five-ones'],
  ['staff', '/stats/supervision'],
  ['city', '/me/summary'],
  ['staff', '/me/summary'],
  ['unit', '/me/summary'],
  ['unit', '/issues?status=assigned,rectifying&sort=deadline'],
  ['unit', '/issues?light=yellow&sort=deadline'],
  ['staff', '/issues?light=red&sort=deadline'],
  // The ledgers' first pages, and the lists behind an overdue or a red figure, in deadline order.
  ['staff', '/issues'],
  ['city', '/issues'],
  ['staff', '/issues?overdue=true'],
  ['city', '/issues?light=red'],
  ['city', '/issues?light=green&countyCode=130881'],
  // The commendation table reads the county's roster (600 deputies) and each one's counters, never the activities.
  ['staff', '/stats/commendation'],
  ['city', '/stats/commendation?countyCode=130881&sort=venues'],
  ['staff', `/deputies/${LONE}/record`],
]

async function readsPerEndpoint() {
  const a = app()
  await a.request('/api/v1/health') // the first request of an app checks the reference data
  const out: Record<string, number> = {}
  for (const [who, path] of BOUNDED) {
    counter.read = 0
    const res = await a.request(`/api/v1${path}`, { headers: { cookie: who === 'city' ? cookie : cookies[who]! } })
    expect(res.status, `${path}: ${res.status === 200 ? "" : await res.clone().text()}`).toBe(200)
    out[`${who} ${path}`] = counter.read
  }
  return out
}

/** A deputy's bench reads their returned-activity counters and their reports changed since filing (up to a cap), never all they filed. */
async function deputyReads() {
  const a = app()
  await a.request('/api/v1/health')
  counter.read = 0
  expect((await a.request('/api/v1/me/summary', { headers: { cookie: cookies.deputy! } })).status).toBe(200)
  return counter.read
}

it('reads the same small number of rows per statistics request, work bench and unit to-do at 20,000 and at 40,000 activities', async () => {
  await seed(0, 20_000, 2_000)
  const small = { ...(await readsPerEndpoint()), 'deputy /me/summary': await deputyReads() }
  // Twice the records, and twice the deputy's own reports.
  await seed(20_000, 20_000, 2_000)
  const large = { ...(await readsPerEndpoint()), 'deputy /me/summary': await deputyReads() }
  expect(large).toEqual(small)
  // Sessions (a couple of rows) + counters: 12 counties × 7 fields × 2 dimensions at most, etc.
  // A list page reads its 51 rows (the page and one to know there is more) and no others: the
  // names are stored on the issues.
  // The commendation table: per deputy of the roster its index entry, its row and its counter row (1,604 here), and the county's nominations.
  for (const [path, n] of Object.entries(large)) expect(n, path).toBeLessThanOrEqual(path.includes('/issues') ? 51 + 10 : path.includes('/stats/commendation') ? 3 * 600 + 50 : 500)
  console.info('rows read per statistics request:', JSON.stringify(large))
}, 120_000)
