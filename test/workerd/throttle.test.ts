// The sign-in throttle inside workerd with D1: the same conditional upserts admit at most the
// limit of a parallel burst there, and the client address is Cloudflare's CF-Connecting-IP.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { fromD1 } from '../../worker/db/client'
import { sessions, users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { fetchChecked } from './contract'

const PASSWORD = 'workerd-2022'
const ORIGIN = 'http://example.com'

async function addDeputy(phone: string) {
  const now = new Date().toISOString()
  const [row] = await fromD1(env.DB)
    .insert(users)
    .values({
      id: crypto.randomUUID(),
      name: '王建国',
      phone,
      role: 'deputy',
      countyCode: '130881',
      level: 'township',
      passwordHash: await hashPassword(PASSWORD),
      mustChangePassword: false,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  return row!
}

function signIn(phone: string, password: string, address: string, headers: Record<string, string> = {}) {
  return fetchChecked(`${ORIGIN}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': address, ...headers },
    body: JSON.stringify({ phone, password }),
  })
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
})

describe('the sign-in throttle on D1', () => {
  it('verifies at most 5 of 200 parallel guesses, the right password last among them refused', async () => {
    const u = await addDeputy('13600000001')
    const passwords = [...Array.from({ length: 199 }, (_, i) => `wrong-guess${i}`), PASSWORD]
    const res = await Promise.all(passwords.map((p) => signIn(u.phone, p, '198.51.100.66')))
    const statuses = res.map((r) => r.status)
    await Promise.all(res.map((r) => r.body?.cancel()))
    // 401 is answered only after the password was checked; 429 before.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(195)
    expect(statuses.at(-1)).toBe(429)
    const rows = await env.DB.prepare('select attempts from sign_in_throttle where key like ?').bind(`pair:${u.phone}@%`).all()
    expect(rows.results).toEqual([{ attempts: 5 }])
    expect(await fromD1(env.DB).select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0)
  }, 120_000)

  it('takes the address from CF-Connecting-IP: the owner elsewhere signs in, X-Forwarded-For changes nothing', async () => {
    const u = await addDeputy('13600000002')
    for (let i = 0; i < 5; i++) {
      const res = await signIn(u.phone, 'bad-password1', '198.51.100.66', { 'x-forwarded-for': `10.0.0.${i}` })
      expect(res.status).toBe(401)
    }
    const refused = await signIn(u.phone, PASSWORD, '198.51.100.66', { 'x-forwarded-for': '203.0.113.5' })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      '登录失败次数过多，该手机号在当前网络已暂停登录，请 15 分钟后再试',
    )
    expect((await signIn(u.phone, PASSWORD, '203.0.113.5')).status).toBe(200)
  })
})
