import { describe, expect, it } from 'vitest'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN } from '../support/app'

interface Page {
  items: { id: string; name: string; countyCode: string; level: string; phone: string; group: string | null }[]
  nextCursor: string | null
}

describe('reading accounts across counties', () => {
  it("hides another county's user records from county staff (404), shows their own", async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const own = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕' })
    const other = await t.makeUser({ role: 'deputy', countyCode: LONGHUA, name: '赵永福' })
    const ok = await t.call('GET', `/api/v1/users/${own.id}`, { cookie })
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { user: { name: string } }).user.name).toBe('刘海燕')
    const hidden = await t.call('GET', `/api/v1/users/${other.id}`, { cookie })
    expect(hidden.status).toBe(404)
    expect(await errorOf(hidden)).toEqual({ code: 'not_found', message: '记录不存在或您无权查看' })
    // Outside the scope looks exactly like not existing at all.
    const missing = await t.call('GET', `/api/v1/users/${crypto.randomUUID()}`, { cookie })
    expect(await errorOf(missing)).toEqual(await errorOf(await t.call('GET', `/api/v1/users/${other.id}`, { cookie })))
  })

  it('lets city staff read any county, and deputies and units only themselves', async () => {
    const t = await makeTestApp()
    const city = await t.actor({ role: 'city_staff' })
    const deputy = await t.actor({ role: 'deputy', countyCode: LONGHUA })
    const unit = await t.actor({ role: 'unit', countyCode: LONGHUA })
    expect((await t.call('GET', `/api/v1/users/${deputy.user.id}`, { cookie: city.cookie })).status).toBe(200)
    expect((await t.call('GET', `/api/v1/users/${deputy.user.id}`, { cookie: deputy.cookie })).status).toBe(200)
    expect((await t.call('GET', `/api/v1/users/${unit.user.id}`, { cookie: deputy.cookie })).status).toBe(404)
    expect((await t.call('GET', `/api/v1/users/${deputy.user.id}`, { cookie: unit.cookie })).status).toBe(404)
  })

  it('never includes the password hash in an account record', async () => {
    const t = await makeTestApp()
    const { user, cookie } = await t.actor({ role: 'county_staff' })
    const text = await (await t.call('GET', `/api/v1/users/${user.id}`, { cookie })).text()
    expect(text).not.toMatch(/pbkdf2|password_hash|passwordHash/)
  })
})

describe('the deputies roster', () => {
  it("lists only the staff member's own county, even when another is asked for", async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕' })
    await t.makeUser({ role: 'deputy', countyCode: LONGHUA, name: '赵永福' })
    const mine = (await (await t.call('GET', '/api/v1/deputies', { cookie })).json()) as Page
    expect(mine.items.map((d) => d.name)).toEqual(['刘海燕'])
    const theirs = (await (await t.call('GET', `/api/v1/deputies?countyCode=${LONGHUA}`, { cookie })).json()) as Page
    expect(theirs).toEqual({ items: [], nextCursor: null })
  })

  it('lists every county for city staff, or one when filtered', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'city_staff' })
    await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕' })
    await t.makeUser({ role: 'deputy', countyCode: LONGHUA, name: '赵永福' })
    const all = (await (await t.call('GET', '/api/v1/deputies', { cookie })).json()) as Page
    expect(all.items.map((d) => d.name).sort()).toEqual(['刘海燕', '赵永福'])
    const one = (await (await t.call('GET', `/api/v1/deputies?countyCode=${LONGHUA}`, { cookie })).json()) as Page
    expect(one.items.map((d) => d.name)).toEqual(['赵永福'])
  })

  it('refuses deputies and units (403)', async () => {
    const t = await makeTestApp()
    for (const role of ['deputy', 'unit'] as const) {
      const { cookie } = await t.actor({ role })
      const res = await t.call('GET', '/api/v1/deputies', { cookie })
      expect(res.status).toBe(403)
      expect((await errorOf(res)).code).toBe('forbidden')
    }
  })

  it('searches part of a name or phone, taking % and _ literally', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'county_staff' })
    await t.makeUser({ role: 'deputy', name: '王建华', phone: '13912340001' })
    await t.makeUser({ role: 'deputy', name: '李丽娟', phone: '13912340002' })
    const byName = (await (await t.call('GET', `/api/v1/deputies?q=${encodeURIComponent('建华')}`, { cookie })).json()) as Page
    expect(byName.items.map((d) => d.name)).toEqual(['王建华'])
    const byPhone = (await (await t.call('GET', '/api/v1/deputies?q=40002', { cookie })).json()) as Page
    expect(byPhone.items.map((d) => d.name)).toEqual(['李丽娟'])
    const wildcard = (await (await t.call('GET', '/api/v1/deputies?q=%25', { cookie })).json()) as Page
    expect(wildcard.items).toEqual([])
  })

  it('pages newest first with a cursor that neither skips nor repeats when deputies are added', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'county_staff' })
    const base = Date.parse('2026-01-01T00:00:00Z')
    for (let i = 0; i < 5; i++) {
      await t.makeUser({ role: 'deputy', name: `代表${i}`, createdAt: new Date(base + i * 1000).toISOString() })
    }
    const first = (await (await t.call('GET', '/api/v1/deputies?limit=2', { cookie })).json()) as Page
    expect(first.items.map((d) => d.name)).toEqual(['代表4', '代表3'])
    await t.makeUser({ role: 'deputy', name: '新代表', createdAt: new Date(base + 10_000).toISOString() })
    const second = (await (await t.call('GET', `/api/v1/deputies?limit=2&cursor=${first.nextCursor}`, { cookie })).json()) as Page
    expect(second.items.map((d) => d.name)).toEqual(['代表2', '代表1'])
    const third = (await (await t.call('GET', `/api/v1/deputies?limit=2&cursor=${second.nextCursor}`, { cookie })).json()) as Page
    expect(third).toMatchObject({ items: [{ name: '代表0' }], nextCursor: null })
  })

  it('rejects a bad limit, level or cursor in Chinese', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'county_staff' })
    const limit = await t.call('GET', '/api/v1/deputies?limit=500', { cookie })
    expect((await errorOf(limit)).fields).toEqual({ limit: '每页条数最多为 200' })
    const level = await t.call('GET', '/api/v1/deputies?level=mayor', { cookie })
    expect((await errorOf(level)).fields?.level).toContain('代表层级')
    const cursor = await t.call('GET', '/api/v1/deputies?cursor=garbage', { cookie })
    expect(cursor.status).toBe(400)
    expect((await errorOf(cursor)).code).toBe('bad_request')
  })
})
