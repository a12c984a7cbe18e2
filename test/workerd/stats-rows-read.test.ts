// D1 bills every row a query scans. A statistics request must read rows in proportion to
// counties × fields, never to records: measured here from D1's own meta.rows_read, on 20,000
// activities and 2,000 issues, and again on twice that.
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
            case when i % 2 = 0 then 'u' end, case when i % 2 = 0 then '${year}-01-05' end,
            case when i % 2 = 0 then 'closed' else 'reported' end, case when i % 2 = 0 then '${year}-01-03' end, case when i % 2 = 0 then 1 end, 'h', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z'
     from n join (select code, row_number() over (order by code) - 1 as k from places where kind = 'county') c on c.k = i % 12
            join (select code, row_number() over (order by sort) - 1 as k from fields where year = ${year}) f on f.k = i % 7`,
  ).run()
  await rebuildCounters(fromD1(env.DB))
}

let cookie = ''
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
})

async function readsPerEndpoint() {
  const a = app()
  await a.request('/api/v1/health') // the first request of an app checks the reference data
  const out: Record<string, number> = {}
  for (const path of ['/stats/supervision', '/stats/supervision?groupBy=township', '/stats/activities', '/stats/five-ones']) {
    counter.read = 0
    const res = await a.request(`/api/v1${path}`, { headers: { cookie } })
    expect(res.status).toBe(200)
    out[path] = counter.read
  }
  return out
}

it('reads the same small number of rows per statistics request at 20,000 and at 40,000 activities', async () => {
  await seed(0, 20_000, 2_000)
  const small = await readsPerEndpoint()
  await seed(20_000, 20_000, 2_000)
  const large = await readsPerEndpoint()
  expect(large).toEqual(small)
  // Sessions (a couple of rows) + counters: 12 counties × 7 fields × 2 dimensions at most, etc.
  for (const [path, n] of Object.entries(large)) expect(n, path).toBeLessThan(400)
  console.info('rows read per statistics request:', JSON.stringify(large))
}, 120_000)
