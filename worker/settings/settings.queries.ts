// drizzle queries for the per-year settings: all of them (a row per year at most), and the
// guarded write that inserts a year's first setting or updates it at the version the editor saw.
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { yearSettings } from '../db/schema'

export function allYearSettings(db: Db) {
  return db.select().from(yearSettings).orderBy(asc(yearSettings.year))
}

export async function yearSetting(db: Db, year: number) {
  const [row] = await db.select().from(yearSettings).where(eq(yearSettings.year, year)).limit(1)
  return row ?? null
}

/** Version 0 means "not set yet": the insert wins only if nobody set the year meanwhile. */
export async function writeYearSetting(db: Db, year: number, dueSoonDays: number, version: number, at: string): Promise<boolean> {
  if (version === 0) {
    const rows = await db.insert(yearSettings).values({ year, dueSoonDays, updatedAt: at, version: 1 }).onConflictDoNothing().returning({ year: yearSettings.year })
    return rows.length === 1
  }
  const rows = await db
    .update(yearSettings)
    .set({ dueSoonDays, updatedAt: at, version: version + 1 })
    .where(and(eq(yearSettings.year, year), eq(yearSettings.version, version)))
    .returning({ year: yearSettings.year })
  return rows.length === 1
}
