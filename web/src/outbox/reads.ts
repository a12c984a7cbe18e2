// The last copy of the lists a deputy or a unit reads in the field (my issues, my activities, the
// yearly record, the unit's to-do), kept per account in IndexedDB by api.ts and shown when there
// is no signal. Removed on sign-out.
import { store as idb } from './db'

const key = (userId: string, path: string) => `${userId}:${path}`

export function save(userId: string, path: string, data: unknown): Promise<void> {
  // A full store only means no offline copy: the screen in front of the person is unaffected.
  return idb.put('reads', { key: key(userId, path), userId, at: new Date().toISOString(), data }).catch(() => undefined)
}

export function load(userId: string, path: string): Promise<{ at: string; data: unknown } | null> {
  return idb.get('reads', key(userId, path)).then(
    (r) => r ?? null,
    () => null,
  )
}

/** Every copy of the account, in one transaction: all of them go, or (the page closed) none. */
export function clear(userId: string): Promise<void> {
  return idb.deleteOfUser('reads', userId).catch(() => undefined)
}
