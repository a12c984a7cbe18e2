// drizzle queries for responsible units (责任单位).
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { units } from '../db/schema'
import { writesThenUpdate } from '../db/sql'
import { unitRenamed } from '../issues/names'

const shown = { id: units.id, name: units.name, countyCode: units.countyCode, version: units.version }

export function listUnits(db: Db, countyCode: string | null) {
  const q = db.select(shown).from(units)
  return (countyCode ? q.where(eq(units.countyCode, countyCode)) : q).orderBy(asc(units.countyCode), asc(units.name))
}

export async function findUnit(db: Db, id: string) {
  const [row] = await db.select().from(units).where(eq(units.id, id)).limit(1)
  return row ?? null
}

/** Inserts a unit; answers null when the county already has one of that name. */
export async function insertUnit(db: Db, countyCode: string, name: string, now: Date) {
  const [row] = await db
    .insert(units)
    .values({ id: crypto.randomUUID(), countyCode, name, createdAt: now.toISOString() })
    .onConflictDoNothing()
    .returning(shown)
  return row ?? null
}

/**
 * Renames a unit only if it is still at the version the actor saw; the names its issues carry
 * change in the same atomic batch under the same condition. Answers whether it was renamed; a
 * name the county already has throws the unique index's error.
 */
export function renameUnit(db: Db, c: { id: string; version: number; name: string }): Promise<boolean> {
  const atVersion = sql`exists (select 1 from ${units} where ${units.id} = ${c.id} and ${units.version} = ${c.version})`
  const update = db
    .update(units)
    .set({ name: c.name, version: c.version + 1 })
    .where(and(eq(units.id, c.id), eq(units.version, c.version)))
    .returning({ id: units.id })
  return writesThenUpdate(db, [unitRenamed(db, c.id, c.name, atVersion)], update)
}
