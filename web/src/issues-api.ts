// The typed client of the issue ledger and responsible units (api.md "Issues", "Units"). Kept
// apart from api.ts so that only the screens that use it download it.
import type { IssueAction, IssueKind, IssueSource, IssueStatus } from '../../worker/core/taxonomy'
import type { Transition } from '../../worker/core/workflow'
import { http } from './api'

export type ActionName = Transition['action']

export interface Issue {
  id: string
  kind: IssueKind
  year: number
  fieldCode: string
  countyCode: string
  township: string
  location: string
  title: string
  description: string
  source: IssueSource
  foundOn: string
  reporterId: string
  reporterName: string
  unitId: string | null
  unitName: string | null
  requirement: string | null
  deadline: string | null
  status: IssueStatus
  overdue: boolean
  progress: number
  closedOn: string | null
  closedOnTime: boolean | null
  createdAt: string
  updatedAt: string
  version: number
}

export interface IssueEvent {
  id: string
  action: IssueAction
  fromStatus: IssueStatus | null
  toStatus: IssueStatus
  note: string | null
  actorId: string
  actorName: string
  at: string
  data: Record<string, unknown>
}

export interface NewIssue {
  id: string
  kind: IssueKind
  fieldCode: string
  countyCode?: string
  township: string
  location: string
  title: string
  description: string
  source: IssueSource
  foundOn: string
}

export interface ActionBody {
  action: ActionName
  version: number
  note?: string
  unitId?: string
  requirement?: string
  deadline?: string
  progress?: number
}

export interface Unit {
  id: string
  name: string
  countyCode: string
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** The list filters of GET /issues, the same names in the screen's address and in the exports. */
export const FILTER_KEYS = ['year', 'countyCode', 'fieldCode', 'status', 'overdue', 'unitId', 'q'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]
export type Filters = Partial<Record<FilterKey, string>>

/** A query string of the non-empty entries, in a stable order. */
export function queryString(params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value) qs.set(key, value)
  return qs.toString()
}

export const issuesApi = {
  list: (query: string) => http.get<Page<Issue>>(`/issues${query ? `?${query}` : ''}`),
  get: (id: string) => http.get<{ issue: Issue; events: IssueEvent[] }>(`/issues/${encodeURIComponent(id)}`),
  create: (body: NewIssue) => http.post<Issue>('/issues', body),
  act: (id: string, body: ActionBody) => http.post<Issue>(`/issues/${encodeURIComponent(id)}/actions`, body),
  exportUrl: (format: 'csv' | 'xlsx', filters: Filters) => {
    const qs = queryString(filters)
    return `/api/v1/issues/export.${format}${qs ? `?${qs}` : ''}`
  },
}

export const unitsApi = {
  list: (countyCode?: string) => http.get<{ items: Unit[] }>(`/units${countyCode ? `?countyCode=${countyCode}` : ''}`).then((r) => r.items),
  create: (name: string, countyCode?: string) => http.post<Unit>('/units', countyCode ? { name, countyCode } : { name }),
}

/**
 * A v4 UUID for a new record. crypto.randomUUID exists only on https or localhost; a county that
 * serves the system over plain http on its intranet still has getRandomValues.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
