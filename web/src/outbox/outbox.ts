// The outbox: every report and activity is stored here with its client id before it is sent, and
// sent by itself — at app start, when the signal returns, when the app comes back to the front, on
// a back-off timer with jitter and on the service worker's Background Sync (Chromium) — until the
// server confirms it (201 or 200); only then is it deleted. One tab sends at a time (Web Locks);
// the server's client-id idempotency makes a repeat harmless anyway. A refused item stays as
// 需修改 with the server's message. An item with photos is done only when its record and every
// photo are confirmed: the record goes first, then each photo (outbox/photos.ts).
import { asApiError, http, NETWORK_ERROR, type ApiError } from '../api'
import { isQuotaError, open as openStore, store as idb, type ItemKind, type OutboxItem, type PhotoRow } from './db'
import { deleteWithPhotos, photosOfUser, putWithPhotos, sendPhotos, targetOf, type NewPhoto } from './photos'

export type { OutboxItem } from './db'

export interface Snapshot {
  items: OutboxItem[]
  /** 待发送 and 发送中. */
  waiting: number
  rejected: number
  /** Confirmed by the server while this page was open (已报送), newest first. */
  sent: { id: string; kind: ItemKind; title: string; result: unknown }[]
  /** The last reason a send did not go (no signal, session ended), for the outbox screen. */
  held: string
  /** The photos of the waiting items (their state and the server's words for a refused one). */
  photos: PhotoRow[]
  /** How far the photo being sent has gone up, 0–1, by photo id (this tab's sends only). */
  progress: Record<string, number>
}

type Listener = (s: Snapshot) => void

const EMPTY: Snapshot = { items: [], waiting: 0, rejected: 0, sent: [], held: '', photos: [], progress: {} }
let current: { userId: string; snap: Snapshot } | null = null
const listeners = new Set<Listener>()
const results = new Map<string, unknown>()
let timer = 0
let failures = 0
/** Set by `online`: the first send often goes before the radio is really up, so one quick retry. */
let quick = false
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('outbox') : null

async function refresh(): Promise<void> {
  if (!current) return
  const userId = current.userId
  let items: OutboxItem[] = []
  let photos: PhotoRow[] = []
  try {
    items = await idb.ofUser('items', userId)
    photos = await photosOfUser(userId)
  } catch {
    // No IndexedDB (private mode on old Safari): nothing is waiting here.
  }
  if (current?.userId !== userId) return
  items.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
  const rejected = items.filter((i) => i.state === 'rejected').length
  current.snap = { ...current.snap, items, waiting: items.length - rejected, rejected, photos }
  for (const l of listeners) l(current.snap)
}

function changed(): Promise<void> {
  channel?.postMessage('changed')
  return refresh()
}

function hold(reason: string): void {
  if (current) current.snap = { ...current.snap, held: reason }
}

/** A photo's bar moved: tell the screens without reading the store again. */
function progressed(photoId: string, done: number): void {
  if (!current) return
  const before = current.snap.progress[photoId] ?? 0
  if (done < 1 && done - before < 0.05) return
  current.snap = { ...current.snap, progress: { ...current.snap.progress, [photoId]: done } }
  for (const l of listeners) l(current.snap)
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  listener(current?.snap ?? EMPTY)
  return () => listeners.delete(listener)
}

/** After `online`: wait this long before the first send, and 1–2× this before its one quick retry. */
const QUICK_MS = 1_000

/** Back-off after a failed send: 15 s doubling to 10 min, ±50 % jitter so phones do not sync up. */
function schedule(): void {
  window.clearTimeout(timer)
  if (!current) return
  if (quick) {
    quick = false
    timer = window.setTimeout(() => void flush(), QUICK_MS * (1 + Math.random()))
    return
  }
  const base = Math.min(15_000 * 2 ** Math.min(failures, 6), 600_000)
  timer = window.setTimeout(() => void flush(), base * (0.5 + Math.random()))
}

/** The part of a service worker registration that Background Sync adds (Chromium only). */
type SyncRegistration = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }

/**
 * No signal: where the browser has Background Sync, ask it to wake the service worker when the
 * phone is online again, which tells the open tabs to send (public/sw-sync.js). Only when the
 * browser knows it is offline: in a dead zone it takes for online, a sync would fire at once and
 * undo the back-off. The page's own triggers stay: Safari and Firefox have no Background Sync.
 */
function registerSync(): void {
  if (navigator.onLine) return
  void navigator.serviceWorker?.ready.then((reg) => (reg as SyncRegistration).sync?.register('outbox')).catch(() => undefined)
}

/** The service worker's `sync` came: the signal is back, as with `online`. */
function onWorkerMessage(event: MessageEvent): void {
  if ((event.data as { type?: unknown } | null)?.type === 'outbox-sync') onOnline()
}

