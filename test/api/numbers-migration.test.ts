// The register-number migration's data part, run on a database of the release before it: the
// issues already filed are numbered in order of found date per county and year, and the next
// filing goes on from the last number given.
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
import { createIssue } from '../../worker/issues/issues.service'
import type { SessionUser } from '../../worker/auth/sessions'
import { LONGHUA, PINGQUAN } from '../support/app'
import { issueBody } from '../support/issues'

interface Journal {
  entries: { idx: number; tag: string }[]
}
const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as Journal
const NUMBERS = journal.entries.findIndex((e) => e.tag.endsWith('_issue_register_numbers'))

/** The migrations folder as the release before register numbers shipped it (…0014_nominations). */
function migrationsBefore(): string {
  const dir = mkdtempSync(join(tmpdir(), 'npc-migrations-'))
  mkdirSync(join(dir, 'meta'))
  const entries = journal.entries.slice(0, NUMBERS)
  for (const e of entries) cpSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(dir, `${e.tag}.sql`))
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }))
  return dir
}

describe('numbering the issues filed before register numbers', () => {
  it('numbers them by found date, then filing time, per county and year, and the counters go on from there', async () => {
    expect(journal.entries[NUMBERS - 1]!.tag).toBe('0014_nominations')
    const client = openEmbedded(':memory:')
    await migrate(drizzle(client), { migrationsFolder: migrationsBefore() })
    const db = fromLibsql(client)
    await seedReference(db)
    const deputyId = crypto.randomUUID()
    await client.execute({
      sql: `insert into users (id, name, phone, role, county_code, level, must_change_password, active, created_at, updated_at, version)
            values (?, '代表甲', '13900000001', 'deputy', ?, 'county', 0, 1, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 1)`,
      args: [deputyId, PINGQUAN],
    })
    const issue = (id: string, county: string, foundOn: string, createdAt: string) => ({
      sql: `insert into issues (id, year, field_code, county_code, title, description, source, found_on, reporter_id, request_hash, created_at, updated_at)
            values (?, ?, 'rural_living', ?, '标题', '描述', 'deputy', ?, ?, 'earlier-release', ?, ?)`,
      args: [id, Number(foundOn.slice(0, 4)), county, foundOn, deputyId, createdAt, createdAt],
    })
    await client.batch([
      // Filed out of order: the later-found one first.
      issue('pq-c', PINGQUAN, '2025-09-01', '2025-09-02T00:00:00.000Z'),
      issue('pq-a', PINGQUAN, '2025-03-01', '2025-09-03T00:00:00.000Z'),
      // Same found date: the earlier filing goes first; same instant too: the id decides.
      issue('pq-b2', PINGQUAN, '2025-05-01', '2025-05-02T00:00:00.000Z'),
      issue('pq-b1', PINGQUAN, '2025-05-01', '2025-05-02T00:00:00.000Z'),
      issue('pq-old', PINGQUAN, '2024-12-30', '2025-01-02T00:00:00.000Z'),
      issue('lh-a', LONGHUA, '2025-04-01', '2025-04-01T00:00:00.000Z'),
    ])
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR })
    const rows = await client.execute('select id, number from issues order by number')
    expect(Object.fromEntries(rows.rows.map((r) => [r.id, r.number]))).toEqual({
      'pq-a': '平泉-2025-0001',
      'pq-b1': '平泉-2025-0002',
      'pq-b2': '平泉-2025-0003',
      'pq-c': '平泉-2025-0004',
      'pq-old': '平泉-2024-0001',
      'lh-a': '隆化-2025-0001',
    })
    const user: SessionUser = { id: deputyId, name: '代表甲', phone: '13900000001', role: 'deputy', countyCode: PINGQUAN, unitId: null, unitName: null, level: 'county', mustChangePassword: false }
    const next = await createIssue(db, user, issueBody({ foundOn: '2025-10-01' }) as never)
    expect(next.issue.number).toBe('平泉-2025-0005')
    // Each county and year goes on from its own last number.
    const earlierYear = await createIssue(db, user, issueBody({ foundOn: '2024-06-01' }) as never)
    expect(earlierYear.issue.number).toBe('平泉-2024-0002')
  })
})
