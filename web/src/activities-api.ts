// The typed client of Programme 2 (api.md "Activities", "Deputies and accounts", "五个一"): deputies'
// activities and their review, the yearly record, the roster and its import, accounts, 五个一.
import type { FIVE_INTRODUCTIONS, FOUR_BATCHES } from '../../worker/core/taxonomy'
import { http, type Answer, type Body, type Schema, type User } from './api'
import type { Page } from './issues-api'

export type Batch = (typeof FOUR_BATCHES)[number]
export type IntroType = (typeof FIVE_INTRODUCTIONS)[number]

export type Activity = Schema<'Activity'>
export type Outcomes = Activity['outcomes']
export type Introduction = Activity['introductions'][number]

/** What a deputy records: the body of POST and PUT without id, deputyId and version. */
export type ActivityContent = Omit<Body<'/activities', 'post'>, 'id' | 'deputyId'>

/** A roster entry as GET /deputies/:id and PATCH answer it. */
export type Deputy = Schema<'Deputy'>
/** A row of the roster list (GET /deputies): with whether they have activated and their code's expiry. */
export type RosterDeputy = Answer<'/deputies'>['items'][number]
/** POST /deputies: the new entry (active, at version 1) and whether it has activated. */
export type NewDeputy = Answer<'/deputies', 'post'>

/** One change to an account or roster entry (GET /deputies/:id, GET /users/:id), oldest first. */
export type AccountEvent = Schema<'AccountEvent'>

export type DeputyChange = Body<'/deputies/{id}', 'patch'>
export type AccountChange = Body<'/users/{id}', 'patch'>

/** GET /deputies/:id/record: the yearly record, counted from confirmedActivities only. */
export type DeputyRecord = Schema<'DeputyRecord'>

/** An account as /users answers it; in the list (GET /users) also whether its owner has activated. */
export type Account = User & Partial<Pick<Answer<'/users'>['items'][number], 'activated'>>

export type ImportResult = Answer<'/deputies/import', 'post'>

/** One slip's worth of POST /activation-codes: who, and their one-time code (shown once). */
export type IssuedCode = Answer<'/activation-codes', 'post'>['items'][number]

/** Whose slips to print: chosen accounts, or every deputy in scope not yet activated. */
export type SlipSelection = Body<'/activation-codes', 'post'>

export type FiveOneItem = Schema<'FiveOne'>

export type ReviewBody = Body<'/activities/{id}/review', 'post'>

const at = (id: string) => encodeURIComponent(id)
const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path)

export const activitiesApi = {
  list: (query: string) => http.get<Answer<'/activities'>>(withQuery('/activities', query)),
  get: (id: string) => http.get<Answer<'/activities/{id}'>>(`/activities/${at(id)}`),
  create: (body: ActivityContent & { id: string; deputyId?: string }) => http.post<Answer<'/activities', 'post'>>('/activities', body satisfies Body<'/activities', 'post'>),
  update: (id: string, body: ActivityContent & { version: number }) => http.put<Answer<'/activities/{id}', 'put'>>(`/activities/${at(id)}`, body satisfies Body<'/activities/{id}', 'put'>),
  review: (id: string, body: ReviewBody) => http.post<Answer<'/activities/{id}/review', 'post'>>(`/activities/${at(id)}/review`, body),
  record: (deputyId: string, year: number) => http.get<Answer<'/deputies/{id}/record'>>(`/deputies/${at(deputyId)}/record?year=${year}`),
}

export const deputiesApi = {
  list: (query: string) => http.get<Answer<'/deputies'>>(withQuery('/deputies', query)),
  create: (body: Body<'/deputies', 'post'>) => http.post<NewDeputy>('/deputies', body),
  get: (id: string) => http.get<Answer<'/deputies/{id}'>>(`/deputies/${at(id)}`),
  change: (id: string, body: DeputyChange) => http.patch<Answer<'/deputies/{id}', 'patch'>>(`/deputies/${at(id)}`, body).then((r) => r.deputy),
  importFile: (file: File) => {
    const form = new FormData()
    form.append('file', file)
    return http.upload<ImportResult>('/deputies/import', form)
  },
}

export const usersApi = {
  list: (query: string) => http.get<Answer<'/users'>>(withQuery('/users', query)).then((page): Page<Account> => page),
  create: (body: Body<'/users', 'post'>) => http.post<Answer<'/users', 'post'>>('/users', body),
  get: (id: string) => http.get<Answer<'/users/{id}'>>(`/users/${at(id)}`),
  change: (id: string, body: AccountChange) => http.patch<Answer<'/users/{id}', 'patch'>>(`/users/${at(id)}`, body).then((r) => r.user),
  resetPassword: (id: string) => http.post<Answer<'/users/{id}/reset-password', 'post'>>(`/users/${at(id)}/reset-password`, {}),
}

export const activationApi = {
  /** Fresh codes (each voids that account's previous one); a county's roster can take a while. */
  issue: (selection: SlipSelection) => http.post<Answer<'/activation-codes', 'post'>>('/activation-codes', selection),
}

export const fiveOnesApi = {
  list: (year: number, countyCode?: string) => http.get<Answer<'/five-ones'>>(`/five-ones?year=${year}${countyCode ? `&countyCode=${countyCode}` : ''}`).then((r) => r.items),
  create: (body: Body<'/five-ones', 'post'>) => http.post<Answer<'/five-ones', 'post'>>('/five-ones', body),
}