let asked = false
/** Ask once that the browser not evict the store (Safari clears it after 7 days otherwise). */
function persist(): void {
  if (asked) return
  asked = true
  void navigator.storage?.persist?.().catch(() => undefined)
}

/**
 * Stores a record to send (or replaces a refused one being resent under the same id). Throws
 * QuotaExceededError when the phone is full: the caller keeps the form and says so.
 */
export async function enqueue(
  item: Pick<OutboxItem, 'id' | 'userId' | 'kind' | 'path' | 'body' | 'draft' | 'title'> & Partial<Pick<OutboxItem, 'recorded' | 'target'>> & { photos?: NewPhoto[] },
): Promise<void> {
  persist()
  const before = await idb.get('items', item.id)
  const { photos, ...rest } = item
  const row: OutboxItem = { ...rest, state: 'pending', createdAt: before?.createdAt ?? new Date().toISOString(), attempts: 0 }
  // A refused record resent from its form keeps the photos it was stored with.
  if (photos?.length) await putWithPhotos(row, photos)
  else await idb.put('items', before?.photos ? { ...row, photos: before.photos } : row)
  await changed()
}

/**
 * Photos of a step already on the server (an issue action's event, an activity), to send through
 * the outbox so that a dropped signal loses none. Answers the item's id, to follow its progress.
 */
export async function enqueuePhotos(userId: string, id: string, title: string, target: string, photos: NewPhoto[]): Promise<string> {
  await enqueue({ id, userId, kind: 'photos', path: '', body: {}, draft: null, title, recorded: true, target, photos })
  void flush()
  return id
}

export async function getItem(userId: string, id: string): Promise<OutboxItem | null> {
  const item = await idb.get('items', id).catch(() => undefined)
  return item && item.userId === userId ? item : null
}

export async function remove(userId: string, id: string): Promise<void> {
  const item = await idb.get('items', id)
  if (item?.userId === userId) await deleteWithPhotos(item)
  await changed()
}

type Outcome = 'sent' | 'rejected' | 'held'

/** Waiting submits, told as soon as their record is confirmed (its photos may still be going up). */
const recordedWaiters = new Map<string, () => void>()

function done(item: OutboxItem, result: unknown): void {
  if (current) current.snap = { ...current.snap, held: '', sent: [{ id: item.id, kind: item.kind, title: item.title, result }, ...current.snap.sent].slice(0, 20) }
}

function held(err: ApiError): void {
  if (err.code === NETWORK_ERROR) registerSync()
  hold(err.status === 401 ? '登录已过期，重新登录后会自动发送。' : err.code === NETWORK_ERROR ? '暂无网络，恢复后会自动发送。' : err.message)
}

/** The photos of an item whose record is in: done when all are confirmed (or refused). */
async function sendItemPhotos(item: OutboxItem): Promise<Outcome> {
  try {
    const sent = await sendPhotos(item, progressed)
    if (sent.outcome === 'held') {
      await idb.put('items', { ...item, state: 'pending' })
      held(sent.error ?? asApiError(null, '照片上传失败，稍后会自动重试'))
      return 'held'
    }
    if (sent.refused.length > 0) {
      const first = sent.refused[0]!
      const message = `${sent.refused.length} 张照片未能上传：${first.message ?? '服务器拒收'}`
      await idb.put('items', { ...item, state: 'rejected', message, status: first.status, fields: {} })
      return 'rejected'
    }
    await deleteWithPhotos(item)
    done(item, results.get(item.id) ?? null)
    return 'sent'
  } finally {
    await changed()
  }
}

async function sendOne(item: OutboxItem): Promise<Outcome> {
  await idb.put('items', { ...item, state: 'sending', attempts: item.attempts + 1 })
  await changed()
  if (item.recorded) return sendItemPhotos({ ...item, state: 'sending', attempts: item.attempts + 1 })
  try {
    const result = await http.post<unknown>(item.path, item.body)
    results.set(item.id, result)
    if (item.photos?.length) {
      // The record is in: from now on only its photos are sent, never the record again.
      const next: OutboxItem = { ...item, state: 'sending', attempts: item.attempts + 1, recorded: true, target: targetOf(item, result) }
      await idb.put('items', next)
      recordedWaiters.get(item.id)?.()
      await changed()
      return sendItemPhotos(next)
    }
    // Confirmed (201, or 200 for an id the server already had): only now may it go.
    await idb.delete('items', item.id)
    done(item, result)
    return 'sent'
  } catch (e) {
    const err: ApiError = asApiError(e, '发送失败，稍后会自动重试')
    // The content itself was refused: retrying it unchanged cannot help.
    const refused = err.status === 400 || err.status === 404 || err.status === 409 || err.status === 422
    if (refused) {
      await idb.put('items', { ...item, state: 'rejected', message: err.message, fields: err.fields, status: err.status, attempts: item.attempts + 1 })
      return 'rejected'
    }
    await idb.put('items', { ...item, state: 'pending', attempts: item.attempts + 1 })
    held(err)
    return 'held'
  } finally {
    await changed()
  }
}

