import { describe, expect, it } from 'vitest'
import { errorOf, LONGHUA, makeTestApp, PINGQUAN, type TestApp } from '../support/app'

const SEVEN = ['key_projects', 'business_env', 'groundwater', 'rural_living', 'waste_sorting', 'rural_industry', 'dev_zones']

async function roster(t: TestApp, countyCode = PINGQUAN) {
  const levels = ['national', 'provincial', 'city', 'county', 'township'] as const
  return Promise.all(levels.map((level, i) => t.makeUser({ role: 'deputy', countyCode, level, name: `代表${'甲乙丙丁戊'[i]}` })))
}

const groupBody = (memberIds: string[], overrides: Record<string, unknown> = {}) => ({
  name: '乡村产业发展代表小组',
  year: 2024,
  fieldCodes: ['rural_industry'],
  leaderId: memberIds[0],
  memberIds,
  ...overrides,
})

interface Group {
  id: string
  version: number
  name: string
  countyCode: string
  fieldCodes: string[]
  leaderId: string | null
  members: { id: string; level: string }[]
}

describe('deputy groups', () => {
  it('lets county staff form a mixed group of their roster and read it back with its members', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputies = await roster(t)
    const res = await t.call('POST', '/api/v1/groups', { cookie: staff.cookie, body: groupBody(deputies.map((d) => d.id), { fieldCodes: ['rural_industry', 'rural_living'] }) })
    expect(res.status).toBe(201)
    const created = (await res.json()) as { id: string; version: number; group: Group }
    expect(created.version).toBe(1)
    expect(created.group).toMatchObject({ countyCode: PINGQUAN, year: 2024, leaderId: deputies[0]!.id, fieldCodes: ['rural_living', 'rural_industry'] })
    const read = (await (await t.call('GET', `/api/v1/groups/${created.id}`, { cookie: staff.cookie })).json()) as { group: Group }
    expect(read.group.members.map((m) => m.level).sort()).toEqual(['city', 'county', 'national', 'provincial', 'township'])
    const list = (await (await t.call('GET', '/api/v1/groups?year=2024', { cookie: staff.cookie })).json()) as { items: { id: string; memberCount: number; leaderName: string }[] }
    expect(list.items).toEqual([expect.objectContaining({ id: created.id, memberCount: 5, leaderName: '代表甲' })])
    const otherYear = (await (await t.call('GET', '/api/v1/groups?year=2023', { cookie: staff.cookie })).json()) as { items: unknown[] }
    expect(otherYear.items).toEqual([])
  })

  it("keeps a county's groups from another county's staff (404, empty list, 403 to create there) and shows the city all", async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const other = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    const city = await t.actor({ role: 'city_staff' })
    const deputies = await roster(t)
    const { id } = (await (await t.call('POST', '/api/v1/groups', { cookie: staff.cookie, body: groupBody(deputies.map((d) => d.id)) })).json()) as { id: string }
    expect((await t.call('GET', `/api/v1/groups/${id}`, { cookie: other.cookie })).status).toBe(404)
    expect((await t.call('PATCH', `/api/v1/groups/${id}`, { cookie: other.cookie, body: { version: 1, name: '改名' } })).status).toBe(404)
    const asked = (await (await t.call('GET', `/api/v1/groups?year=2024&countyCode=${PINGQUAN}`, { cookie: other.cookie })).json()) as { items: unknown[] }
    expect(asked.items).toEqual([])
    const there = await t.call('POST', '/api/v1/groups', { cookie: other.cookie, body: groupBody(deputies.map((d) => d.id), { countyCode: PINGQUAN }) })
    expect(there.status).toBe(403)
    const longhua = await roster(t, LONGHUA)
    expect((await t.call('POST', '/api/v1/groups', { cookie: city.cookie, body: groupBody(longhua.map((d) => d.id), { countyCode: LONGHUA }) })).status).toBe(201)
    const all = (await (await t.call('GET', '/api/v1/groups?year=2024', { cookie: city.cookie })).json()) as { items: { countyCode: string }[] }
    expect(all.items.map((g) => g.countyCode).sort()).toEqual([LONGHUA, PINGQUAN].sort())
    expect((await t.call('GET', `/api/v1/groups/${id}`, { cookie: city.cookie })).status).toBe(200)
  })

  it('refuses a leader outside the group, fields not of the year, no field and no theme, strangers and a second group of the same name, writing nothing', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputies = await roster(t)
    const ids = deputies.map((d) => d.id)
    const outsider = await t.makeUser({ role: 'deputy', countyCode: LONGHUA })
    const unit = await t.makeUser({ role: 'unit', countyCode: PINGQUAN })
    const post = (body: unknown) => t.call('POST', '/api/v1/groups', { cookie: staff.cookie, body })
    expect((await errorOf(await post(groupBody(ids.slice(1), { leaderId: ids[0] })))).fields).toEqual({ leaderId: '组长须是小组成员' })
    expect((await errorOf(await post(groupBody(ids, { fieldCodes: ['space'] })))).fields).toEqual({ fieldCodes: '2024 年没有这些监督领域：space' })
    expect((await errorOf(await post(groupBody(ids, { fieldCodes: [] })))).fields).toEqual({ fieldCodes: '请至少选择一个监督领域，或填写小组主题' })
    expect((await errorOf(await post(groupBody([...ids, outsider.id, unit.id])))).fields).toEqual({ memberIds: '有 2 名成员不是本县（市、区）名册中的在册代表' })
    expect((await errorOf(await post(groupBody(ids, { memberIds: [] })))).fields).toEqual({ memberIds: '请至少选择一名成员' })
    const list = async () => ((await (await t.call('GET', '/api/v1/groups?year=2024', { cookie: staff.cookie })).json()) as { items: unknown[] }).items
    expect(await list()).toEqual([])
    expect((await post(groupBody(ids, { fieldCodes: [], theme: '民生实事' }))).status).toBe(201)
    const again = await post(groupBody(ids, { fieldCodes: [], theme: '民生实事' }))
    expect(again.status).toBe(409)
    expect((await errorOf(again)).message).toBe('本县（市、区）该年度已有同名的代表小组')
    expect(await list()).toHaveLength(1)
  })

  it('is read by its members only among deputies, and managed by staff only', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const member = await t.actor({ role: 'deputy', countyCode: PINGQUAN, name: '组员' })
    const outside = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const others = await roster(t)
    const ids = [member.user.id, ...others.map((d) => d.id)]
    const { id } = (await (await t.call('POST', '/api/v1/groups', { cookie: staff.cookie, body: groupBody(ids) })).json()) as { id: string }
    const mine = (await (await t.call('GET', '/api/v1/groups?year=2024', { cookie: member.cookie })).json()) as { items: { id: string }[] }
    expect(mine.items.map((g) => g.id)).toEqual([id])
    expect((await t.call('GET', `/api/v1/groups/${id}`, { cookie: member.cookie })).status).toBe(200)
    expect((await (await t.call('GET', '/api/v1/groups?year=2024', { cookie: outside.cookie })).json()) as { items: unknown[] }).toEqual({ items: [] })
    expect((await t.call('GET', `/api/v1/groups/${id}`, { cookie: outside.cookie })).status).toBe(404)
    expect((await t.call('POST', '/api/v1/groups', { cookie: member.cookie, body: groupBody(ids) })).status).toBe(403)
    expect((await t.call('PATCH', `/api/v1/groups/${id}`, { cookie: member.cookie, body: { version: 1, name: '改名' } })).status).toBe(403)
    const unit = await t.actor({ role: 'unit', countyCode: PINGQUAN })
    expect((await t.call('GET', '/api/v1/groups?year=2024', { cookie: unit.cookie })).status).toBe(403)
  })

  describe('changed with the version the editor saw', () => {
    async function formed() {
      const t = await makeTestApp()
      const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
      const deputies = await roster(t)
      const ids = deputies.map((d) => d.id)
      const { id } = (await (await t.call('POST', '/api/v1/groups', { cookie: staff.cookie, body: groupBody(ids.slice(0, 3)) })).json()) as { id: string }
      const patch = (body: unknown) => t.call('PATCH', `/api/v1/groups/${id}`, { cookie: staff.cookie, body })
      return { t, staff, ids, id, patch }
    }

    it('changes name, fields, leader and members, and answers the group at the next version', async () => {
      const { ids, patch } = await formed()
      const res = await patch({ version: 1, name: '开发区提升代表小组', fieldCodes: ['dev_zones'], leaderId: ids[4], memberIds: [ids[1], ids[3], ids[4]] })
      expect(res.status).toBe(200)
      const { group } = (await res.json()) as { group: Group }
      expect(group).toMatchObject({ version: 2, name: '开发区提升代表小组', fieldCodes: ['dev_zones'], leaderId: ids[4] })
      expect(group.members.map((m) => m.id).sort()).toEqual([ids[1], ids[3], ids[4]].sort())
    })

    it('refuses a new leader who is not a member, and a stale version with the group as it is now (409), changing nothing', async () => {
      const { ids, patch, t, staff, id } = await formed()
      expect((await errorOf(await patch({ version: 1, leaderId: ids[4] }))).fields).toEqual({ leaderId: '组长须是小组成员' })
      expect((await errorOf(await patch({ version: 1, memberIds: [ids[1]] }))).fields).toEqual({ leaderId: '组长须是小组成员' })
      expect((await patch({ version: 1, name: '第一次修改' })).status).toBe(200)
      const stale = await patch({ version: 1, name: '第二次修改', memberIds: [ids[0]!] })
      expect(stale.status).toBe(409)
      expect((await errorOf(stale)).current).toMatchObject({ version: 2, name: '第一次修改' })
      const { group } = (await (await t.call('GET', `/api/v1/groups/${id}`, { cookie: staff.cookie })).json()) as { group: Group }
      expect(group).toMatchObject({ version: 2, name: '第一次修改' })
      expect(group.members).toHaveLength(3)
    })

    it('takes exactly one of two changes sent at the same moment: the other is 409 and leaves no member of its own', async () => {
      const { ids, patch, t, staff, id } = await formed()
      const [a, b] = await Promise.all([patch({ version: 1, memberIds: [ids[0], ids[3]] }), patch({ version: 1, memberIds: [ids[0], ids[4]] })])
      expect([a.status, b.status].sort()).toEqual([200, 409])
      const winner = a.status === 200 ? ids[3] : ids[4]
      const { group } = (await (await t.call('GET', `/api/v1/groups/${id}`, { cookie: staff.cookie })).json()) as { group: Group }
      expect(group.members.map((m) => m.id).sort()).toEqual([ids[0], winner].sort())
      expect(group.version).toBe(2)
    })
  })
})

