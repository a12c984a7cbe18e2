// The commendation on the built worker (wrangler.toml's main): its rules load as a chunk of their
// own on first use; county staff nominate once (a retry answers 200), the city confirms, and the
// table and its XLSX come back with the deputy's confirmed figures. Every answer is checked
// against the OpenAPI document.
import { env, applyD1Migrations } from 'cloudflare:test'
import { readSheet } from 'read-excel-file/universal'
import { beforeAll, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { todayInShanghai, yearInShanghai } from '../../worker/core/dates'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
const PASSWORD = 'workerd-2022'
const cookies: Record<string, string> = {}
const ids: Record<string, string> = {}

function call(who: string, method: string, path: string, body?: unknown) {
  return fetchChecked(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: { cookie: cookies[who] ?? '', 'content-type': 'application/json', origin: ORIGIN },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const now = new Date().toISOString()
  const hash = await hashPassword(PASSWORD)
  const people = [
    ['deputy', '13722230001', { role: 'deputy', level: 'township', countyCode: '130881', name: '冯代表' }],
    ['staff', '13722230002', { role: 'county_staff', countyCode: '130881', name: '县' }],
    ['city', '13722230003', { role: 'city_staff', name: '市' }],
  ] as const
  for (const [key, phone, extra] of people) {
    ids[key] = crypto.randomUUID()
    await fromD1(env.DB)
      .insert(users)
      .values({ id: ids[key], phone, passwordHash: hash, mustChangePassword: false, createdAt: now, updatedAt: now, ...extra })
    const res = await call(key, 'POST', '/auth/login', { phone, password: PASSWORD })
    expect(res.status).toBe(200)
    cookies[key] = res.headers.get('set-cookie')!.split(';')[0]!
  }
})

it('counts a confirmed activity in the table, nominates once and lets the city confirm', async () => {
  const year = yearInShanghai()
  const created = await call('deputy', 'POST', '/activities', { date: todayInShanghai(), venue: 'household', title: '走访困难户', introductions: [{ type: 'talent', name: '农技员' }] })
  expect(created.status).toBe(201)
  const a = (await created.json()) as { id: string; version: number }
  expect((await call('staff', 'POST', `/activities/${a.id}/review`, { decision: 'confirm', version: a.version })).status).toBe(200)
  const table = (await (await call('staff', 'GET', `/stats/commendation?year=${year}`)).json()) as { items: { deputyId: string; activities: number; venues: string[]; introductionsMet: string[] }[] }
  expect(table.items).toEqual([expect.objectContaining({ deputyId: ids.deputy, activities: 1, venues: ['household'], introductionsMet: ['talent'] })])

  const body = { id: crypto.randomUUID(), year, deputyId: ids.deputy, reason: '走访困难户 30 户' }
  expect((await call('staff', 'POST', '/commendation/nominations', body)).status).toBe(201)
  expect((await call('staff', 'POST', '/commendation/nominations', body)).status).toBe(200)
  expect((await call('staff', 'POST', `/commendation/nominations/${body.id}/confirm`, { version: 1 })).status).toBe(403)
  const confirmed = await call('city', 'POST', `/commendation/nominations/${body.id}/confirm`, { version: 1 })
  expect(confirmed.status).toBe(200)
  expect(((await confirmed.json()) as { nomination: { status: string } }).nomination.status).toBe('confirmed')

  const sheet = await call('city', 'GET', `/stats/commendation/export?year=${year}&countyCode=130881`)
  expect(sheet.status).toBe(200)
  const rows = await readSheet(await sheet.arrayBuffer())
  expect(rows[1]).toEqual(expect.arrayContaining(['冯代表', '乡', 1, '已确认']))
})
