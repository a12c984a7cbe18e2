import { describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN, PASSWORD, TEST_ADDRESS } from '../support/app'
import { activate, activateAndSignIn, issueCode, issueCodes, NEW_PASSWORD } from '../support/activation'
import { activationCodes, deputyCounts, users } from '../../worker/db/schema'
import { ACTIVATION_CODE_DIGITS, newActivationCode } from '../../worker/auth/activation-codes'
import { hashToken } from '../../worker/auth/sessions'
import { activate as activateService } from '../../worker/auth/auth.service'
import { issueActivationCodes } from '../../worker/activation/activation.service'
import type { SessionUser } from '../../worker/auth/sessions'

const DAY = 86_400_000
const times = { idleMs: 7 * DAY, maxMs: 30 * DAY }

describe('activation codes', () => {
  it('are 20 uniform random digits (66 bits), printed in five groups of four', async () => {
    expect(ACTIVATION_CODE_DIGITS * Math.log2(10)).toBeGreaterThanOrEqual(64)
    const samples = Array.from({ length: 2000 }, newActivationCode)
    expect(samples.every((c) => /^\d{20}$/.test(c))).toBe(true)
    expect(new Set(samples).size).toBe(samples.length)
    // 40,000 digits: each of the ten should come up about 4,000 times (σ ≈ 60).
    const tally = new Array<number>(10).fill(0)
    for (const c of samples) for (const d of c) tally[Number(d)]!++
    for (const n of tally) expect(n).toBeGreaterThan(3500), expect(n).toBeLessThan(4500)

    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, password: null })
    const code = await issueCode(t, staff.cookie, deputy.id)
    expect(code).toMatch(/^\d{4}( \d{4}){4}$/)
    // Only a SHA-256 of the code is kept, never the code itself.
    const [row] = await t.db.select().from(activationCodes).where(eq(activationCodes.userId, deputy.id))
    expect(row!.codeHash).toBe(await hashToken(code.replace(/ /g, '')))
    expect(JSON.stringify(row)).not.toContain(code.replace(/ /g, '').slice(0, 8))
  })

  it('signs the deputy in, sets their own password and is spent: the same code works once', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕', password: null })
    const code = await issueCode(t, staff.cookie, deputy.id)
    const res = await activate(t, deputy.phone, code.replace(/ /g, '-'))
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/^npc_session=[^;]+;.*HttpOnly/i)
    const body = (await res.json()) as { user: { id: string; name: string; mustChangePassword: boolean } }
    expect(body.user).toMatchObject({ id: deputy.id, name: '刘海燕', mustChangePassword: false })
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!
    expect((await t.call('GET', '/api/v1/activities', { cookie })).status).toBe(200)
    expect(await t.signIn(deputy.phone, NEW_PASSWORD)).toMatch(/^npc_session=/)

    const again = await activate(t, deputy.phone, code, 'another-pass-99')
    expect(again.status).toBe(400)
    expect((await errorOf(again)).message).toContain('该开通码已经使用过')
    expect(await t.signIn(deputy.phone, NEW_PASSWORD)).toMatch(/^npc_session=/)
    const list = (await (await t.call('GET', '/api/v1/deputies', { cookie: staff.cookie })).json()) as { items: { id: string; activated: boolean; codeExpiresAt: string | null }[] }
    expect(list.items.find((d) => d.id === deputy.id)).toMatchObject({ activated: true, codeExpiresAt: null })
  })

  it('lets exactly one of three simultaneous activations with one code through', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, password: null })
    const code = await issueCode(t, staff.cookie, deputy.id)
    const answers = await Promise.all(['first-pass-11', 'second-pass-22', 'third-pass-33'].map((p) => activate(t, deputy.phone, code, p)))
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400, 400])
    const winner = ['first-pass-11', 'second-pass-22', 'third-pass-33'][answers.findIndex((r) => r.status === 200)]!
    expect(await t.signIn(deputy.phone, winner)).toMatch(/^npc_session=/)
  })

  it('expires after 30 days (an injected clock)', async () => {
    const t = await makeTestApp()
    const staffUser = await t.makeUser({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, password: null })
    const issued = new Date('2026-03-01T02:00:00Z')
    const staff = { ...staffUser, unitName: null } as SessionUser
    const { items, expiresAt } = await issueActivationCodes(t.db, staff, { userIds: [deputy.id] }, issued)
    expect(expiresAt).toBe('2026-03-31T02:00:00.000Z')
    const body = { phone: deputy.phone, code: items[0]!.code.replace(/ /g, ''), newPassword: NEW_PASSWORD }
    await expect(activateService(t.db, body, TEST_ADDRESS, times, new Date(issued.getTime() + 30 * DAY))).rejects.toMatchObject({ status: 400, message: expect.stringContaining('开通码已过期') })
    const ok = await activateService(t.db, body, TEST_ADDRESS, times, new Date(issued.getTime() + 30 * DAY - 60_000))
    expect(ok.userId).toBe(deputy.id)
  })

  it('voids the previous code when a fresh one is issued', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, password: null })
    const first = await issueCode(t, staff.cookie, deputy.id)
    const second = await issueCode(t, staff.cookie, deputy.id)
    expect(second).not.toBe(first)
    const old = await activate(t, deputy.phone, first)
    expect(old.status).toBe(401)
    expect(await errorOf(old)).toMatchObject({ code: 'invalid_credentials', message: '手机号或开通码不正确，请按开通通知单核对' })
    expect((await activate(t, deputy.phone, second)).status).toBe(200)
    expect((await t.db.select({ n: count() }).from(activationCodes))[0]!.n).toBe(1)
  })

  it('throttles wrong codes: five wrong ones lock the phone, even for the right code (429, Retry-After)', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, password: null })
    const code = await issueCode(t, staff.cookie, deputy.id)
    for (let i = 0; i < 5; i++) expect((await activate(t, deputy.phone, '1234 5678 9012 3456 789' + i)).status).toBe(401)
    const locked = await activate(t, deputy.phone, code)
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await errorOf(locked)).message).toMatch(/登录失败次数过多.*暂停登录.*分钟后再试/)
    // Nothing was spent: the code still works once the lock is over.
    expect((await t.db.select().from(activationCodes))[0]!.usedAt).toBeNull()
  })

  it('refuses a malformed code or a weak password (400) and spends nothing', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, password: null })
    const code = await issueCode(t, staff.cookie, deputy.id)
    const short = await activate(t, deputy.phone, '1234 5678')
    expect((await errorOf(short)).fields).toEqual({ code: '开通码应为 20 位数字，请按开通通知单核对' })
    const weak = await activate(t, deputy.phone, code, 'password')
    expect((await errorOf(weak)).fields).toEqual({ newPassword: '新密码须同时包含字母和数字' })
    expect((await activate(t, deputy.phone, code)).status).toBe(200)
  })

  it('answers an unknown phone like a wrong code (401), without saying which phones exist', async () => {
    const t = await makeTestApp()
    const res = await activate(t, '13999999999', '1234 5678 9012 3456 7890')
    expect(await errorOf(res)).toMatchObject({ code: 'invalid_credentials', message: '手机号或开通码不正确，请按开通通知单核对' })
  })
})

