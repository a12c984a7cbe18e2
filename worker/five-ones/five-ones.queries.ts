// drizzle queries for 五个一: a record with its counter in one batch (once per client id), and
// the scoped list.
import { and, asc, eq, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { fiveOnes, places } from '../db/schema'
import { createdNow, createOnce } from '../db/sql'
import { fiveOneAdded } from '../stats/counters'

const columns = {
  id: fiveOnes.id,
  countyCode: fiveOnes.placeCode,
  year: fiveOnes.year,
  type: fiveOnes.type,
  date: fiveOnes.date,
  title: fiveOnes.title,
  summary: fiveOnes.summary,
  createdAt: fiveOnes.createdAt,
  updatedAt: fiveOnes.updatedAt,
  version: fiveOnes.version,
}

export async function placeExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: places.code }).from(places).where(eq(places.code, code)).limit(1)
  return !!row
}

/** Stores a 五个一 unless its id is taken, counting it only if this request stored it. */
export async function insertFiveOne(db: Db, row: typeof fiveOnes.$inferInsert): Promise<boolean> {
  const create = createOnce(db, fiveOnes, row)
  const [inserted] = await db.batch([create.insert, fiveOneAdded(db, row.year, row.placeCode, row.type, create.ours)])
  return createdNow(inserted)
}

export async function findFiveOne(db: Db, id: string) {
  const [row] = await db.select({ ...columns, createdBy: fiveOnes.createdBy, requestHash: fiveOnes.requestHash }).from(fiveOnes).where(eq(fiveOnes.id, id)).limit(1)
  return row
}

/** 五个一 of a year and/or a place; the table holds a handful of rows a congress a year. */
export function listFiveOnes(db: Db, f: { year?: number; placeCode?: string }) {
  const where: (SQL | undefined)[] = []
  if (f.year) where.push(eq(fiveOnes.year, f.year))
  if (f.placeCode) where.push(eq(fiveOnes.placeCode, f.placeCode))
  return db
    .select(columns)
    .from(fiveOnes)
    .where(and(...where))
    .orderBy(asc(fiveOnes.year), asc(fiveOnes.placeCode), asc(fiveOnes.date))
}
