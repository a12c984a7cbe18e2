// 2. Reads at a city's scale on Node + embedded libSQL: 200,000 activities and 20,000 issues over
// 12 counties and 3 years; latency of a county's issue list (first and a deep page), a unit's
// to-do and each statistics endpoint, one request at a time.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Agent } from 'node:http'
import { fromLibsql } from '../worker/db/client'
import { rebuildCounters } from '../worker/stats/recount'
import { percentile, prepareFile, round, sessionsFor, startServer } from './lib/server'
import { send } from './lib/load'
import { CITY_SCALE, peopleSql, recordsSql } from './lib/seed'

const REPEAT = 300

export async function reads(shape = CITY_SCALE) {
  const dir = mkdtempSync(join(tmpdir(), 'npc-reads-'))
  const file = join(dir, 'app.db')
  const client = await prepareFile(file)
  const t0 = performance.now()
  const step = (what: string) => process.stderr.write(`  reads: ${what} (${round((performance.now() - t0) / 1000)} s)\n`)
  for (const s of [...peopleSql(shape), ...recordsSql(shape)]) await client.execute(s)
  step('seeded')
  await rebuildCounters(fromLibsql(client))
  step('counters rebuilt')
  await client.execute('ANALYZE')
  const seedSeconds = (performance.now() - t0) / 1000
  const [city, staff, unit] = await sessionsFor(client, ['city', 'staff-130881', 'unituser-130881'])
  client.close()
  const server = await startServer(file)
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })

  // A deep page: follow the cursor 40 pages in (row 2,000 of the county's list).
  let deep = '/api/v1/issues?limit=50'
  let depth = 1
  for (; depth < 41; depth++) {
    const res = await fetch(`${server.url}${deep}`, { headers: { cookie: staff! } })
    const { nextCursor } = (await res.json()) as { nextCursor: string | null }
    if (!nextCursor) break
    deep = `/api/v1/issues?limit=50&cursor=${nextCursor}`
  }

  const cases: [string, string, string][] = [
    ['county issue list, first page', '/api/v1/issues', staff!],
    [`county issue list, page ${depth}`, deep, staff!],
    ["unit's to-do", '/api/v1/issues?status=assigned,rectifying&sort=deadline', unit!],
    ['stats/supervision (city)', '/api/v1/stats/supervision?year=2025', city!],
    ['stats/supervision by township (county)', '/api/v1/stats/supervision?year=2025&groupBy=township', staff!],
    ['stats/activities (city)', '/api/v1/stats/activities?year=2025', city!],
    ['stats/five-ones (city)', '/api/v1/stats/five-ones?year=2025', city!],
  ]
  const out: Record<string, { p50: number; p99: number }> = {}
  for (const [name, path, cookie] of cases) {
    process.stderr.write(`  reads: ${name}\n`)
    for (let i = 0; i < 20; i++) await send(server.url, agent, { path, headers: { cookie } }) // warm up
    const ms: number[] = []
    for (let i = 0; i < REPEAT; i++) {
      const start = performance.now()
      const status = await send(server.url, agent, { path, headers: { cookie } })
      ms.push(performance.now() - start)
      if (status !== 200) throw new Error(`${name}: ${status}`)
    }
    ms.sort((a, b) => a - b)
    out[name] = { p50: round(percentile(ms, 50), 2), p99: round(percentile(ms, 99), 2) }
  }
  agent.destroy()
  await server.stop()
  return { activities: shape.activities, issues: shape.issues, years: shape.years, seedSeconds: round(seedSeconds), latencyMs: out }
}
