// A paged list as a hook for the Programme 2 screens (activities, roster, accounts): the first
// page, 加载更多 with nextCursor, retry, and local edits (a reviewed item leaves the queue).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { asApiError } from './api'
import type { Page } from './issues-api'

export interface Paged<T> {
  status: 'loading' | 'error' | 'ready'
  error: string
  items: T[]
  hasMore: boolean
  loadingMore: boolean
  moreError: string
  loadMore(): void
  retry(): void
  /** Changes the loaded list in place (drop a reviewed item, add a new one). */
  update(change: (items: T[]) => T[]): void
}

/** What a failed page load says (the issue pages' hook says the same). */
export const loadMessage = (e: unknown) => asApiError(e, '加载失败，请稍后重试').message

/**
 * `query` is the list's query string without limit and cursor; null fetches nothing (a screen
 * that is not for this account). `fetch` answers one page for a full query string.
 */
export function usePaged<T>(query: string | null, fetch: (query: string) => Promise<Page<T>>, limit = 50): Paged<T> {
  const [items, setItems] = useState<T[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState('')
  const [attempt, setAttempt] = useState(0)
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  // Answers to an older query arrive late on a slow network; they must not win.
  const generation = useRef(0)

  const pageOf = (q: string, after?: string) => {
    const qs = new URLSearchParams(q)
    qs.set('limit', String(limit))
    if (after) qs.set('cursor', after)
    return fetchRef.current(qs.toString())
  }

  useEffect(() => {
    const gen = ++generation.current
    setItems(null)
    setError('')
    setMoreError('')
    setLoadingMore(false)
    if (query === null) return
    pageOf(query).then(
      (p) => {
        if (gen !== generation.current) return
        setItems(p.items)
        setCursor(p.nextCursor)
      },
      (e: unknown) => gen === generation.current && setError(loadMessage(e)),
    )
  }, [query, limit, attempt])

  const loadMore = useCallback(() => {
    if (query === null || !cursor || loadingMore) return
    const gen = generation.current
    setLoadingMore(true)
    setMoreError('')
    pageOf(query, cursor)
      .then((p) => {
        if (gen !== generation.current) return
        setItems((list) => [...(list ?? []), ...p.items])
        setCursor(p.nextCursor)
      })
      .catch((e: unknown) => gen === generation.current && setMoreError(loadMessage(e)))
      .finally(() => gen === generation.current && setLoadingMore(false))
  }, [query, cursor, loadingMore])

  return {
    status: error ? 'error' : items ? 'ready' : 'loading',
    error,
    items: items ?? [],
    hasMore: !!items && cursor !== null,
    loadingMore,
    moreError,
    loadMore,
    retry: () => setAttempt((n) => n + 1),
    update: (change) => setItems((list) => (list ? change(list) : list)),
  }
}
