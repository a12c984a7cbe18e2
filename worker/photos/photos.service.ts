// Photos as evidence: who may attach one to which step of an issue or to an activity, and until
// when; idempotent uploads by the client's id (same bytes from the same person → the same photo);
// the thumbnail; reading the bytes within the parent record's scope; and the withdrawal by staff.
// Bytes are stored before the row that names them, so no photo is ever listed without its bytes.
// Loaded on first use by photos.routes.ts (a chunk of its own on Workers); what the issue and
// activity pages show of photos is in photos.view.service.ts.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import type { FileStore, StoredFile } from '../files/store'
import { can, requirePermission } from '../auth/access'
import { AppError, BadRequest, Conflict, Forbidden, InvalidTransition, NotFound } from '../core/errors'
import { actorFor } from '../core/workflow'
import { activityTransition } from '../core/activity-review'
import { MAX_PHOTOS_PER_STEP, PHOTO_STEPS, type PhotoType } from '../core/photos'
import { visibleIssue } from '../issues/issues.service'
import { visibleActivity } from '../activities/activities.service'
import type { Photo, UploadQuery } from './photos.schemas'
import { readImage } from './image'
import { findPhoto, insertPhoto, photosOnStep, setThumb, stepsOfIssue, withdrawPhoto, type NewPhoto, type PhotoRow } from './photos.queries'
import { toPhoto } from './photos.view.service'

/** An upload as the route hands it over: the declared type, and the bytes read on demand (capped). */
export interface Upload {
  contentType: PhotoType
  read(): Promise<Uint8Array>
}

export const photoKey = (id: string, sha256: string) => `photos/${id}/${sha256}`
export const thumbKey = (id: string, sha256: string) => `thumbs/${id}/${sha256}`


async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The bytes, checked against the declared type by their own header: 415 when they are not that image. */
async function readChecked(upload: Upload) {
  const bytes = await upload.read()
  const image = readImage(bytes)
  if (!image) throw new AppError(415, 'unsupported_media_type', '无法识别该图片：请上传 JPEG、PNG 或 WebP 格式的照片')
  if (image.type !== upload.contentType) throw new AppError(415, 'unsupported_media_type', `文件内容与声明的类型不符（声明为 ${upload.contentType}，实为 ${image.type}）`)
  return { bytes, image, sha256: await sha256Hex(bytes) }
}

const stepClosed = () => new InvalidTransition('该环节已结束，不能再添加照片')

/** Where a new photo goes and whether this user may put it there now (404, 403, 400, 409). */
async function placeFor(db: Db, user: SessionUser, q: UploadQuery): Promise<Pick<NewPhoto, 'issueId' | 'activityId' | 'eventId'>> {
  if (q.activityId) {
    const activity = await visibleActivity(db, user, q.activityId)
    if (activity.deputyId !== user.id && !can(user, 'activity.review')) throw new Forbidden('只有代表本人或工作人员可以为该履职活动添加照片')
    if (!activityTransition('edit').from.includes(activity.status)) throw new InvalidTransition('已确认的履职活动不能再添加照片')
    return { activityId: activity.id, issueId: null, eventId: null }
  }
  const issue = await visibleIssue(db, user, q.issueId!)
  const steps = await stepsOfIssue(db, issue.id)
  const at = q.eventId ? steps.findIndex((s) => s.id === q.eventId) : steps.findIndex((s) => s.action === 'create')
  const step = steps[at]
  if (!step) throw new NotFound('该问题没有这一办理环节')
  if (!(PHOTO_STEPS as readonly string[]).includes(step.action)) throw new BadRequest('该环节不能附照片')
  const actor = actorFor(user, issue)
  const closed = issue.status === 'closed' || issue.status === 'rejected'
  switch (step.action) {
    case 'create':
      if (user.id !== issue.reporterId) throw new Forbidden('只有反映人可以为上报添加照片')
      if (closed) throw stepClosed()
      break
    case 'progress':
    case 'complete':
      if (actor !== 'assigned_unit') throw new Forbidden('只有责任单位可以为整改情况添加照片')
      // Until staff have verified or returned what the unit reported.
      if (closed || steps.slice(at + 1).some((s) => s.action === 'verify' || s.action === 'return')) throw stepClosed()
      break
    default:
      // verify and return: the staff's own evidence, also after the closing verification.
      if (actor !== 'staff') throw new Forbidden('只有工作人员可以为验收添加照片')
  }
  return { issueId: issue.id, activityId: null, eventId: step.id }
}

/** A retry (same id, bytes, person and place) answers the stored photo; anything else reusing the id is 409. */
function sameUpload(row: PhotoRow, user: SessionUser, q: UploadQuery, sha256: string): boolean {
  const place = q.activityId ? row.activityId === q.activityId : row.issueId === q.issueId && (q.eventId === undefined || row.eventId === q.eventId)
  return row.uploadedBy === user.id && row.sha256 === sha256 && place
}

const idTaken = () => new Conflict('该照片编号已被另一张照片使用，请重新选择照片上传')

