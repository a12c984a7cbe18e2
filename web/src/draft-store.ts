// A form's unsent draft in IndexedDB, for one user, with the client id of a send that got no
// answer: closing the tab or the browser, a reload or a lapsed session loses nothing, and the
// retry files it once.
import { openEarly, store as idb } from './outbox/db'

// A form reads its draft as soon as it renders: the store starts opening when the form's code arrives.
openEarly()

export type Saved<D> = { userId: string; draft: D; id: string | null }

/** `revive` rebuilds what storage loses (fresh list keys, defaults for fields added since). */
export function draftStore<D>(key: string, revive: (draft: D) => D = (draft) => draft) {
  const rowKey = (userId: string) => `${key}:${userId}`

  async function load(userId: string): Promise<Saved<D> | null> {
    try {
      const v = await idb.get('drafts', rowKey(userId))
      if (!v || !v.draft || typeof v.draft !== 'object') return null
      return { userId, draft: revive(v.draft as D), id: v.id ?? null }
    } catch {
      return null
    }
  }

  // Writes in order, so a fast typist's last keystroke is the one that stays.
  let last: Promise<unknown> = Promise.resolve()
  function store(saved: Saved<D> | null, userId = saved?.userId): void {
    if (!userId) return
    last = last
      .then(async () => {
        if (saved) await idb.put('drafts', { key: rowKey(userId), userId, draft: saved.draft, id: saved.id })
        else await idb.delete('drafts', rowKey(userId))
      })
      // Private mode or a full store: the form still works, it just forgets on reload.
      .catch(() => undefined)
  }

  return { load, store }
}
