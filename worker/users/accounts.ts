// Making accounts: every new account (deputy, unit, county staff) starts without a sign-in
// credential. Its owner sets a password at first sign-in with a one-time activation code that
// staff print for them whenever needed (worker/activation/), so no secret lives only in one answer.
import { eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { users } from '../db/schema'

export type NewUser = typeof users.$inferInsert

/** True for an account whose owner has set a password of their own (not a temporary one). */
export const activatedSql = sql<boolean>`(${users.passwordHash} is not null and ${users.mustChangePassword} = 0)`.mapWith(Boolean)

/** The row of a new account: no password hash yet, so nothing to hash (imports stay fast). */
export function newAccountRow(fields: Omit<NewUser, 'id' | 'passwordHash' | 'mustChangePassword' | 'createdAt' | 'updatedAt'>, now: Date): NewUser {
  const at = now.toISOString()
  return { ...fields, id: crypto.randomUUID(), passwordHash: null, mustChangePassword: false, createdAt: at, updatedAt: at }
}

export async function usersByPhone(db: Db, phones: string[]) {
  if (phones.length === 0) return []
  const out: { id: string; phone: string; role: NewUser['role']; countyCode: string | null; name: string; level: NewUser['level']; deputyGroup: string | null }[] = []
  // Chunked so that no statement binds more than D1's 100 parameters.
  for (let i = 0; i < phones.length; i += 90) {
    out.push(
      ...(await db
        .select({ id: users.id, phone: users.phone, role: users.role, countyCode: users.countyCode, name: users.name, level: users.level, deputyGroup: users.deputyGroup })
        .from(users)
        .where(inArray(users.phone, phones.slice(i, i + 90)))),
    )
  }
  return out
}

export async function phoneTaken(db: Db, phone: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone)).limit(1)
  return !!row
}

/** True for a SQLite unique-constraint failure (two requests racing for one phone). */
export function isUniqueViolation(e: unknown): boolean {
  const text = e instanceof Error ? `${e.message} ${String((e as { cause?: unknown }).cause ?? '')}` : String(e)
  return /UNIQUE constraint failed/i.test(text)
}
