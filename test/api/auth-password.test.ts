import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { makeTestApp, errorOf, PASSWORD } from '../support/app'
import { hashPassword, iterationsOf, verifyPassword, MAX_PBKDF2_ITERATIONS } from '../../worker/auth/passwords'
import { users } from '../../worker/db/schema'

describe('password hashing', () => {
  it('uses PBKDF2-SHA256 with no more than the 100,000 iterations production Workers allow', async () => {
    const stored = await hashPassword('chengde-2022')
    expect(stored.startsWith('pbkdf2-sha256$')).toBe(true)
    expect(iterationsOf(stored)).toBeLessThanOrEqual(100_000)
    expect(MAX_PBKDF2_ITERATIONS).toBe(100_000)
    await expect(hashPassword('x', 100_001)).rejects.toThrow()
  })

  it('salts each hash, and verifies only the right password', async () => {
    const a = await hashPassword('chengde-2022')
    const b = await hashPassword('chengde-2022')
    expect(a).not.toBe(b)
    expect(await verifyPassword('chengde-2022', a)).toBe(true)
    expect(await verifyPassword('chengde-2023', a)).toBe(false)
  })
})

describe('changing one\'s password', () => {
  it('takes the new password and ends the user\'s other sessions', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    const phone = await t.signIn(u.phone)
    const laptop = await t.signIn(u.phone)
    const res = await t.call('POST', '/api/v1/me/password', { cookie: phone, body: { currentPassword: PASSWORD, newPassword: 'newpass-2023' } })
    expect(res.status).toBe(204)
    expect((await t.call('GET', '/api/v1/me', { cookie: phone })).status).toBe(200)
    expect((await t.call('GET', '/api/v1/me', { cookie: laptop })).status).toBe(401)
    await t.signIn(u.phone, 'newpass-2023')
    expect((await t.call('POST', '/api/v1/auth/login', { body: { phone: u.phone, password: PASSWORD } })).status).toBe(401)
  })

  it('refuses a wrong current password and changes nothing', async () => {
    const t = await makeTestApp()
    const { user, cookie } = await t.actor({ role: 'deputy' })
    const res = await t.call('POST', '/api/v1/me/password', { cookie, body: { currentPassword: 'wrong-one1', newPassword: 'newpass-2023' } })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).fields).toEqual({ currentPassword: '当前密码不正确' })
    await t.signIn(user.phone, PASSWORD)
  })

  it('refuses a weak new password with the rule in Chinese', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy' })
    const short = await t.call('POST', '/api/v1/me/password', { cookie, body: { currentPassword: PASSWORD, newPassword: 'abc1' } })
    expect((await errorOf(short)).fields).toEqual({ newPassword: '新密码至少 8 位' })
    const digits = await t.call('POST', '/api/v1/me/password', { cookie, body: { currentPassword: PASSWORD, newPassword: '12345678' } })
    expect((await errorOf(digits)).fields).toEqual({ newPassword: '新密码须同时包含字母和数字' })
    const same = await t.call('POST', '/api/v1/me/password', { cookie, body: { currentPassword: PASSWORD, newPassword: PASSWORD } })
    expect((await errorOf(same)).fields).toEqual({ newPassword: '新密码不能与当前密码相同' })
  })
})

describe('the forced first-login change', () => {
  it('lets a user with a temporary password reach only /me and the password change', async () => {
    const t = await makeTestApp()
    const { user, cookie } = await t.actor({ role: 'county_staff', mustChangePassword: true })
    const me = await t.call('GET', '/api/v1/me', { cookie })
    expect(((await me.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true)
    const blocked = await t.call('GET', '/api/v1/deputies', { cookie })
    expect(blocked.status).toBe(403)
    expect(await errorOf(blocked)).toEqual({ code: 'password_change_required', message: '首次登录请先修改密码' })

    expect((await t.call('POST', '/api/v1/me/password', { cookie, body: { currentPassword: PASSWORD, newPassword: 'mine-2023x' } })).status).toBe(204)
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id))
    expect(row!.mustChangePassword).toBe(false)
    expect((await t.call('GET', '/api/v1/deputies', { cookie })).status).toBe(200)
  })
})
