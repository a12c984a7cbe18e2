// drizzle queries for sign-in: accounts by phone or id, and the per-phone failure counter.
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { loginAttempts, users } from '../db/schema'

export async function findUserByPhone(db: Db, phone: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.phone, phone))
    .limit(1)
  return row ?? null
}

export async function passwordHashOf(db: Db, userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1)
  return row?.passwordHash ?? null
}

export async function setPassword(db: Db, userId: string, passwordHash: string, mustChange: boolean, now: Date) {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, updatedAt: now.toISOString(), version: sql`${users.version} + 1` })
    .where(eq(users.id, userId))
}

export async function lockedUntil(db: Db, phone: string): Promise<string | null> {
  const [row] = await db.select({ lockedUntil: loginAttempts.lockedUntil }).from(loginAttempts).where(eq(loginAttempts.phone, phone)).limit(1)
  return row?.lockedUntil ?? null
}

/**
 * Counts one failed sign-in for a phone in a single atomic upsert: a new window opens when the
 * last one is older than `windowMs`; reaching `maxFailures` locks the phone until `lockMs` later.
 */
export async function recordFailure(db: Db, phone: string, now: Date, windowMs: number, maxFailures: number, lockMs: number) {
  const iso = now.toISOString()
  const windowOpen = new Date(now.getTime() - windowMs).toISOString()
  const lockEnd = new Date(now.getTime() + lockMs).toISOString()
  const stale = sql`${loginAttempts.windowStartedAt} < ${windowOpen}`
  const failures = sql`case when ${stale} then 1 else ${loginAttempts.failures} + 1 end`
  await db
    .insert(loginAttempts)
    .values({ phone, failures: 1, windowStartedAt: iso, lockedUntil: maxFailures <= 1 ? lockEnd : null })
    .onConflictDoUpdate({
      target: loginAttempts.phone,
      set: {
        // SQLite evaluates every SET expression against the old row, so each reads the same state.
        failures,
        windowStartedAt: sql`case when ${stale} then ${iso} else ${loginAttempts.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${maxFailures} then ${lockEnd} else null end`,
      },
    })
}

export async function clearFailures(db: Db, phone: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.phone, phone))
}
