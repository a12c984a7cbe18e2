// The nominations migration's data part, run on a database of the release before it: each
// deputy's yearly counters gain their 四个一批 sums, venues and introduction types, exactly what a
// recount of their confirmed activities gives.
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
import { RECOUNT } from '../../worker/stats/recount'
import { PINGQUAN } from '../support/app'

interface Journal {
  entries: { idx: number; tag: string }[]
}
const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as Journal
const NOMINATIONS = journal.entries.findIndex((e) => e.tag.endsWith('_nominations'))

function migrationsBefore(): string {
  const dir = mkdtempSync(join(tmpdir(), 'npc-migrations-'))
  mkdirSync(join(dir, 'meta'))
  const entries = journal.entries.slice(0, NOMINATIONS)
  for (const e of entries) cpSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(dir, `${e.tag}.sql`))
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }))
  return dir
}

describe('filling the per-deputy figures of the commendation', () => {
  it('gives every deputy and year the sums, venues and introduction types of their confirmed activities', async () => {
    const client = openEmbedded(':memory:')
    await migrate(drizzle(client), { migrationsFolder: migrationsBefore() })
    await seedReference(fromLibsql(client))
    const now = new Date().toISOString()
    const ids = ['d1', 'd2']
    await client.batch(
      ids.map((id, i) => ({
        sql: `insert into users (id, name, phone, role, county_code, level, must_change_password, active, created_at, updated_at, version) values (?, ?, ?, 'deputy', ?, 'county', 1, 1, ?, ?, 1)`,
        args: [id, `代表${i}`, `1390000000${i}`, PINGQUAN, now, now],
      })),
    )
    const activity = (id: string, deputy: string, year: number, venue: string | null, status: string, talk: number) => ({
      sql: `insert into activities (id, deputy_id, county_code, year, date, venue, title, policy_talk, opinion, deed, mentoring, status, created_by, request_hash, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, '走访', ?, 1, 0, 2, ?, ?, 'h', ?, ?)`,
      args: [id, deputy, PINGQUAN, year, `${year}-03-01`, venue, talk, status, deputy, now, now],
    })
    const intro = (id: string, activityId: string, type: string) => ({
      sql: `insert into activity_introductions (id, activity_id, type, name, amount_hundredths) values (?, ?, ?, '引进', ?)`,
      args: [id, activityId, type, type === 'funds' ? 1000 : null],
    })
    await client.batch([
      activity('a1', 'd1', 2024, 'village', 'confirmed', 2),
      activity('a2', 'd1', 2024, 'village', 'confirmed', 1),
      activity('a3', 'd1', 2024, 'school', 'confirmed', 0),
      activity('a4', 'd1', 2024, 'hospital', 'returned', 5),
      activity('a5', 'd1', 2025, null, 'confirmed', 3),
      activity('a6', 'd2', 2024, 'shop', 'submitted', 4),
      activity('a7', 'd2', 2024, 'station', 'returned', 1),
      intro('i1', 'a1', 'funds'),
      intro('i2', 'a2', 'funds'),
      intro('i3', 'a3', 'talent'),
      intro('i4', 'a4', 'technology'),
      // The counters as the release before kept them.
      { sql: `insert into deputy_year_counts (deputy_id, year, confirmed, returned) select deputy_id, year, sum(status = 'confirmed'), sum(status = 'returned') from activities where status in ('confirmed', 'returned') group by deputy_id, year`, args: [] },
    ])
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR })
    const { columns, select } = RECOUNT.deputy_year_counts
    const stored = await client.execute(`select ${columns} from deputy_year_counts order by deputy_id, year`)
    const d1 = stored.rows.find((r) => r.deputy_id === 'd1' && r.year === 2024)!
    // village (bit 2) and school (bit 5); funds (bit 2) and talent (bit 3), in the catalogue order.
    expect({ ...d1 }).toMatchObject({ confirmed: 3, returned: 1, policy_talk: 3, opinion: 3, mentoring: 6, venues: 4 + 32, introductions: 4 + 8 })
    const recount = await fromLibsql(client).all<Record<string, unknown>>(select)
    const shape = (rows: Record<string, unknown>[]) => rows.map((r) => Object.values(r).map(String).join(',')).sort()
    expect(shape(stored.rows as unknown as Record<string, unknown>[])).toEqual(shape(recount))
  })
})
