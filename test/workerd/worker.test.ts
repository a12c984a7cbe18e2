// The same app inside workerd with D1: proves the Workers entry, the D1 driver, the migrations
// and WebCrypto sign-in work there, not only on Node.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { units, users } from '../../worker/db/schema'
import { hashPassword, iterationsOf } from '../../worker/auth/passwords'
import { APP_VERSION } from '../../worker/core/version'
import { fetchChecked } from './contract'

const PASSWORD = 'workerd-2022'
const ORIGIN = 'http://example.com'

async function addUser(phone: string, role: 'county_staff' | 'deputy' | 'unit', countyCode: string, name: string, unitId?: string) {
  const now = new Date().toISOString()
  const [row] = await fromD1(env.DB)
    .insert(users)
    .values({
      id: crypto.randomUUID(),
      name,
      phone,
      role,
      countyCode,
      unitId: unitId ?? null,
      level: role === 'deputy' ? 'township' : null,
      passwordHash: await hashPassword(PASSWORD),
      mustChangePassword: false,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  return row!
}

async function signIn(phone: string, password = PASSWORD) {
  return fetchChecked(`${ORIGIN}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ phone, password }),
  })
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  // The reference data is seeded on the first request; make one so that users can refer to places.
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
})

describe('the worker on D1', () => {
  it('answers health', async () => {
    const res = await fetchChecked(`${ORIGIN}/api/v1/health`)
    expect(res.status).toBe(200)
    // D1 records migrations in wrangler's d1_migrations, by file name.
    const latest = env.MIGRATIONS.at(-1)!.name.replace(/\.sql$/, '')
    expect(await res.json()).toEqual({ ok: true, db: 'ok', version: APP_VERSION, migration: latest, pendingMigrations: 0 })
  })

  it('serves the reference data seeded into D1', async () => {
    const res = await fetchChecked(`${ORIGIN}/api/v1/reference`)
    const ref = (await res.json()) as { counties: unknown[]; city: { name: string }; fields: { year: number }[] }
    expect(ref.city.name).toBe('承德市')
    expect(ref.counties).toHaveLength(12)
    expect(ref.fields.filter((f) => f.year === 2022)).toHaveLength(7)
  })

  it('hashes with no more than the 100,000 PBKDF2 iterations production Workers accept', async () => {
    expect(iterationsOf(await hashPassword('x'))).toBeLessThanOrEqual(100_000)
  })

  it('signs in, shows /me, and refuses a wrong password in Chinese', async () => {
    const staff = await addUser('13700000001', 'county_staff', '130881', '李秀梅')
    const bad = await signIn(staff.phone, 'nope-nope1')
    expect(bad.status).toBe(401)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('手机号或密码不正确')

    const res = await signIn(staff.phone)
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!
    const me = await fetchChecked(`${ORIGIN}/api/v1/me`, { headers: { cookie } })
    expect(((await me.json()) as { user: { name: string; countyCode: string } }).user).toMatchObject({ name: '李秀梅', countyCode: '130881' })
  })

  it("keeps another county's records out of a county staff member's reads", async () => {
    const staff = await addUser('13700000002', 'county_staff', '130825', '张志刚')
    const mine = await addUser('13700000003', 'deputy', '130825', '赵永福')
    const theirs = await addUser('13700000004', 'deputy', '130881', '刘海燕')
    const signedIn = await signIn(staff.phone)
    expect(signedIn.status).toBe(200)
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!

    const list = (await (await fetchChecked(`${ORIGIN}/api/v1/deputies`, { headers: { cookie } })).json()) as { items: { name: string }[] }
    expect(list.items.map((d) => d.name)).toEqual(['赵永福'])
    expect((await fetchChecked(`${ORIGIN}/api/v1/users/${mine.id}`, { headers: { cookie } })).status).toBe(200)
    expect((await fetchChecked(`${ORIGIN}/api/v1/users/${theirs.id}`, { headers: { cookie } })).status).toBe(404)
  })

  it('shows a unit account its unit name, joined across D1 tables', async () => {
    const [unit] = await fromD1(env.DB)
      .insert(units)
      .values({ id: crypto.randomUUID(), countyCode: '130881', name: '平泉市水务局', createdAt: new Date().toISOString() })
      .returning()
    const account = await addUser('13700000005', 'unit', '130881', '陈立军', unit!.id)
    const signedIn = await signIn(account.phone)
    expect(signedIn.status).toBe(200)
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!
    const me = (await (await fetchChecked(`${ORIGIN}/api/v1/me`, { headers: { cookie } })).json()) as { user: { unitName: string } }
    expect(me.user.unitName).toBe('平泉市水务局')
  })
})

describe('the built web as Workers static assets', () => {
  it('serves the single-page app for a screen path, and keeps /api/* for the worker', async () => {
    // No asset matches a screen path, so Workers hands it to the worker (not_found_handling none).
    expect((await env.ASSETS.fetch(`${ORIGIN}/issues/some-id`)).status).toBe(404)
    const page = await fetchChecked(`${ORIGIN}/issues/some-id`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="app"')
    const api = await fetchChecked(`${ORIGIN}/api/v1/no-such-route`)
    expect(api.headers.get('content-type')).toContain('application/json')
  })

  it('serves the web app manifest, its icons and the service worker with their types', async () => {
    const manifest = await env.ASSETS.fetch(`${ORIGIN}/manifest.webmanifest`)
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json')
    const body = (await manifest.json()) as { short_name: string; display: string; icons: { src: string; purpose: string }[] }
    expect(body).toMatchObject({ short_name: '人大台账', display: 'standalone' })
    for (const icon of body.icons) {
      const png = await env.ASSETS.fetch(`${ORIGIN}${icon.src}`)
      expect(png.headers.get('content-type')).toBe('image/png')
    }
    const sw = await env.ASSETS.fetch(`${ORIGIN}/sw.js`)
    expect(sw.status).toBe(200)
    expect(sw.headers.get('content-type')).toContain('javascript')
  })
})