let chain: Promise<void> = Promise.resolve()
let queued: Promise<void> | null = null

/**
 * Sends what waits for the signed-in account, oldest first, in one tab at a time. The promise
 * settles after a run that started after this call, so it has seen anything stored before it.
 */
export function flush(): Promise<void> {
  if (queued) return queued
  const next = chain.then(() => {
    queued = null
    return run()
  })
  queued = next
  chain = next.catch(() => undefined)
  return next
}

async function run(): Promise<void> {
  const userId = current?.userId
  if (!userId) return
  const loop = async () => {
    for (;;) {
      if (current?.userId !== userId) return
      // Read again each time: another tab may have sent or added items meanwhile. A 'sending' left
      // by a closed tab is sent again (the lock says no one else is at it).
      const items = await idb.ofUser('items', userId)
      const next = items.filter((i) => i.state !== 'rejected').sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))[0]
      if (!next) {
        failures = 0
        quick = false
        return
      }
      const outcome = await sendOne(next)
      if (outcome === 'held') {
        failures++
        schedule()
        return
      }
    }
  }
  try {
    if (navigator.locks) await navigator.locks.request(`outbox:${userId}`, { ifAvailable: true }, async (lock) => lock && (await loop()))
    else await loop()
  } catch {
    // IndexedDB unavailable or closed mid-way: the timer tries again.
    failures++
    schedule()
  }
}

/**
 * Stores the record, then tries to send it at once. 'sent' carries the server's record; 'held'
 * means it waits in the outbox (no signal, session ended, another tab is sending it).
 */
export async function submit(item: Parameters<typeof enqueue>[0]): Promise<{ outcome: 'sent'; result: unknown } | { outcome: 'rejected'; item: OutboxItem } | { outcome: 'held' }> {
  await enqueue(item)
  // Back as soon as the record is in: its photos go on in the background, with their bars.
  await new Promise<void>((resolve) => {
    recordedWaiters.set(item.id, resolve)
    void flush().finally(resolve)
  })
  recordedWaiters.delete(item.id)
  if (results.has(item.id)) {
    const result = results.get(item.id)
    results.delete(item.id)
    return { outcome: 'sent', result }
  }
  const left = await getItem(item.userId, item.id)
  if (left?.state === 'rejected') return { outcome: 'rejected', item: left }
  return { outcome: 'held' }
}

const kick = () => void flush()
const onVisible = () => document.visibilityState === 'visible' && kick()
/**
 * The signal is back: the back-off of the dead zone no longer applies. Phones fire `online`
 * before requests get through, so the first send waits a moment and, if it still fails, is
 * retried once quickly before the back-off takes over again.
 */
function onOnline(): void {
  failures = 0
  quick = true
  window.clearTimeout(timer)
  timer = window.setTimeout(kick, QUICK_MS / 2)
}

/** The signed-in account's queue starts sending; another account's stays where it is. */
export function start(userId: string): void {
  if (current?.userId === userId) return
  stop()
  current = { userId, snap: { ...EMPTY } }
  failures = 0
  window.addEventListener('online', onOnline)
  document.addEventListener('visibilitychange', onVisible)
  navigator.serviceWorker?.addEventListener('message', onWorkerMessage)
  channel?.addEventListener('message', refresh)
  // A newer release's tab upgrading the store must not wait for this one: it steps aside (this
  // tab, on the old release, shows 有新版本 and is reloaded with it). Set here, not in db.ts, so
  // the forms' first download stays small.
  void openStore().then((db) => (db.onversionchange = () => db.close()), () => undefined)
  void refresh().then(kick)
}

/** Signed out: nothing is sent until that account signs in again; its items stay. */
export function stop(): void {
  window.clearTimeout(timer)
  quick = false
  window.removeEventListener('online', onOnline)
  document.removeEventListener('visibilitychange', onVisible)
  navigator.serviceWorker?.removeEventListener('message', onWorkerMessage)
  channel?.removeEventListener('message', refresh)
  current = null
  for (const l of listeners) l(EMPTY)
}

export { isQuotaError }

/** The photo components and their styles (photos/lazy.tsx): they ride in the 待发送 screen's chunk. */
export const photoParts = () => Promise.all([import('../pages/outbox'), import('../photos/photos.css')]).then(([m]) => m)
