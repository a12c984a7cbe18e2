// Ending and editing accounts inside workerd with D1: the change, its history, the end of the
// sessions and the roster counters are one D1 batch, and a stale version changes nothing.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { applyAccountChange, findAccountRow } from '../../worker/users/changes.queries'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
const PASSWORD = 'workerd-2022'
const COUNTY = '130826'
const cookies: Record<string, string> = {}
const ids: Record<string, string> = {}

function login(phone: string) {
  return fetchChecked(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ phone, password: PASSWORD }) })
}

async function call(who: string, method: string, path: string, body?: unknown) {
  return fetchChecked(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: { cookie: cookies[who] ?? '', 'content-type': 'application/json', origin: ORIGIN },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

async function rosterCount() {
  const row = await env.DB.prepare('select deputies from deputy_counts where county_code = ?').bind(COUNTY).first<{ deputies: number }>()
  return row?.deputies ?? 0
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const db = fromD1(env.DB)
  const now = new Date().toISOString()
  const hash = await hashPassword(PASSWORD)
  for (const [key, phone, role] of [
    ['deputy', '13733330001', 'deputy'],
    ['staff', '13733330002', 'county_staff'],
  ] as const) {
    ids[key] = crypto.randomUUID()
    await db.insert(users).values({ id: ids[key]!, name: `丰宁${key}`, phone, role, countyCode: COUNTY, level: role === 'deputy' ? 'township' : null, passwordHash: hash, mustChangePassword: false, createdAt: now, updatedAt: now })
    const signedIn = await login(phone)
    expect(signedIn.status).toBe(200)
    cookies[key] = signedIn.headers.get('set-cookie')!.split(';')[0]!
  }
  await env.DB.prepare('insert into deputy_counts (county_code, deputies) values (?, 1)').bind(COUNTY).run()
})

it('edits a roster entry, ends it with its sessions and counters, refuses a stale version and restores it on D1', async () => {
  const edited = await call('staff', 'PATCH', `/deputies/${ids.deputy}`, { version: 1, name: '丰宁代表', phone: '13733330003', group: '一组' })
  expect(edited.status).toBe(200)
  expect(((await edited.json()) as { deputy: Record<string, unknown> }).deputy).toMatchObject({ name: '丰宁代表', phone: '13733330003', group: '一组', version: 2 })

  const stale = await call('staff', 'PATCH', `/deputies/${ids.deputy}`, { version: 1, active: false })
  expect(stale.status).toBe(409)
  expect(((await stale.json()) as { error: { current: Record<string, unknown> } }).error.current).toMatchObject({ active: true, version: 2 })

  expect((await call('staff', 'PATCH', `/deputies/${ids.deputy}`, { version: 2, active: false })).status).toBe(200)
  expect((await call('deputy', 'GET', '/me')).status).toBe(401)
  expect(await rosterCount()).toBe(0)
  const refused = await login('13733330003')
  expect(refused.status).toBe(403)
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('account_inactive')
  const ended = (await (await call('staff', 'GET', '/deputies?active=false')).json()) as { items: { id: string }[] }
  expect(ended.items.map((d) => d.id)).toEqual([ids.deputy])

  expect((await call('staff', 'PATCH', `/users/${ids.deputy}`, { version: 3, active: true })).status).toBe(200)
  expect(await rosterCount()).toBe(1)
  expect((await login('13733330003')).status).toBe(200)
  const view = (await (await call('staff', 'GET', `/deputies/${ids.deputy}`)).json()) as { history: { action: string; actorName: string }[] }
  expect(view.history.map((h) => [h.action, h.actorName])).toEqual([
    ['update', '丰宁staff'],
    ['deactivate', '丰宁staff'],
    ['reactivate', '丰宁staff'],
  ])
})

it('ends a city staff account only while another stays active: the batch itself keeps the last one on D1', async () => {
  const db = fromD1(env.DB)
  const now = new Date().toISOString()
  const hash = await hashPassword(PASSWORD)
  for (const [key, phone] of [['cityA', '13733330011'], ['cityB', '13733330012']] as const) {
    ids[key] = crypto.randomUUID()
    await db.insert(users).values({ id: ids[key]!, name: key, phone, role: 'city_staff', passwordHash: hash, mustChangePassword: false, createdAt: now, updatedAt: now })
    const signedIn = await login(phone)
    expect(signedIn.status).toBe(200)
    cookies[key] = signedIn.headers.get('set-cookie')!.split(';')[0]!
  }
  expect((await call('cityA', 'PATCH', `/users/${ids.cityB}`, { version: 1, active: false })).status).toBe(200)
  // cityB's own request to end cityA, had it passed its checks just before: the write's guard refuses it.
  const target = (await findAccountRow(db, ids.cityA!))!
  const written = await applyAccountChange(db, { target, set: { active: false }, changes: { active: { from: true, to: false } }, action: 'deactivate', actorId: ids.cityB!, now: new Date() })
  expect(written).toBe(false)
  const row = await env.DB.prepare('select active, version, (select count(*) from account_events where user_id = ?1) as events from users where id = ?1').bind(ids.cityA).first<{ active: number; version: number; events: number }>()
  expect(row).toEqual({ active: 1, version: 1, events: 0 })
  expect((await call('cityA', 'GET', '/me')).status).toBe(200)
})
