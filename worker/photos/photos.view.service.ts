// Photos as the issue and activity pages and the ledger export show them: the visible ones of a
// record, what each timeline event lists (its photos and the record of its withdrawn ones), and the
// count per issue. Kept apart from the upload rules (photos.service.ts), which load on first use.
import type { Db } from '../db/client'
import type { Photo, WithdrawnPhoto } from './photos.schemas'
import { photoCountsOfIssues, photosOfIssue, visiblePhotosOfActivities, type PhotoRow } from './photos.queries'

export function toPhoto(row: PhotoRow): Photo {
  return {
    id: row.id,
    issueId: row.issueId,
    activityId: row.activityId,
    eventId: row.eventId,
    contentType: row.contentType,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    thumb: row.thumbType && row.thumbBytes !== null ? { contentType: row.thumbType, bytes: row.thumbBytes } : null,
    uploadedBy: row.uploadedBy,
    uploadedByName: row.uploadedByName,
    createdAt: row.createdAt,
    withdrawn: row.withdrawnAt ? { by: row.withdrawnBy!, byName: row.withdrawnByName ?? '', at: row.withdrawnAt, reason: row.withdrawnReason ?? '' } : null,
  }
}

export interface IssuePhotos {
  /** The visible photos, oldest first. */
  photos: Photo[]
  /** What an event of the timeline lists: its visible photos and the record of its withdrawn ones. */
  ofEvent(eventId: string): { photos: Photo[]; withdrawnPhotos: WithdrawnPhoto[] }
}

export async function issuePhotos(db: Db, issueId: string): Promise<IssuePhotos> {
  const all = (await photosOfIssue(db, issueId)).map(toPhoto)
  const visible = all.filter((p) => !p.withdrawn)
  return {
    photos: visible,
    ofEvent: (eventId) => ({
      photos: visible.filter((p) => p.eventId === eventId),
      withdrawnPhotos: all
        .filter((p) => p.eventId === eventId && p.withdrawn)
        .map((p) => ({ id: p.id, uploadedBy: p.uploadedBy, uploadedByName: p.uploadedByName, createdAt: p.createdAt, withdrawn: p.withdrawn! })),
    }),
  }
}

/** The visible photos of a page of activities, by activity id. */
export async function activityPhotos(db: Db, ids: string[]): Promise<Map<string, Photo[]>> {
  const out = new Map<string, Photo[]>()
  if (ids.length === 0) return out
  for (const row of await visiblePhotosOfActivities(db, ids)) {
    const list = out.get(row.activityId!) ?? []
    list.push(toPhoto(row))
    out.set(row.activityId!, list)
  }
  return out
}

/** Visible photos per issue (the ledger export's 照片 column). */
export async function photoCounts(db: Db, issueIds: string[]): Promise<Map<string, number>> {
  if (issueIds.length === 0) return new Map()
  return new Map((await photoCountsOfIssues(db, issueIds)).map((r) => [r.issueId, r.n]))
}
