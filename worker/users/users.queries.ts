// drizzle queries for accounts: the public view of a user (never the password hash).
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import type { Keyset } from '../db/cursor'
import { activationCodes, units, users } from '../db/schema'
import { keysetAfter } from '../db/sql'
import { activatedSql, type NewUser } from './accounts'

const userView = {
  id: users.id,
  name: users.name,
  phone: users.phone,
  role: users.role,
  countyCode: users.countyCode,
  unitId: users.unitId,
  unitName: units.name,
  level: users.level,
  mustChangePassword: users.mustChangePassword,
  active: users.active,
  version: users.version,
}

export async function findUserView(db: Db, id: string) {
  const [row] = await db.select(userView).from(users).leftJoin(units, eq(units.id, users.unitId)).where(eq(users.id, id)).limit(1)
  return row ?? null
}


export async function insertAccount(db: Db, row: NewUser) {
  await db.insert(users).values(row)
}

/**
 * Takes away an account's password and any activation code printed before, in one batch:
 * nothing printed earlier still opens it.
 */
export async function clearCredential(db: Db, id: string, now: Date) {
  await db.batch([
    db
      .update(users)
      .set({ passwordHash: null, mustChangePassword: false, updatedAt: now.toISOString(), version: sql`${users.version} + 1` })
      .where(eq(users.id, id)),
    db.delete(activationCodes).where(eq(activationCodes.userId, id)),
  ])
}

export interface AccountFilter {
  /** null: every county (city staff); else this county. */
  countyCode: string | null
  roles: ('unit' | 'county_staff' | 'city_staff')[]
  active: boolean
  after?: Keyset
  limit: number
}

/** Staff and unit accounts, newest first (deputies have their own roster list). */
export function listAccounts(db: Db, f: AccountFilter) {
  const where: (SQL | undefined)[] = [inArray(users.role, f.roles), eq(users.active, f.active)]
  if (f.countyCode) where.push(eq(users.countyCode, f.countyCode))
  if (f.after) where.push(keysetAfter(users.createdAt, users.id, f.after, 'desc'))
  return db
    .select({ ...userView, activated: activatedSql, createdAt: users.createdAt })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(...where))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(f.limit + 1)
}