export async function putPhoto(db: Db, files: FileStore, user: SessionUser, id: string, q: UploadQuery, upload: Upload, now = new Date()): Promise<{ photo: Photo; created: boolean }> {
  const existing = await findPhoto(db, id)
  if (existing) {
    const { sha256 } = await readChecked(upload)
    if (!sameUpload(existing, user, q, sha256)) throw idTaken()
    return { photo: toPhoto(existing), created: false }
  }
  const place = await placeFor(db, user, q)
  const { bytes, image, sha256 } = await readChecked(upload)
  const row: NewPhoto = { id, ...place, contentType: image.type, bytes: bytes.byteLength, width: image.width, height: image.height, sha256, uploadedBy: user.id, createdAt: now.toISOString() }
  const full = () => new BadRequest(`每个环节最多 ${MAX_PHOTOS_PER_STEP} 张照片，本环节已满`)
  // Counted first so a full step stores no bytes; the insert checks again in its own statement.
  if ((await photosOnStep(db, row)) >= MAX_PHOTOS_PER_STEP) throw full()
  await files.put(photoKey(id, sha256), bytes, image.type)
  if (await insertPhoto(db, row)) {
    return { photo: toPhoto({ ...(row as PhotoRow), uploadedByName: user.name, thumbType: null, thumbBytes: null, thumbSha256: null, withdrawnBy: null, withdrawnByName: null, withdrawnAt: null, withdrawnReason: null }), created: true }
  }
  // Not written: the same id arrived meanwhile, or the step filled up.
  const raced = await findPhoto(db, id)
  if (!raced) throw full()
  if (!sameUpload(raced, user, q, sha256)) throw idTaken()
  return { photo: toPhoto(raced), created: false }
}

/** The photo, if this user may see it: within the parent record's scope; a withdrawn one only to staff. */
async function visiblePhoto(db: Db, user: SessionUser, id: string): Promise<PhotoRow> {
  const row = await findPhoto(db, id)
  if (!row) throw new NotFound()
  if (row.issueId) await visibleIssue(db, user, row.issueId)
  else if (!can(user, 'activity.read')) throw new NotFound()
  else await visibleActivity(db, user, row.activityId!)
  if (row.withdrawnAt && !can(user, 'photo.withdraw')) throw new NotFound()
  return row
}

export async function putThumb(db: Db, files: FileStore, user: SessionUser, id: string, upload: Upload): Promise<{ photo: Photo; created: boolean }> {
  const row = await visiblePhoto(db, user, id)
  if (row.uploadedBy !== user.id) throw new Forbidden('只有照片的上传者可以上传其缩略图')
  const { bytes, image, sha256 } = await readChecked(upload)
  const answer = (current: PhotoRow) => {
    if (current.thumbSha256 !== sha256) throw new Conflict('该照片已有另一张缩略图')
    return { photo: toPhoto(current), created: false }
  }
  if (row.thumbSha256) return answer(row)
  await files.put(thumbKey(id, sha256), bytes, image.type)
  if (await setThumb(db, id, { thumbType: image.type, thumbBytes: bytes.byteLength, thumbSha256: sha256 })) {
    return { photo: toPhoto({ ...row, thumbType: image.type, thumbBytes: bytes.byteLength, thumbSha256: sha256 }), created: true }
  }
  return answer((await findPhoto(db, id))!)
}

export interface PhotoBytes {
  file: StoredFile
  contentType: PhotoType
  sha256: string
}

/** The photo's bytes, or its thumbnail's (the photo itself when no thumbnail was sent). */
export async function photoBytes(db: Db, files: FileStore, user: SessionUser, id: string, which: 'photo' | 'thumb'): Promise<PhotoBytes> {
  const row = await visiblePhoto(db, user, id)
  const thumb = which === 'thumb' && row.thumbSha256 && row.thumbType ? { key: thumbKey(id, row.thumbSha256), contentType: row.thumbType, sha256: row.thumbSha256 } : null
  const { key, contentType, sha256 } = thumb ?? { key: photoKey(id, row.sha256), contentType: row.contentType, sha256: row.sha256 }
  const file = await files.get(key)
  if (!file) throw new NotFound('照片文件不存在')
  return { file, contentType, sha256 }
}

export async function withdraw(db: Db, user: SessionUser, id: string, reason: string, now = new Date()): Promise<Photo> {
  const row = await visiblePhoto(db, user, id)
  requirePermission(user, 'photo.withdraw', '只有工作人员可以撤回照片')
  if (row.withdrawnAt) {
    // The same withdrawal sent again (a retry) answers it; another is refused.
    if (row.withdrawnBy === user.id && row.withdrawnReason === reason) return toPhoto(row)
    throw new Conflict('该照片已被撤回', toPhoto(row))
  }
  if (!(await withdrawPhoto(db, id, user.id, now.toISOString(), reason))) {
    const current = (await findPhoto(db, id))!
    if (current.withdrawnBy === user.id && current.withdrawnReason === reason) return toPhoto(current)
    throw new Conflict('该照片已被撤回', toPhoto(current))
  }
  return toPhoto((await findPhoto(db, id))!)
}