describe('who may issue codes', () => {
  it("keeps county staff to their county's deputies and units (404 elsewhere, 403 for staff accounts)", async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const own = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, password: null })
    const unit = await t.makeUser({ role: 'unit', countyCode: PINGQUAN, password: null })
    const foreign = await t.makeUser({ role: 'deputy', countyCode: LONGHUA, password: null })
    const peer = await t.makeUser({ role: 'county_staff', countyCode: PINGQUAN, password: null })
    expect((await issueCodes(t, staff.cookie, { userIds: [own.id, unit.id] })).items.map((i) => i.userId)).toEqual([own.id, unit.id])
    expect((await issueCodes(t, staff.cookie, { userIds: [own.id, foreign.id] })).status).toBe(404)
    expect((await issueCodes(t, staff.cookie, { userIds: [crypto.randomUUID()] })).status).toBe(404)
    expect((await issueCodes(t, staff.cookie, { userIds: [peer.id] })).status).toBe(403)
    expect((await issueCodes(t, staff.cookie, { userIds: [staff.user.id] })).status).toBe(403)
    expect((await issueCodes(t, staff.cookie, { notActivated: true, countyCode: LONGHUA })).status).toBe(404)
    // The refused requests changed nothing: only the first one's two codes exist.
    expect((await t.db.select({ n: count() }).from(activationCodes))[0]!.n).toBe(2)

    const city = await t.actor({ role: 'city_staff' })
    expect((await issueCodes(t, city.cookie, { userIds: [peer.id, foreign.id] })).status).toBe(200)
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    expect((await issueCodes(t, deputy.cookie, { userIds: [own.id] })).status).toBe(403)
    const bad = await t.call('POST', '/api/v1/activation-codes', { cookie: staff.cookie, body: { userIds: [] } })
    expect(bad.status).toBe(400)
  })

  it('gives a deactivated account no code, and a deactivated account cannot activate', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const gone = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, name: '周离任', password: null })
    const code = await issueCode(t, staff.cookie, gone.id)
    await t.db.update(users).set({ active: false }).where(eq(users.id, gone.id))
    const refused = await issueCodes(t, staff.cookie, { userIds: [gone.id] })
    expect(refused.status).toBe(400)
    expect((await issueCodes(t, staff.cookie, { notActivated: true })).items).toEqual([])
    expect((await activate(t, gone.phone, code)).status).toBe(401)
    const [row] = await t.db.select().from(users).where(eq(users.id, gone.id))
    expect(row!.passwordHash).toBeNull()
  })

  it('issues for every deputy in scope not yet activated, temporary passwords included, own passwords not', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const fresh = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, name: '新代表', password: null, createdAt: '2026-01-01T00:00:00Z' })
    const legacy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, name: '旧临时密码', mustChangePassword: true, createdAt: '2026-01-02T00:00:00Z' })
    await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, name: '已开通' })
    await t.makeUser({ role: 'deputy', countyCode: LONGHUA, name: '外县', password: null })
    await t.makeUser({ role: 'unit', countyCode: PINGQUAN, password: null })
    const { items } = await issueCodes(t, staff.cookie, { notActivated: true })
    expect(items.map((i) => i.name)).toEqual(['新代表', '旧临时密码'])
    expect(items[0]).toMatchObject({ userId: fresh.id, phone: fresh.phone, role: 'deputy', countyCode: PINGQUAN })
    // The account with a temporary password keeps working as before until it is activated.
    const legacyCookie = await t.signIn(legacy.phone, PASSWORD)
    expect(((await (await t.call('GET', '/api/v1/me', { cookie: legacyCookie })).json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true)
    await activateAndSignIn(t, legacy.phone, items[1]!.code)
    expect((await t.db.select().from(users).where(eq(users.id, legacy.id)))[0]).toMatchObject({ mustChangePassword: false })
    expect((await t.call('GET', '/api/v1/me', { cookie: legacyCookie })).status).toBe(401)
    const list = (await (await t.call('GET', '/api/v1/deputies', { cookie: staff.cookie })).json()) as { items: { name: string; activated: boolean; codeExpiresAt: string | null }[] }
    expect(Object.fromEntries(list.items.map((d) => [d.name, d.activated]))).toEqual({ 新代表: false, 旧临时密码: true, 已开通: true })
    expect(list.items.find((d) => d.name === '新代表')!.codeExpiresAt).not.toBeNull()
  })
})

