// drizzle queries for deputies' activities: scoped lists with keyset pagination, one activity
// with its introductions and tags, and the atomic writes of create, edit and review.
import { and, asc, desc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { activities, activityIntroductions, activityTags, users } from '../db/schema'
import type { ActivityScopeFilter } from '../auth/access'
import type { Keyset } from '../db/cursor'
import { createdNow, createOnce, insertWhere, keysetAfter, writesThenUpdate } from '../db/sql'
import { activityConfirmed, activityRecorded, activityReturned } from '../stats/counters'
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
  status: activities.status,
  reviewNote: activities.reviewNote,
  createdBy: activities.createdBy,
  requestHash: activities.requestHash,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
  version: activities.version,
}

function selectActivities(db: Db) {
  return db.select(activityColumns).from(activities).innerJoin(users, eq(users.id, activities.deputyId))
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

/** Introductions and tags of a set of activities, in two queries whatever the page size. */
export async function childrenOf(db: Db, ids: string[]) {
  if (ids.length === 0) return { intros: [] as IntroductionRow[], tags: [] as { activityId: string; tag: ActivityTag }[] }
  const [intros, tags] = await db.batch([
    db
      .select({ activityId: activityIntroductions.activityId, type: activityIntroductions.type, name: activityIntroductions.name, amountHundredths: activityIntroductions.amountHundredths })
      .from(activityIntroductions)
      .where(inArray(activityIntroductions.activityId, ids))
      .orderBy(asc(activityIntroductions.activityId), asc(activityIntroductions.sort)),
    db.select({ activityId: activityTags.activityId, tag: activityTags.tag }).from(activityTags).where(inArray(activityTags.activityId, ids)),
  ])
  return { intros, tags }
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

/** Confirmed activities of one deputy in one year (the 履职档案's only source). */
export function confirmedOfYear(db: Db, deputyId: string, year: number) {
  return selectActivities(db)
    .where(and(eq(activities.deputyId, deputyId), eq(activities.year, year), eq(activities.status, 'confirmed')))
    .orderBy(asc(activities.date), asc(activities.id))
}

export async function countOfYear(db: Db, deputyId: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(activities)
    .where(and(eq(activities.deputyId, deputyId), eq(activities.year, year)))
  return row?.n ?? 0
}

export type NewActivity = typeof activities.$inferInsert
export type NewIntroduction = typeof activityIntroductions.$inferInsert

function childWrites(db: Db, id: string, intros: NewIntroduction[], tags: ActivityTag[], when: SQL) {
  return [
    ...intros.map((i) => insertWhere(db, activityIntroductions, i, when)),
    ...tags.map((tag) => insertWhere(db, activityTags, { activityId: id, tag }, when)),
  ]
}

/**
 * Creates an activity with its introductions and tags in one batch. On a retried create the
 * activity insert is ignored, and the children and the counter are written only if the stored
 * activity is the one this very request wrote: the one carrying its fresh token (a retry in the
 * same millisecond has the same hash and creation instant), so nothing doubles or collides.
 */
export async function insertActivity(db: Db, row: NewActivity, intros: NewIntroduction[], tags: ActivityTag[]): Promise<boolean> {
  const create = createOnce(db, activities, row)
  const [inserted] = await db.batch([
    create.insert,
    ...childWrites(db, row.id!, intros, tags, create.ours),
    activityRecorded(db, row.year, row.countyCode, 1, create.ours),
  ])
  return createdNow(inserted)
}

/** Replaces an activity's content if it is still at `version`; false when it was not. */
export async function replaceActivity(db: Db, current: ActivityRow, change: Partial<NewActivity> & { year: number }, intros: NewIntroduction[], tags: ActivityTag[]) {
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
      ...childWrites(db, current.id, intros, tags, stillThere),
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
  const counted =
    change.status === 'confirmed'
      ? activityConfirmed(
          db,
          {
            year: current.year,
            countyCode: current.countyCode,
            deputyId: current.deputyId,
            venue: current.venue,
            outcomes: { policy_talk: current.policyTalk, opinion: current.opinion, deed: current.deed, mentoring: current.mentoring },
            introductions: intros,
          },
          stillPending,
        )
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
