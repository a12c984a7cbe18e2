// Deputy groups (代表小组): the activity unit of a county's deputies in a year, mixed across the
// five levels. A group covers supervision fields of its year (group_fields, one row a field, so
// that coverage reads counties × fields rows, never members) or a theme, and has a leader among
// its members (group_members).
import { check, foreignKey, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { sql } from 'drizzle-orm'
import { fields, places, users } from './schema'

export const deputyGroups = sqliteTable(
  'deputy_groups',
  {
    id: text('id').primaryKey(),
    countyCode: text('county_code')
      .notNull()
      .references(() => places.code),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    /** A theme (专题) for a group that covers no field, or words on what it watches. */
    theme: text('theme').notNull().default(''),
    /** Null only for a group moved from the roster's free-text column, until staff name one. */
    leaderId: text('leader_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // A county's groups of a year, by name; also the city's list of a year through the next index.
    uniqueIndex('deputy_groups_county_year_name').on(t.countyCode, t.year, t.name),
    index('deputy_groups_year_county').on(t.year, t.countyCode, t.name),
    check('deputy_groups_year', sql`${t.year} between 2000 and 2100`),
  ],
)

/** The fields a group covers: what coverage (GET /stats/groups) reads. */
export const groupFields = sqliteTable(
  'group_fields',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => deputyGroups.id),
    year: integer('year').notNull(),
    countyCode: text('county_code').notNull(),
    fieldCode: text('field_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.fieldCode] }),
    foreignKey({ columns: [t.year, t.fieldCode], foreignColumns: [fields.year, fields.code] }),
    index('group_fields_year_county_field').on(t.year, t.countyCode, t.fieldCode),
  ],
)

/** A group's members (roster deputies); the leader is one of them. */
export const groupMembers = sqliteTable(
  'group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => deputyGroups.id),
    deputyId: text('deputy_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.deputyId] }), index('group_members_deputy').on(t.deputyId, t.groupId)],
)