describe('a large roster import', () => {
  it('imports 5,000 rows with no credential made, and the counters agree', async () => {
    const t = await makeTestApp()
    const city = await t.actor({ role: 'city_staff' })
    const counties = ['平泉市', '隆化县', '双桥区', '丰宁满族自治县', '围场满族蒙古族自治县']
    const lines = ['姓名,手机号,代表层级,县市区,代表小组']
    for (let i = 0; i < 5000; i++) lines.push(`代表${i},139${String(i).padStart(8, '0')},乡,${counties[i % counties.length]},第${i % 40}代表小组`)
    const res = await t.call('POST', '/api/v1/deputies/import', { cookie: city.cookie, body: lines.join('\n'), headers: { 'content-type': 'text/csv' } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ created: 5000, updated: 0 })
    const made = await t.db.select({ n: count() }).from(users).where(eq(users.role, 'deputy'))
    expect(made[0]!.n).toBe(5000)
    expect((await t.db.select().from(users).where(eq(users.role, 'deputy'))).filter((u) => u.passwordHash !== null)).toEqual([])
    const perCounty = await t.db.select().from(deputyCounts)
    expect(perCounty.reduce((s, r) => s + r.deputies, 0)).toBe(5000)
    expect(perCounty.find((r) => r.countyCode === PINGQUAN)!.deputies).toBe(1000)
    const again = await t.call('POST', '/api/v1/deputies/import', { cookie: city.cookie, body: lines.join('\n'), headers: { 'content-type': 'text/csv' } })
    expect(await again.json()).toEqual({ created: 0, updated: 0 })
    const { items } = await issueCodes(t, city.cookie, { notActivated: true, countyCode: PINGQUAN })
    expect(items).toHaveLength(1000)
    expect(new Set(items.map((i) => i.code)).size).toBe(1000)
  })
})
