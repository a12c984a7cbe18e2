// drizzle queries for deputies' activities: scoped lists with keyset pagination, one activity
// with its introductions and tags, and the atomic writes of create, edit and review.
import { and, asc, desc, eq, exists, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { activities, activityIntroductions, activityParticipants, activityTags, deputyGroups, users } from '../db/schema'
import type { ActivityScopeFilter } from '../auth/access'
import type { Keyset } from '../db/cursor'
import { createdNow, createOnce, insertWhere, keysetAfter, writesThenUpdate } from '../db/sql'
import { activityConfirmed, activityRecorded, activityReturned, groupActivityConfirmed } from '../stats/counters'
import type { ActivityStatus, ActivityTag, FIVE_INTRODUCTIONS, Venue } from '../core/taxonomy'

const activityColumns = {
  id: activities.id,
  deputyId: activities.deputyId,
  deputyName: users.name,
  countyCode: activities.countyCode,
  year: activities.year,
  date: activities.date,
  venue: activities.venue,
  title: activities.title,
  description: activities.description,
  place: activities.place,
  policyTalk: activities.policyTalk,
  opinion: activities.opinion,
  deed: activities.deed,
  mentoring: activities.mentoring,
  groupId: activities.groupId,
  groupName: deputyGroups.name,
  status: activities.status,
  reviewNote: activities.reviewNote,
  createdBy: activities.createdBy,
  requestHash: activities.requestHash,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
  version: activities.version,
}

function selectActivities(db: Db) {
  return db.select(activityColumns).from(activities).innerJoin(users, eq(users.id, activities.deputyId)).leftJoin(deputyGroups, eq(deputyGroups.id, activities.groupId))
}

export type ActivityRow = Awaited<ReturnType<typeof findActivityRow>> & {}
export interface IntroductionRow {
  activityId: string
  type: (typeof activityIntroductions.$inferSelect)['type']
  name: string
  amountHundredths: number | null
}

export async function findActivityRow(db: Db, id: string) {
  const [row] = await selectActivities(db).where(eq(activities.id, id)).limit(1)
  return row ?? null
}

export interface ParticipantRow {
  activityId: string
  id: string
  name: string
  invited: boolean
}

/** Introductions, tags and participants (of group activities) of a set of activities, in three queries whatever the page size. */
export async function childrenOf(db: Db, ids: string[]) {
  if (ids.length === 0) return { intros: [] as IntroductionRow[], tags: [] as { activityId: string; tag: ActivityTag }[], participants: [] as ParticipantRow[] }
  const [intros, tags, participants] = await db.batch([
    db
      .select({ activityId: activityIntroductions.activityId, type: activityIntroductions.type, name: activityIntroductions.name, amountHundredths: activityIntroductions.amountHundredths })
      .from(activityIntroductions)
      .where(inArray(activityIntroductions.activityId, ids))
      .orderBy(asc(activityIntroductions.activityId), asc(activityIntroductions.sort)),
    db.select({ activityId: activityTags.activityId, tag: activityTags.tag }).from(activityTags).where(inArray(activityTags.activityId, ids)),
    db
      .select({ activityId: activityParticipants.activityId, id: activityParticipants.deputyId, name: users.name, invited: activityParticipants.invited })
      .from(activityParticipants)
      .innerJoin(users, eq(users.id, activityParticipants.deputyId))
      .where(inArray(activityParticipants.activityId, ids))
      .orderBy(asc(activityParticipants.activityId), asc(activityParticipants.invited), asc(users.name), asc(users.id)),
  ])
  return { intros, tags, participants }
}

/** Whether a deputy took part in a group activity (may read it). */
export async function isParticipant(db: Db, activityId: string, deputyId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(activityParticipants)
    .where(and(eq(activityParticipants.activityId, activityId), eq(activityParticipants.deputyId, deputyId)))
    .limit(1)
  return rows.length > 0
}

export interface ActivityFilter {
  scope: ActivityScopeFilter
  year?: number
  countyCode?: string
  deputyId?: string
  venue?: Venue
  status?: ActivityStatus
  /** Only activities that brought in one of this kind (五个引进). */
  introduction?: (typeof FIVE_INTRODUCTIONS)[number]
  groupId?: string
  sort: 'newest' | 'oldest'
  after?: Keyset
  limit: number
}

export function listActivities(db: Db, f: ActivityFilter) {
  const where: (SQL | undefined)[] = []
  const s = f.scope
  if ('countyCode' in s) where.push(eq(activities.countyCode, s.countyCode))
  if ('deputyId' in s) where.push(eq(activities.deputyId, s.deputyId))
  if (f.countyCode) where.push(eq(activities.countyCode, f.countyCode))
  if (f.deputyId) where.push(eq(activities.deputyId, f.deputyId))
  if (f.year) where.push(eq(activities.year, f.year))
  if (f.venue) where.push(eq(activities.venue, f.venue))
  if (f.status) where.push(eq(activities.status, f.status))
  // Looked up per activity through activity_introductions_activity, as the page is read.
  if (f.introduction) {
    where.push(exists(db.select({ one: sql`1` }).from(activityIntroductions).where(and(eq(activityIntroductions.activityId, activities.id), eq(activityIntroductions.type, f.introduction)))))
  }
  if (f.groupId) where.push(eq(activities.groupId, f.groupId))
  const newest = f.sort === 'newest'
  if (f.after) where.push(keysetAfter(activities.createdAt, activities.id, f.after, newest ? 'desc' : 'asc'))
  const dir = newest ? desc : asc
  return selectActivities(db)
    .where(and(...where))
    .orderBy(dir(activities.createdAt), dir(activities.id))
    .limit(f.limit + 1)
}

/** The deputy an activity is for or a yearly record is of, or null when the id is not a deputy's. */
export async function findDeputy(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, phone: users.phone, level: users.level, countyCode: users.countyCode, group: users.deputyGroup, active: users.active })
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'deputy')))
    .limit(1)
  return row ?? null
}

