// 1. The submission surge on Node + embedded libSQL: 50 connections post activities and issues
// with fresh client ids for 20 s, after 5 s of the same load that warms the server up (reported
// on its own); then nothing lost, nothing doubled, and a replay adds nothing.
// Baseline in the same run: the same rows written by a bare @libsql/client loop.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Agent } from 'node:http'
import type { Client } from '@libsql/client'
import { COUNTIES } from '../worker/db/seed/chengde'
import { todayInShanghai } from '../worker/core/dates'
import { createClient } from '@libsql/client'
import { fromLibsql } from '../worker/db/client'
import { migrateLibsql } from '../worker/db/migrate'
import { seedReference } from '../worker/db/seed/reference'
import { percentile, prepareFile, round, sessionsFor, startServer } from './lib/server'
import { closedLoop, send, type Sent } from './lib/load'

const DEPUTIES = 240
const today = todayInShanghai()

function activity(id: string) {
  return { id, date: today, venue: 'village', title: '走访农户了解增收情况', description: '入户走访，听取意见。', outcomes: { opinion: 1, deed: 1 }, introductions: [{ type: 'funds', name: '帮扶资金', amount: 12.5 }], tags: ['three_visits'] }
}
function issue(id: string) {
  return { id, fieldCode: 'rural_living', title: '村内道路破损', description: '主干道有多处坑洼，雨天积水。', township: '某镇', location: '某村', source: 'deputy', foundOn: today }
}

async function seedDeputies(client: Client): Promise<string[]> {
  const now = new Date().toISOString()
  const ids: string[] = []
  for (let i = 0; i < DEPUTIES; i++) {
    const id = crypto.randomUUID()
    ids.push(id)
    await client.execute({
      sql: `insert into users (id, name, phone, role, county_code, level, must_change_password, created_at, updated_at) values (?, '代表', ?, 'deputy', ?, 'township', 0, ?, ?)`,
      args: [id, `139${String(i).padStart(8, '0')}`, COUNTIES[i % COUNTIES.length]!.code, now, now],
    })
  }
  return ids
}

async function count(client: Client): Promise<number> {
  const r = await client.execute('select (select count(*) from activities) + (select count(*) from issues) as n')
  return Number(r.rows[0]!.n)
}

/**
 * The same rows the app writes per submission, by a bare @libsql/client loop, one batch per
 * submission: an activity with its introduction, tag and counter, or an issue with its event and
 * its two counters. What the app adds on top (HTTP, sessions, validation, drizzle) is the ratio.
 */
async function baseline(dir: string, submissions: number): Promise<number> {
  // The stock @libsql/client file client: same file settings, none of the app's own speed-ups
  // (no statement cache, no group commit: one commit per submission).
  const client = createClient({ url: `file:${join(dir, 'baseline.db')}`, concurrency: 1 })
  for (const p of ['journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 5000', 'foreign_keys = ON']) await client.execute(`PRAGMA ${p}`)
  await migrateLibsql(client)
  await seedReference(fromLibsql(client))
  const [deputy] = await seedDeputies(client)
  const year = Number(today.slice(0, 4))
  const t0 = performance.now()
  for (let i = 0; i < submissions; i++) {
    const id = crypto.randomUUID()
    const now = new Date().toISOString()
    const stmts =
      i % 2
        ? [
            {
              sql: `insert into issues (id, year, field_code, county_code, township, location, title, description, source, found_on, reporter_id, status, request_hash, created_at, updated_at) values (?, ?, 'rural_living', '130881', '某镇', '某村', '村内道路破损', '主干道有多处坑洼', 'deputy', ?, ?, 'reported', 'h', ?, ?)`,
              args: [id, year, today, deputy!, now, now],
            },
            { sql: `insert into issue_events (id, issue_id, action, to_status, actor_id, at) values (?, ?, 'create', 'reported', ?, ?)`, args: [id, id, deputy!, now] },
            ...['field', 'township'].map((dim) => ({
              sql: `insert into issue_counts (year, county_code, dimension, key, reported) values (?, '130881', ?, ?, 1) on conflict do update set reported = reported + 1`,
              args: [year, dim, dim === 'field' ? 'rural_living' : '某镇'],
            })),
          ]
        : [
            {
              sql: `insert into activities (id, deputy_id, county_code, year, date, venue, title, description, opinion, deed, created_by, request_hash, created_at, updated_at) values (?, ?, '130881', ?, ?, 'village', '走访农户', '入户走访', 1, 1, ?, 'h', ?, ?)`,
              args: [id, deputy!, year, today, deputy!, now, now],
            },
            { sql: `insert into activity_introductions (id, activity_id, type, name, amount_hundredths) values (?, ?, 'funds', '帮扶资金', 1250)`, args: [`${id}:0`, id] },
            { sql: `insert into activity_tags (activity_id, tag) values (?, 'three_visits')`, args: [id] },
            { sql: `insert into activity_counts (year, county_code, activities) values (?, '130881', 1) on conflict do update set activities = activities + 1`, args: [year] },
          ]
    await client.batch(stmts, 'write')
  }
  const seconds = (performance.now() - t0) / 1000
  client.close()
  return submissions / seconds
}

