// Builders for activity tests: a valid activity body, and recording one through the API.
import type { TestApp } from './app'
import { todayInShanghai } from '../../worker/core/dates'

export interface ActivityJson {
  id: string
  deputyId: string
  deputyName: string
  countyCode: string
  year: number
  date: string
  venue: string | null
  title: string
  tags: string[]
  outcomes: Record<string, number>
  introductions: { type: string; name: string; amount?: number }[]
  status: 'submitted' | 'confirmed' | 'returned'
  reviewNote: string | null
  version: number
  [k: string]: unknown
}

export function activityBody(overrides: Record<string, unknown> = {}) {
  return {
    date: todayInShanghai(),
    venue: 'village',
    title: '走访河东村了解食用菌产业发展',
    description: '与村两委座谈，实地查看食用菌大棚，了解冷链设施短缺问题。',
    place: '平泉镇河东村',
    tags: ['three_visits'],
    outcomes: { policy_talk: 1, opinion: 2, deed: 0, mentoring: 1 },
    introductions: [{ type: 'funds', name: '食用菌冷库建设资金', amount: 35.5 }],
    ...overrides,
  }
}

export async function recordActivity(t: TestApp, cookie: string, overrides: Record<string, unknown> = {}): Promise<ActivityJson> {
  const res = await t.call('POST', '/api/v1/activities', { cookie, body: activityBody(overrides) })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as ActivityJson
}

export async function review(t: TestApp, cookie: string, a: { id: string; version: number }, decision: 'confirm' | 'return', note?: string) {
  return t.call('POST', `/api/v1/activities/${a.id}/review`, { cookie, body: { decision, note, version: a.version } })
}
