// drizzle queries for responsible units (责任单位).
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { units } from '../db/schema'

export function listUnits(db: Db, countyCode: string | null) {
  const q = db.select({ id: units.id, name: units.name, countyCode: units.countyCode }).from(units)
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
    .returning({ id: units.id, name: units.name, countyCode: units.countyCode })
  return row ?? null
}
