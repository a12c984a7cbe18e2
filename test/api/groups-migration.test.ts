// The groups migration's data part, run on a database of the release before it: the roster's
// free-text 代表小组 become groups of their county for the current year, with their members.
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
import { yearInShanghai } from '../../worker/core/dates'
import { LONGHUA, PINGQUAN } from '../support/app'

interface Journal {
  entries: { idx: number; tag: string }[]
}
const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as Journal
const GROUPS = journal.entries.findIndex((e) => e.tag.endsWith('_deputy_groups'))

/** The migrations folder as the release before groups shipped it. */
function migrationsBeforeGroups(): string {
  const dir = mkdtempSync(join(tmpdir(), 'npc-migrations-'))
  mkdirSync(join(dir, 'meta'))
  const entries = journal.entries.slice(0, GROUPS)
  for (const e of entries) cpSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(dir, `${e.tag}.sql`))
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }))
  return dir
}

describe('moving the roster free-text groups into groups', () => {
  it('makes one group per county and name, with its deputies as members and the fields its name contains', async () => {
    const client = openEmbedded(':memory:')
    await migrate(drizzle(client), { migrationsFolder: migrationsBeforeGroups() })
    await seedReference(fromLibsql(client))
    const now = new Date().toISOString()
    const deputy = (name: string, phone: string, county: string, group: string | null, active = 1) => ({
      sql: `insert into users (id, name, phone, role, county_code, level, deputy_group, must_change_password, active, created_at, updated_at, version)
            values (?, ?, ?, 'deputy', ?, 'county', ?, 1, ?, ?, ?, 1)`,
      args: [crypto.randomUUID(), name, phone, county, group, active, now, now],
    })
    await client.batch([
      deputy('甲', '13900000001', PINGQUAN, '乡村产业发展小组'),
      deputy('乙', '13900000002', PINGQUAN, ' 乡村产业发展小组 '),
      deputy('丙', '13900000003', PINGQUAN, '第三小组'),
      deputy('丁', '13900000004', LONGHUA, '乡村产业发展小组'),
      deputy('戊', '13900000005', PINGQUAN, ''),
      deputy('己', '13900000006', PINGQUAN, null),
      deputy('庚', '13900000007', PINGQUAN, '已停用小组', 0),
    ])
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR })
    const groups = await client.execute(
      `select g.county_code, g.year, g.name, g.leader_id, g.version, group_concat(distinct u.name) as members, (select group_concat(field_code) from group_fields f where f.group_id = g.id) as fields
       from deputy_groups g join group_members m on m.group_id = g.id join users u on u.id = m.deputy_id group by g.id order by g.county_code, g.name`,
    )
    const year = yearInShanghai()
    expect(groups.rows.map((r) => ({ ...r }))).toEqual([
      { county_code: LONGHUA, year, name: '乡村产业发展小组', leader_id: null, version: 1, members: '丁', fields: 'rural_industry' },
      { county_code: PINGQUAN, year, name: '乡村产业发展小组', leader_id: null, version: 1, members: expect.stringMatching(/^(甲,乙|乙,甲)$/), fields: 'rural_industry' },
      { county_code: PINGQUAN, year, name: '第三小组', leader_id: null, version: 1, members: '丙', fields: null },
    ])
    const ids = await client.execute('select id from deputy_groups')
    for (const r of ids.rows) expect(String(r.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
