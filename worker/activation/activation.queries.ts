// drizzle queries for activation codes: whose code a phone holds, spending a code together with
// setting the password, writing fresh codes, and the accounts a staff member picked.
import { and, asc, eq, exists, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { activationCodes, units, users } from '../db/schema'

/** True for an account whose owner has set a password of their own (not a temporary one). */
export const activatedSql = sql<boolean>`(${users.passwordHash} is not null and ${users.mustChangePassword} = 0)`.mapWith(Boolean)

/** The account of a phone and the code it holds, if any. */
export async function activationByPhone(db: Db, phone: string) {
  const [row] = await db
    .select({
      userId: users.id,
      active: users.active,
      codeHash: activationCodes.codeHash,
      expiresAt: activationCodes.expiresAt,
      usedAt: activationCodes.usedAt,
    })
    .from(users)
    .leftJoin(activationCodes, eq(activationCodes.userId, users.id))
    .where(eq(users.phone, phone))
    .limit(1)
  return row ?? null
}

/**
 * Sets the password and marks the code used in one atomic batch, both only while the code is
 * still live (unused, unexpired, the same hash, the account active): of two sign-ins racing with
 * one code exactly one sets a password. Answers whether this one did.
 */
export async function spendActivationCode(db: Db, userId: string, codeHash: string, passwordHash: string, now: Date) {
  const iso = now.toISOString()
  const live = and(eq(activationCodes.userId, userId), eq(activationCodes.codeHash, codeHash), isNull(activationCodes.usedAt), gt(activationCodes.expiresAt, iso))
  const [updated] = await db.batch([
    db
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: iso, version: sql`${users.version} + 1` })
      .where(and(eq(users.id, userId), eq(users.active, true), exists(db.select({ one: sql`1` }).from(activationCodes).where(live))))
      .returning({ id: users.id }),
    db.update(activationCodes).set({ usedAt: iso }).where(live),
  ])
  return updated.length === 1
}

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

/** A reset voids the account's code too: nothing printed earlier still opens it. */
export function dropCode(db: Db, userId: string) {
  return db.delete(activationCodes).where(eq(activationCodes.userId, userId))
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
