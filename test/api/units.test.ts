import { describe, expect, it } from 'vitest'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN } from '../support/app'
import { ok } from '../support/clock'

type Units = { items: { id: string; name: string; countyCode: string }[] }

describe('responsible units', () => {
  it("lets county staff add and list their county's units only", async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    await t.makeUnit(LONGHUA, '隆化县水务局')
    const res = await t.call('POST', '/api/v1/units', { cookie: staff.cookie, body: { name: '平泉市水务局' } })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ name: '平泉市水务局', countyCode: PINGQUAN })
    const list = (await (await t.call('GET', '/api/v1/units', { cookie: staff.cookie })).json()) as Units
    expect(list.items.map((u) => u.name)).toEqual(['平泉市水务局'])
    const other = (await (await t.call('GET', `/api/v1/units?countyCode=${LONGHUA}`, { cookie: staff.cookie })).json()) as Units
    expect(other.items).toEqual([])
    const foreign = await t.call('POST', '/api/v1/units', { cookie: staff.cookie, body: { name: '隆化县农业农村局', countyCode: LONGHUA } })
    expect(foreign.status).toBe(403)
  })

  it('refuses a duplicate name in the same county (409)', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    await ok(t.call('POST', '/api/v1/units', { cookie: staff.cookie, body: { name: '平泉市水务局' } }), 201)
    const again = await t.call('POST', '/api/v1/units', { cookie: staff.cookie, body: { name: '平泉市水务局' } })
    expect(again.status).toBe(409)
    expect((await errorOf(again)).message).toBe('本县（市、区）已有同名的责任单位')
  })

  it('makes city staff name the county, and lets them list every county', async () => {
    const t = await makeTestApp()
    const city = await t.actor({ role: 'city_staff' })
    const none = await t.call('POST', '/api/v1/units', { cookie: city.cookie, body: { name: '某局' } })
    expect((await errorOf(none)).fields).toEqual({ countyCode: '请选择县市区' })
    expect((await t.call('POST', '/api/v1/units', { cookie: city.cookie, body: { name: '隆化县水务局', countyCode: LONGHUA } })).status).toBe(201)
    expect((await t.call('POST', '/api/v1/units', { cookie: city.cookie, body: { name: '平泉市水务局', countyCode: PINGQUAN } })).status).toBe(201)
    const all = (await (await t.call('GET', '/api/v1/units', { cookie: city.cookie })).json()) as Units
    expect(all.items).toHaveLength(2)
  })

  it('refuses deputies and units (403), and an empty name (400)', async () => {
    const t = await makeTestApp()
    for (const role of ['deputy', 'unit'] as const) {
      const { cookie } = await t.actor({ role })
      expect((await t.call('GET', '/api/v1/units', { cookie })).status).toBe(403)
      expect((await t.call('POST', '/api/v1/units', { cookie, body: { name: '某局' } })).status).toBe(403)
    }
    const staff = await t.actor({ role: 'county_staff' })
    const empty = await t.call('POST', '/api/v1/units', { cookie: staff.cookie, body: { name: ' ' } })
    expect((await errorOf(empty)).fields).toEqual({ name: '请填写单位名称' })
  })
})
