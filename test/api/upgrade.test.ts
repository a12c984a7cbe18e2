// The upgrade procedure of docs/operations.md, tried once from an earlier release's database
// (migrations 0000–0004 only, with data in it): back up, `npm run db:migrate`, start the new
// server, and GET /health says the schema is current while every record is still there.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { drizzle } from 'drizzle-orm/libsql'
import { describe, expect, it } from 'vitest'
import { openEmbedded } from '../../worker/db/open-node'
import { MIGRATIONS_DIR } from '../../worker/db/migrate'
import { fromLibsql } from '../../worker/db/client'
import { seedReference } from '../../worker/db/seed/reference'
import { createApp } from '../../worker/app'
import { parseConfig } from '../../worker/env'
import { hashPassword } from '../../worker/auth/passwords'
import { APP_VERSION } from '../../worker/core/version'
import { issueBody } from '../support/issues'
import { PINGQUAN } from '../support/app'
import { runCli, signIn, startServer } from '../support/processes'

interface Journal {
  entries: { idx: number; tag: string }[]
}
const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as Journal
const PREVIOUS = '0004_overdue_by_year_index'
const LATEST = journal.entries.at(-1)!.tag

/** The migrations folder as an earlier release shipped it: everything up to and including `last`. */
function earlierMigrations(last: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'npc-migrations-'))
  mkdirSync(join(dir, 'meta'))
  const upTo = journal.entries.findIndex((e) => e.tag === last)
  const entries = journal.entries.slice(0, upTo + 1)
  for (const e of entries) cpSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(dir, `${e.tag}.sql`))
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }))
  return dir
}

