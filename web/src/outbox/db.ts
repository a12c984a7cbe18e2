// The phone's own store (IndexedDB): the outbox of records not yet confirmed by the server, the
// forms' drafts, and the last copy of the deputy's and the unit's lists. Everything is keyed by
// account, so another account on the same phone neither sees nor sends it. A few promise helpers
// instead of a library: the activity form loads this before it can show a restored draft.
// Version 2 added the photos waiting to go up (their bytes as blobs) beside their record.

export type ItemState = 'pending' | 'sending' | 'rejected'
/** 'photos': photos of a step taken online (an issue action, an activity edited), with no record to send. */
export type ItemKind = 'issue' | 'activity' | 'photos'

export interface OutboxItem {
  /** The record's client id: the server files it once however often it is sent. */
  id: string
  userId: string
  kind: ItemKind
  /** POST path under /api/v1 and the body sent. */
  path: string
  body: Record<string, unknown>
  /** The form's draft, to edit a refused item in its own form. */
  draft: unknown
  title: string
  state: ItemState
  /** The server's words when it refused the content (需修改). */
  message?: string
  fields?: Record<string, string>
  /** The refusal's HTTP status (409: the id is taken by another record). */
  status?: number
  createdAt: string
  attempts: number
  /** The ids of this item's photos in the photos store, in the order they were picked. */
  photos?: string[]
  /** The record is confirmed (or there was none): only the photos are left to send. */
  recorded?: boolean
  /** The photos' query (issueId=…&eventId=… or activityId=…), known once the record is in. */
  target?: string
}

export type PhotoState = 'pending' | 'thumb' | 'done' | 'rejected'

/** A photo waiting to go up: shrunk on the phone, sent with its own id, then its thumbnail. */
export interface PhotoRow {
  id: string
  userId: string
  /** The outbox item it goes with. */
  itemId: string
  blob: Blob
  thumb: Blob
  width: number
  height: number
  /** pending: nothing confirmed; thumb: the photo is in, its thumbnail not yet. */
  state: PhotoState
  message?: string
  status?: number
}

export interface DraftRow {
  key: string
  userId: string
  draft: unknown
  /** The client id of a send that got no answer. */
  id: string | null
}

export interface ReadRow {
  key: string
  userId: string
  at: string
  data: unknown
}

interface Stores {
  items: OutboxItem
  drafts: DraftRow
  reads: ReadRow
  photos: PhotoRow
}
type Name = keyof Stores

let opening: Promise<IDBDatabase> | null = null

export function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('chengde-ledger', 2)
    r.onupgradeneeded = (e) => {
      // From version 1 only the photos store is new: the items, drafts and copies stay as they are.
      if (e.oldVersion < 1) {
        r.result.createObjectStore('items', { keyPath: 'id' }).createIndex('user', 'userId')
        r.result.createObjectStore('drafts', { keyPath: 'key' }).createIndex('user', 'userId')
        r.result.createObjectStore('reads', { keyPath: 'key' }).createIndex('user', 'userId')
      }
      r.result.createObjectStore('photos', { keyPath: 'id' }).createIndex('user', 'userId')
    }
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  }).catch((e: unknown) => {
    opening = null
    throw e
  })
  return opening
}

/**
 * Opens the store ahead of its first read: every signed-in screen reads it (the outbox, a form's
 * draft), and opening is the slow part on a cheap phone. A failure is met again by that read.
 */
export function openEarly(): void {
  open().catch(() => undefined)
}

/** Runs `act` in one transaction and settles when it has committed (a write is on disk by then). */
async function tx<T>(name: Name, mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const t = (await open()).transaction(name, mode)
  const r = act(t.objectStore(name))
  return new Promise<T>((resolve, reject) => {
    t.oncomplete = () => resolve(r.result)
    t.onerror = t.onabort = () => reject(t.error ?? r.error)
  })
}

export const store = {
  get: <N extends Name>(name: N, key: string) => tx(name, 'readonly', (s) => s.get(key) as IDBRequest<Stores[N] | undefined>),
  put: <N extends Name>(name: N, value: Stores[N]) => tx(name, 'readwrite', (s) => s.put(value)).then(() => undefined),
  delete: (name: Name, key: string) => tx(name, 'readwrite', (s) => s.delete(key)).then(() => undefined),
  /** Every row of one account. */
  ofUser: <N extends Name>(name: N, userId: string) => tx(name, 'readonly', (s) => s.index('user').getAll(userId) as IDBRequest<Stores[N][]>),
  /** Deletes every row of one account in one transaction. */
  deleteOfUser: (name: Name, userId: string) =>
    tx(name, 'readwrite', (s) => {
      const r = s.index('user').getAllKeys(userId)
      r.onsuccess = () => r.result.forEach((key) => s.delete(key))
      return r
    }).then(() => undefined),
}

/** A write the phone refused because its storage is full (never a silent loss: the caller says so). */
export function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED')
}

export const FULL_MESSAGE = '手机存储空间已满，内容未能保存。请清理手机空间后再试，填写的内容仍在页面上。'
