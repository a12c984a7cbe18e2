import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN } from '../support/app'
import { activateAndSignIn, issueCode, NEW_PASSWORD } from '../support/activation'
import { users } from '../../worker/db/schema'

type Created = { user: { id: string; role: string; countyCode: string; unitName: string | null; mustChangePassword: boolean } }

describe('creating accounts', () => {
  it('lets county staff open a unit account for a unit of their county, which signs in first with an activation code', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
    const res = await t.call('POST', '/api/v1/users', { cookie: staff.cookie, body: { role: 'unit', name: '周明', phone: '13922220001', unitId: unit.id } })
    expect(res.status).toBe(201)
    const made = (await res.json()) as Created
    expect(made).toEqual({ user: expect.objectContaining({ role: 'unit', countyCode: PINGQUAN, unitName: '平泉市水务局', mustChangePassword: false }) })
    const [row] = await t.db.select().from(users).where(eq(users.id, made.user.id))
    expect(row!.passwordHash).toBeNull()
    const cookie = await activateAndSignIn(t, '13922220001', await issueCode(t, staff.cookie, made.user.id))
    // The password is their own: no forced change, straight to the unit's work.
    expect((await t.call('GET', '/api/v1/issues', { cookie })).status).toBe(200)
    expect(await t.signIn('13922220001', NEW_PASSWORD)).toMatch(/^npc_session=/)
  })

  it("refuses county staff a unit of another county, or a county staff account (only the city opens those)", async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const foreign = await t.makeUnit(LONGHUA, '隆化县水务局')
    const res = await t.call('POST', '/api/v1/users', { cookie: staff.cookie, body: { role: 'unit', name: '周明', phone: '13922220001', unitId: foreign.id } })
    expect((await errorOf(res)).fields).toEqual({ unitId: '没有这个责任单位，或不属于本县（市、区）' })
    const peer = await t.call('POST', '/api/v1/users', { cookie: staff.cookie, body: { role: 'county_staff', name: '吴芳', phone: '13922220002' } })
    expect(peer.status).toBe(403)
    const city = await t.actor({ role: 'city_staff' })
    const ok = await t.call('POST', '/api/v1/users', { cookie: city.cookie, body: { role: 'county_staff', name: '吴芳', phone: '13922220002', countyCode: LONGHUA } })
    expect(ok.status).toBe(201)
    const dup = await t.call('POST', '/api/v1/users', { cookie: city.cookie, body: { role: 'county_staff', name: '吴芳', phone: '13922220002', countyCode: LONGHUA } })
    expect(dup.status).toBe(409)
  })

  it('lists accounts within scope', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    await t.makeUser({ role: 'unit', countyCode: PINGQUAN, name: '本县单位账号' })
    await t.makeUser({ role: 'unit', countyCode: LONGHUA, name: '外县单位账号' })
    const list = (await (await t.call('GET', '/api/v1/users?role=unit', { cookie: staff.cookie })).json()) as { items: { name: string }[] }
    expect(list.items.map((u) => u.name)).toEqual(['本县单位账号'])
  })
})

describe('resetting a password', () => {
  it("takes the password away, answers no secret and ends the user's sessions; a fresh code lets them back in", async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const before = await issueCode(t, staff.cookie, deputy.user.id)
    const res = await t.call('POST', `/api/v1/users/${deputy.user.id}/reset-password`, { cookie: staff.cookie })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ user: expect.objectContaining({ id: deputy.user.id, mustChangePassword: false }) })
    expect((await t.call('GET', '/api/v1/me', { cookie: deputy.cookie })).status).toBe(401)
    expect((await t.call('POST', '/api/v1/auth/login', { body: { phone: deputy.user.phone, password: 'test-pass-2022' } })).status).toBe(401)
    // A code printed before the reset no longer opens the account.
    expect((await t.call('POST', '/api/v1/auth/activate', { body: { phone: deputy.user.phone, code: before, newPassword: NEW_PASSWORD } })).status).toBe(401)
    const cookie = await activateAndSignIn(t, deputy.user.phone, await issueCode(t, staff.cookie, deputy.user.id))
    expect(((await (await t.call('GET', '/api/v1/me', { cookie })).json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(false)
  })

  it("hides another county's accounts (404) and keeps county staff off staff accounts (403)", async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const foreign = await t.makeUser({ role: 'deputy', countyCode: LONGHUA })
    expect((await t.call('POST', `/api/v1/users/${foreign.id}/reset-password`, { cookie: staff.cookie })).status).toBe(404)
    const peer = await t.makeUser({ role: 'county_staff', countyCode: PINGQUAN })
    expect((await t.call('POST', `/api/v1/users/${peer.id}/reset-password`, { cookie: staff.cookie })).status).toBe(403)
    const deputy = await t.actor({ role: 'deputy' })
    expect((await t.call('POST', `/api/v1/users/${deputy.user.id}/reset-password`, { cookie: deputy.cookie })).status).toBe(403)
  })
})
