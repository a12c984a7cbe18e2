// Nominations of 优秀人大代表 (the yearly commendation): county staff nominate a deputy of their
// county with a reason, the city confirms. One live nomination per deputy and year (a withdrawn
// one does not count), created under the client's id so that a retry creates nothing.
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { sql } from 'drizzle-orm'
import { places, users } from './schema'

export const NOMINATION_STATUSES = ['nominated', 'confirmed', 'withdrawn'] as const

export const nominations = sqliteTable(
  'nominations',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    countyCode: text('county_code')
      .notNull()
      .references(() => places.code),
    deputyId: text('deputy_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: NOMINATION_STATUSES }).notNull().default('nominated'),
    nominatedBy: text('nominated_by')
      .notNull()
      .references(() => users.id),
    confirmedBy: text('confirmed_by').references(() => users.id),
    confirmedAt: text('confirmed_at'),
    requestHash: text('request_hash').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One live nomination per deputy and year.
    uniqueIndex('nominations_deputy_year_live').on(t.deputyId, t.year).where(sql`${t.status} <> 'withdrawn'`),
    // A county's (or, by year alone, the city's) list of a year.
    index('nominations_year_county').on(t.year, t.countyCode, t.createdAt),
    check('nominations_status', sql`${t.status} in ('nominated', 'confirmed', 'withdrawn')`),
    check('nominations_year', sql`${t.year} between 2000 and 2100`),
  ],
)
