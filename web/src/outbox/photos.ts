// The photos of an outbox item: stored (as blobs) in the same transaction as their record, sent
// after the record is confirmed, each with its own client id and then its thumbnail, over XHR so
// that a slow signal shows how far each one is. A photo the server refuses (wrong type, too large,
// a tenth one, a closed step) keeps the server's message and is not sent again; the others go on.
import { ApiError, NETWORK_ERROR, toApiError } from '../api'
import { open, type OutboxItem, type PhotoRow } from './db'

/** A photo as the forms hand it over: shrunk already, with its client id. */
export interface NewPhoto {
  id: string
  blob: Blob
  thumb: Blob
  width: number
  height: number
}

/** Awaits one transaction over both stores (all or nothing: a full phone stores neither). */
async function both<T>(mode: IDBTransactionMode, act: (items: IDBObjectStore, photos: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const t = (await open()).transaction(['items', 'photos'], mode)
  const r = act(t.objectStore('items'), t.objectStore('photos'))
  return new Promise<T | undefined>((resolve, reject) => {
    t.oncomplete = () => resolve(r ? r.result : undefined)
    t.onerror = t.onabort = () => reject(t.error)
  })
}

/** Stores the item and its photos together; photos replaced by a resend keep their ids. */
export async function putWithPhotos(item: OutboxItem, photos: NewPhoto[]): Promise<void> {
  await both('readwrite', (items, store) => {
    items.put({ ...item, photos: photos.map((p) => p.id) })
    // Only what is sent: a form's preview of a picked photo stays in the form.
    for (const { id, blob, thumb, width, height } of photos) store.put({ id, blob, thumb, width, height, userId: item.userId, itemId: item.id, state: 'pending' } satisfies PhotoRow)
  })
}

export async function photosOfUser(userId: string): Promise<PhotoRow[]> {
  const rows = await both('readonly', (_, store) => store.index('user').getAll(userId) as IDBRequest<PhotoRow[]>)
  return rows ?? []
}

/** Deletes the item with its photos (confirmed, or given up on by its owner). */
export async function deleteWithPhotos(item: OutboxItem): Promise<void> {
  await both('readwrite', (items, store) => {
    items.delete(item.id)
    for (const id of item.photos ?? []) store.delete(id)
  })
}

async function putPhoto(row: PhotoRow): Promise<void> {
  await both('readwrite', (_, store) => void store.put(row))
}

/** How far each photo's bytes have gone up (0–1), for the bars; in memory only. */
export type Progress = (photoId: string, done: number) => void

// A photo on a weak signal takes longer than a form: wait up to two minutes per request.
const TIMEOUT_MS = 120_000

/** PUT of raw bytes with upload progress (fetch has none); failures as the ApiError of api.ts. */
function put(path: string, blob: Blob, onProgress: (done: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', `/api/v1${path}`)
    xhr.timeout = TIMEOUT_MS
    xhr.setRequestHeader('Content-Type', blob.type || 'image/jpeg')
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    xhr.onload = () => {
      let data: unknown = null
      try {
        data = JSON.parse(xhr.responseText)
      } catch {
        // Not JSON: a proxy's page; toApiError says the service is unavailable.
      }
      if (xhr.status === 200 || xhr.status === 201) resolve(data)
      else reject(toApiError(xhr.status, data))
    }
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, '网络连接失败，照片稍后会自动重新上传'))
    xhr.ontimeout = () => reject(new ApiError(0, NETWORK_ERROR, '网络较慢，照片上传超时，稍后会自动重试'))
    xhr.send(blob)
  })
}

/** The content was refused (or this person may not add to that step): sending it again cannot help. */
const refusedStatus = (status: number) => status === 400 || status === 403 || status === 404 || status === 409 || status === 413 || status === 415 || status === 422
const refused = (e: ApiError) => e.code !== 'password_change_required' && refusedStatus(e.status)

/**
 * Sends the item's photos that are not in yet, one after another. 'sent': every photo is in (or
 * refused, which leaves the item as 需修改 with the server's words); 'held': no signal or no
 * session, try again later with the outbox's back-off, from the photo where it stopped.
 */
export async function sendPhotos(item: OutboxItem, progress: Progress): Promise<{ outcome: 'sent' | 'held'; error?: ApiError; refused: PhotoRow[] }> {
  const rows = new Map((await photosOfUser(item.userId)).map((r) => [r.id, r]))
  const failed: PhotoRow[] = []
  for (const id of item.photos ?? []) {
    let row = rows.get(id)
    if (!row || row.state === 'done') continue
    if (row.state === 'rejected') {
      failed.push(row)
      continue
    }
    const photoPath = `/photos/${encodeURIComponent(id)}`
    try {
      if (row.state === 'pending') {
        await put(`${photoPath}?${item.target ?? ''}`, row.blob, (done) => progress(id, done * 0.95))
        row = { ...row, state: 'thumb' }
        await putPhoto(row)
      }
      try {
        await put(`${photoPath}/thumb`, row.thumb, () => undefined)
      } catch (e) {
        // A thumbnail refused is no loss: the server shows the photo itself in its place.
        if (!(e instanceof ApiError) || !refused(e)) throw e
      }
      row = { ...row, state: 'done' }
      await putPhoto(row)
      progress(id, 1)
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, NETWORK_ERROR, '照片上传失败，稍后会自动重试')
      if (!refused(err)) return { outcome: 'held', error: err, refused: failed }
      row = { ...row, state: 'rejected', message: err.message, status: err.status }
      await putPhoto(row)
      failed.push(row)
    }
  }
  return { outcome: 'sent', refused: failed }
}

/** The query of an item's photos once its record is in: the record's id, as the server made it. */
export function targetOf(item: OutboxItem, result: unknown): string {
  const id = (result as { id?: unknown } | null)?.id
  return `${item.kind === 'activity' ? 'activityId' : 'issueId'}=${encodeURIComponent(typeof id === 'string' ? id : item.id)}`
}
