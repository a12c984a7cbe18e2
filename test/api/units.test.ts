import { describe, expect, it } from 'vitest'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN } from '../support/app'
import { ok } from '../support/clock'

type Unit = { id: string; name: string; countyCode: string; version: number }
type Units = { items: Unit[] }

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

  it('renames a unit of their county with its version, and refuses a stale version, a name the county has and another county (404)', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const city = await t.actor({ role: 'city_staff' })
    const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
    await t.makeUnit(PINGQUAN, '平泉市林业局')
    const foreign = await t.makeUnit(LONGHUA, '隆化县水务局')
    const rename = (cookie: string, id: string, body: object) => t.call('PATCH', `/api/v1/units/${id}`, { cookie, body })
    const renamed = await rename(staff.cookie, unit.id, { version: 1, name: ' 平泉市水利局 ' })
    expect(renamed.status).toBe(200)
    expect(await renamed.json()).toEqual({ id: unit.id, name: '平泉市水利局', countyCode: PINGQUAN, version: 2 })
    // A colleague working from the list as it was: told who won, and nothing changes.
    const stale = await rename(staff.cookie, unit.id, { version: 1, name: '平泉市水务和水利局' })
    expect(stale.status).toBe(409)
    expect((await errorOf(stale)).current).toEqual({ id: unit.id, name: '平泉市水利局', countyCode: PINGQUAN, version: 2 })
    const taken = await rename(staff.cookie, unit.id, { version: 2, name: '平泉市林业局' })
    expect(taken.status).toBe(409)
    expect((await errorOf(taken)).message).toBe('本县（市、区）已有同名的责任单位')
    expect((await rename(staff.cookie, foreign.id, { version: 1, name: '隆化县水利局' })).status).toBe(404)
    expect((await errorOf(await rename(staff.cookie, unit.id, { version: 2, name: '' }))).fields).toEqual({ name: '请填写单位名称' })
    // The city renames any county's unit.
    expect((await rename(city.cookie, foreign.id, { version: 1, name: '隆化县水利局' })).status).toBe(200)
    const list = async (cookie: string, county: string) => ((await (await t.call('GET', `/api/v1/units?countyCode=${county}`, { cookie })).json()) as Units).items
    expect((await list(staff.cookie, PINGQUAN)).map((u) => [u.name, u.version])).toEqual([
      ['平泉市林业局', 1],
      ['平泉市水利局', 2],
    ])
    expect((await list(city.cookie, LONGHUA)).map((u) => u.name)).toEqual(['隆化县水利局'])
    for (const role of ['deputy', 'unit'] as const) {
      const { cookie } = await t.actor({ role })
      expect((await rename(cookie, unit.id, { version: 2, name: '某局' })).status).toBe(403)
    }
  })

  it('renames once when two staff rename at the same moment: the other is told it changed', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
    const names = ['平泉市水利局', '平泉市水务和水利局', '平泉市水资源局', '平泉市河湖局']
    const answers = await Promise.all(names.map((name) => t.call('PATCH', `/api/v1/units/${unit.id}`, { cookie: staff.cookie, body: { version: 1, name } })))
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409])
    const won = (await answers.find((r) => r.status === 200)!.json()) as Unit
    const [now] = ((await (await t.call('GET', '/api/v1/units', { cookie: staff.cookie })).json()) as Units).items
    expect(now).toEqual(won)
  })
})
