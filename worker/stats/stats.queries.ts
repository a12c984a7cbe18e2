// Reads for the statistics ledger: counters (rows in proportion to counties × fields), and the
// figures that depend on today (overdue, due soon) as sums over the deadline-date buckets in range.
import { and, asc, eq, gt, gte, inArray, lte, notExists, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { activityCounts, deadlineCounts, deputyCounts, deputyYearCounts, fields, fiveOneCounts, issueCounts, places, users } from '../db/schema'

/** The codes of the year's supervision fields, in order (the columns of the county × field matrix). */
export function fieldCodesOfYear(db: Db, year: number) {
  return db.select({ code: fields.code }).from(fields).where(eq(fields.year, year)).orderBy(asc(fields.sort))
}

/** The city itself (its own congress owes 五个一 too), or null before reference data exists. */
export async function cityPlace(db: Db) {
  const [row] = await db.select({ code: places.code }).from(places).where(eq(places.kind, 'city')).limit(1)
  return row ?? null
}

export function issueCountRows(db: Db, year: number, counties: string[], dimension: 'field' | 'township' | 'group') {
  return db
    .select()
    .from(issueCounts)
    .where(and(eq(issueCounts.year, year), inArray(issueCounts.countyCode, counties), eq(issueCounts.dimension, dimension)))
}

/** Open items per county and key whose deadline falls in [from, to] (either bound optional), from the buckets. */
export function deadlineRows(db: Db, year: number, counties: string[], dimension: 'field' | 'township' | 'group', range: { from?: string; to?: string }) {
  return db
    .select({ countyCode: deadlineCounts.countyCode, key: deadlineCounts.key, n: sql<number>`sum(${deadlineCounts.n})`.mapWith(Number) })
    .from(deadlineCounts)
    .where(
      and(
        eq(deadlineCounts.year, year),
        inArray(deadlineCounts.countyCode, counties),
        eq(deadlineCounts.dimension, dimension),
        range.from ? gte(deadlineCounts.deadline, range.from) : undefined,
        range.to ? lte(deadlineCounts.deadline, range.to) : undefined,
      ),
    )
    .groupBy(deadlineCounts.countyCode, deadlineCounts.key)
}

export function activityCountRows(db: Db, year: number, counties: string[]) {
  return db
    .select()
    .from(activityCounts)
    .where(and(eq(activityCounts.year, year), inArray(activityCounts.countyCode, counties)))
}

export function deputyCountRows(db: Db, counties: string[]) {
  return db.select().from(deputyCounts).where(inArray(deputyCounts.countyCode, counties))
}

export function fiveOneCountRows(db: Db, year: number, places: string[]) {
  return db
    .select()
    .from(fiveOneCounts)
    .where(and(eq(fiveOneCounts.year, year), inArray(fiveOneCounts.placeCode, places)))
    .orderBy(asc(fiveOneCounts.placeCode))
}

/** Deputies of one county with no confirmed activity in the year (who to call). */
export function inactiveDeputies(db: Db, countyCode: string, year: number) {
  return db
    .select({ id: users.id, name: users.name, phone: users.phone, level: users.level, group: users.deputyGroup, countyCode: users.countyCode })
    .from(users)
    .where(
      and(
        eq(users.countyCode, countyCode),
        eq(users.role, 'deputy'),
        eq(users.active, true),
        notExists(db.select({ one: sql`1` }).from(deputyYearCounts).where(and(eq(deputyYearCounts.deputyId, users.id), eq(deputyYearCounts.year, year), gt(deputyYearCounts.confirmed, 0)))),
      ),
    )
    .orderBy(asc(users.name))
}
