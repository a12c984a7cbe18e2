import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { makeTestApp, errorOf, cookieFrom, PASSWORD, PINGQUAN } from '../support/app'
import { sessions } from '../../worker/db/schema'

describe('signing in', () => {
  it('answers the user and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'county_staff', name: '李秀梅', countyCode: PINGQUAN })
    const res = await t.call('POST', '/api/v1/auth/login', { body: { phone: u.phone, password: PASSWORD } })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { user: Record<string, unknown> }
    expect(body.user).toEqual({
      id: u.id,
      name: '李秀梅',
      phone: u.phone,
      role: 'county_staff',
      countyCode: PINGQUAN,
      unitId: null,
      unitName: null,
      level: null,
      mustChangePassword: false,
      active: true,
      version: 1,
    })
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)
  })

  it('marks the cookie Secure when served over https', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    const res = await t.app.request('https://npc.example.cn/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: u.phone, password: PASSWORD }),
    })
    expect(res.headers.get('set-cookie')).toMatch(/Secure/)
  })

  it('stores only a hash of the session token, and the token has at least 128 bits', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    const token = (await t.signIn(u.phone)).split('=')[1]!
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16)
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, u.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.tokenHash).not.toBe(token)
  })

  it('gives a new token at every sign-in and ends the session the browser had', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    const first = await t.signIn(u.phone)
    const res = await t.call('POST', '/api/v1/auth/login', { cookie: first, body: { phone: u.phone, password: PASSWORD } })
    const second = cookieFrom(res)
    expect(second).not.toBe(first)
    expect((await t.call('GET', '/api/v1/me', { cookie: first })).status).toBe(401)
    expect((await t.call('GET', '/api/v1/me', { cookie: second })).status).toBe(200)
  })

  it('refuses a wrong password with a Chinese message and no cookie', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    const res = await t.call('POST', '/api/v1/auth/login', { body: { phone: u.phone, password: 'wrong-password1' } })
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await errorOf(res)).toEqual({ code: 'invalid_credentials', message: '手机号或密码不正确' })
  })

  it('answers an unknown phone exactly like a wrong password', async () => {
    const t = await makeTestApp()
    const res = await t.call('POST', '/api/v1/auth/login', { body: { phone: '13912345678', password: PASSWORD } })
    expect(res.status).toBe(401)
    expect((await errorOf(res)).code).toBe('invalid_credentials')
  })

  it('refuses a disabled account, saying so only to whoever gives its password', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    await t.client.execute({ sql: 'update users set active = 0 where id = ?', args: [u.id] })
    const res = await t.call('POST', '/api/v1/auth/login', { body: { phone: u.phone, password: PASSWORD } })
    expect(res.status).toBe(403)
    expect(await errorOf(res)).toMatchObject({ code: 'account_inactive', message: expect.stringContaining('已停用') })
    const wrong = await t.call('POST', '/api/v1/auth/login', { body: { phone: u.phone, password: 'wrong-pass-1' } })
    expect(wrong.status).toBe(401)
    expect((await errorOf(wrong)).code).toBe('invalid_credentials')
  })

  it('names each bad field in Chinese', async () => {
    const t = await makeTestApp()
    const res = await t.call('POST', '/api/v1/auth/login', { body: { phone: '12345', password: '' } })
    expect(res.status).toBe(400)
    const err = await errorOf(res)
    expect(err.code).toBe('validation_failed')
    expect(err.fields).toEqual({ phone: '请填写 11 位手机号', password: '请填写密码' })
  })
})

describe('the session', () => {
  it('shows who is signed in at /me, and 401 without a session', async () => {
    const t = await makeTestApp()
    const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
    const { user, cookie } = await t.actor({ role: 'unit', unitId: unit.id, name: '陈立军' })
    const res = await t.call('GET', '/api/v1/me', { cookie })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { user: { id: string; unitName: string } }).user).toMatchObject({ id: user.id, unitName: '平泉市水务局' })
    const anonymous = await t.call('GET', '/api/v1/me')
    expect(anonymous.status).toBe(401)
    expect(await errorOf(anonymous)).toEqual({ code: 'unauthenticated', message: '请先登录' })
  })

  it('ends the session on the server at sign-out', async () => {
    const t = await makeTestApp()
    const { user, cookie } = await t.actor({ role: 'deputy' })
    const res = await t.call('POST', '/api/v1/auth/logout', { cookie })
    expect(res.status).toBe(204)
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    // The old cookie, replayed, no longer works.
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(401)
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0)
  })

  it('expires a session left idle longer than the idle limit', async () => {
    const t = await makeTestApp({ SESSION_IDLE_HOURS: '2' })
    const { user, cookie } = await t.actor({ role: 'deputy' })
    const past = new Date(Date.now() - 3 * 3600_000).toISOString()
    await t.db.update(sessions).set({ lastSeenAt: past }).where(eq(sessions.userId, user.id))
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(401)
  })

  it('expires a session past its absolute lifetime even when in use', async () => {
    const t = await makeTestApp()
    const { user, cookie } = await t.actor({ role: 'deputy' })
    await t.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where(eq(sessions.userId, user.id))
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(401)
  })

  it('keeps an active session alive past the idle limit by recording use', async () => {
    const t = await makeTestApp({ SESSION_IDLE_HOURS: '1' })
    const { user, cookie } = await t.actor({ role: 'deputy' })
    const fiftyMinutesAgo = new Date(Date.now() - 50 * 60_000).toISOString()
    await t.db.update(sessions).set({ lastSeenAt: fiftyMinutesAgo }).where(eq(sessions.userId, user.id))
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(200)
    const [row] = await t.db.select().from(sessions).where(eq(sessions.userId, user.id))
    expect(Date.parse(row!.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000)
  })
})
