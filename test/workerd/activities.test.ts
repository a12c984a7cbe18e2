// Activities and the roster inside workerd with D1: record, review, the yearly record, and a
// roster import (CSV and XLSX parsing must work on Workers, not only on Node).
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { todayInShanghai } from '../../worker/core/dates'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
const PASSWORD = 'workerd-2022'
const cookies: Record<string, string> = {}
const ids: Record<string, string> = {}

async function call(who: string, method: string, path: string, body?: unknown, type = 'application/json') {
  return fetchChecked(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: { cookie: cookies[who] ?? '', 'content-type': type, origin: ORIGIN },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const db = fromD1(env.DB)
  const now = new Date().toISOString()
  const hash = await hashPassword(PASSWORD)
  for (const [key, phone, role] of [
    ['deputy', '13722220001', 'deputy'],
    ['staff', '13722220002', 'county_staff'],
  ] as const) {
    ids[key] = crypto.randomUUID()
    await db.insert(users).values({ id: ids[key]!, name: key, phone, role, countyCode: '130825', level: role === 'deputy' ? 'county' : null, passwordHash: hash, mustChangePassword: false, createdAt: now, updatedAt: now })
    const res = await fetchChecked(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ phone, password: PASSWORD }) })
    expect(res.status).toBe(200)
    cookies[key] = res.headers.get('set-cookie')!.split(';')[0]!
  }
})

it('records an activity, confirms it, and counts it in the yearly record on D1', async () => {
  const body = {
    id: crypto.randomUUID(),
    date: todayInShanghai(),
    venue: 'enterprise',
    title: '走访食品企业',
    outcomes: { opinion: 2 },
    introductions: [{ type: 'funds', name: '技改资金', amount: 120.25 }, { type: 'talent', name: '食品工程师' }],
    tags: ['five_sends'],
  }
  const created = await call('deputy', 'POST', '/activities', body)
  expect(created.status).toBe(201)
  expect((await call('deputy', 'POST', '/activities', body)).status).toBe(200)
  const a = (await created.json()) as { id: string; version: number }
  const reviewed = await call('staff', 'POST', `/activities/${a.id}/review`, { decision: 'confirm', version: a.version })
  expect(await reviewed.json()).toMatchObject({ status: 'confirmed', introductions: [{ type: 'funds', amount: 120.25 }, { type: 'talent' }] })
  const year = todayInShanghai().slice(0, 4)
  const record = (await (await call('staff', 'GET', `/deputies/${ids.deputy}/record?year=${year}`)).json()) as Record<string, unknown>
  expect(record).toMatchObject({
    confirmed: 1,
    outcomes: { opinion: 2 },
    byVenue: { enterprise: 1 },
    introductions: { funds: 1, talent: 1, fundsAmount: 120.25 },
    targets: { fiveIntroductionsMet: ['funds', 'talent'] },
  })
})

it('imports a CSV roster on D1, all or nothing', async () => {
  const csv = '\uFEFF姓名,手机号,代表层级,县市区,代表小组\r\n马晓东,13722220011,县,隆化县,隆化镇代表小组\r\n钱桂兰,13722220012,乡,130825,\r\n'
  const res = await call('staff', 'POST', '/deputies/import', csv, 'text/csv')
  expect(await res.json()).toMatchObject({ created: 2, updated: 0 })
  const bad = await call('staff', 'POST', '/deputies/import', csv + '孙亮,123,县,隆化县,\r\n', 'text/csv')
  expect(bad.status).toBe(400)
  expect(((await bad.json()) as { error: { rows: unknown[] } }).error.rows).toEqual([{ row: 4, message: '手机号“123”格式不正确' }])
})

it('reads an XLSX roster on Workers', async () => {
  const { default: writeXlsxFile } = await import('write-excel-file/universal')
  const sheet = [
    ['姓名', '手机号', '代表层级', '县市区', '代表小组'],
    ['孙志强', '13722220021', '市', '隆化县', ''],
  ].map((r) => r.map((value) => ({ value })))
  const blob = await writeXlsxFile(sheet).toBlob()
  const res = await fetchChecked(`${ORIGIN}/api/v1/deputies/import`, {
    method: 'POST',
    headers: { cookie: cookies.staff!, origin: ORIGIN, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: await blob.arrayBuffer(),
  })
  expect(await res.json()).toMatchObject({ created: 1, updated: 0 })
})