/** The group activities a deputy took part in (by activity_participants_deputy), of a year. */
function participated(db: Db, deputyId: string, year: number) {
  return and(
    inArray(activities.id, db.select({ id: activityParticipants.activityId }).from(activityParticipants).where(eq(activityParticipants.deputyId, deputyId))),
    eq(activities.year, year),
  )
}

/** Own activities of a deputy: a group activity recorded under their name is the group's, not theirs. */
const ownOf = (deputyId: string, year: number) => and(eq(activities.deputyId, deputyId), eq(activities.year, year), isNull(activities.groupId))

/**
 * Confirmed activities of one deputy in one year (the 履职档案's only source): their own, and the
 * group activities they took part in, by date.
 */
export async function confirmedOfYear(db: Db, deputyId: string, year: number) {
  // Not one db.batch: D1's batch answers rows by column name, and this view has two 'name' columns.
  const [own, group] = await Promise.all([
    selectActivities(db).where(and(ownOf(deputyId, year), eq(activities.status, 'confirmed'))),
    // `+status`: the status is checked on the few activities the deputy took part in, not used as
    // an index (SQLite would otherwise walk every confirmed activity of the city by
    // activities_status_created: 66,674 rows on D1 at the bench's 200,000 activities).
    selectActivities(db).where(and(participated(db, deputyId, year), sql`+${activities.status} = 'confirmed'`)),
  ])
  return [...own, ...group].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1))
}

/** A deputy's activities of a year in any status: their own and the group activities they took part in. */
export async function countOfYear(db: Db, deputyId: string, year: number): Promise<number> {
  const [[own], [group]] = await db.batch([
    db.select({ n: sql<number>`count(*)` }).from(activities).where(ownOf(deputyId, year)),
    db.select({ n: sql<number>`count(*)` }).from(activities).where(participated(db, deputyId, year)),
  ])
  return (own?.n ?? 0) + (group?.n ?? 0)
}

export type NewActivity = typeof activities.$inferInsert
export type NewIntroduction = typeof activityIntroductions.$inferInsert
export type NewParticipant = { deputyId: string; invited: boolean }

