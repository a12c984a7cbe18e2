// drizzle queries for the deputies roster: scoped lists with keyset pagination.
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { activationCodes, users } from '../db/schema'
import { chunk } from '../db/seed/reference'
import { activatedSql, type NewUser } from '../users/accounts'
import { contains, keysetAfter } from '../db/sql'
import type { Keyset } from '../db/cursor'
import type { DeputyLevel } from '../core/taxonomy'

/** A roster entry as the API shows it. */
export const deputyView = {
  id: users.id,
  name: users.name,
  phone: users.phone,
  level: users.level,
  countyCode: users.countyCode,
  group: users.deputyGroup,
  active: users.active,
  version: users.version,
}

export async function findDeputyView(db: Db, id: string) {
  const [row] = await db.select(deputyView).from(users).where(and(eq(users.id, id), eq(users.role, 'deputy'))).limit(1)
  return row ?? null
}

/** Inserts of new roster rows, as many a statement as stay under D1's 100 bound parameters (a row binds 14). */
export function insertDeputies(db: Db, rows: NewUser[]) {
  return chunk(rows, 14).map((part) => db.insert(users).values(part))
}

/** The update of a re-imported deputy's name, level and group. */
export function updateRosterEntry(db: Db, id: string, set: Pick<NewUser, 'name' | 'level' | 'deputyGroup'>, now: Date) {
  return db
    .update(users)
    .set({ ...set, updatedAt: now.toISOString(), version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
}

export interface DeputyFilter {
  /** null: every county (city staff); else these counties only. */
  countyCodes: string[] | null
  level?: DeputyLevel
  active: boolean
  q?: string
  after?: Keyset
  limit: number
}

/** Deputies newest first; uses users_county_role_active_created (or users_role_active_created for the city). */
export function listDeputies(db: Db, f: DeputyFilter) {
  const where: (SQL | undefined)[] = [eq(users.role, 'deputy')]
  if (f.countyCodes) where.push(f.countyCodes.length === 1 ? eq(users.countyCode, f.countyCodes[0]!) : inArray(users.countyCode, f.countyCodes))
  where.push(eq(users.active, f.active))
  if (f.level) where.push(eq(users.level, f.level))
  if (f.q) {
    where.push(or(contains(users.name, f.q), contains(users.phone, f.q)))
  }
  if (f.after) {
    where.push(keysetAfter(users.createdAt, users.id, f.after, 'desc'))
  }
  return db
    .select({ ...deputyView, activated: activatedSql, codeExpiresAt: activationCodes.expiresAt, createdAt: users.createdAt })
    .from(users)
    // The live (unused) code of each deputy on the page, by its primary key.
    .leftJoin(activationCodes, and(eq(activationCodes.userId, users.id), isNull(activationCodes.usedAt)))
    .where(and(...where))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(f.limit + 1)
}
