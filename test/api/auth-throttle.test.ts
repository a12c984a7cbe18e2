import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { makeTestApp, errorOf, PASSWORD, TEST_ADDRESS, type TestApp } from '../support/app'
import { sessions } from '../../worker/db/schema'

async function tryLogin(t: TestApp, phone: string, password: string, opts: { address?: string; headers?: Record<string, string> } = {}) {
  return t.call('POST', '/api/v1/auth/login', { body: { phone, password }, ...opts })
}

/** Attempts admitted for a phone from one address, as the database recorded them. */
async function admittedFor(t: TestApp, phone: string) {
  const rows = await t.client.execute({ sql: `select sum(attempts) as n from sign_in_throttle where key like ?`, args: [`pair:${phone}@%`] })
  return Number(rows.rows[0]!.n)
}

describe('sign-in throttling per phone and address', () => {
  it('refuses a phone with 429 after 5 failures from one address, even with the right password', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    for (let i = 0; i < 5; i++) expect((await tryLogin(t, u.phone, 'bad-password1')).status).toBe(401)
    const res = await tryLogin(t, u.phone, PASSWORD)
    expect(res.status).toBe(429)
    const retryAfter = Number(res.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(14 * 60)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    const err = await errorOf(res)
    expect(err.code).toBe('rate_limited')
    expect(err.message).toBe('登录失败次数过多，该手机号在当前网络已暂停登录，请 15 分钟后再试')
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

  it('throttles unknown phones alike and answers them as known ones, so probing tells nothing', async () => {
    const t = await makeTestApp()
    const known = await t.makeUser({ role: 'deputy' })
    const answers = async (phone: string) => {
      const out: unknown[] = []
      for (let i = 0; i < 6; i++) {
        const res = await tryLogin(t, phone, 'bad-password1')
        out.push([res.status, res.headers.get('retry-after') !== null, await res.json()])
      }
      return out
    }
    const unknown = await answers('13999999999')
    expect(unknown.map((a) => (a as unknown[])[0])).toEqual([401, 401, 401, 401, 401, 429])
    expect(await answers(known.phone)).toEqual(unknown)
  })

  it('starts counting again after a successful sign-in', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    for (let i = 0; i < 4; i++) await tryLogin(t, u.phone, 'bad-password1')
    expect((await tryLogin(t, u.phone, PASSWORD)).status).toBe(200)
    for (let i = 0; i < 4; i++) await tryLogin(t, u.phone, 'bad-password1')
    expect((await tryLogin(t, u.phone, PASSWORD)).status).toBe(200)
  })

  it('lets the phone in again from that address once its 15 minutes are over', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    for (let i = 0; i < 5; i++) await tryLogin(t, u.phone, 'bad-password1')
    expect((await tryLogin(t, u.phone, PASSWORD)).status).toBe(429)
    const windowOver = new Date(Date.now() - 15 * 60_000 - 1000).toISOString()
    await t.client.execute({ sql: `update sign_in_throttle set window_started_at = ? where key like ?`, args: [windowOver, `pair:${u.phone}@%`] })
    expect((await tryLogin(t, u.phone, PASSWORD)).status).toBe(200)
  })
})

describe('parallel guessing', () => {
  it('verifies at most 5 of 200 parallel wrong guesses for one phone', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    const res = await Promise.all(Array.from({ length: 200 }, (_, i) => tryLogin(t, u.phone, `wrong-guess${i}`)))
    const statuses = res.map((r) => r.status)
    // 401 is answered only after the password was checked; 429 before.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(195)
    expect(await admittedFor(t, u.phone)).toBe(5)
  }, 120_000)

  it('does not sign in with the right password once a burst has used up the limit', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    const passwords = [...Array.from({ length: 199 }, (_, i) => `wrong-guess${i}`), PASSWORD]
    const res = await Promise.all(passwords.map((p) => tryLogin(t, u.phone, p)))
    expect(res.filter((r) => r.status === 401 || r.status === 200).length).toBeLessThanOrEqual(5)
    expect(res.at(-1)!.status).toBe(429)
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0)
  }, 120_000)

  it('verifies at most 30 of 200 parallel guesses at different phones from one address', async () => {
    const t = await makeTestApp()
    const res = await Promise.all(Array.from({ length: 200 }, (_, i) => tryLogin(t, `1380000${String(i).padStart(4, '0')}`, 'bad-password1')))
    expect(res.filter((r) => r.status === 401)).toHaveLength(30)
    expect(res.filter((r) => r.status === 429)).toHaveLength(170)
  }, 120_000)
})