function summary(sent: Sent[]) {
  const l = sent.map((r) => r.ms).sort((a, b) => a - b)
  return { p50: round(percentile(l, 50)), p95: round(percentile(l, 95)), p99: round(percentile(l, 99)), max: round(l.at(-1) ?? 0) }
}

const isOk = (r: Sent) => r.status >= 200 && r.status < 300

export async function surge(opts: { connections?: number; seconds?: number; warmupSeconds?: number } = {}) {
  const connections = opts.connections ?? 50
  const duration = opts.seconds ?? 20
  const warmupSeconds = opts.warmupSeconds ?? 5
  const dir = mkdtempSync(join(tmpdir(), 'npc-surge-'))
  const base = await baseline(dir, 3000)
  const file = join(dir, 'app.db')
  const client = await prepareFile(file)
  const cookies = await sessionsFor(client, await seedDeputies(client))
  const server = await startServer(file)

  const next = (i: number) => {
    const path = i % 2 ? '/api/v1/issues' : '/api/v1/activities'
    const body = JSON.stringify(i % 2 ? issue(crypto.randomUUID()) : activity(crypto.randomUUID()))
    return { path, body, headers: { 'content-type': 'application/json', cookie: cookies[i % cookies.length]! } }
  }
  // A surge meets a server that has been running: a fresh process first compiles its hot code,
  // and its first second is several times slower (see coldStart in the results). The warm-up is
  // the same load, and its submissions are checked below with the rest.
  const warmup = await closedLoop(server.url, connections, warmupSeconds, next)
  const { sent, seconds } = await closedLoop(server.url, connections, duration, next)
  const ok = sent.filter(isOk)
  const acknowledged = [...warmup.sent.filter(isOk), ...ok]
  const rows = await count(client)
  // Every acknowledged submission is stored, once (ids are primary keys, so none is doubled).
  const ids = acknowledged.map((r) => (JSON.parse(r.body) as { id: string }).id)
  let missing = 0
  for (let i = 0; i < ids.length; i += 90) {
    const part = ids.slice(i, i + 90)
    const q = part.map(() => '?').join(',')
    const found = await client.execute({ sql: `select (select count(*) from activities where id in (${q})) + (select count(*) from issues where id in (${q})) as n`, args: [...part, ...part] })
    missing += part.length - Number(found.rows[0]!.n)
  }

  // Replay the first 1,000 submissions as a flaky phone would: nothing new may appear.
  const agent = new Agent({ keepAlive: true, maxSockets: 20 })
  const replay = ok.slice(0, 1000)
  let replay200 = 0
  for (let i = 0; i < replay.length; i += 20) {
    const statuses = await Promise.all(replay.slice(i, i + 20).map((r) => send(server.url, agent, r)))
    replay200 += statuses.filter((s) => s === 200).length
  }
  agent.destroy()
  const rowsAfterReplay = await count(client)
  await server.stop()
  client.close()

  const rps = ok.length / seconds
  const firstSecond = warmup.sent.filter((r) => r.at < 1000)
  return {
    connections,
    seconds: round(seconds),
    requests: sent.length,
    ok: ok.length,
    errors: sent.length - ok.length,
    rps: round(rps),
    latencyMs: summary(sent),
    /** The warm-up right after the server started, and its very first second. */
    coldStart: {
      seconds: round(warmup.seconds),
      requests: warmup.sent.length,
      errors: warmup.sent.filter((r) => !isOk(r)).length,
      rps: round(warmup.sent.filter(isOk).length / warmup.seconds),
      latencyMs: summary(warmup.sent),
      firstSecond: { requests: firstSecond.length, latencyMs: summary(firstSecond) },
    },
    rowsStored: rows,
    acknowledgedMissing: missing,
    rowsMatch2xx: rows === acknowledged.length && missing === 0,
    replayed: replay.length,
    replayAnswered200: replay200,
    newRowsAfterReplay: rowsAfterReplay - rows,
    baselineSubmissionsPerSecond: round(base),
    appToBaseline: round(rps / base, 2),
  }
}
