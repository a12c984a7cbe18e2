// drizzle queries for the work bench (GET /me/summary): counters and indexed counts on narrow
// ranges only, never rows loaded to be counted; and the deputy's "last looked" marker.
import { and, count, eq, gt, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { OPEN_STATUSES } from '../core/workflow'
import { unitKey } from '../stats/counters'
import { activityCounts, deadlineCounts, deputyYearCounts, issueCounts, issues, seenMarkers } from '../db/schema'

/** Status counts summed over every year of some counties (one counter row per year × field). */
export function statusTotals(db: Db, counties: string[] | null) {
  const sum = (c: typeof issueCounts.reported) => sql<number>`coalesce(sum(${c}), 0)`.mapWith(Number)
  return db
    .select({ reported: sum(issueCounts.reported), rectified: sum(issueCounts.rectified) })
    .from(issueCounts)
    .where(and(eq(issueCounts.dimension, 'field'), counties ? inArray(issueCounts.countyCode, counties) : undefined))
}

/** Open items per county, year and deadline bucket in [from, to] (either bound optional). */
export function countyDeadlineBuckets(db: Db, counties: string[] | null, range: { from?: string; to?: string }) {
  return db
    .select({ countyCode: deadlineCounts.countyCode, year: deadlineCounts.year, deadline: deadlineCounts.deadline, n: sql<number>`sum(${deadlineCounts.n})`.mapWith(Number) })
    .from(deadlineCounts)
    .where(
      and(
        eq(deadlineCounts.dimension, 'county'),
        counties ? inArray(deadlineCounts.countyCode, counties) : undefined,
        range.from ? gte(deadlineCounts.deadline, range.from) : undefined,
        range.to ? lte(deadlineCounts.deadline, range.to) : undefined,
      ),
    )
    .groupBy(deadlineCounts.countyCode, deadlineCounts.year, deadlineCounts.deadline)
}

/** One unit's open items per status key, year and deadline bucket in range (deadline_counts_key_deadline). */
export function unitDeadlineBuckets(db: Db, unitId: string, range: { from?: string; to?: string }) {
  return db
    .select({ key: deadlineCounts.key, year: deadlineCounts.year, deadline: deadlineCounts.deadline, n: deadlineCounts.n })
    .from(deadlineCounts)
    .where(
      and(
        eq(deadlineCounts.dimension, 'unit'),
        inArray(deadlineCounts.key, [...OPEN_STATUSES.map((s) => unitKey(s, unitId)), unitKey('pressed', unitId)]),
        range.from ? gte(deadlineCounts.deadline, range.from) : undefined,
        range.to ? lte(deadlineCounts.deadline, range.to) : undefined,
      ),
    )
}

/** Items a unit declined, awaiting a new assignment (the partial index holds only those). */
export function declinedCount(db: Db, counties: string[] | null) {
  return db
    .select({ n: count() })
    .from(issues)
    .where(and(isNotNull(issues.declinedNote), counties ? inArray(issues.countyCode, counties) : undefined))
}

/** Activities waiting for review, from the counters: recorded − confirmed − returned, every year. */
export function submittedActivities(db: Db, counties: string[] | null) {
  return db
    .select({ n: sql<number>`coalesce(sum(${activityCounts.activities} - ${activityCounts.confirmed} - ${activityCounts.returned}), 0)`.mapWith(Number) })
    .from(activityCounts)
    .where(counties ? inArray(activityCounts.countyCode, counties) : undefined)
}

/** A deputy's returned activities, from their yearly counter rows. */
export function returnedActivities(db: Db, deputyId: string) {
  return db
    .select({ n: sql<number>`coalesce(sum(${deputyYearCounts.returned}), 0)`.mapWith(Number) })
    .from(deputyYearCounts)
    .where(eq(deputyYearCounts.deputyId, deputyId))
}

/** The most "new progress" a deputy's bench counts: beyond it the card says 99+, and no more rows are read. */
export const PROGRESS_CAP = 100

/**
 * A deputy's reports changed by anyone after `since` and after they were filed, counted up to
 * PROGRESS_CAP: through issues_reporter_progress (whose condition is written literally here),
 * which holds only reports changed since filing, so neither their unchanged reports nor more than
 * the cap are read.
 */
export function progressCount(db: Db, reporterId: string, since: string) {
  const changed = db
    .select({ one: sql`1` })
    .from(issues)
    .where(and(eq(issues.reporterId, reporterId), gt(issues.updatedAt, since), gt(issues.updatedAt, issues.createdAt)))
    .limit(PROGRESS_CAP)
    .as('changed')
  return db.select({ n: count() }).from(changed)
}

export async function issuesSeenAt(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ at: seenMarkers.issuesSeenAt }).from(seenMarkers).where(eq(seenMarkers.userId, userId)).limit(1)
  return row?.at ?? null
}

export async function markIssuesSeen(db: Db, userId: string, at: string) {
  await db.insert(seenMarkers).values({ userId, issuesSeenAt: at }).onConflictDoUpdate({ target: seenMarkers.userId, set: { issuesSeenAt: at } })
}
