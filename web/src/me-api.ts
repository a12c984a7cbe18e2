// The typed client of the work bench (api.md "Work bench"), and the screen each count opens: the
// server names, for every count, the list of exactly its records; here that list becomes a page.
import { http, type Answer, type Schema } from './api'
import type { Role } from '../../worker/core/taxonomy'

export type Summary = Schema<'WorkSummary'>

export const meApi = {
  summary: () => http.get<Answer<'/me/summary'>>('/me/summary'),
  issuesSeen: () => http.put<Answer<'/me/issues-seen', 'put'>>('/me/issues-seen', {}),
}

/** What each count is called on the home page. */
export const COUNT_LABELS: Record<string, string> = {
  toAssign: '待交办',
  declined: '被退办待重新交办',
  toVerify: '待验收',
  overdue: '逾期',
  dueSoon: '即将到期',
  toReview: '待审核履职',
  toAccept: '待接收',
  rectifying: '整改中',
  pressed: '被督办',
  returned: '被退回的履职',
  newProgress: '问题有新进展',
  unsent: '待发送',
}

/** The page that shows a count's list (the server's /issues?… or /activities?… for this role). */
export function pageFor(role: Role, name: string, list: string): string {
  const [path, query = ''] = list.split('?')
  if (path === '/activities') return role === 'deputy' ? `/activities/mine?${query}` : '/activities/review'
  if (role === 'unit') return `/issues/todo?list=${name}`
  if (role === 'deputy') return `/issues/mine?${query}`
  return `/issues?${query}`
}