describe('lockout is no weapon, spraying is not free', () => {
  it('lets the owner sign in from another address while the attacker’s address is refused', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'city_staff', countyCode: null })
    const attacker = '198.51.100.66'
    for (let i = 0; i < 5; i++) expect((await tryLogin(t, u.phone, 'bad-password1', { address: attacker })).status).toBe(401)
    expect((await tryLogin(t, u.phone, PASSWORD, { address: attacker })).status).toBe(429)
    expect((await tryLogin(t, u.phone, PASSWORD, { address: '203.0.113.5' })).status).toBe(200)
    // ... and the attacker is still refused afterwards.
    expect((await tryLogin(t, u.phone, 'bad-password1', { address: attacker })).status).toBe(429)
  })

  it('stops one address spraying many phones within 30 failures an hour; successes do not count', async () => {
    const t = await makeTestApp()
    // An office behind one address: all of its people sign in, none of it counts as failure.
    for (let i = 0; i < 35; i++) {
      const u = await t.makeUser({ role: 'deputy' })
      expect((await tryLogin(t, u.phone, PASSWORD)).status).toBe(200)
    }
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 40; i++) {
      last = await tryLogin(t, `1390000${String(i).padStart(4, '0')}`, 'bad-password1')
      statuses.push(last.status)
    }
    expect(statuses).toEqual([...Array<number>(30).fill(401), ...Array<number>(10).fill(429)])
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(59 * 60)
    expect(Number(last!.headers.get('retry-after'))).toBeLessThanOrEqual(60 * 60)
    expect((await errorOf(last!)).message).toBe('当前网络登录失败次数过多，已暂停登录，请 60 分钟后再试')
    // Another address is not affected.
    const other = await t.makeUser({ role: 'deputy' })
    expect((await tryLogin(t, other.phone, PASSWORD, { address: '203.0.113.5' })).status).toBe(200)
  }, 120_000)

  it('counts an IPv6 /64 as one address', async () => {
    const t = await makeTestApp()
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      statuses.push((await tryLogin(t, `1390001${String(i).padStart(4, '0')}`, 'bad-password1', { address: `2001:db8:7:9::${(i + 1).toString(16)}` })).status)
    }
    expect(statuses.at(-1)).toBe(429)
    expect(statuses.filter((s) => s === 401)).toHaveLength(30)
  })
})

describe('the client address', () => {
  it('ignores X-Forwarded-For without TRUST_PROXY: a forged one neither escapes nor locks out', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    const owner = '203.0.113.5'
    for (let i = 0; i < 5; i++) {
      // Each guess claims another address, the owner's among them.
      const headers = { 'x-forwarded-for': i === 0 ? owner : `10.9.8.${i}` }
      expect((await tryLogin(t, u.phone, 'bad-password1', { address: '198.51.100.66', headers })).status).toBe(401)
    }
    const forged = await tryLogin(t, u.phone, PASSWORD, { address: '198.51.100.66', headers: { 'x-forwarded-for': '10.1.1.1' } })
    expect(forged.status).toBe(429)
    expect((await tryLogin(t, u.phone, PASSWORD, { address: owner })).status).toBe(200)
  })

  it('with TRUST_PROXY=true takes the rightmost X-Forwarded-For entry, the one the proxy appended', async () => {
    const t = await makeTestApp({ TRUST_PROXY: 'true' })
    const u = await t.makeUser({ role: 'deputy' })
    const proxy = '127.0.0.1'
    // The client writes what it likes to the left; the proxy appends the address it saw.
    for (let i = 0; i < 5; i++) {
      const headers = { 'x-forwarded-for': `203.0.113.5, 10.0.0.${i}, 198.51.100.66` }
      expect((await tryLogin(t, u.phone, 'bad-password1', { address: proxy, headers })).status).toBe(401)
    }
    const again = await tryLogin(t, u.phone, PASSWORD, { address: proxy, headers: { 'x-forwarded-for': '10.7.7.7, 198.51.100.66' } })
    expect(again.status).toBe(429)
    // The owner, whose address the attacker wrote on the left, comes through the same proxy.
    expect((await tryLogin(t, u.phone, PASSWORD, { address: proxy, headers: { 'x-forwarded-for': '203.0.113.5' } })).status).toBe(200)
  })

  it('with TRUST_PROXY=true and no X-Forwarded-For falls back to the socket', async () => {
    const t = await makeTestApp({ TRUST_PROXY: 'true' })
    const u = await t.makeUser({ role: 'deputy' })
    for (let i = 0; i < 5; i++) await tryLogin(t, u.phone, 'bad-password1', { address: '198.51.100.66' })
    expect((await tryLogin(t, u.phone, PASSWORD, { address: '198.51.100.66' })).status).toBe(429)
    expect((await tryLogin(t, u.phone, PASSWORD, { address: TEST_ADDRESS })).status).toBe(200)
  })
})