function childWrites(db: Db, id: string, intros: NewIntroduction[], tags: ActivityTag[], when: SQL, participants: NewParticipant[] = []) {
  return [
    ...intros.map((i) => insertWhere(db, activityIntroductions, i, when)),
    ...tags.map((tag) => insertWhere(db, activityTags, { activityId: id, tag }, when)),
    ...participants.map((p) => insertWhere(db, activityParticipants, { activityId: id, ...p }, when)),
  ]
}

/**
 * Creates an activity with its introductions and tags in one batch. On a retried create the
 * activity insert is ignored, and the children and the counter are written only if the stored
 * activity is the one this very request wrote: the one carrying its fresh token (a retry in the
 * same millisecond has the same hash and creation instant), so nothing doubles or collides.
 */
export async function insertActivity(db: Db, row: NewActivity, intros: NewIntroduction[], tags: ActivityTag[], participants: NewParticipant[] = []): Promise<boolean> {
  const create = createOnce(db, activities, row)
  const [inserted] = await db.batch([
    create.insert,
    ...childWrites(db, row.id!, intros, tags, create.ours, participants),
    activityRecorded(db, row.year, row.countyCode, 1, create.ours),
  ])
  return createdNow(inserted)
}

/**
 * Replaces an activity's content (and a group activity's participants, when given) if it is still
 * at `version`; false when it was not.
 */
export async function replaceActivity(db: Db, current: ActivityRow, change: Partial<NewActivity> & { year: number }, intros: NewIntroduction[], tags: ActivityTag[], participants?: NewParticipant[]) {
  const atVersion = and(eq(activities.id, current.id), eq(activities.version, current.version))
  const stillThere = sql`exists ${db.select({ one: sql`1` }).from(activities).where(atVersion)}`
  // A new date may move the activity into another year's count.
  const moved =
    change.year === current.year
      ? []
      : [activityRecorded(db, current.year, current.countyCode, -1, stillThere), activityRecorded(db, change.year, current.countyCode, 1, stillThere)]
  // A returned activity resubmitted leaves the returned count (of the year it was returned in).
  const resubmitted = current.status === 'returned' && change.status !== 'returned' ? activityReturned(db, current, -1, stillThere) : []
  return writesThenUpdate(
    db,
    [
      db.delete(activityIntroductions).where(and(eq(activityIntroductions.activityId, current.id), stillThere)),
      db.delete(activityTags).where(and(eq(activityTags.activityId, current.id), stillThere)),
      ...(participants ? [db.delete(activityParticipants).where(and(eq(activityParticipants.activityId, current.id), stillThere))] : []),
      ...childWrites(db, current.id, intros, tags, stillThere, participants),
      ...moved,
      ...resubmitted,
    ],
    db
      .update(activities)
      .set({ ...change, version: current.version + 1 })
      .where(atVersion)
      .returning({ id: activities.id }),
  )
}

/** Confirms or returns a submitted activity still at `version`; a confirmation counts it. */
export async function setReview(db: Db, current: ActivityRow, intros: IntroductionRow[], change: Partial<NewActivity>) {
  const pending = and(eq(activities.id, current.id), eq(activities.version, current.version), eq(activities.status, 'submitted'))
  const stillPending = sql`exists ${db.select({ one: sql`1` }).from(activities).where(pending)}`
  const figures = {
    year: current.year,
    countyCode: current.countyCode,
    deputyId: current.deputyId,
    venue: current.venue,
    outcomes: { policy_talk: current.policyTalk, opinion: current.opinion, deed: current.deed, mentoring: current.mentoring },
    introductions: intros,
  }
  const counted =
    change.status === 'confirmed'
      ? current.groupId
        ? groupActivityConfirmed(db, { ...figures, activityId: current.id, groupId: current.groupId }, stillPending)
        : activityConfirmed(db, figures, stillPending)
      : change.status === 'returned'
        ? activityReturned(db, current, 1, stillPending)
        : []
  const update = db
    .update(activities)
    .set({ ...change, version: current.version + 1 })
    .where(pending)
    .returning({ id: activities.id })
  return counted.length ? writesThenUpdate(db, counted, update) : createdNow(await update)
}
