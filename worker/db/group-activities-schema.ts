// Group activities (集体活动): who took part in an activity a deputy group held (members, and
// deputies invited from the county's roster), and the confirmed figures per group, a counter kept
// in the same batch as each review so that the per-group statistics read a row a group.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { activities, users } from './schema'
import { deputyGroups } from './groups-schema'

export const activityParticipants = sqliteTable(
  'activity_participants',
  {
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    deputyId: text('deputy_id')
      .notNull()
      .references(() => users.id),
    /** Not a member of the group when the activity was recorded: invited (特邀). */
    invited: integer('invited', { mode: 'boolean' }).notNull().default(false),
  },
  // A deputy's group activities (their 履职档案) by the second index; an activity's participants by the key.
  (t) => [primaryKey({ columns: [t.activityId, t.deputyId] }), index('activity_participants_deputy').on(t.deputyId, t.activityId)],
)

const counter = (name: string) => integer(name).notNull().default(0)

/** Confirmed activities of each group, their outcomes (credited once, to the group) and participations. */
export const groupActivityCounts = sqliteTable(
  'group_activity_counts',
  {
    groupId: text('group_id')
      .primaryKey()
      .references(() => deputyGroups.id),
    year: integer('year').notNull(),
    countyCode: text('county_code').notNull(),
    confirmed: counter('confirmed'),
    /** Participants summed over the confirmed activities (参加人次). */
    participations: counter('participations'),
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
  },
  (t) => [index('group_activity_counts_year_county').on(t.year, t.countyCode)],
)
