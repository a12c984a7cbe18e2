// The routes whose code the worker's build puts in chunks of their own, loaded on first use
// (worker/build/build.ts), run inside workerd on the built worker (wrangler.toml's main,
// dist/worker): the issue ledger and the statistics as XLSX, read back here, an XLSX roster
// import and the OpenAPI document. test/api/sizes.test.ts proves their libraries are not in the
// modules loaded at start.
import { env, applyD1Migrations } from 'cloudflare:test'
import { readSheet } from 'read-excel-file/universal'
import { beforeAll, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { todayInShanghai, yearInShanghai } from '../../worker/core/dates'
import { makeXlsx, XLSX_TYPE } from '../support/xlsx'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
const PASSWORD = 'workerd-2022'
const cookies: Record<string, string> = {}

function call(who: string, method: string, path: string, body?: BodyInit, type = 'application/json') {
  return fetchChecked(`${ORIGIN}/api/v1${path}`, { method, headers: { cookie: cookies[who] ?? '', 'content-type': type, origin: ORIGIN }, body })
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const now = new Date().toISOString()
  const hash = await hashPassword(PASSWORD)
  const people = [
    ['deputy', '13722220001', { role: 'deputy', level: 'county' }],
    ['staff', '13722220002', { role: 'county_staff' }],
  ] as const
  for (const [key, phone, extra] of people) {
    await fromD1(env.DB)
      .insert(users)
      .values({ id: crypto.randomUUID(), name: key, phone, countyCode: '130881', passwordHash: hash, mustChangePassword: false, createdAt: now, updatedAt: now, ...extra })
    const res = await call(key, 'POST', '/auth/login', JSON.stringify({ phone, password: PASSWORD }))
    expect(res.status).toBe(200)
    cookies[key] = res.headers.get('set-cookie')!.split(';')[0]!
  }
})

it('exports the issue ledger as an XLSX that reads back with the issue in it', async () => {
  const issue = { id: crypto.randomUUID(), fieldCode: 'rural_living', title: '村口路灯损坏', description: '三盏路灯不亮', source: 'deputy', foundOn: todayInShanghai() }
  expect((await call('deputy', 'POST', '/issues', JSON.stringify(issue))).status).toBe(201)
  const res = await call('staff', 'GET', '/issues/export.xlsx')
  expect(res.status).toBe(200)
  const rows = await readSheet(await res.arrayBuffer())
  // The title row, the export-time line, then the header.
  expect(rows[2]).toContain('发现日期')
  expect(rows.slice(3).some((r) => r.includes('村口路灯损坏'))).toBe(true)
})

it('exports the activities ledger as an XLSX', async () => {
  const res = await call('staff', 'GET', `/activities/export.xlsx?year=${yearInShanghai()}`)
  expect(res.status).toBe(200)
  const rows = await readSheet(await res.arrayBuffer())
  expect(rows[2]).toContain('活动日期')
})

it('exports the statistics as an XLSX workbook with its sheets', async () => {
  const res = await call('staff', 'GET', `/stats/export.xlsx?year=${yearInShanghai()}`)
  expect(res.status).toBe(200)
  const data = await res.arrayBuffer()
  const supervision = await readSheet(data, '问题整改统计')
  expect(supervision.length).toBeGreaterThan(1)
  expect((await readSheet(data, '代表履职统计')).length).toBeGreaterThan(1)
})

it('imports an XLSX roster, and refuses one that is not a workbook with a Chinese message', async () => {
  const xlsx = makeXlsx([
    ['姓名', '手机号', '代表层级', '县市区'],
    ['郑海燕', '13722220071', '县', '平泉市'],
  ])
  const res = await call('staff', 'POST', '/deputies/import', xlsx, XLSX_TYPE)
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ created: 1, updated: 0 })
  const broken = await call('staff', 'POST', '/deputies/import', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), XLSX_TYPE)
  expect(broken.status).toBe(400)
  expect(((await broken.json()) as { error: { message: string } }).error.message).toMatch(/Excel/)
})

it('builds the OpenAPI document with every route in it', async () => {
  const res = await call('staff', 'GET', '/openapi.json')
  expect(res.status).toBe(200)
  const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> }
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/issues/export.xlsx', '/stats/export.xlsx', '/deputies/import']))
})
