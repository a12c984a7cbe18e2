// Test data for the issue screens through the real API (a signed-in fetch per demo account), so a
// browser test makes what it needs and never leans on the demo issues.
import { todayInShanghai } from '../../worker/core/dates'
import { PASSWORD } from './browser'

export interface ApiIssue {
  id: string
  title: string
  status: string
  version: number
  unitName: string | null
  /** The register number (挂号), e.g. 平泉-2026-0042. */
  number: string | null
}

export interface ApiSession {
  get<T>(path: string): Promise<T>
  post<T>(path: string, body: unknown): Promise<T>
  patch<T>(path: string, body: unknown): Promise<T>
}

/** Signs a demo account in with fetch and answers a tiny client that carries its cookie. */
export async function apiAs(baseURL: string, phone: string): Promise<ApiSession> {
  const json = { 'Content-Type': 'application/json' }
  const login = await fetch(`${baseURL}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ phone, password: PASSWORD }) })
  if (!login.ok) throw new Error(`sign-in of ${phone} failed: ${login.status}`)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseURL}/api/v1${path}`, { method, headers: { ...json, Cookie: cookie }, body: body === undefined ? undefined : JSON.stringify(body) })
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as T
  }
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body), patch: (path, body) => call('PATCH', path, body) }
}

/** A date n days from today in Asia/Shanghai (YYYY-MM-DD). */
export function daysFromToday(n: number): string {
  return new Date(Date.parse(`${todayInShanghai()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

/** A title no other test (or demo record) has, so a search finds exactly this run's issues. */
export function uniqueTitle(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
}

/** Files an issue in the caller's county (today, field rural_living unless told otherwise). */
export function reportIssue(api: ApiSession, title: string, overrides: Record<string, unknown> = {}): Promise<ApiIssue> {
  return api.post<ApiIssue>('/issues', {
    fieldCode: 'rural_living',
    title,
    description: `${title}：村道旁垃圾堆放，已一周未清运。`,
    township: '平泉镇',
    location: '河东村',
    source: 'inspection',
    foundOn: todayInShanghai(),
    ...overrides,
  })
}

/** Renames a unit of the caller's county (staff), as 机构改革 does; answers the unit as renamed. */
export async function renameUnit(api: ApiSession, from: string, to: string): Promise<{ id: string; name: string; version: number }> {
  const { items } = await api.get<{ items: { id: string; name: string; version: number }[] }>('/units')
  const unit = items.find((u) => u.name === from)
  if (!unit) throw new Error(`no unit named ${from}`)
  return api.patch(`/units/${unit.id}`, { name: to, version: unit.version })
}

/** Assigns an issue to a unit of its county by name (county staff). */
export async function assignIssue(api: ApiSession, issue: ApiIssue, unitName: string, deadline = daysFromToday(30)): Promise<ApiIssue> {
  const { items } = await api.get<{ items: { id: string; name: string }[] }>('/units')
  const unit = items.find((u) => u.name === unitName)
  if (!unit) throw new Error(`no unit named ${unitName}`)
  return api.post<ApiIssue>(`/issues/${issue.id}/actions`, { action: 'assign', version: issue.version, unitId: unit.id, requirement: '一周内清运完毕，建立长效保洁机制。', deadline })
}
