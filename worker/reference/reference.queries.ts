// drizzle queries for the reference data: places, years and fields, and the catalogue.
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { catalog, fields, places } from '../db/schema'

/** The cheapest statement that proves the database answers (GET /health). */
export async function pingDatabase(db: Db): Promise<void> {
  await db.run(sql`select 1`)
}

export async function readReference(db: Db) {
  const [placeRows, fieldRows, catalogRows] = await db.batch([
    db.select().from(places).orderBy(asc(places.sort)),
    db.select().from(fields).orderBy(asc(fields.year), asc(fields.sort)),
    db.select().from(catalog).orderBy(asc(catalog.kind), asc(catalog.sort)),
  ])
  return { placeRows, fieldRows, catalogRows }
}

export function countyRows(db: Db) {
  return db.select({ code: places.code, name: places.name }).from(places).where(eq(places.kind, 'county')).orderBy(asc(places.sort))
}

/** Is this the code of one of the city's county-level units? */
export async function isCounty(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: places.code }).from(places).where(and(eq(places.code, code), eq(places.kind, 'county'))).limit(1)
  return !!row
}

/** Is this field configured for this year? */
export async function isFieldOfYear(db: Db, year: number, code: string): Promise<boolean> {
  const [row] = await db.select({ code: fields.code }).from(fields).where(and(eq(fields.year, year), eq(fields.code, code))).limit(1)
  return !!row
}

/** Every year's fields (code and name), for reading a ledger file that names them either way. */
export function fieldRows(db: Db) {
  return db.select({ year: fields.year, code: fields.code, name: fields.name }).from(fields).orderBy(asc(fields.year), asc(fields.sort))
}
