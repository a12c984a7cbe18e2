// Sign-in sessions: a random 256-bit token in an HttpOnly cookie, only its SHA-256 in the
// database, with an idle and an absolute expiry. last_seen_at is written at most every few
// minutes, so that reading pages does not turn into a database write per request.
import { and, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { sessions, units, users } from '../db/schema'
import type { DeputyLevel, Role } from '../core/taxonomy'

export const SESSION_COOKIE = 'npc_session'
const TOUCH_EVERY_MS = 5 * 60_000

export interface SessionUser {
  id: string
  name: string
  phone: string
  role: Role
  countyCode: string | null
  unitId: string | null
  unitName: string | null
  level: DeputyLevel | null
  mustChangePassword: boolean
}

function toB64url(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
  return toB64url(new Uint8Array(digest))
}

export interface SessionTimes {
  idleMs: number
  maxMs: number
}

/** Starts a session; answers the token for the cookie (never stored). */
export async function createSession(db: Db, userId: string, times: SessionTimes, now = new Date()): Promise<string> {
  const token = toB64url(crypto.getRandomValues(new Uint8Array(32)))
  const iso = now.toISOString()
  await db.insert(sessions).values({
    tokenHash: await hashToken(token),
    userId,
    createdAt: iso,
    lastSeenAt: iso,
    expiresAt: new Date(now.getTime() + times.maxMs).toISOString(),
  })
  return token
}

function sessionQuery(db: Db) {
  return db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      user: {
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
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
    .prepare()
}

// Every request runs this query: it is built once per database handle, not per request.
const prepared = new WeakMap<Db, ReturnType<typeof sessionQuery>>()

/** The signed-in user for a token, or null when it is unknown, expired or the user is disabled. */
export async function userForToken(db: Db, token: string, times: SessionTimes, now = new Date()): Promise<SessionUser | null> {
  const tokenHash = await hashToken(token)
  let query = prepared.get(db)
  if (!query) prepared.set(db, (query = sessionQuery(db)))
  const [row] = await query.all({ tokenHash })
  if (!row || !row.user.active) return null
  const t = now.getTime()
  const idleEnds = Date.parse(row.lastSeenAt) + times.idleMs
  if (t >= Date.parse(row.expiresAt) || t >= idleEnds) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
    return null
  }
  if (t - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.tokenHash, tokenHash))
  }
  const { active: _active, ...user } = row.user
  return user
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, await hashToken(token)))
}

/** Ends every session of a user except, optionally, the one in use (after a password change). */
export async function endOtherSessions(db: Db, userId: string, keepToken?: string): Promise<void> {
  if (!keepToken) {
    await db.delete(sessions).where(eq(sessions.userId, userId))
    return
  }
  const keep = await hashToken(keepToken)
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keep)))
}
