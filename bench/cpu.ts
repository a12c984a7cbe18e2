// 6. CPU per request. workerd run locally reports no CPU time, so this measures the same code on
// the same engine (V8) in-process: process.cpuUsage around many sequential requests through
// app.request(), per endpoint, on a libSQL database in memory. It is a proxy for the Workers
// CPU limit (10 ms on the free plan), not the figure Cloudflare bills.
import { createApp } from '../worker/app'
import { fromLibsql } from '../worker/db/client'
import { migrateLibsql } from '../worker/db/migrate'
import { openEmbedded } from '../worker/db/open-node'
import { seedReference } from '../worker/db/seed/reference'
import { parseConfig } from '../worker/env'
import { hashPassword } from '../worker/auth/passwords'
import { todayInShanghai } from '../worker/core/dates'
import { rebuildCounters } from '../worker/stats/recount'
import { deputyIdOf, peopleSql, recordsSql } from './lib/seed'
import { round, sessionsFor } from './lib/server'

export async function cpuPerRequest(n = 300) {
  const client = openEmbedded(':memory:')
  await migrateLibsql(client)
  const db = fromLibsql(client)
  await seedReference(db)
  const shape = { activities: 20_000, issues: 2_000, years: [2025, 2026], deputies: 240 }
  for (const s of [...peopleSql(shape), ...recordsSql(shape)]) await client.execute(s)
  await rebuildCounters(db)
  await client.execute({ sql: `update users set password_hash = ? where id = 'city'`, args: [await hashPassword('bench-2026x')] })
  const [city, staff, deputy] = await sessionsFor(client, ['city', 'staff-130881', deputyIdOf(0)])
  const app = createApp({ db, config: parseConfig({}) })
  const today = todayInShanghai()
  const json = (cookie: string, body: unknown) => ({ method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const cases: [string, () => RequestInit & { path: string }][] = [
    ['GET /me', () => ({ path: '/api/v1/me', headers: { cookie: deputy! } })],
    ['GET /issues (county)', () => ({ path: '/api/v1/issues', headers: { cookie: staff! } })],
    ['POST /activities', () => ({ path: '/api/v1/activities', ...json(deputy!, { date: today, venue: 'village', title: '走访', outcomes: { opinion: 1 }, introductions: [{ type: 'funds', name: '资金', amount: 1 }] }) })],
    ['POST /issues', () => ({ path: '/api/v1/issues', ...json(deputy!, { fieldCode: 'rural_living', title: '道路破损', description: '坑洼', source: 'deputy', foundOn: today }) })],
    ['GET /stats/supervision (city)', () => ({ path: '/api/v1/stats/supervision', headers: { cookie: city! } })],
    ['POST /auth/login (PBKDF2, 100,000 iterations)', () => ({ path: '/api/v1/auth/login', ...json('', { phone: '13700000000', password: 'bench-2026x' }) })],
  ]
  const out: Record<string, number> = {}
  for (const [name, make] of cases) {
    const count = name.includes('login') ? 30 : n
    for (let i = 0; i < 20; i++) await app.request(make().path, make()) // warm up the JIT
    const c0 = process.cpuUsage()
    for (let i = 0; i < count; i++) {
      const r = make()
      const res = await app.request(r.path, r)
      if (res.status >= 300) throw new Error(`${name}: ${res.status}`)
    }
    const c = process.cpuUsage(c0)
    out[name] = round((c.user + c.system) / 1000 / count, 2)
  }
  client.close()
  return { method: 'V8 in-process (Node), process.cpuUsage per request, libSQL in memory', msPerRequest: out }
}
