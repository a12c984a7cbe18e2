// drizzle queries for the commendation (一年一表彰): a county's roster with each deputy's yearly
// counters (rows in proportion to the roster, never to activities), and the nominations of
// 优秀人大代表 with their guarded create and changes.
import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { deputyGroups, deputyYearCounts, groupMembers, nominations, users } from '../db/schema'
import type { DeputyLevel } from '../core/taxonomy'

/**
 * Every deputy on a county's roster today (optionally of one level, or members of one group) with
 * their counters of the year: reads users_county_role_active_created, then deputy_year_counts by
 * primary key (and group_members by primary key for a group).
 */
export function rosterFigures(db: Db, q: { countyCode: string; year: number; level?: DeputyLevel; groupId?: string }) {
  const where: (SQL | undefined)[] = [eq(users.countyCode, q.countyCode), eq(users.role, 'deputy'), eq(users.active, true)]
  if (q.level) where.push(eq(users.level, q.level))
  const base = db
    .select({
      deputyId: users.id,
      name: users.name,
      level: users.level,
      confirmed: sql<number>`coalesce(${deputyYearCounts.confirmed}, 0)`.mapWith(Number),
      groupConfirmed: sql<number>`coalesce(${deputyYearCounts.groupConfirmed}, 0)`.mapWith(Number),
      policyTalk: sql<number>`coalesce(${deputyYearCounts.policyTalk}, 0)`.mapWith(Number),
      opinion: sql<number>`coalesce(${deputyYearCounts.opinion}, 0)`.mapWith(Number),
      deed: sql<number>`coalesce(${deputyYearCounts.deed}, 0)`.mapWith(Number),
      mentoring: sql<number>`coalesce(${deputyYearCounts.mentoring}, 0)`.mapWith(Number),
      venues: sql<number>`coalesce(${deputyYearCounts.venues}, 0)`.mapWith(Number),
      introductions: sql<number>`coalesce(${deputyYearCounts.introductions}, 0)`.mapWith(Number),
    })
    .from(users)
    .leftJoin(deputyYearCounts, and(eq(deputyYearCounts.deputyId, users.id), eq(deputyYearCounts.year, q.year)))
  const scoped = q.groupId ? base.innerJoin(groupMembers, and(eq(groupMembers.groupId, q.groupId), eq(groupMembers.deputyId, users.id))) : base
  return scoped.where(and(...where)).orderBy(asc(users.name), asc(users.id))
}

/** A group's county and year (to check a group filter belongs to the table asked for). */
export async function groupPlace(db: Db, id: string) {
  const [row] = await db.select({ countyCode: deputyGroups.countyCode, year: deputyGroups.year }).from(deputyGroups).where(eq(deputyGroups.id, id)).limit(1)
  return row ?? null
}

/** A deputy on the roster (active) with their county, or null. */
export async function findDeputy(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, countyCode: users.countyCode })
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'deputy'), eq(users.active, true)))
    .limit(1)
  return row ?? null
}

const nominationColumns = {
  id: nominations.id,
  year: nominations.year,
  countyCode: nominations.countyCode,
  deputyId: nominations.deputyId,
  deputyName: users.name,
  deputyLevel: users.level,
  reason: nominations.reason,
  status: nominations.status,
  nominatedBy: nominations.nominatedBy,
  confirmedAt: nominations.confirmedAt,
  requestHash: nominations.requestHash,
  createdAt: nominations.createdAt,
  updatedAt: nominations.updatedAt,
  version: nominations.version,
}

export async function findNomination(db: Db, id: string) {
  const [row] = await db.select(nominationColumns).from(nominations).innerJoin(users, eq(users.id, nominations.deputyId)).where(eq(nominations.id, id)).limit(1)
  return row ?? null
}

/** The nominations of a year, of some counties (null: all), by county and time; uses nominations_year_county. */
export function listNominations(db: Db, year: number, countyCodes: string[] | null, withdrawn: boolean) {
  const where: (SQL | undefined)[] = [eq(nominations.year, year)]
  if (countyCodes) where.push(inArray(nominations.countyCode, countyCodes))
  if (!withdrawn) where.push(ne(nominations.status, 'withdrawn'))
  return db
    .select(nominationColumns)
    .from(nominations)
    .innerJoin(users, eq(users.id, nominations.deputyId))
    .where(and(...where))
    .orderBy(asc(nominations.countyCode), asc(nominations.createdAt), asc(nominations.id))
}

export interface NewNomination {
  id: string
  year: number
  countyCode: string
  deputyId: string
  reason: string
  nominatedBy: string
  requestHash: string
  at: string
}

/** Inserts unless the id exists (a retry); answers whether this call wrote it. A second live nomination of the deputy and year fails the unique index. */
export async function insertNomination(db: Db, n: NewNomination): Promise<boolean> {
  const rows = await db
    .insert(nominations)
    .values({ id: n.id, year: n.year, countyCode: n.countyCode, deputyId: n.deputyId, reason: n.reason, nominatedBy: n.nominatedBy, requestHash: n.requestHash, createdAt: n.at, updatedAt: n.at })
    .onConflictDoNothing({ target: nominations.id })
    .returning({ id: nominations.id })
  return rows.length === 1
}

/** Changes a nomination only if it is still at `version` and in `from`; answers whether it did. */
export async function updateNomination(
  db: Db,
  id: string,
  version: number,
  from: string,
  set: { reason?: string; status?: 'nominated' | 'confirmed' | 'withdrawn'; confirmedBy?: string; confirmedAt?: string },
  at: string,
): Promise<boolean> {
  const rows = await db
    .update(nominations)
    .set({ ...set, updatedAt: at, version: version + 1 })
    .where(and(eq(nominations.id, id), eq(nominations.version, version), eq(nominations.status, from as 'nominated')))
    .returning({ id: nominations.id })
  return rows.length === 1
}
