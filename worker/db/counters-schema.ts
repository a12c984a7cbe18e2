// The statistics ledger's counters: a cache of the truth, kept in the same atomic batch as every
// write that changes it, so that a statistics request reads rows in proportion to counties ×
// fields, never to records. worker/stats/recount.ts rebuilds them all from the base tables.
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { sql } from 'drizzle-orm'

const counter = (name: string) => integer(name).notNull().default(0)

/**
 * Issues per year, county and field (dimension 'field') or township (dimension 'township'); the
 * issues a deputy group found also per group (dimension 'group', key the group's id).
 */
export const issueCounts = sqliteTable(
  'issue_counts',
  {
    year: integer('year').notNull(),
    countyCode: text('county_code').notNull(),
    dimension: text('dimension', { enum: ['field', 'township', 'group'] }).notNull(),
    key: text('key').notNull(),
    reported: counter('reported'),
    assigned: counter('assigned'),
    rectifying: counter('rectifying'),
    rectified: counter('rectified'),
    closed: counter('closed'),
    rejected: counter('rejected'),
    closedOnTime: counter('closed_on_time'),
  },
  (t) => [primaryKey({ columns: [t.year, t.countyCode, t.dimension, t.key] }), check('issue_counts_dimension', sql`${t.dimension} in ('field', 'township', 'group')`)],
)

/** Activities per year and county; outcomes and introductions count confirmed activities only. */
export const activityCounts = sqliteTable(
  'activity_counts',
  {
    year: integer('year').notNull(),
    countyCode: text('county_code').notNull(),
    activities: counter('activities'),
    confirmed: counter('confirmed'),
    activeDeputies: counter('active_deputies'),
    policyTalk: counter('policy_talk'),
    opinion: counter('opinion'),
    deed: counter('deed'),
    mentoring: counter('mentoring'),
    marketEntity: counter('market_entity'),
    greenProject: counter('green_project'),
    funds: counter('funds'),
    talent: counter('talent'),
    technology: counter('technology'),
    fundsHundredths: counter('funds_hundredths'),
    /** Returned to their deputy and not yet resubmitted: submitted = activities - confirmed - returned. */
    returned: counter('returned'),
  },
  (t) => [primaryKey({ columns: [t.year, t.countyCode] })],
)

/** Confirmed (and returned) activities per deputy and year: tells when a deputy becomes active (0 → 1). */
export const deputyYearCounts = sqliteTable(
  'deputy_year_counts',
  {
    deputyId: text('deputy_id').notNull(),
    year: integer('year').notNull(),
    /** Confirmed activities the deputy took part in: their own and the group activities (集体活动) they joined. */
    confirmed: counter('confirmed'),
    /** Of those, the group activities (each counted once per participant; their outcomes go to the group). */
    groupConfirmed: counter('group_confirmed'),
    /** The deputy's activities returned to them and not yet resubmitted (their work bench). */
    returned: counter('returned'),
    /** 四个一批 of the deputy's confirmed activities (the commendation table). */
    policyTalk: counter('policy_talk'),
    opinion: counter('opinion'),
    deed: counter('deed'),
    mentoring: counter('mentoring'),
    /** 九进 venues of confirmed activities, one bit a venue in VENUES order (worker/core/commendation.ts). */
    venues: counter('venues'),
    /** 五个引进 types brought in by confirmed activities, one bit a type in FIVE_INTRODUCTIONS order. */
    introductions: counter('introductions'),
  },
  (t) => [primaryKey({ columns: [t.deputyId, t.year] })],
)

/** Deputies on each county's roster (for coverage). */
export const deputyCounts = sqliteTable('deputy_counts', {
  countyCode: text('county_code').primaryKey(),
  deputies: counter('deputies'),
})

/** 五个一 records per year, place and type. */
export const fiveOneCounts = sqliteTable(
  'five_one_counts',
  {
    year: integer('year').notNull(),
    placeCode: text('place_code').notNull(),
    type: text('type').notNull(),
    n: counter('n'),
  },
  (t) => [primaryKey({ columns: [t.year, t.placeCode, t.type] })],
)

/**
 * Open items (assigned or rectifying) per year, county, the whole county (key '') / field /
 * township / unit / the deputy group that found them (key the group's id) and deadline date
 * (a unit's key is `<status>:<unitId>`, so that its 待接收 and 整改中 are sums too):
 * overdue and due-soon are sums over a few date buckets, whatever the number of items. A bucket
 * that empties is deleted in the same batch, so only dates that hold an open item are read.
 */
export const deadlineCounts = sqliteTable(
  'deadline_counts',
  {
    year: integer('year').notNull(),
    countyCode: text('county_code').notNull(),
    dimension: text('dimension', { enum: ['county', 'field', 'township', 'unit', 'group'] }).notNull(),
    key: text('key').notNull(),
    deadline: text('deadline').notNull(),
    n: counter('n'),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.countyCode, t.dimension, t.key, t.deadline] }),
    // A unit's buckets by date, across years (its to-do and work bench).
    index('deadline_counts_key_deadline').on(t.dimension, t.key, t.deadline),
    check('deadline_counts_dimension', sql`${t.dimension} in ('county', 'field', 'township', 'unit', 'group')`),
  ],
)

/**
 * The last register number given per county and year (issues.number). Bumped only by the create
 * batch that inserts the issue, so a number is never handed out twice nor reused.
 */
export const issueNumberSeq = sqliteTable(
  'issue_number_seq',
  {
    countyCode: text('county_code').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.year] })],
)
