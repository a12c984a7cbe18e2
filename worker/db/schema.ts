// The whole domain's tables (drizzle). drizzle-kit writes migrations/ from this file; every code
// column is held to its catalogue by a CHECK built from worker/core/taxonomy.ts, and every list
// in api.md has an index that starts with the column its scope filters on.
import { sql, type SQL } from 'drizzle-orm'
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import { activityCounts, deadlineCounts, deputyCounts, deputyYearCounts, fiveOneCounts, issueCounts } from './counters-schema'
import { photos } from './photos-schema'
import { deputyGroups, groupFields, groupMembers } from './groups-schema'
import { nominations } from './commendation-schema'
import { activityParticipants, groupActivityCounts } from './group-activities-schema'
import {
  ACCOUNT_ACTIONS,
  ACTIVITY_STATUSES,
  ACTIVITY_TAGS,
  DEPUTY_LEVELS,
  FIELD_ORIGINS,
  FIVE_INTRODUCTIONS,
  FIVE_ONES,
  ISSUE_ACTIONS,
  ISSUE_KINDS,
  ISSUE_SOURCES,
  ISSUE_STATUSES,
  PLACE_KINDS,
  ROLES,
  VENUES,
  codesOf,
} from '../core/taxonomy'

/** `col IN ('a', 'b', …)` for a CHECK constraint; the codes are our own constants, never input. */
function oneOf(col: AnySQLiteColumn, codes: readonly string[]): SQL {
  const list = codes.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ')
  return sql`${col} in (${sql.raw(list)})`
}
// D1 refuses long GLOB patterns ("pattern too complex"), so formats are checked with short ones.
/**
 * A real calendar date written YYYY-MM-DD: date() normalises 2023-02-30 and answers NULL for
 * garbage, and IS (unlike =) is false rather than NULL then, so the CHECK fails as it should.
 */
const isoDate = (col: AnySQLiteColumn) => sql`${col} is date(${col})`
const digits = (col: AnySQLiteColumn, n: number) => sql`length(${col}) = ${sql.raw(String(n))} and ${col} not glob '*[^0-9]*'`
const bool = (col: AnySQLiteColumn) => sql`${col} in (0, 1)`
const createdAt = () => text('created_at').notNull()
const updatedAt = () => text('updated_at').notNull()
const version = () => integer('version').notNull().default(1)

/** The city and its county-level units (GB/T 2260 codes). */
export const places = sqliteTable(
  'places',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: PLACE_KINDS }).notNull(),
    parentCode: text('parent_code').references((): AnySQLiteColumn => places.code),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [check('places_kind', oneOf(t.kind, PLACE_KINDS)), check('places_code', digits(t.code, 6))],
)

/** The catalogues of taxonomy.ts, seeded so that labels can be read (and shown) from data. */
export const catalog = sqliteTable(
  'catalog',
  {
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    extra: text('extra'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
)

/** Supervision fields (监督领域) of a campaign year. */
export const fields = sqliteTable(
  'fields',
  {
    year: integer('year').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    origin: text('origin', { enum: codesOf(FIELD_ORIGINS) }).notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.code] }),
    check('fields_origin', oneOf(t.origin, codesOf(FIELD_ORIGINS))),
    check('fields_year', sql`${t.year} between 2000 and 2100`),
  ],
)

/** Responsible units (责任单位): departments and township governments of one county. */
export const units = sqliteTable(
  'units',
  {
    id: text('id').primaryKey(),
    countyCode: text('county_code')
      .notNull()
      .references(() => places.code),
    name: text('name').notNull(),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [uniqueIndex('units_county_name').on(t.countyCode, t.name)],
)

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    countyCode: text('county_code').references(() => places.code),
    unitId: text('unit_id').references(() => units.id),
    level: text('level', { enum: codesOf(DEPUTY_LEVELS) }),
    deputyGroup: text('deputy_group'),
    passwordHash: text('password_hash'),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(true),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('users_phone').on(t.phone),
    // Roster and account lists show the active or the ended entries, newest first.
    index('users_county_role_active_created').on(t.countyCode, t.role, t.active, t.createdAt, t.id),
    index('users_role_active_created').on(t.role, t.active, t.createdAt, t.id),
    index('users_unit').on(t.unitId),
    check('users_role', oneOf(t.role, ROLES)),
    check('users_level', sql`${t.level} is null or ${oneOf(t.level, codesOf(DEPUTY_LEVELS))}`),
    check('users_phone_format', sql`${digits(t.phone, 11)} and ${t.phone} glob '1[3-9]*'`),
    // who belongs where: only city staff stand outside a county; a unit account needs its unit;
    // a deputy needs a level.
    check('users_county_required', sql`${t.role} = 'city_staff' or ${t.countyCode} is not null`),
    check('users_unit_required', sql`${t.role} <> 'unit' or ${t.unitId} is not null`),
    check('users_level_required', sql`${t.role} <> 'deputy' or ${t.level} is not null`),
    check('users_flags', sql`${bool(t.mustChangePassword)} and ${bool(t.active)}`),
  ],
)

