// A paged issue list as a hook: the first page, 加载更多 with nextCursor, retry, and the merge of
// several queries into one ordered list (a unit's to-do is "assigned" and "rectifying" at once,
// and the API filters one status at a time).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { loadMessage, type Paged } from './activity-pages'
import { issuesApi, type Issue } from './issues-api'

export type Order = 'newest' | 'deadline'

interface Stream {
  query: string
  items: Issue[]
  cursor: string | null
}

type Tuple = [string, string]
const NO_DEADLINE = '9999-12-31'

const tupleOf = (issue: Issue, order: Order): Tuple => [order === 'deadline' ? (issue.deadline ?? NO_DEADLINE) : issue.createdAt, issue.id]

/** True when a comes after b in the server's order (deadline soonest first, else newest first). */
function after(a: Tuple, b: Tuple, order: Order): boolean {
  const cmp = a[0] === b[0] ? (a[1] === b[1] ? 0 : a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1
  return order === 'deadline' ? cmp > 0 : cmp < 0
}

/**
 * The merged list, cut at the earliest last-row of a stream that has more pages: past that
 * point another stream's next page may still hold rows that belong in between.
 */
function merge(streams: Stream[], order: Order): Issue[] {
  let mark: Tuple | null = null
  for (const s of streams) {
    const last = s.items[s.items.length - 1]
    if (!s.cursor || !last) continue
    const t = tupleOf(last, order)
    if (!mark || after(mark, t, order)) mark = t
  }
  const all = streams.flatMap((s) => s.items)
  const shown = mark ? all.filter((i) => !after(tupleOf(i, order), mark!, order)) : all
  return shown.sort((a, b) => (after(tupleOf(a, order), tupleOf(b, order), order) ? 1 : -1))
}

function withPage(query: string, order: Order, limit: number, cursor?: string): string {
  const qs = new URLSearchParams(query)
  qs.set('sort', order)
  qs.set('limit', String(limit))
  if (cursor) qs.set('cursor', cursor)
  return qs.toString()
}

/** The same list state as the other screens' paged lists, without local edits. */
export type IssuePages = Omit<Paged<Issue>, 'update'>

export function useIssuePages(queries: string[], order: Order, limit = 50): IssuePages {
  const key = `${order} ${limit} ${queries.join(' ')}`
  const latest = useRef(queries)
  latest.current = queries
  const [streams, setStreams] = useState<Stream[] | null>(null)
  const [error, setError] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState('')
  const [attempt, setAttempt] = useState(0)
  // Answers to an older set of filters arrive late on a slow network; they must not win.
  const generation = useRef(0)

  useEffect(() => {
    const gen = ++generation.current
    setStreams(null)
    setError('')
    setMoreError('')
    setLoadingMore(false)
    Promise.all(latest.current.map((q) => issuesApi.list(withPage(q, order, limit)).then((p) => ({ query: q, items: p.items, cursor: p.nextCursor }))))
      .then((loaded) => gen === generation.current && setStreams(loaded))
      .catch((e: unknown) => gen === generation.current && setError(loadMessage(e)))
  }, [key, attempt])

  const loadMore = useCallback(() => {
    if (!streams || loadingMore) return
    const gen = generation.current
    setLoadingMore(true)
    setMoreError('')
    Promise.all(
      streams.map((s) =>
        s.cursor
          ? issuesApi.list(withPage(s.query, order, limit, s.cursor)).then((p) => ({ ...s, items: [...s.items, ...p.items], cursor: p.nextCursor }))
          : s,
      ),
    )
      .then((next) => gen === generation.current && setStreams(next))
      .catch((e: unknown) => gen === generation.current && setMoreError(loadMessage(e)))
      .finally(() => gen === generation.current && setLoadingMore(false))
  }, [streams, loadingMore, order, limit])

  return {
    status: error ? 'error' : streams ? 'ready' : 'loading',
    error,
    items: streams ? merge(streams, order) : [],
    hasMore: !!streams?.some((s) => s.cursor),
    loadingMore,
    moreError,
    loadMore,
    retry: () => setAttempt((n) => n + 1),
  }
}
