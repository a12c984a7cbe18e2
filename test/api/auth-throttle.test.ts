import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { makeTestApp, errorOf, PASSWORD, type TestApp } from '../support/app'
import { loginAttempts } from '../../worker/db/schema'

async function tryLogin(t: TestApp, phone: string, password: string) {
  return t.call('POST', '/api/v1/auth/login', { body: { phone, password } })
}

describe('sign-in throttling', () => {
  it('refuses a phone with 429 after 5 failures, even with the right password', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    for (let i = 0; i < 5; i++) expect((await tryLogin(t, u.phone, 'bad-password1')).status).toBe(401)
    const res = await tryLogin(t, u.phone, PASSWORD)
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(14 * 60)
    const err = await errorOf(res)
    expect(err.code).toBe('rate_limited')
    expect(err.message).toContain('分钟后再试')
  })

  it('does not lock a phone after 4 failures', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    for (let i = 0; i < 4; i++) await tryLogin(t, u.phone, 'bad-password1')
    expect((await tryLogin(t, u.phone, PASSWORD)).status).toBe(200)
  })

  it('leaves other phones unaffected', async () => {
    const t = await makeTestApp()
    const victim = await t.makeUser({ role: 'deputy' })
    const other = await t.makeUser({ role: 'deputy' })
    for (let i = 0; i < 6; i++) await tryLogin(t, victim.phone, 'bad-password1')
    expect((await tryLogin(t, other.phone, PASSWORD)).status).toBe(200)
  })

  it('throttles unknown phones too, so probing cannot tell which phones exist', async () => {
    const t = await makeTestApp()
    for (let i = 0; i < 5; i++) await tryLogin(t, '13999999999', 'bad-password1')
    expect((await tryLogin(t, '13999999999', 'bad-password1')).status).toBe(429)
  })

  it('lets the phone in again once the 15 minutes have passed', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    for (let i = 0; i < 5; i++) await tryLogin(t, u.phone, 'bad-password1')
    const lockEnded = new Date(Date.now() - 1000).toISOString()
    await t.db.update(loginAttempts).set({ lockedUntil: lockEnded }).where(eq(loginAttempts.phone, u.phone))
    expect((await tryLogin(t, u.phone, PASSWORD)).status).toBe(200)
  })

  it('counts only failures within 15 minutes of each other', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    for (let i = 0; i < 4; i++) await tryLogin(t, u.phone, 'bad-password1')
    const longAgo = new Date(Date.now() - 16 * 60_000).toISOString()
    await t.db.update(loginAttempts).set({ windowStartedAt: longAgo }).where(eq(loginAttempts.phone, u.phone))
    // The fifth failure opens a new window instead of locking.
    expect((await tryLogin(t, u.phone, 'bad-password1')).status).toBe(401)
    expect((await tryLogin(t, u.phone, PASSWORD)).status).toBe(200)
  })

  it('clears the count after a successful sign-in', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    for (let i = 0; i < 4; i++) await tryLogin(t, u.phone, 'bad-password1')
    expect((await tryLogin(t, u.phone, PASSWORD)).status).toBe(200)
    for (let i = 0; i < 4; i++) await tryLogin(t, u.phone, 'bad-password1')
    expect((await tryLogin(t, u.phone, PASSWORD)).status).toBe(200)
  })
})