/** Every change staff make to an account or roster entry: who, when, what (before → after). */
export const accountEvents = sqliteTable(
  'account_events',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    actorId: text('actor_id')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
    action: text('action', { enum: ACCOUNT_ACTIONS }).notNull(),
    /** JSON { field: { from, to } } of what the change touched. */
    changes: text('changes').notNull().default('{}'),
  },
  (t) => [index('account_events_user_at').on(t.userId, t.at), check('account_events_action', oneOf(t.action, ACCOUNT_ACTIONS))],
)

/** Sign-in sessions; only the SHA-256 of the token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
)

/**
 * Sign-in attempts admitted in the current window, one row a throttle key (worker/auth/throttle.ts):
 * a phone from one address, an address across all phones, a phone across all addresses.
 * `admitted_by` names the last request admitted, so that one batch can tell whether it was.
 * Rows an hour past their window are deleted as attempts come in, so the table stays small.
 */
export const signInThrottle = sqliteTable(
  'sign_in_throttle',
  {
    key: text('key').primaryKey(),
    attempts: integer('attempts').notNull(),
    windowStartedAt: text('window_started_at').notNull(),
    admittedBy: text('admitted_by').notNull(),
  },
  // Rows whose window is long over are found and deleted by it.
  (t) => [index('sign_in_throttle_window').on(t.windowStartedAt)],
)

/**
 * One-time activation codes (开通码) that staff print on 开通通知单: at most one per account (a new
 * one replaces the last), only its SHA-256 stored, spent by the first sign-in that sets a password.
 */
export const activationCodes = sqliteTable('activation_codes', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  issuedBy: text('issued_by').notNull(),
  issuedAt: text('issued_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
})

/** The supervision issue ledger (问题清单台账). */
export const issues = sqliteTable(
  'issues',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: codesOf(ISSUE_KINDS) }).notNull().default('problem'),
    year: integer('year').notNull(),
    fieldCode: text('field_code').notNull(),
    countyCode: text('county_code')
      .notNull()
      .references(() => places.code),
    township: text('township').notNull().default(''),
    location: text('location').notNull().default(''),
    title: text('title').notNull(),
    description: text('description').notNull(),
    source: text('source', { enum: codesOf(ISSUE_SOURCES) }).notNull(),
    foundOn: text('found_on').notNull(),
    reporterId: text('reporter_id')
      .notNull()
      .references(() => users.id),
    /**
     * The reporter's, the unit's and the group's names, stored on the issue so that a list page
     * reads its own rows only: written with the id they name, and by each rename (users, groups)
     * in the rename's own batch.
     */
    reporterName: text('reporter_name').notNull().default(''),
    unitId: text('unit_id').references(() => units.id),
    unitName: text('unit_name'),
    requirement: text('requirement'),
    deadline: text('deadline'),
    status: text('status', { enum: codesOf(ISSUE_STATUSES) }).notNull().default('reported'),
    progress: integer('progress').notNull().default(0),
    /** The day (Asia/Shanghai) the unit last reported the fix done; closedOnTime compares it. */
    rectifiedOn: text('rectified_on'),
    closedOn: text('closed_on'),
    closedOnTime: integer('closed_on_time', { mode: 'boolean' }),
    /** How many times staff pressed the unit (督办): bumped by the press action's own guarded update. */
    pressCount: integer('press_count').notNull().default(0),
    /** The unit's reason when it declined the item (退办), until staff assign or reject it again. */
    declinedNote: text('declined_note'),
    /**
     * The register number (挂号), `平泉-2026-0042`: county short name, year, sequence per county and
     * year from issue_number_seq, written by the create batch itself (issues.queries insertIssue).
     */
    number: text('number'),
    /** The deputy group (代表小组) that found the issue, if one did. */
    groupId: text('group_id').references(() => deputyGroups.id),
    groupName: text('group_name'),
    /** Hash of the create request, so that a retried create can be told from a reused id. */
    requestHash: text('request_hash').notNull(),
    /**
     * A token fresh for each create request: its batch moves the counters only if the stored row
     * carries its token, so a retry in the same millisecond (same id, body and created_at) counts nothing.
     */
    createdByRequest: text('created_by_request'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    foreignKey({ columns: [t.year, t.fieldCode], foreignColumns: [fields.year, fields.code] }),
    uniqueIndex('issues_number').on(t.number),
    index('issues_created').on(t.createdAt, t.id),
    index('issues_county_created').on(t.countyCode, t.createdAt, t.id),
    // Overdue (open, past deadline) of a county and year: the one time-dependent figure.
    index('issues_county_status_year_deadline').on(t.countyCode, t.status, t.year, t.deadline),
    // A unit's open work (status IN assigned, rectifying) by deadline, without reading its closed items.
    index('issues_unit_status_deadline').on(t.unitId, t.status, t.deadline),
    index('issues_reporter_created').on(t.reporterId, t.createdAt, t.id),
    // A unit's to-do in deadline order (the list's own sort key), reading its open items only.
    index('issues_unit_open_deadline')
      .on(t.unitId, sql`coalesce(${t.deadline}, '9999-12-31')`, t.id)
      .where(sql`${t.status} in ('assigned', 'rectifying')`),
    // Open items of a county, and of the city, under a light or overdue, most pressing deadline first.
    index('issues_county_open_deadline')
      .on(t.countyCode, sql`coalesce(${t.deadline}, '9999-12-31')`, t.id)
      .where(sql`${t.status} in ('assigned', 'rectifying')`),
    index('issues_open_deadline')
      .on(sql`coalesce(${t.deadline}, '9999-12-31')`, t.id)
      .where(sql`${t.status} in ('assigned', 'rectifying')`),
    // Items a unit declined, awaiting a new assignment (被退办待重新交办): only those rows are indexed.
    index('issues_declined_county_created').on(t.countyCode, t.createdAt, t.id).where(sql`${t.declinedNote} is not null`),
    // A deputy's reports changed since they were filed, by last change (the bench's 有新进展): only those rows are indexed.
    index('issues_reporter_progress').on(t.reporterId, t.updatedAt).where(sql`${t.updatedAt} > ${t.createdAt}`),
    // The ledger filtered by the group that found the items.
    index('issues_group_created').on(t.groupId, t.createdAt, t.id).where(sql`${t.groupId} is not null`),
    check('issues_kind', oneOf(t.kind, codesOf(ISSUE_KINDS))),
    check('issues_source', oneOf(t.source, codesOf(ISSUE_SOURCES))),
    check('issues_status', oneOf(t.status, codesOf(ISSUE_STATUSES))),
    check('issues_progress', sql`${t.progress} between 0 and 100`),
    check('issues_found_on', isoDate(t.foundOn)),
    check('issues_deadline', sql`${t.deadline} is null or ${isoDate(t.deadline)}`),
    check('issues_assigned_has_unit', sql`${t.status} in ('reported', 'rejected') or ${t.unitId} is not null`),
    check('issues_closed', sql`(${t.status} = 'closed') = (${t.closedOn} is not null)`),
  ],
)