describe('coverage of the fields by groups (GET /stats/groups)', () => {
  it('names, for every county, the fields of the year with no group; county staff see their own row', async () => {
    const t = await makeTestApp()
    const city = await t.actor({ role: 'city_staff' })
    const deputies = await roster(t)
    const ids = deputies.map((d) => d.id)
    const post = (name: string, fieldCodes: string[]) => t.call('POST', '/api/v1/groups', { cookie: city.cookie, body: groupBody(ids, { name, fieldCodes, countyCode: PINGQUAN }) })
    expect((await post('第一组', SEVEN.slice(0, 4))).status).toBe(201)
    expect((await post('第二组', SEVEN.slice(3, 6))).status).toBe(201)
    const before = (await (await t.call('GET', '/api/v1/stats/groups?year=2024', { cookie: city.cookie })).json()) as {
      fieldCodes: string[]
      rows: { countyCode: string; groups: number; covered: string[]; missing: string[]; complete: boolean }[]
    }
    expect(before.fieldCodes).toEqual(SEVEN)
    expect(before.rows).toHaveLength(12)
    expect(before.rows.find((r) => r.countyCode === PINGQUAN)).toEqual({ countyCode: PINGQUAN, groups: 2, covered: SEVEN.slice(0, 6), missing: ['dev_zones'], complete: false })
    expect(before.rows.find((r) => r.countyCode === LONGHUA)).toEqual({ countyCode: LONGHUA, groups: 0, covered: [], missing: SEVEN, complete: false })
    expect((await post('第三组', ['dev_zones'])).status).toBe(201)
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const after = (await (await t.call('GET', '/api/v1/stats/groups?year=2024', { cookie: staff.cookie })).json()) as { rows: unknown[] }
    expect(after.rows).toEqual([{ countyCode: PINGQUAN, groups: 3, covered: SEVEN, missing: [], complete: true }])
    const lastYear = (await (await t.call('GET', '/api/v1/stats/groups?year=2023', { cookie: staff.cookie })).json()) as { rows: unknown[] }
    expect(lastYear.rows).toEqual([{ countyCode: PINGQUAN, groups: 0, covered: [], missing: SEVEN, complete: false }])
  })

  it('follows a change of fields and is staff work (deputies 403)', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputies = await roster(t)
    const res = await t.call('POST', '/api/v1/groups', { cookie: staff.cookie, body: groupBody(deputies.map((d) => d.id), { fieldCodes: SEVEN }) })
    const { id } = (await res.json()) as { id: string }
    expect((await t.call('PATCH', `/api/v1/groups/${id}`, { cookie: staff.cookie, body: { version: 1, fieldCodes: ['groundwater'] } })).status).toBe(200)
    const rows = ((await (await t.call('GET', '/api/v1/stats/groups?year=2024', { cookie: staff.cookie })).json()) as { rows: { missing: string[] }[] }).rows
    expect(rows[0]!.missing).toEqual(SEVEN.filter((f) => f !== 'groundwater'))
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    expect((await t.call('GET', '/api/v1/stats/groups?year=2024', { cookie: deputy.cookie })).status).toBe(403)
    expect((await errorOf(await t.call('GET', '/api/v1/stats/groups', { cookie: staff.cookie }))).code).toBe('validation_failed')
  })
})
