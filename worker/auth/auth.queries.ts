// drizzle queries for sign-in: accounts by phone or id, the sign-in throttle's counters, and
// spending an activation code together with setting the password.
import { and, eq, exists, gt, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { activationCodes, signInThrottle, users } from '../db/schema'
import { insertWhere } from '../db/sql'

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

/** Stale throttle rows deleted at most per attempt. */
const SWEEP_ROWS = 20

/** One throttle counter: at most `limit` attempts admitted per window of `windowMs`. */
export interface ThrottleCounter {
  key: string
  limit: number
  windowMs: number
}

/**
 * Admits one attempt against a chain of counters in one atomic batch, before any password is
 * checked. Each counter is a conditional upsert: it counts the attempt only while the counter is
 * under its limit (or its window has run out, which opens a new one) AND the counter before it in
 * the chain admitted this same attempt (`admittedBy` = `attempt`). So concurrent attempts can never
 * be admitted beyond a limit, and an attempt refused early in the chain counts nowhere after it.
 * Answers the counters' rows as they stand after the batch.
 */
export async function admitAttemptRows(db: Db, chain: readonly ThrottleCounter[], attempt: string, now: Date) {
  const iso = now.toISOString()
  const t = signInThrottle
  const counts = chain.map((counter, i) => {
    const stale = sql`${t.windowStartedAt} <= ${new Date(now.getTime() - counter.windowMs).toISOString()}`
    const previous = chain[i - 1]
    // The row is written only when the previous counter's row names this attempt as admitted.
    const admittedBefore = previous
      ? sql`exists (select 1 from ${t} where ${t.key} = ${previous.key} and ${t.admittedBy} = ${attempt})`
      : sql`1`
    const insert = insertWhere(db, t, { key: counter.key, attempts: 1, windowStartedAt: iso, admittedBy: attempt }, admittedBefore)
    return insert.onConflictDoUpdate({
      target: t.key,
      // SQLite evaluates every SET expression against the old row, so each reads the same state.
      set: {
        attempts: sql`case when ${stale} then 1 else ${t.attempts} + 1 end`,
        windowStartedAt: sql`case when ${stale} then ${iso} else ${t.windowStartedAt} end`,
        admittedBy: attempt,
      },
      setWhere: sql`${stale} or ${t.attempts} < ${counter.limit}`,
    })
  })
  // Rows whose window ended longer ago than the longest window mean nothing any more; a few go
  // with every attempt (through the window index), which keeps the table small.
  const longOver = new Date(now.getTime() - Math.max(...chain.map((c) => c.windowMs))).toISOString()
  const sweep = db.delete(t).where(inArray(t.key, db.select({ key: t.key }).from(t).where(lt(t.windowStartedAt, longOver)).limit(SWEEP_ROWS)))
  const read = db.select().from(t).where(inArray(t.key, chain.map((c) => c.key)))
  const results = await db.batch([sweep, ...counts, read] as unknown as [typeof read])
  return results.at(-1) as Awaited<typeof read>
}

/** A successful sign-in: `clear` counters are deleted, `refund` ones take back one attempt. */
export async function forgiveAttempt(db: Db, clear: readonly string[], refund: readonly string[]) {
  const t = signInThrottle
  await db.batch([
    db.delete(t).where(inArray(t.key, [...clear])),
    db
      .update(t)
      .set({ attempts: sql`max(${t.attempts} - 1, 0)` })
      .where(inArray(t.key, [...refund])),
  ])
}

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
