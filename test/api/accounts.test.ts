import { describe, expect, it } from 'vitest'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN } from '../support/app'

type Created = { user: { id: string; role: string; countyCode: string; unitName: string | null; mustChangePassword: boolean }; temporaryPassword: string }

describe('creating accounts', () => {
  it('lets county staff open a unit account for a unit of their county, with a forced password change', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
    const res = await t.call('POST', '/api/v1/users', { cookie: staff.cookie, body: { role: 'unit', name: '周明', phone: '13922220001', unitId: unit.id } })
    expect(res.status).toBe(201)
    const made = (await res.json()) as Created
    expect(made.user).toMatchObject({ role: 'unit', countyCode: PINGQUAN, unitName: '平泉市水务局', mustChangePassword: true })
    const cookie = await t.signIn('13922220001', made.temporaryPassword)
    expect((await t.call('GET', '/api/v1/issues', { cookie })).status).toBe(403)
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
  it('issues a new temporary password, forces a change and ends the user\'s sessions', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const res = await t.call('POST', `/api/v1/users/${deputy.user.id}/reset-password`, { cookie: staff.cookie })
    expect(res.status).toBe(200)
    const { temporaryPassword } = (await res.json()) as { temporaryPassword: string }
    expect((await t.call('GET', '/api/v1/me', { cookie: deputy.cookie })).status).toBe(401)
    const cookie = await t.signIn(deputy.user.phone, temporaryPassword)
    expect(((await (await t.call('GET', '/api/v1/me', { cookie })).json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true)
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
