// Filling a phone's storage in real Chromium, for the tests of what the app does when the phone
// is full (offline.test.ts, photos-store.test.ts).
import type { CDPSession, Page } from 'playwright-core'

/** The page's IndexedDB, typed just enough for the storage tests (the suite has no DOM types). */
export type IdbWin = { indexedDB: { open(name: string, version: number): IdbRequest<IdbDb>; deleteDatabase(name: string): { onsuccess: unknown } } }
type IdbRequest<T> = { result: T; error: unknown; onupgradeneeded: unknown; onsuccess: unknown; onerror: unknown }
type IdbDb = { createObjectStore(name: string): unknown; transaction(name: string, mode: string): { objectStore(name: string): { put(value: unknown, key: string): unknown }; oncomplete: unknown; onabort: unknown; error: { name: string } | null }; close(): void }

/**
 * Runs in the page: writes random (incompressible) data into a database of its own until the
 * browser refuses, halving the piece each time, down to 64 bytes. Answers the last refusal's name.
 */
export async function fillStorage(): Promise<string> {
  const w = globalThis as unknown as IdbWin & { crypto: { getRandomValues(a: Uint8Array): Uint8Array } }
  const db = await new Promise<IdbDb>((resolve, reject) => {
    const r = w.indexedDB.open('filler', 1)
    r.onupgradeneeded = () => r.result.createObjectStore('data')
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
  let refusal = ''
  for (let size = 256 * 1024, n = 0; size >= 64; n++) {
    const piece = new Uint8Array(size)
    for (let i = 0; i < size; i += 65536) w.crypto.getRandomValues(piece.subarray(i, i + 65536))
    const error = await new Promise<string>((resolve) => {
      const t = db.transaction('data', 'readwrite')
      t.objectStore('data').put(piece, `piece-${n}`)
      t.oncomplete = () => resolve('')
      t.onabort = () => resolve(t.error?.name ?? 'AbortError')
    })
    if (error) {
      refusal = error
      size /= 2
    }
  }
  db.close()
  return refusal
}

/** Runs in the page: removes what fillStorage wrote. */
function emptyStorage(): Promise<unknown> {
  return new Promise((resolve) => Object.assign((globalThis as unknown as IdbWin).indexedDB.deleteDatabase('filler'), { onsuccess: resolve }))
}

/**
 * The phone has room again: what fillStorage wrote is deleted and the site's quota (set with
 * `Storage.overrideQuotaForOrigin` through `cdp`) is raised to 64 MB. Raised too because Chromium
 * (from 150) does not give a deleted database's space back at once, as a phone would after its
 * owner cleared some photos.
 */
export async function makeRoom(page: Page, cdp: CDPSession, origin: string): Promise<void> {
  await page.evaluate(emptyStorage)
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 64 * 1024 * 1024 })
}
