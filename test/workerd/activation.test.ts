// A roster import and first sign-in with an activation code inside workerd with D1: the import's
// batches (and the codes' upserts) stay under D1's 100 bound parameters per statement, and the
// code is spent in one D1 batch together with the new password.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, expect, it } from 'vitest'
import { count, eq, isNull } from 'drizzle-orm'
import { fromD1 } from '../../worker/db/client'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
let staff = ''

function post(path: string, body: string | object, cookie = staff, type = 'application/json') {
  return fetchChecked(`${ORIGIN}/api/v1${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': type, origin: ORIGIN },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const now = new Date().toISOString()
  await fromD1(env.DB)
    .insert(users)
    .values({ id: crypto.randomUUID(), name: '县工作人员', phone: '13733330001', role: 'county_staff', countyCode: '130881', passwordHash: await hashPassword('workerd-2022'), mustChangePassword: false, createdAt: now, updatedAt: now })
  const res = await post('/auth/login', { phone: '13733330001', password: 'workerd-2022' }, '')
  expect(res.status).toBe(200)
  staff = res.headers.get('set-cookie')!.split(';')[0]!
})

it('imports 700 deputies on D1 without credentials, then a deputy activates with a printed code', async () => {
  const lines = ['姓名,手机号,代表层级,县市区,代表小组']
  for (let i = 0; i < 700; i++) lines.push(`代表${i},1373334${String(i).padStart(4, '0')},乡,平泉市,第${i % 9}代表小组`)
  const imported = await post('/deputies/import', lines.join('\r\n'), staff, 'text/csv')
  expect(await imported.json()).toEqual({ created: 700, updated: 0 })
  const db = fromD1(env.DB)
  expect((await db.select({ n: count() }).from(users).where(isNull(users.passwordHash)))[0]!.n).toBe(700)

  const issued = await post('/activation-codes', { notActivated: true })
  const { items } = (await issued.json()) as { items: { phone: string; code: string }[] }
  expect(items).toHaveLength(700)
  const one = items[123]!
  const wrong = await post('/auth/activate', { phone: one.phone, code: items[124]!.code, newPassword: 'first-pass-2026' }, '')
  expect(wrong.status).toBe(401)
  const res = await post('/auth/activate', { phone: one.phone, code: one.code, newPassword: 'first-pass-2026' }, '')
  expect(res.status).toBe(200)
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!
  const me = (await (await fetchChecked(`${ORIGIN}/api/v1/me`, { headers: { cookie } })).json()) as { user: { phone: string; mustChangePassword: boolean } }
  expect(me.user).toMatchObject({ phone: one.phone, mustChangePassword: false })
  expect((await post('/auth/activate', { phone: one.phone, code: one.code, newPassword: 'other-pass-2026' }, '')).status).toBe(400)
  expect((await post('/auth/login', { phone: one.phone, password: 'first-pass-2026' }, '')).status).toBe(200)
  const [row] = await db.select().from(users).where(eq(users.phone, one.phone))
  expect(row!.passwordHash).toMatch(/^pbkdf2-sha256\$100000\$/)
})
