// The issue ledger inside workerd with D1: report, assign, accept, complete, verify, with the
// version check and the atomic batch running on D1 itself, and the exports built there.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { units, users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { todayInShanghai } from '../../worker/core/dates'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
const PASSWORD = 'workerd-2022'
const cookies: Record<string, string> = {}
let unitId = ''

async function call(who: string, method: string, path: string, body?: unknown) {
  return fetchChecked(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: { cookie: cookies[who] ?? '', 'content-type': 'application/json', origin: ORIGIN },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const db = fromD1(env.DB)
  const now = new Date().toISOString()
  unitId = crypto.randomUUID()
  await db.insert(units).values({ id: unitId, countyCode: '130881', name: '平泉市住房和城乡建设局', createdAt: now })
  const hash = await hashPassword(PASSWORD)
  const people = [
    ['deputy', '13711110001', { role: 'deputy', level: 'county' }],
    ['staff', '13711110002', { role: 'county_staff' }],
    ['unit', '13711110003', { role: 'unit', unitId }],
  ] as const
  for (const [key, phone, extra] of people) {
    await db.insert(users).values({ id: crypto.randomUUID(), name: key, phone, countyCode: '130881', passwordHash: hash, mustChangePassword: false, createdAt: now, updatedAt: now, ...extra })
    const res = await fetchChecked(`${ORIGIN}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ phone, password: PASSWORD }),
    })
    expect(res.status).toBe(200)
    cookies[key] = res.headers.get('set-cookie')!.split(';')[0]!
  }
})

it('takes an issue from report to close on D1, refusing a stale version on the way', async () => {
  const id = crypto.randomUUID()
  const body = { id, fieldCode: 'rural_living', title: '村道垃圾未清运', description: '主干道旁垃圾堆放', source: 'deputy', foundOn: todayInShanghai() }
  expect((await call('deputy', 'POST', '/issues', body)).status).toBe(201)
  expect((await call('deputy', 'POST', '/issues', body)).status).toBe(200)

  const deadline = todayInShanghai(new Date(Date.now() + 10 * 86400_000))
  const step = async (who: string, action: string, version: number, extra: Record<string, unknown> = {}) => call(who, 'POST', `/issues/${id}/actions`, { action, version, ...extra })
  expect((await step('staff', 'assign', 1, { unitId, requirement: '限期清运', deadline })).status).toBe(200)
  const stale = await step('staff', 'extend', 1, { deadline, note: '延期' })
  expect(stale.status).toBe(409)
  expect(((await stale.json()) as { error: { current: { version: number } } }).error.current.version).toBe(2)
  expect((await step('unit', 'accept', 2)).status).toBe(200)
  expect((await step('unit', 'complete', 3, { note: '已清运' })).status).toBe(200)
  const closed = await step('staff', 'verify', 4)
  expect(await closed.json()).toMatchObject({ status: 'closed', closedOnTime: true, version: 5 })

  const detail = (await (await call('deputy', 'GET', `/issues/${id}`)).json()) as { events: { action: string }[] }
  expect(detail.events.map((e) => e.action)).toEqual(['create', 'assign', 'accept', 'complete', 'verify'])

  const list = (await (await call('unit', 'GET', '/issues?sort=deadline')).json()) as { items: { id: string }[] }
  expect(list.items.map((i) => i.id)).toEqual([id])
  const csv = new Uint8Array(await (await call('staff', 'GET', '/issues/export.csv')).arrayBuffer())
  expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(new TextDecoder().decode(csv)).toContain('村道垃圾未清运')
  const xlsx = await call('staff', 'GET', '/issues/export.xlsx')
  expect(xlsx.status).toBe(200)
  expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])) // a zip
})
