// drizzle queries for activation codes: writing fresh codes, and the accounts a staff member
// picked or who have not set a password yet. Spending a code is sign-in's (auth.queries.ts).
import { and, asc, eq, exists, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { activationCodes, units, users } from '../db/schema'

export interface NewCode {
  userId: string
  codeHash: string
  issuedBy: string
  issuedAt: string
  expiresAt: string
}

/** Upserts of fresh codes (a new code replaces the account's last one), 16 rows a statement. */
export function writeCodes(db: Db, rows: NewCode[]) {
  const out = []
  for (let i = 0; i < rows.length; i += 16) {
    out.push(
      db
        .insert(activationCodes)
        .values(rows.slice(i, i + 16).map((r) => ({ ...r, usedAt: null })))
        .onConflictDoUpdate({
          target: activationCodes.userId,
          set: {
            codeHash: sql`excluded.code_hash`,
            issuedBy: sql`excluded.issued_by`,
            issuedAt: sql`excluded.issued_at`,
            expiresAt: sql`excluded.expires_at`,
            usedAt: null,
          },
        }),
    )
  }
  return out
}

const target = {
  id: users.id,
  name: users.name,
  phone: users.phone,
  role: users.role,
  countyCode: users.countyCode,
  unitName: units.name,
  level: users.level,
  active: users.active,
}

export type CodeTarget = Awaited<ReturnType<typeof accountsByIds>>[number]

/** The accounts of these ids (90 a statement, under D1's 100 bound parameters). */
export async function accountsByIds(db: Db, ids: string[]) {
  const out = []
  for (let i = 0; i < ids.length; i += 90) {
    out.push(...(await db.select(target).from(users).leftJoin(units, eq(units.id, users.unitId)).where(inArray(users.id, ids.slice(i, i + 90)))))
  }
  return out
}

/**
 * Active deputies who have not set a password of their own yet, oldest first (the order of the
 * roster file), at most `limit`; read through users_county_role_created / users_role_created.
 */
export function deputiesNotActivated(db: Db, countyCodes: string[] | null, limit: number) {
  const where: (SQL | undefined)[] = [
    eq(users.role, 'deputy'),
    eq(users.active, true),
    or(isNull(users.passwordHash), eq(users.mustChangePassword, true)),
  ]
  if (countyCodes) where.push(inArray(users.countyCode, countyCodes))
  return db
    .select(target)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(...where))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(limit)
}
