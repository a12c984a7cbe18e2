// Photos as evidence (照片): one row per photo attached to an issue's step or to an activity. The
// bytes live in the file store (worker/files/), under keys that name the photo and the SHA-256
// of its bytes, so a key is written once and never changed; a row is written only after its bytes
// are stored. Photos are never deleted: staff withdraw a wrong one, and the row keeps who, when, why.
import { check, index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { sql } from 'drizzle-orm'
import { PHOTO_TYPES } from '../core/photos'
import { activities, issues, users } from './schema'

const imageType = (name: string) => text(name, { enum: PHOTO_TYPES })
const isImageType = (col: AnySQLiteColumn) => sql`${col} in (${sql.raw(PHOTO_TYPES.map((t) => `'${t}'`).join(', '))})`

export const photos = sqliteTable(
  'photos',
  {
    id: text('id').primaryKey(),
    issueId: text('issue_id').references(() => issues.id),
    activityId: text('activity_id').references(() => activities.id),
    /**
     * The issue's timeline step (issue_events.id; the report step is the create event). No foreign
     * key: the service checks it, so that issue_events can be rebuilt without touching photos.
     */
    eventId: text('event_id'),
    contentType: imageType('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** SHA-256 (hex) of the bytes: the file store's key, the ETag, and how a retry is told from a reused id. */
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    /** The small version the client made and sent after the photo (PUT /photos/:id/thumb). */
    thumbType: imageType('thumb_type'),
    thumbBytes: integer('thumb_bytes'),
    thumbSha256: text('thumb_sha256'),
    withdrawnBy: text('withdrawn_by').references(() => users.id),
    withdrawnAt: text('withdrawn_at'),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [
    index('photos_issue_created').on(t.issueId, t.createdAt),
    index('photos_activity_created').on(t.activityId, t.createdAt),
    // The nine-per-step limit counts a step's visible photos through these.
    index('photos_event_withdrawn').on(t.eventId, t.withdrawnAt),
    check('photos_parent', sql`(${t.issueId} is null) <> (${t.activityId} is null)`),
    check('photos_event', sql`(${t.issueId} is null) = (${t.eventId} is null)`),
    check('photos_content_type', isImageType(t.contentType)),
    check('photos_thumb', sql`(${t.thumbSha256} is null) = (${t.thumbType} is null) and (${t.thumbType} is null or ${isImageType(t.thumbType)})`),
    check('photos_withdrawn', sql`(${t.withdrawnAt} is null) = (${t.withdrawnBy} is null) and (${t.withdrawnAt} is null) = (${t.withdrawnReason} is null)`),
  ],
)
