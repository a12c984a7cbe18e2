// drizzle queries for photos: one photo with its uploader's and withdrawer's names, the photos of
// an issue or of a page of activities, the steps of an issue's timeline, and the guarded writes
// (an insert that holds the nine-per-step limit in the same statement, the thumbnail, the withdrawal).
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/client'
import { issueEvents, photos, users } from '../db/schema'
import { insertWhere } from '../db/sql'
import { MAX_PHOTOS_PER_STEP } from '../core/photos'

const uploader = alias(users, 'uploader')
const withdrawer = alias(users, 'withdrawer')

const photoColumns = {
  id: photos.id,
  issueId: photos.issueId,
  activityId: photos.activityId,
  eventId: photos.eventId,
  contentType: photos.contentType,
  bytes: photos.bytes,
  width: photos.width,
  height: photos.height,
  sha256: photos.sha256,
  uploadedBy: photos.uploadedBy,
  uploadedByName: uploader.name,
  createdAt: photos.createdAt,
  thumbType: photos.thumbType,
  thumbBytes: photos.thumbBytes,
  thumbSha256: photos.thumbSha256,
  withdrawnBy: photos.withdrawnBy,
  withdrawnByName: withdrawer.name,
  withdrawnAt: photos.withdrawnAt,
  withdrawnReason: photos.withdrawnReason,
}

function selectPhotos(db: Db) {
  return db.select(photoColumns).from(photos).innerJoin(uploader, eq(uploader.id, photos.uploadedBy)).leftJoin(withdrawer, eq(withdrawer.id, photos.withdrawnBy))
}

export type PhotoRow = Awaited<ReturnType<typeof findPhoto>> & {}
export type NewPhoto = typeof photos.$inferInsert

export async function findPhoto(db: Db, id: string) {
  const [row] = await selectPhotos(db).where(eq(photos.id, id)).limit(1)
  return row ?? null
}

/** Every photo of an issue, withdrawn ones too (the timeline keeps their withdrawal), oldest first. */
export function photosOfIssue(db: Db, issueId: string) {
  return selectPhotos(db).where(eq(photos.issueId, issueId)).orderBy(asc(photos.createdAt), asc(photos.id))
}

/**
 * Ids in groups that fit one statement: D1 binds at most 100 parameters. (A JSON array in one
 * parameter would fit any number, but D1 bills every element json_each yields as a row read.)
 */
function chunks(ids: string[], size = 90): [string[], ...string[][]] {
  const out: string[][] = []
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size))
  return out as [string[], ...string[][]]
}

/** The visible photos of a set of activities (one statement per 90), oldest first within each. */
export async function visiblePhotosOfActivities(db: Db, ids: string[]) {
  const [first, ...rest] = chunks(ids).map((group) =>
    selectPhotos(db)
      .where(and(inArray(photos.activityId, group), isNull(photos.withdrawnAt)))
      .orderBy(asc(photos.createdAt), asc(photos.id)),
  )
  return (await db.batch([first!, ...rest])).flat()
}

/** Visible photos per issue, for a page of the ledger's export. */
export async function photoCountsOfIssues(db: Db, ids: string[]) {
  const [first, ...rest] = chunks(ids).map((group) =>
    db
      .select({ issueId: sql<string>`${photos.issueId}`, n: sql<number>`count(*)` })
      .from(photos)
      .where(and(inArray(photos.issueId, group), isNull(photos.withdrawnAt)))
      .groupBy(photos.issueId),
  )
  return (await db.batch([first!, ...rest])).flat()
}

/** The steps of an issue's timeline, in order (which one a photo belongs to, and what came after it). */
export function stepsOfIssue(db: Db, issueId: string) {
  return db
    .select({ id: issueEvents.id, action: issueEvents.action })
    .from(issueEvents)
    .where(eq(issueEvents.issueId, issueId))
    .orderBy(asc(issueEvents.at), asc(sql`${issueEvents}.rowid`))
}

/** The column a step's photos are counted by: the issue's event, or the activity. */
function stepOf(row: NewPhoto): SQL {
  return row.eventId ? sql`${photos.eventId} = ${row.eventId}` : sql`${photos.activityId} = ${row.activityId!}`
}

/** Visible photos of the step a new photo would join. */
export async function photosOnStep(db: Db, row: NewPhoto): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)` })
    .from(photos)
    .where(and(stepOf(row), isNull(photos.withdrawnAt)))
  return r?.n ?? 0
}

/**
 * Inserts a photo only if its step has fewer than nine visible photos when the statement runs, so
 * parallel uploads never pass the limit, and only if the id is new. Answers whether it was written.
 */
export async function insertPhoto(db: Db, row: NewPhoto): Promise<boolean> {
  const room = sql`(select count(*) from ${photos} where ${stepOf(row)} and ${photos.withdrawnAt} is null) < ${MAX_PHOTOS_PER_STEP}`
  const inserted = await insertWhere(db, photos, row, room).onConflictDoNothing().returning({ id: photos.id })
  return inserted.length === 1
}

/** Records the thumbnail of a photo that has none yet; false when it already has one. */
export async function setThumb(db: Db, id: string, thumb: { thumbType: NewPhoto['thumbType']; thumbBytes: number; thumbSha256: string }): Promise<boolean> {
  const updated = await db
    .update(photos)
    .set(thumb)
    .where(and(eq(photos.id, id), isNull(photos.thumbSha256)))
    .returning({ id: photos.id })
  return updated.length === 1
}

/** Withdraws a photo not yet withdrawn; false when it already was. */
export async function withdrawPhoto(db: Db, id: string, by: string, at: string, reason: string): Promise<boolean> {
  const updated = await db
    .update(photos)
    .set({ withdrawnBy: by, withdrawnAt: at, withdrawnReason: reason })
    .where(and(eq(photos.id, id), isNull(photos.withdrawnAt)))
    .returning({ id: photos.id })
  return updated.length === 1
}
