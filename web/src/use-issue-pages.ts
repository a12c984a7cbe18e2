// A paged issue list as a hook: the first page, 加载更多 with nextCursor, retry, in the server's
// order (newest first, or soonest deadline first). One request per page: several statuses go in
// one query (a unit's to-do is status=assigned,rectifying), so the server pages them together.
import { usePaged, type Paged } from './activity-pages'
import { issuesApi, type Issue } from './issues-api'

export type Order = 'newest' | 'deadline'

/** A list under a light or overdue is in deadline order, most pressing first: the only order the server reads it in. */
export function orderOf(query: string, otherwise: Order): Order {
  const qs = new URLSearchParams(query)
  return qs.get('light') || qs.get('overdue') === 'true' ? 'deadline' : otherwise
}

/** The same list state as the other screens' paged lists, without local edits. */
export type IssuePages = Omit<Paged<Issue>, 'update'>

/** `query` is the list's filters as a query string; null fetches nothing (a screen not for this account). */
export function useIssuePages(query: string | null, order: Order, limit = 50): IssuePages {
  return usePaged(query === null ? null : sorted(query, order), issuesApi.list, limit)
}

function sorted(query: string, order: Order): string {
  const qs = new URLSearchParams(query)
  qs.set('sort', order)
  return qs.toString()
}
