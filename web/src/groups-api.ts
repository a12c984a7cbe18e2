// The typed client of deputy groups and the commendation (api.md "Deputy groups", "Commendation"):
// groups and their coverage of the year's fields, the commendation table, the nominations.
import { http, type Answer, type Body, type Schema } from './api'

export type GroupSummary = Schema<'DeputyGroupSummary'>
export type Group = Schema<'DeputyGroup'>
export type Coverage = Schema<'GroupCoverage'>
export type CommendationTable = Schema<'CommendationTable'>
export type CommendationRow = CommendationTable['items'][number]
export type Nomination = Schema<'Nomination'>
export type GroupBody = Body<'/groups', 'post'>
export type GroupChange = Body<'/groups/{id}', 'patch'>
export type CommendationSort = CommendationTable['sort']

function qs(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

export interface TableQuery {
  year: number
  countyCode?: string
  level?: string
  groupId?: string
  sort?: CommendationSort
}

export const groupsApi = {
  list: (year: number, countyCode?: string) => http.get<Answer<'/groups'>>(`/groups${qs({ year, countyCode })}`).then((r) => r.items),
  get: (id: string) => http.get<Answer<'/groups/{id}'>>(`/groups/${encodeURIComponent(id)}`).then((r) => r.group),
  create: (body: GroupBody) => http.post<Answer<'/groups', 'post'>>('/groups', body).then((r) => r.group),
  change: (id: string, body: GroupChange) => http.patch<Answer<'/groups/{id}', 'patch'>>(`/groups/${encodeURIComponent(id)}`, body).then((r) => r.group),
  coverage: (year: number) => http.get<Answer<'/stats/groups'>>(`/stats/groups${qs({ year })}`),
}

export const commendationApi = {
  table: (q: TableQuery) => http.get<Answer<'/stats/commendation'>>(`/stats/commendation${qs({ ...q })}`),
  exportUrl: (q: TableQuery) => `/api/v1/stats/commendation/export${qs({ ...q })}`,
  nominations: (year: number, countyCode?: string) => http.get<Answer<'/commendation/nominations'>>(`/commendation/nominations${qs({ year, countyCode })}`).then((r) => r.items),
  nominate: (body: Body<'/commendation/nominations', 'post'>) => http.post<Answer<'/commendation/nominations', 'post'>>('/commendation/nominations', body).then((r) => r.nomination),
  change: (id: string, body: Body<'/commendation/nominations/{id}', 'patch'>) =>
    http.patch<Answer<'/commendation/nominations/{id}', 'patch'>>(`/commendation/nominations/${encodeURIComponent(id)}`, body).then((r) => r.nomination),
  confirm: (id: string, version: number) =>
    http.post<Answer<'/commendation/nominations/{id}/confirm', 'post'>>(`/commendation/nominations/${encodeURIComponent(id)}/confirm`, { version }).then((r) => r.nomination),
}

/** The confirmed activities behind a deputy's figures (the activity list, filtered). */
export const confirmedActivitiesHref = (year: number, deputyId: string, countyCode?: string) =>
  `/activities${qs({ year, countyCode, deputyId, status: 'confirmed' })}`
