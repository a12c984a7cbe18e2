// drizzle queries for changing an account or roster entry: the row as it stands, the one atomic
// batch that writes a change with its history event (and, for a deputy leaving or rejoining the
// roster, the coverage counters), and the history itself.
import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/client'
import { accountEvents, sessions, users } from '../db/schema'
import { insertWhere, writesThenUpdate } from '../db/sql'
import { deputyRosterMoved } from '../stats/counters'
import { reporterRenamed } from '../issues/names'
import type { AccountAction } from '../core/taxonomy'

export async function findAccountRow(db: Db, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      phone: users.phone,
      role: users.role,
      countyCode: users.countyCode,
      level: users.level,
      deputyGroup: users.deputyGroup,
      active: users.active,
      version: users.version,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1)
  return row ?? null
}
export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccountRow>>>

const others = alias(users, 'others')

/** Is there an active city staff account other than this one? (The city office must keep one.) */
export function otherActiveCityStaff(id: string): SQL {
  // Aliased, so that inside an UPDATE of users the subquery reads its own rows.
  return sql`exists (select 1 from ${users} as others where others.role = 'city_staff' and others.active = 1 and others.id <> ${id})`
}

export async function hasOtherActiveCityStaff(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: others.id })
    .from(others)
    .where(and(eq(others.role, 'city_staff'), eq(others.active, true), ne(others.id, id)))
    .limit(1)
  return !!row
}

export interface AccountChange {
  target: AccountRow
  set: Partial<Pick<typeof users.$inferInsert, 'name' | 'phone' | 'level' | 'deputyGroup' | 'active'>>
  action: AccountAction
  changes: Record<string, { from: unknown; to: unknown }>
  actorId: string
  now: Date
}

/**
 * Writes one change in one atomic batch: the history event, the roster counters and the end of
 * the account's sessions happen only if the account is still at the version the actor saw (and,
 * when a city staff account is ended, another active one remains); then the account itself under
 * the same condition. Answers false when nothing was written.
 */
export async function applyAccountChange(db: Db, c: AccountChange): Promise<boolean> {
  const { target } = c
  const guards = [eq(users.id, target.id), eq(users.version, target.version)]
  if (c.set.active === false && target.role === 'city_staff') guards.push(otherActiveCityStaff(target.id))
  const atVersion = and(...guards)!
  const still = sql`exists ${db.select({ one: sql`1` }).from(users).where(atVersion)}`
  const at = c.now.toISOString()
  const moved =
    target.role === 'deputy' && c.set.active !== undefined && c.set.active !== target.active
      ? deputyRosterMoved(db, target.id, target.countyCode!, c.set.active ? 1 : -1, still)
      : []
  return writesThenUpdate(
    db,
    [
      insertWhere(db, accountEvents, { id: crypto.randomUUID(), userId: target.id, actorId: c.actorId, at, action: c.action, changes: JSON.stringify(c.changes) }, still),
      ...moved,
      // An ended account's sessions end with it, in the same write.
      ...(c.set.active === false ? [db.delete(sessions).where(and(eq(sessions.userId, target.id), still))] : []),
      ...(c.set.name !== undefined ? [reporterRenamed(db, target.id, c.set.name, still)] : []),
    ],
    db
      .update(users)
      .set({ ...c.set, updatedAt: at, version: target.version + 1 })
      .where(atVersion)
      .returning({ id: users.id }),
  )
}

/** Every change to one account, oldest first, with the name of who made it. */
export function accountHistory(db: Db, userId: string) {
  return db
    .select({
      id: accountEvents.id,
      action: accountEvents.action,
      actorId: accountEvents.actorId,
      actorName: users.name,
      at: accountEvents.at,
      changes: accountEvents.changes,
    })
    .from(accountEvents)
    .innerJoin(users, eq(users.id, accountEvents.actorId))
    .where(eq(accountEvents.userId, userId))
    .orderBy(asc(accountEvents.at), asc(sql`${accountEvents}.rowid`))
}
