// drizzle queries for the reference data: places, years and fields, and the catalogue.
import { asc } from 'drizzle-orm'
import type { Db } from '../db/client'
import { catalog, fields, places } from '../db/schema'

export async function readReference(db: Db) {
  const [placeRows, fieldRows, catalogRows] = await db.batch([
    db.select().from(places).orderBy(asc(places.sort)),
    db.select().from(fields).orderBy(asc(fields.year), asc(fields.sort)),
    db.select().from(catalog).orderBy(asc(catalog.kind), asc(catalog.sort)),
  ])
  return { placeRows, fieldRows, catalogRows }
}