describe('upgrading a database of an earlier release', () => {
  it('backs up, migrates and serves the same records on the current schema', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'npc-upgrade-'))
    const path = join(dir, 'app.db')
    const client = openEmbedded(path)
    await migrate(drizzle(client), { migrationsFolder: earlierMigrations(PREVIOUS) })
    const db = fromLibsql(client)
    await seedReference(db)
    const app = createApp({ db, config: parseConfig({}) })
    // Records written as the earlier release wrote them: plain SQL on its tables, not the current
    // code, which expects the current schema.
    const now = new Date().toISOString()
    const deputyId = crypto.randomUUID()
    await client.execute({
      sql: `insert into users (id, name, phone, role, county_code, level, password_hash, must_change_password, active, created_at, updated_at, version)
            values (?, '代表乙', '13900000002', 'deputy', ?, 'township', ?, 0, 1, ?, ?, 1)`,
      args: [deputyId, PINGQUAN, await hashPassword('upgrade-pass-1'), now, now],
    })
    const body = issueBody()
    const issue = { id: crypto.randomUUID() }
    await client.batch([
      {
        sql: `insert into issues (id, kind, year, field_code, county_code, township, location, title, description, source, found_on, reporter_id, status, progress, request_hash, created_at, updated_at, version)
              values (?, 'problem', ?, ?, ?, '', '', ?, ?, ?, ?, ?, 'reported', 0, 'earlier-release', ?, ?, 1)`,
        args: [issue.id, Number(body.foundOn.slice(0, 4)), body.fieldCode, PINGQUAN, body.title, body.description, body.source, body.foundOn, deputyId, now, now],
      },
      { sql: `insert into issue_events (id, issue_id, action, to_status, actor_id, at, data) values (?, ?, 'create', 'reported', ?, ?, '{}')`, args: [issue.id, issue.id, deputyId, now] },
      // An item already assigned, with a deadline: the upgrade counts it in its deadline buckets.
      { sql: `insert into units (id, county_code, name, created_at) values ('unit-1', ?, '平泉市水务局', ?)`, args: [PINGQUAN, now] },
      {
        sql: `insert into issues (id, kind, year, field_code, county_code, township, location, title, description, source, found_on, reporter_id, unit_id, requirement, deadline, status, progress, request_hash, created_at, updated_at, version)
              values ('assigned-1', 'problem', ?, ?, ?, '平泉镇', '', '已交办的问题', '描述', ?, ?, ?, 'unit-1', '整改', '2099-01-01', 'assigned', 0, 'earlier-release', ?, ?, 2)`,
        args: [Number(body.foundOn.slice(0, 4)), body.fieldCode, PINGQUAN, body.source, body.foundOn, deputyId, now, now],
      },
      { sql: `insert into issue_events (id, issue_id, action, to_status, actor_id, at, data) values ('e1', 'assigned-1', 'create', 'reported', ?, ?, '{}')`, args: [deputyId, now] },
      { sql: `insert into issue_events (id, issue_id, action, from_status, to_status, actor_id, at, data) values ('e2', 'assigned-1', 'assign', 'reported', 'assigned', ?, ?, '{}')`, args: [deputyId, now] },
    ])
    // The earlier release's database, as health would describe it.
    expect(await (await app.request('/api/v1/health')).json()).toMatchObject({ migration: PREVIOUS, pendingMigrations: journal.entries.length - 1 - journal.entries.findIndex((e) => e.tag === PREVIOUS) })
    client.checkpoint()
    client.close()

    const env = { DATABASE_URL: `file:${path}` }
    const backup = await runCli('backup.ts', [join(dir, 'before-upgrade')], env)
    expect(backup.code, backup.stderr).toBe(0)
    expect(backup.stderr).toContain(`迁移版本 ${PREVIOUS}`)

    const migrated = await runCli('migrate.ts', [], env)
    expect(migrated.code, migrated.stderr).toBe(0)
    expect(migrated.stderr).toContain(`当前迁移版本 ${PREVIOUS}`)
    expect(migrated.stderr).toContain(`已迁移到 ${LATEST}，已是最新`)
    const again = await runCli('migrate.ts', [], env)
    expect(again.stderr).toContain('没有需要执行的迁移')

    const server = await startServer(path)
    try {
      expect(await (await fetch(`${server.baseURL}/api/v1/health`)).json()).toEqual({ ok: true, db: 'ok', version: APP_VERSION, migration: LATEST, pendingMigrations: 0 })
      const deputy = await signIn(server.baseURL, '13900000002', 'upgrade-pass-1')
      const res = await fetch(`${server.baseURL}/api/v1/issues/${issue.id}`, { headers: { cookie: deputy } })
      expect(res.status).toBe(200)
      const detail = (await res.json()) as { issue: unknown; events: { action: string }[] }
      expect(detail.issue).toMatchObject({ id: issue.id, title: issueBody().title, status: 'reported', pressCount: 0, declinedNote: null, light: null })
      // issue_events was rebuilt (for the press action) with every row it had.
      expect(detail.events.map((e) => e.action)).toEqual(['create'])
      // The names the ledger shows were copied onto the issues they name.
      const own = (await (await fetch(`${server.baseURL}/api/v1/issues`, { headers: { cookie: deputy } })).json()) as { items: { id: string; reporterName: string; unitName: string | null }[] }
      expect(own.items.map(({ id, reporterName, unitName }) => ({ id, reporterName, unitName })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        [
          { id: issue.id, reporterName: '代表乙', unitName: null },
          { id: 'assigned-1', reporterName: '代表乙', unitName: '平泉市水务局' },
        ].sort((a, b) => a.id.localeCompare(b.id)),
      )
    } finally {
      expect(await server.stop()).toBe(0)
    }
    const after = openEmbedded(path)
    expect((await after.execute('select count(*) as n from issue_events')).rows[0]!.n).toBe(3)
    expect((await after.execute("select dimension, key, deadline, n from deadline_counts order by dimension")).rows.map((r) => ({ ...r }))).toEqual([
      { dimension: 'county', key: '', deadline: '2099-01-01', n: 1 },
      { dimension: 'field', key: body.fieldCode, deadline: '2099-01-01', n: 1 },
      { dimension: 'township', key: '平泉镇', deadline: '2099-01-01', n: 1 },
      { dimension: 'unit', key: 'assigned:unit-1', deadline: '2099-01-01', n: 1 },
    ])
    after.close()
  })
})