/** Every step of an issue's life, in order (the timeline). */
export const issueEvents = sqliteTable(
  'issue_events',
  {
    id: text('id').primaryKey(),
    issueId: text('issue_id')
      .notNull()
      .references(() => issues.id),
    action: text('action', { enum: codesOf(ISSUE_ACTIONS) }).notNull(),
    fromStatus: text('from_status', { enum: codesOf(ISSUE_STATUSES) }),
    toStatus: text('to_status', { enum: codesOf(ISSUE_STATUSES) }).notNull(),
    note: text('note'),
    actorId: text('actor_id')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
    /** JSON of the action's fields (unit, deadline, progress…), for the record. */
    data: text('data').notNull().default('{}'),
  },
  (t) => [
    index('issue_events_issue_at').on(t.issueId, t.at),
    check('issue_events_action', oneOf(t.action, codesOf(ISSUE_ACTIONS))),
    check('issue_events_to', oneOf(t.toStatus, codesOf(ISSUE_STATUSES))),
    check('issue_events_from', sql`${t.fromStatus} is null or ${oneOf(t.fromStatus, codesOf(ISSUE_STATUSES))}`),
  ],
)

/** A deputy's activity (履职活动). */
export const activities = sqliteTable(
  'activities',
  {
    id: text('id').primaryKey(),
    deputyId: text('deputy_id')
      .notNull()
      .references(() => users.id),
    countyCode: text('county_code')
      .notNull()
      .references(() => places.code),
    year: integer('year').notNull(),
    date: text('date').notNull(),
    venue: text('venue', { enum: codesOf(VENUES) }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    place: text('place').notNull().default(''),
    policyTalk: integer('policy_talk').notNull().default(0),
    opinion: integer('opinion').notNull().default(0),
    deed: integer('deed').notNull().default(0),
    mentoring: integer('mentoring').notNull().default(0),
    /** A group activity (集体活动): the group it was held by; its participants are in activity_participants. */
    groupId: text('group_id').references(() => deputyGroups.id),
    status: text('status', { enum: codesOf(ACTIVITY_STATUSES) }).notNull().default('submitted'),
    reviewNote: text('review_note'),
    reviewedBy: text('reviewed_by').references(() => users.id),
    reviewedAt: text('reviewed_at'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    requestHash: text('request_hash').notNull(),
    /** A token fresh for each create request, as on issues: only its own batch writes children and counters. */
    createdByRequest: text('created_by_request'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('activities_created').on(t.createdAt, t.id),
    index('activities_county_created').on(t.countyCode, t.createdAt, t.id),
    // The review queue: a county's submitted activities, oldest first, in index order.
    index('activities_county_status_created').on(t.countyCode, t.status, t.createdAt, t.id),
    index('activities_status_created').on(t.status, t.createdAt, t.id),
    index('activities_deputy_created').on(t.deputyId, t.createdAt, t.id),
    index('activities_deputy_year').on(t.deputyId, t.year, t.date),
    // A group's activities (the ledger filtered by group).
    index('activities_group_created').on(t.groupId, t.createdAt, t.id).where(sql`${t.groupId} is not null`),
    check('activities_venue', sql`${t.venue} is null or ${oneOf(t.venue, codesOf(VENUES))}`),
    check('activities_status', oneOf(t.status, codesOf(ACTIVITY_STATUSES))),
    check('activities_date', isoDate(t.date)),
    check(
      'activities_outcomes',
      sql`${t.policyTalk} between 0 and 999 and ${t.opinion} between 0 and 999 and ${t.deed} between 0 and 999 and ${t.mentoring} between 0 and 999`,
    ),
  ],
)

/** 五个引进: what an activity brought in. Funds carry an amount in 万元, stored in hundredths. */
export const activityIntroductions = sqliteTable(
  'activity_introductions',
  {
    id: text('id').primaryKey(),
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    type: text('type', { enum: FIVE_INTRODUCTIONS }).notNull(),
    name: text('name').notNull(),
    amountHundredths: integer('amount_hundredths'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    index('activity_introductions_activity').on(t.activityId),
    check('activity_introductions_type', oneOf(t.type, FIVE_INTRODUCTIONS)),
    check(
      'activity_introductions_amount',
      sql`(${t.type} = 'funds' and ${t.amountHundredths} is not null and ${t.amountHundredths} > 0) or (${t.type} <> 'funds' and ${t.amountHundredths} is null)`,
    ),
  ],
)

export const activityTags = sqliteTable(
  'activity_tags',
  {
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    tag: text('tag', { enum: codesOf(ACTIVITY_TAGS) }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.tag] }), check('activity_tags_tag', oneOf(t.tag, codesOf(ACTIVITY_TAGS)))],
)

/** 五个一: what each congress (a county or the city) owes a year. */
export const fiveOnes = sqliteTable(
  'five_ones',
  {
    id: text('id').primaryKey(),
    placeCode: text('place_code')
      .notNull()
      .references(() => places.code),
    year: integer('year').notNull(),
    type: text('type', { enum: codesOf(FIVE_ONES) }).notNull(),
    date: text('date').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    /** Hash of the create request, so that a retried create can be told from a reused id (null before 0010). */
    requestHash: text('request_hash'),
    /** The create request's fresh token: only the request that stored the row counts it (see issues). */
    createdByRequest: text('created_by_request'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('five_ones_year_place').on(t.year, t.placeCode, t.type),
    check('five_ones_type', oneOf(t.type, codesOf(FIVE_ONES))),
    check('five_ones_date', isoDate(t.date)),
  ],
)

/** Settings city staff keep per campaign year: N, the days before a deadline that turn an item yellow. */
export const yearSettings = sqliteTable(
  'year_settings',
  {
    year: integer('year').primaryKey(),
    dueSoonDays: integer('due_soon_days').notNull(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [check('year_settings_due_soon_days', sql`${t.dueSoonDays} between 0 and 60`)],
)

/** When each user last looked at their issues (a deputy's "new progress since last looked"). */
export const seenMarkers = sqliteTable('seen_markers', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  issuesSeenAt: text('issues_seen_at').notNull(),
})

export * from './counters-schema'
export * from './photos-schema'
export * from './groups-schema'
export * from './commendation-schema'
export * from './group-activities-schema'

export const schema = {
  places,
  catalog,
  fields,
  units,
  users,
  accountEvents,
  sessions,
  signInThrottle,
  activationCodes,
  issues,
  issueEvents,
  activities,
  activityIntroductions,
  activityTags,
  fiveOnes,
  issueCounts,
  activityCounts,
  deputyYearCounts,
  deputyCounts,
  fiveOneCounts,
  photos,
  deputyGroups,
  groupFields,
  groupMembers,
  nominations,
  activityParticipants,
  groupActivityCounts,
  yearSettings,
  seenMarkers,
  deadlineCounts,
}
