// The typed client of Programme 2 (api.md "Activities", "Deputies and accounts", "五个一"): deputies'
// activities and their review, the yearly record, the roster and its import, accounts, 五个一.
import type { AccountAction, ActivityStatus, ActivityTag, DeputyLevel, FIVE_INTRODUCTIONS, FOUR_BATCHES, FiveOne, Venue } from '../../worker/core/taxonomy'
import { http, type User } from './api'
import type { Page } from './issues-api'

export type Batch = (typeof FOUR_BATCHES)[number]
export type IntroType = (typeof FIVE_INTRODUCTIONS)[number]
export type Outcomes = Record<Batch, number>

export interface Introduction {
  type: IntroType
  name: string
  /** 万元, only for funds. */
  amount?: number
}

/** What a deputy records (the body of POST and PUT without id, deputyId and version). */
export interface ActivityContent {
  date: string
  venue: Venue | null
  title: string
  description: string
  place: string
  tags: ActivityTag[]
  outcomes: Outcomes
  introductions: Introduction[]
}

export interface Activity extends ActivityContent {
  id: string
  deputyId: string
  deputyName: string
  countyCode: string
  year: number
  status: ActivityStatus
  reviewNote: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export interface Deputy {
  id: string
  name: string
  phone: string
  level: DeputyLevel | null
  countyCode: string | null
  group: string | null
  /** In the roster list: the deputy has set a password of their own. */
  activated?: boolean
  /** In the roster list: when the unused activation code last printed for them expires. */
  codeExpiresAt?: string | null
  /** Absent only in the answer of POST /deputies (a new entry is active, at version 1). */
  active?: boolean
  version?: number
}

/** One change to an account or roster entry (GET /deputies/:id, GET /users/:id), oldest first. */
export interface AccountEvent {
  id: string
  action: AccountAction
  actorId: string
  actorName: string
  at: string
  changes: Record<string, { from: unknown; to: unknown }>
}

export type DeputyChange = { version: number; name?: string; phone?: string; level?: DeputyLevel; group?: string; active?: boolean }
export type AccountChange = { version: number; name?: string; active?: boolean }

/** GET /deputies/:id/record: the yearly record, counted from confirmedActivities only. */
export interface DeputyRecord {
  deputy: Deputy
  year: number
  activities: number
  confirmed: number
  byVenue: Record<Venue, number>
  outcomes: Outcomes
  introductions: Record<IntroType, number> & { fundsAmount: number }
  targets: { fiveIntroductionsMet: IntroType[] }
  confirmedActivities: Activity[]
}

/** A User with its unit, as /users answers it: the worker's SessionUser, whose file the web cannot import (it pulls in the database). */
export interface Account extends User {
  unitId: string | null
  /** Absent only where an older answer leaves it out (a new account is active, at version 1). */
  active?: boolean
  /** In lists: the owner has set a password of their own. */
  activated?: boolean
  version?: number
}

export interface ImportResult {
  created: number
  updated: number
}

/** One slip's worth of POST /activation-codes: who, and their one-time code (shown once). */
export interface IssuedCode {
  userId: string
  name: string
  phone: string
  role: User['role']
  countyCode: string | null
  unitName: string | null
  level: DeputyLevel | null
  code: string
}

/** Whose slips to print: chosen accounts, or every deputy in scope not yet activated. */
export type SlipSelection = { userIds: string[] } | { notActivated: true; countyCode?: string }

export interface FiveOneItem {
  id: string
  countyCode: string
  year: number
  type: FiveOne
  date: string
  title: string
  summary: string
}

export type ReviewBody = { decision: 'confirm' | 'return'; note?: string; version: number }

const at = (id: string) => encodeURIComponent(id)
const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path)

export const activitiesApi = {
  list: (query: string) => http.get<Page<Activity>>(withQuery('/activities', query)),
  get: (id: string) => http.get<Activity>(`/activities/${at(id)}`),
  create: (body: ActivityContent & { id: string; deputyId?: string }) => http.post<Activity>('/activities', body),
  update: (id: string, body: ActivityContent & { version: number }) => http.put<Activity>(`/activities/${at(id)}`, body),
  review: (id: string, body: ReviewBody) => http.post<Activity>(`/activities/${at(id)}/review`, body),
  record: (deputyId: string, year: number) => http.get<DeputyRecord>(`/deputies/${at(deputyId)}/record?year=${year}`),
}

export const deputiesApi = {
  list: (query: string) => http.get<Page<Deputy>>(withQuery('/deputies', query)),
  create: (body: { name: string; phone: string; level: DeputyLevel; countyCode?: string; group?: string }) =>
    http.post<Deputy>('/deputies', body),
  get: (id: string) => http.get<{ deputy: Deputy; history: AccountEvent[] }>(`/deputies/${at(id)}`),
  change: (id: string, body: DeputyChange) => http.patch<{ deputy: Deputy }>(`/deputies/${at(id)}`, body).then((r) => r.deputy),
  importFile: (file: File) => {
    const form = new FormData()
    form.append('file', file)
    return http.upload<ImportResult>('/deputies/import', form)
  },
}

export const usersApi = {
  list: (query: string) => http.get<Page<Account>>(withQuery('/users', query)),
  create: (body: { role: 'unit' | 'county_staff' | 'city_staff'; name: string; phone: string; countyCode?: string; unitId?: string }) =>
    http.post<{ user: Account }>('/users', body),
  get: (id: string) => http.get<{ user: Account; history?: AccountEvent[] }>(`/users/${at(id)}`),
  change: (id: string, body: AccountChange) => http.patch<{ user: Account }>(`/users/${at(id)}`, body).then((r) => r.user),
  resetPassword: (id: string) => http.post<{ user: Account }>(`/users/${at(id)}/reset-password`, {}),
}

export const activationApi = {
  /** Fresh codes (each voids that account's previous one); a county's roster can take a while. */
  issue: (selection: SlipSelection) => http.post<{ expiresAt: string; items: IssuedCode[] }>('/activation-codes', selection),
}

export const fiveOnesApi = {
  list: (year: number, countyCode?: string) => http.get<{ items: FiveOneItem[] }>(`/five-ones?year=${year}${countyCode ? `&countyCode=${countyCode}` : ''}`).then((r) => r.items),
  create: (body: { countyCode: string; year: number; type: FiveOne; date: string; title: string; summary: string }) => http.post<FiveOneItem>('/five-ones', body),
}
