// A form's unsent draft in sessionStorage, for one user, with the client id of a send that got no
// answer: a reload or a lapsed session in this tab loses nothing, and the retry files it once.

export type Saved<D> = { userId: string; draft: D; id: string | null }

/** `revive` rebuilds what JSON loses (fresh list keys, defaults for fields added since). */
export function draftStore<D>(key: string, revive: (draft: D) => D = (draft) => draft) {
  function load(userId: string): Saved<D> | null {
    try {
      const v = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<Saved<D>> | null
      if (!v || v.userId !== userId || !v.draft || typeof v.draft !== 'object') return null
      return { userId, draft: revive(v.draft), id: v.id ?? null }
    } catch {
      return null
    }
  }

  function store(saved: Saved<D> | null): void {
    try {
      if (saved) sessionStorage.setItem(key, JSON.stringify(saved))
      else sessionStorage.removeItem(key)
    } catch {
      // Private mode or a full store: the form still works, it just forgets on reload.
    }
  }

  return { load, store }
}
