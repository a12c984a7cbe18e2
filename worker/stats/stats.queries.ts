// Reads for the statistics ledger: counters (rows in proportion to counties × fields) and the
// overdue count, which depends on today and so is counted from issues_county_status_deadline,
// reading only open items past their deadline.
import { and, asc, count, eq, gt, inArray, lt, notExists, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { activityCounts, deputyCounts, deputyYearCounts, fields, fiveOneCounts, issueCounts, issues, places, users } from '../db/schema'
import { OPEN_STATUSES } from '../core/workflow'

/** The codes of the year's supervision fields, in order (the columns of the county × field matrix). */
export function fieldCodesOfYear(db: Db, year: number) {
  return db.select({ code: fields.code }).from(fields).where(eq(fields.year, year)).orderBy(asc(fields.sort))
}

/** The city itself (its own congress owes 五个一 too), or null before reference data exists. */
export async function cityPlace(db: Db) {
  const [row] = await db.select({ code: places.code }).from(places).where(eq(places.kind, 'city')).limit(1)
  return row ?? null
}

export function issueCountRows(db: Db, year: number, counties: string[], dimension: 'field' | 'township') {
  return db
    .select()
    .from(issueCounts)
    .where(and(eq(issueCounts.year, year), inArray(issueCounts.countyCode, counties), eq(issueCounts.dimension, dimension)))
}

export function overdueRows(db: Db, year: number, counties: string[], today: string, dimension: 'field' | 'township') {
  const key = dimension === 'field' ? issues.fieldCode : issues.township
  return db
    .select({ countyCode: issues.countyCode, key, n: count() })
    .from(issues)
    .where(and(inArray(issues.countyCode, counties), inArray(issues.status, [...OPEN_STATUSES]), lt(issues.deadline, today), eq(issues.year, year)))
    .groupBy(issues.countyCode, key)
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
