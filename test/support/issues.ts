// Builders for issue tests: file an issue through the API, put one straight into a status, and
// act on one with the version it currently has.
import { eq, sql } from 'drizzle-orm'
import { issues, units } from '../../worker/db/schema'
import type { TestApp } from './app'
import type { IssueStatus } from '../../worker/core/taxonomy'
import { todayInShanghai } from '../../worker/core/dates'

export interface IssueJson {
  id: string
  status: IssueStatus
  version: number
  overdue: boolean
  deadline: string | null
  unitId: string | null
  unitName: string | null
  countyCode: string
  progress: number
  closedOn: string | null
  closedOnTime: boolean | null
  title: string
  reporterName: string
  [k: string]: unknown
}

export interface EventJson {
  action: string
  fromStatus: string | null
  toStatus: string
  note: string | null
  actorName: string
  data: Record<string, unknown>
}

export const today = () => todayInShanghai()
export function daysFromToday(n: number) {
  return todayInShanghai(new Date(Date.now() + n * 86400_000))
}

export function issueBody(overrides: Record<string, unknown> = {}) {
  return {
    fieldCode: 'rural_living',
    title: '村内主干道垃圾堆放未及时清运',
    description: '河东村村委会西侧主干道旁堆放生活垃圾约 3 立方米，已有一周未清运。',
    township: '平泉镇',
    location: '河东村村委会西侧',
    source: 'deputy',
    foundOn: today(),
    ...overrides,
  }
}

export async function fileIssue(t: TestApp, cookie: string, overrides: Record<string, unknown> = {}): Promise<IssueJson> {
  const res = await t.call('POST', '/api/v1/issues', { cookie, body: issueBody(overrides) })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as IssueJson
}

/** Moves an issue straight into a status (for tests of what may happen from there). */
export async function putInStatus(t: TestApp, id: string, status: IssueStatus, unitId: string | null, deadline = daysFromToday(10)) {
  const assigned = !['reported', 'rejected'].includes(status)
  await t.db
    .update(issues)
    .set({
      status,
      unitId,
      // The unit's name beside its id, as the assign action stores it.
      unitName: unitId ? sql`(select ${units.name} from ${units} where ${units.id} = ${unitId})` : null,
      deadline: assigned ? deadline : null,
      requirement: assigned ? '限期清运并建立长效保洁机制' : null,
      rectifiedOn: status === 'rectified' || status === 'closed' ? today() : null,
      closedOn: status === 'closed' ? today() : null,
      closedOnTime: status === 'closed' ? true : null,
    })
    .where(eq(issues.id, id))
}

export async function getIssue(t: TestApp, cookie: string, id: string) {
  const res = await t.call('GET', `/api/v1/issues/${id}`, { cookie })
  return { res, body: res.status === 200 ? ((await res.json()) as { issue: IssueJson; events: EventJson[] }) : null }
}

/** Performs an action with the issue's current version (read directly from the database). */
export async function act(t: TestApp, cookie: string, id: string, action: string, extra: Record<string, unknown> = {}) {
  const [row] = await t.db.select({ version: issues.version }).from(issues).where(eq(issues.id, id))
  return t.call('POST', `/api/v1/issues/${id}/actions`, { cookie, body: { action, version: row?.version ?? 1, ...extra } })
}
