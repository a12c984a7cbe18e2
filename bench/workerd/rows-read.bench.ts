// 3. Rows read and written per request on D1, inside workerd, for every endpoint of api.md, on
// the city-scale data set. D1 bills rows scanned: this table is what a busy day costs.
// Run by bench/run.ts through bench/vitest.workerd.config.ts; prints one BENCH_ROWS line.
import { env, applyD1Migrations } from 'cloudflare:test'
import { expect, it } from 'vitest'
import { createApp } from '../../worker/app'
import { fromD1 } from '../../worker/db/client'
import { parseConfig } from '../../worker/env'
import { hashPassword } from '../../worker/auth/passwords'
import { rebuildCounters } from '../../worker/stats/recount'
import { todayInShanghai } from '../../worker/core/dates'
import { countingD1, type RowCounter } from '../../test/support/d1-count'
import { JPEG } from '../../test/support/images'
import { r2Store } from '../../worker/files/r2-store'
import { CITY_SCALE, deputyIdOf, peopleSql, recordsSql, unitIdOf } from '../lib/seed'

const counter: RowCounter = { read: 0, written: 0 }

it('measures rows read per endpoint', async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  const app = createApp({ db: fromD1(countingD1(env.DB, counter)), config: parseConfig({}), files: r2Store(env.FILES) })
  await app.request('/api/v1/health')
  for (const s of [...peopleSql(CITY_SCALE), ...recordsSql(CITY_SCALE)]) await env.DB.prepare(s).run()
  await rebuildCounters(fromD1(env.DB))
  await env.DB.prepare(`update users set password_hash = ? where id in ('city', 'staff-130881', 'unituser-130881', '${deputyIdOf(11)}')`).bind(await hashPassword('bench-2026x')).run()

  const results: Record<string, { status: number; rowsRead: number; rowsWritten: number }> = {}
  const cookies: Record<string, string> = {}
  const call = async (name: string, who: string, method: string, path: string, body?: unknown, type = 'application/json') => {
    const sent = body === undefined ? undefined : body instanceof Uint8Array || typeof body === 'string' ? body : JSON.stringify(body)
    counter.read = 0
    counter.written = 0
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: { cookie: cookies[who] ?? '', ...(body !== undefined ? { 'content-type': type } : {}) },
      body: sent,
    })
    const text = await res.text()
    results[name] = { status: res.status, rowsRead: counter.read, rowsWritten: counter.written }
    return { res, json: () => JSON.parse(text) as Record<string, unknown> }
  }
  // Deputy 11 is a deputy of 平泉市 130881 (deputies go round the counties in code order).
  const ids = { city: 'city', staff: 'staff-130881', unit: 'unituser-130881', deputy: deputyIdOf(11) } as const
  for (const [who, id] of Object.entries(ids)) {
    const phone = (await env.DB.prepare('select phone from users where id = ?').bind(id).first<{ phone: string }>())!.phone
    const r = await call(`POST /auth/login (${who})`, who, 'POST', '/auth/login', { phone, password: 'bench-2026x' })
    cookies[who] = r.res.headers.get('set-cookie')!.split(';')[0]!
  }
  const today = todayInShanghai()
  await call('GET /health', 'city', 'GET', '/health')
  await call('GET /reference', 'city', 'GET', '/reference')
  await call('GET /me', 'deputy', 'GET', '/me')
  const issue = (await call('POST /issues', 'deputy', 'POST', '/issues', { fieldCode: 'rural_living', title: '道路破损', description: '坑洼', source: 'deputy', foundOn: today })).json()
  await call('GET /issues (county, first page)', 'staff', 'GET', '/issues')
  await call('GET /issues (city, first page)', 'city', 'GET', '/issues')
  await call("GET /issues (unit's to-do)", 'unit', 'GET', '/issues?status=assigned,rectifying&sort=deadline')
  await call('GET /issues (deputy, own)', 'deputy', 'GET', '/issues')
  await call('GET /issues?overdue=true (county)', 'staff', 'GET', '/issues?overdue=true')
  await call('GET /issues/:id', 'staff', 'GET', `/issues/${issue.id}`)
  // The report step with nine photos: the ninth upload counts eight, then the detail lists them.
  const photo = () => `/photos/${crypto.randomUUID()}?issueId=${issue.id}`
  for (let n = 1; n < 9; n++) await app.request(`/api/v1${photo()}`, { method: 'PUT', headers: { cookie: cookies.deputy!, 'content-type': 'image/jpeg' }, body: JPEG })
  const ninth = (await call('PUT /photos/:id (the 9th of a step)', 'deputy', 'PUT', photo(), JPEG, 'image/jpeg')).json()
  await call('GET /issues/:id (9 photos)', 'staff', 'GET', `/issues/${issue.id}`)
  await call('GET /photos/:id', 'staff', 'GET', `/photos/${ninth.id}`)
  await call('POST /issues/:id/actions (assign)', 'staff', 'POST', `/issues/${issue.id}/actions`, { action: 'assign', version: 1, unitId: unitIdOf('130881'), requirement: '整改', deadline: today })
  await call('POST /issues/:id/actions (comment)', 'deputy', 'POST', `/issues/${issue.id}/actions`, { action: 'comment', version: 2, note: '跟进' })
  await call('GET /issues/export.csv (county, all years)', 'staff', 'GET', '/issues/export.csv')
  await call('GET /issues/export.xlsx (county, one year)', 'staff', 'GET', '/issues/export.xlsx?year=2025')
  await call('GET /units', 'staff', 'GET', '/units')
  await call('POST /units', 'staff', 'POST', '/units', { name: '平泉市水务局' })
  const act = (await call('POST /activities', 'deputy', 'POST', '/activities', { date: today, venue: 'village', title: '走访', introductions: [{ type: 'funds', name: '资金', amount: 10 }] })).json()
  await call('GET /activities (county)', 'staff', 'GET', '/activities')
  await call('GET /activities (review queue, oldest first)', 'staff', 'GET', '/activities?status=submitted&sort=oldest')
  await call('GET /activities (deputy, own)', 'deputy', 'GET', '/activities')
  await call('GET /activities/:id', 'deputy', 'GET', `/activities/${act.id}`)
  await call('PUT /activities/:id', 'deputy', 'PUT', `/activities/${act.id}`, { date: today, venue: 'school', title: '走访学校', version: 1 })
  await call('POST /activities/:id/review', 'staff', 'POST', `/activities/${act.id}/review`, { decision: 'confirm', version: 2 })
  await call('GET /deputies/:id/record', 'staff', 'GET', `/deputies/${deputyIdOf(11)}/record?year=2025`)
  await call('GET /deputies (county)', 'staff', 'GET', '/deputies')
  await call('POST /deputies', 'staff', 'POST', '/deputies', { name: '新代表', phone: '13655550001', level: 'township' })
  await call('POST /deputies/import (3 rows)', 'staff', 'POST', '/deputies/import', '姓名,手机号,代表层级,县市区,代表小组\n甲,13655550011,乡,平泉市,\n乙,13655550012,县,平泉市,\n丙,13655550013,市,平泉市,\n', 'text/csv')
  await call('GET /users', 'city', 'GET', '/users')
  await call('POST /users', 'city', 'POST', '/users', { role: 'county_staff', name: '县工作人员', phone: '13655550021', countyCode: '130881' })
  // Before the reset below, which ends the deputy's sessions.
  await call('GET /me/summary (deputy)', 'deputy', 'GET', '/me/summary')
  await call('POST /users/:id/reset-password', 'staff', 'POST', `/users/${deputyIdOf(11)}/reset-password`)
  await call('POST /five-ones', 'staff', 'POST', '/five-ones', { countyCode: '130881', year: Number(today.slice(0, 4)), type: 'inquiry', date: today, title: '专题询问' })
  await call('GET /five-ones', 'city', 'GET', '/five-ones?year=2025')
  await call('GET /stats/supervision (city)', 'city', 'GET', '/stats/supervision?year=2025')
  await call('GET /stats/supervision by township (county)', 'staff', 'GET', '/stats/supervision?year=2025&groupBy=township')
  await call('GET /stats/activities (city)', 'city', 'GET', '/stats/activities?year=2025')
  await call('GET /stats/five-ones (city)', 'city', 'GET', '/stats/five-ones?year=2025')
  await call('GET /stats/supervision (county)', 'staff', 'GET', '/stats/supervision?year=2025')
  await call('GET /stats/commendation (county)', 'staff', 'GET', '/stats/commendation?year=2025')
  await call('GET /stats/commendation/export (county)', 'staff', 'GET', '/stats/commendation/export?year=2025')
  const nomination = (await call('POST /commendation/nominations', 'staff', 'POST', '/commendation/nominations', { id: crypto.randomUUID(), year: 2025, deputyId: deputyIdOf(11), reason: '履职突出' })).json()
  await call('GET /commendation/nominations (city)', 'city', 'GET', '/commendation/nominations?year=2025')
  await call('POST /commendation/nominations/:id/confirm', 'city', 'POST', `/commendation/nominations/${(nomination.nomination as { id: string }).id}/confirm`, { version: 1 })
  await call('GET /me/summary (city)', 'city', 'GET', '/me/summary')
  await call('GET /me/summary (county)', 'staff', 'GET', '/me/summary')
  await call('GET /me/summary (unit)', 'unit', 'GET', '/me/summary')
  await call("GET /issues?light=yellow (unit's to-do)", 'unit', 'GET', '/issues?light=yellow&sort=deadline')
  await call('GET /issues?light=red (county ledger)', 'staff', 'GET', '/issues?light=red')
  await call('GET /issues?light=red (city ledger)', 'city', 'GET', '/issues?light=red')
  await call('POST /issues/:id/actions (press)', 'staff', 'POST', `/issues/${issue.id}/actions`, { action: 'press', version: 3, note: '请抓紧整改' })
  await call('POST /me/password', 'city', 'POST', '/me/password', { currentPassword: 'bench-2026x', newPassword: 'bench-2027y' })
  await call('POST /auth/logout', 'city', 'POST', '/auth/logout')
  for (const [name, r] of Object.entries(results)) expect(r.status, name).toBeLessThan(300)
  console.log(`BENCH_ROWS ${JSON.stringify(results)}`)
}, 600_000)
