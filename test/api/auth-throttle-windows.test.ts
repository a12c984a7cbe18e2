// The throttle's windows on an injected clock: when each refusal ends (Retry-After), the slow-down
// per phone across addresses, and the function any credential check calls.
import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../support/app'
import { RateLimited } from '../../worker/core/errors'
import { admitAttempt, attemptSucceeded, type Attempt } from '../../worker/auth/throttle'
import { addressBucket } from '../../worker/auth/client-address'

const T0 = new Date('2026-03-02T01:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const MIN = 60_000

/** The refusal an attempt gets at `now`, or null when it is admitted. */
async function refusal(db: Parameters<typeof admitAttempt>[0], who: Attempt, now: Date) {
  try {
    await admitAttempt(db, who, now)
    return null
  } catch (e) {
    if (e instanceof RateLimited) return { seconds: e.retryAfterSeconds, message: e.message }
    throw e
  }
}

describe('admitAttempt on a clock', () => {
  it('refuses the 6th attempt for a phone from one address until 15 minutes after the 1st', async () => {
    const { db } = await makeTestApp()
    const who = { phone: '13700009999', address: '198.51.100.66' }
    for (let i = 0; i < 5; i++) expect(await refusal(db, who, at(i * MIN))).toBeNull()
    expect(await refusal(db, who, at(10 * MIN))).toEqual({
      seconds: 5 * 60,
      message: '登录失败次数过多，该手机号在当前网络已暂停登录，请 5 分钟后再试',
    })
    expect((await refusal(db, who, at(15 * MIN - 1000)))?.seconds).toBe(1)
    // A new window: five more.
    for (let i = 0; i < 5; i++) expect(await refusal(db, who, at(15 * MIN + i))).toBeNull()
    expect((await refusal(db, who, at(16 * MIN)))?.seconds).toBe(14 * 60)
  })

  it('refuses an address after 30 failures in an hour, counted from its first', async () => {
    const { db } = await makeTestApp()
    for (let i = 0; i < 30; i++) expect(await refusal(db, { phone: `1370001${String(i).padStart(4, '0')}`, address: '198.51.100.7' }, at(i * MIN))).toBeNull()
    expect(await refusal(db, { phone: '13700019999', address: '198.51.100.7' }, at(40 * MIN))).toEqual({
      seconds: 20 * 60,
      message: '当前网络登录失败次数过多，已暂停登录，请 20 分钟后再试',
    })
    expect(await refusal(db, { phone: '13700019999', address: '198.51.100.7' }, at(60 * MIN))).toBeNull()
  })

  it('slows a phone guessed at from many addresses to 10 attempts a minute, never longer', async () => {
    const { db } = await makeTestApp()
    const phone = '13700029999'
    for (let i = 0; i < 10; i++) expect(await refusal(db, { phone, address: `198.51.100.${i + 1}` }, at(i * 1000))).toBeNull()
    // The owner, from an address of their own, waits out the rest of that minute.
    expect(await refusal(db, { phone, address: '203.0.113.5' }, at(45_000))).toEqual({ seconds: 15, message: '该手机号登录过于频繁，请 15 秒后再试' })
    expect(await refusal(db, { phone, address: '203.0.113.5' }, at(60_000))).toBeNull()
  })

  it('a refused attempt uses up nothing further along: blocked addresses cannot slow the owner', async () => {
    const { db } = await makeTestApp()
    const phone = '13700039999'
    const attacker = { phone, address: '198.51.100.66' }
    for (let i = 0; i < 5; i++) expect(await refusal(db, attacker, at(i))).toBeNull()
    for (let i = 0; i < 50; i++) expect(await refusal(db, attacker, at(100 + i))).not.toBeNull()
    // 5 attempts reached the phone's count, not 55: the owner gets through at once.
    expect(await refusal(db, { phone, address: '203.0.113.5' }, at(1000))).toBeNull()
  })

  it('attemptSucceeded takes the attempt back from the address: only failures count there', async () => {
    const { db } = await makeTestApp()
    const who = { phone: '13700049999', address: '198.51.100.9' }
    for (let i = 0; i < 29; i++) await admitAttempt(db, { phone: `1370004${String(i).padStart(4, '0')}`, address: who.address }, at(i))
    await admitAttempt(db, who, at(100))
    await attemptSucceeded(db, who)
    // The 30th failure is still admitted, as the success did not count; the 31st is not.
    expect(await refusal(db, who, at(200))).toBeNull()
    expect(await refusal(db, { phone: '13700049998', address: who.address }, at(200))).not.toBeNull()
  })
})

describe('addressBucket', () => {
  it('is the address for IPv4 and the /64 for IPv6', () => {
    expect(addressBucket('198.51.100.7')).toBe('198.51.100.7')
    expect(addressBucket('2001:db8:7:9::1')).toBe('2001:db8:7:9::/64')
    expect(addressBucket('2001:0db8:0007:0009:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:7:9::/64')
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressBucket('::1')).toBe('0:0:0:0::/64')
    expect(addressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
  })
})

describe('the throttle table', () => {
  it('loses rows whose window is over an hour old as attempts come in', async () => {
    const { db, client } = await makeTestApp()
    for (let i = 0; i < 10; i++) await admitAttempt(db, { phone: `1370005${String(i).padStart(4, '0')}`, address: `198.51.100.${i}` }, T0)
    // Each of the ten left a row per counter.
    const count = async () => Number((await client.execute('select count(*) as n from sign_in_throttle')).rows[0]!.n)
    expect(await count()).toBe(30)
    await admitAttempt(db, { phone: '13700059999', address: '203.0.113.5' }, at(61 * MIN))
    // 20 of the 30 stale rows go with this attempt (at most 20 at a time), which adds its own 3.
    expect(await count()).toBe(13)
  })
})
