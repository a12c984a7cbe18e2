// On D1: register numbers come from the create batch itself (a transaction on D1), so 100 creates
// at once get 100 distinct consecutive numbers, and a retried create keeps its number.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
const PASSWORD = 'workerd-2022'
let cookie = ''

function post(path: string, body: unknown) {
  return fetchChecked(`${ORIGIN}/api/v1${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify(body) })
}

const issue = (over: Record<string, unknown> = {}) => ({ fieldCode: 'rural_living', township: '平泉镇', title: '村道垃圾未清运', description: '主干道旁垃圾堆放', source: 'inspection', foundOn: '2025-06-01', ...over })

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const now = new Date().toISOString()
  const phone = '13711119101'
  await fromD1(env.DB)
    .insert(users)
    .values({ id: crypto.randomUUID(), name: '工作人员', phone, role: 'county_staff', countyCode: '130881', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false, createdAt: now, updatedAt: now })
  const res = await fetchChecked(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ phone, password: PASSWORD }) })
  expect(res.status).toBe(200)
  cookie = res.headers.get('set-cookie')!.split(';')[0]!
})

it('gives 100 concurrent creates 100 distinct consecutive numbers', { timeout: 60_000 }, async () => {
  const answers = await Promise.all(Array.from({ length: 100 }, () => post('/issues', issue())))
  expect(answers.map((r) => r.status)).toEqual(Array(100).fill(201))
  const numbers = await Promise.all(answers.map(async (r) => ((await r.json()) as { number: string }).number))
  expect([...numbers].sort()).toEqual(Array.from({ length: 100 }, (_, i) => `平泉-2025-${String(i + 1).padStart(4, '0')}`))
  expect(await env.DB.prepare(`select last from issue_number_seq where county_code = '130881' and year = 2025`).raw()).toEqual([[100]])
})

it('keeps the number of a retried create and uses up none', async () => {
  const body = issue({ id: crypto.randomUUID(), foundOn: '2024-03-01' })
  const [first, again] = await Promise.all([post('/issues', body), post('/issues', body)])
  expect([first.status, again.status].sort()).toEqual([200, 201])
  expect([((await first.json()) as { number: string }).number, ((await again.json()) as { number: string }).number]).toEqual(['平泉-2024-0001', '平泉-2024-0001'])
  const next = await post('/issues', issue({ foundOn: '2024-04-01' }))
  expect(((await next.json()) as { number: string }).number).toBe('平泉-2024-0002')
})
