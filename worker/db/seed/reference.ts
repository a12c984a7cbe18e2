// Loads the reference data (places, the taxonomy catalogue, each year's supervision fields) into
// a database. Idempotent and cheap when already done: both runtimes call it on start, and a new
// year gets the previous year's fields so that the ledger keeps working on 1 January.
import { desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { catalog, fields, places } from '../schema'
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TAGS,
  DEPUTY_LEVELS,
  FIVE_ONES,
  ISSUE_KINDS,
  ISSUE_SOURCES,
  ISSUE_STATUSES,
  OUTCOMES,
  VENUES,
} from '../../core/taxonomy'
import { yearInShanghai } from '../../core/dates'
import { CITY, COUNTIES, FIELDS, FIRST_YEAR } from './chengde'

type CatalogRow = typeof catalog.$inferInsert

function catalogRows(): CatalogRow[] {
  const rows: CatalogRow[] = []
  const add = (kind: string, list: readonly { code: string; name: string }[], extra?: (x: never) => string) =>
    list.forEach((x, i) => rows.push({ kind, code: x.code, name: x.name, extra: extra ? extra(x as never) : null, sort: i }))
  add('issue_source', ISSUE_SOURCES)
  add('issue_kind', ISSUE_KINDS)
  add('issue_status', ISSUE_STATUSES)
  add('venue', VENUES, (x: { focus: string }) => x.focus)
  add('outcome', OUTCOMES, (x: { group: string }) => x.group)
  add('five_one', FIVE_ONES)
  add('deputy_level', DEPUTY_LEVELS)
  add('activity_status', ACTIVITY_STATUSES)
  add('activity_tag', ACTIVITY_TAGS)
  return rows
}

/** Chunks rows so that no statement binds more than D1's 100 parameters. */
export function chunk<T>(rows: T[], columnsPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(100 / columnsPerRow))
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

export async function seedReference(db: Db, now: Date = new Date()): Promise<void> {
  const year = yearInShanghai(now)
  const [state] = await db
    .select({
      places: sql<number>`(select count(*) from ${places})`,
      catalog: sql<number>`(select count(*) from ${catalog})`,
      thisYear: sql<number>`(select count(*) from ${fields} where ${fields.year} = ${year})`,
    })
    .from(sql`(select 1)`)
  const rows = catalogRows()
  if (state && state.places > 0 && state.catalog === rows.length && state.thisYear > 0) return

  const writes = []
  if (!state || state.places === 0) {
    writes.push(
      db.insert(places).values({ code: CITY.code, name: CITY.name, kind: 'city', parentCode: null, sort: 0 }).onConflictDoNothing(),
      db
        .insert(places)
        .values(COUNTIES.map((c, i) => ({ code: c.code, name: c.name, kind: 'county' as const, parentCode: CITY.code, sort: i + 1 })))
        .onConflictDoNothing(),
    )
  }
  for (const part of chunk(rows, 5)) {
    writes.push(
      db
        .insert(catalog)
        .values(part)
        .onConflictDoUpdate({ target: [catalog.kind, catalog.code], set: { name: sql`excluded.name`, extra: sql`excluded.extra`, sort: sql`excluded.sort` } }),
    )
  }
  // Each missing year from the first to this one gets the latest earlier year's list (or the
  // seed's list when there is none), so a list city staff changed carries forward.
  const [latest] = await db.select({ year: fields.year }).from(fields).orderBy(desc(fields.year)).limit(1)
  let template = FIELDS.map((f, i) => ({ code: f.code, name: f.name, origin: f.origin, sort: i }))
  if (latest) {
    template = await db
      .select({ code: fields.code, name: fields.name, origin: fields.origin, sort: fields.sort })
      .from(fields)
      .where(eq(fields.year, latest.year))
  }
  const firstMissing = latest ? latest.year + 1 : FIRST_YEAR
  for (let y = firstMissing; y <= year; y++) {
    writes.push(db.insert(fields).values(template.map((f) => ({ ...f, year: y }))).onConflictDoNothing())
  }
  if (writes.length > 0) await db.batch(writes as [(typeof writes)[number], ...(typeof writes)[number][]])
}

