// The typed client of the issue ledger and responsible units (api.md "Issues", "Units"). Kept
// apart from api.ts so that only the screens that use it download it.
import type { Transition } from '../../worker/core/workflow'
import { http, type Answer, type Body, type Query, type Schema } from './api'

export type ActionName = Transition['action']

export type Issue = Schema<'Issue'>
export type IssueEvent = Schema<'IssueEvent'>

/** POST /issues; the web always sends the id it made, so that a retry never makes a second one. */
export type NewIssue = Body<'/issues', 'post'> & { id: string }
export type ActionBody = Body<'/issues/{id}/actions', 'post'>
export type Unit = Schema<'Unit'>

/** One page of a list: every list answers { items, nextCursor } (GET /issues as the pattern). */
export type Page<T> = Omit<Answer<'/issues'>, 'items'> & { items: T[] }

/** The list filters of GET /issues, the same names in the screen's address and in the exports. */
export const FILTER_KEYS = ['year', 'countyCode', 'fieldCode', 'township', 'status', 'overdue', 'unitId', 'q', 'light', 'declined', 'pressed', 'groupId'] as const satisfies readonly (keyof Query<'/issues'>)[]
export type FilterKey = (typeof FILTER_KEYS)[number]
export type Filters = Partial<Record<FilterKey, string>>

/**
 * A query string of the non-empty entries, in a stable order. `township` is kept when empty:
 * `township=` is the filter for the items with no township filled in (未填写乡镇).
 */
export function queryString(params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value || (key === 'township' && value === '')) qs.set(key, value)
  return qs.toString()
}

export const issuesApi = {
  list: (query: string) => http.get<Answer<'/issues'>>(`/issues${query ? `?${query}` : ''}`),
  get: (id: string) => http.get<Answer<'/issues/{id}'>>(`/issues/${encodeURIComponent(id)}`),
  create: (body: NewIssue) => http.post<Answer<'/issues', 'post'>>('/issues', body),
  act: (id: string, body: ActionBody) => http.post<Answer<'/issues/{id}/actions', 'post'>>(`/issues/${encodeURIComponent(id)}/actions`, body),
  exportUrl: (format: 'csv' | 'xlsx', filters: Filters) => {
    const qs = queryString(filters)
    return `/api/v1/issues/export.${format}${qs ? `?${qs}` : ''}`
  },
}

export const unitsApi = {
  list: (countyCode?: string) => http.get<Answer<'/units'>>(`/units${countyCode ? `?countyCode=${countyCode}` : ''}`).then((r) => r.items),
  create: (name: string, countyCode?: string) =>
    http.post<Answer<'/units', 'post'>>('/units', (countyCode ? { name, countyCode } : { name }) satisfies Body<'/units', 'post'>),
  rename: (id: string, name: string, version: number) =>
    http.patch<Answer<'/units/{id}', 'patch'>>(`/units/${encodeURIComponent(id)}`, { name, version } satisfies Body<'/units/{id}', 'patch'>),
}

// The client id of a new record: in its own module, so that a form sending one does not download this client.
export { newId } from './new-id'
