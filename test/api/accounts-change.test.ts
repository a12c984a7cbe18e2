// Changing accounts and roster entries: who may change whom, stale versions, the last city staff
// account, edits (a new phone is the new sign-in), lists of active and ended entries, the history,
// and city staff opening county and city staff accounts.
import { describe, expect, it } from 'vitest'
import { makeTestApp, errorOf, LONGHUA, PASSWORD, PINGQUAN, type TestApp } from '../support/app'
import type { Role } from '../../worker/core/taxonomy'
import { ok } from '../support/clock'

type Account = { id: string; name: string; role: string; active: boolean; version: number }
type Deputy = { id: string; name: string; phone: string; level: string; group: string | null; active: boolean; version: number }
type History = { action: string; actorId: string; actorName: string; at: string; changes: Record<string, { from: unknown; to: unknown }> }[]

async function versionOf(t: TestApp, id: string) {
  return Number((await t.client.execute({ sql: 'select version from users where id = ?', args: [id] })).rows[0]![0])
}

async function patchUser(t: TestApp, cookie: string, id: string, body: Record<string, unknown>) {
  return t.call('PATCH', `/api/v1/users/${id}`, { cookie, body: { version: await versionOf(t, id), ...body } })
}

describe('who may end whom', () => {
  // actor → target → expected status of PATCH /users/:id { active: false }
  const table: [string, string, number][] = [
    ['county_staff', 'deputy of the county', 200],
    ['county_staff', 'unit of the county', 200],
    ['county_staff', 'county_staff of the county', 403],
    ['county_staff', 'deputy of another county', 404],
    ['county_staff', 'unit of another county', 404],
    ['county_staff', 'city_staff', 404],
    ['city_staff', 'deputy of another county', 200],
    ['city_staff', 'unit of another county', 200],
    ['city_staff', 'county_staff of the county', 200],
    ['city_staff', 'city_staff', 200],
    ['deputy', 'deputy of the county', 403],
    ['unit', 'unit of the county', 403],
  ]
  it.each(table)('%s ending a %s answers %i', async (actorRole, target, status) => {
    const t = await makeTestApp()
    const actor = await t.actor({ role: actorRole as Role, countyCode: actorRole === 'city_staff' ? null : PINGQUAN })
    const role = target.split(' ')[0] as Role
    const made = await t.makeUser({ role, countyCode: role === 'city_staff' ? null : target.includes('another') ? LONGHUA : PINGQUAN })
    const res = await patchUser(t, actor.cookie, made.id, { active: false })
    expect(res.status).toBe(status)
    const active = Number((await t.client.execute({ sql: 'select active from users where id = ?', args: [made.id] })).rows[0]![0])
    expect(active).toBe(status === 200 ? 0 : 1)
  })

  it('lets nobody end their own account', async () => {
    const t = await makeTestApp()
    const city = await t.actor({ role: 'city_staff' })
    await t.makeUser({ role: 'city_staff' })
    const res = await patchUser(t, city.cookie, city.user.id, { active: false })
    expect(res.status).toBe(403)
    expect((await errorOf(res)).message).toBe('不能停用自己的账号')
  })

  it('keeps the last active city staff account, even when two end each other at once', async () => {
    const t = await makeTestApp()
    const a = await t.actor({ role: 'city_staff' })
    const b = await t.actor({ role: 'city_staff' })
    const [ra, rb] = await Promise.all([patchUser(t, a.cookie, b.user.id, { active: false }), patchUser(t, b.cookie, a.user.id, { active: false })])
    // One wins. The other is refused: by the guard in the write (409), or, when the winner's
    // write ended the loser's session before the loser's request was let in, as signed out (401).
    const [winner, loser] = ra.status === 200 ? [ra, rb] : [rb, ra]
    expect(winner.status).toBe(200)
    expect([401, 409]).toContain(loser.status)
    const left = await t.client.execute("select count(*) from users where role = 'city_staff' and active = 1")
    expect(Number(left.rows[0]![0])).toBe(1)
    if (loser.status === 409) expect((await errorOf(loser)).message).toMatch(/至少要保留一个在用的市人大工作人员账号/)
  })

  it('answers a stale version with 409 and the current record, and changes nothing', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const unit = await t.makeUser({ role: 'unit', countyCode: PINGQUAN, name: '周明' })
    expect((await patchUser(t, staff.cookie, unit.id, { name: '周明亮' })).status).toBe(200)
    const stale = await t.call('PATCH', `/api/v1/users/${unit.id}`, { cookie: staff.cookie, body: { version: 1, active: false } })
    expect(stale.status).toBe(409)
    expect((await errorOf(stale)).current).toMatchObject({ id: unit.id, name: '周明亮', active: true, version: 2 })
    const staleDeputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN })
    await ok(t.call('PATCH', `/api/v1/deputies/${staleDeputy.id}`, { cookie: staff.cookie, body: { version: 1, level: 'city' } }), 200)
    const again = await t.call('PATCH', `/api/v1/deputies/${staleDeputy.id}`, { cookie: staff.cookie, body: { version: 1, active: false } })
    expect(again.status).toBe(409)
    expect((await errorOf(again)).current).toMatchObject({ id: staleDeputy.id, level: 'city', active: true, version: 2 })
  })

  it('keeps non-deputies off the roster route (404) and checks the body in Chinese', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const unit = await t.makeUser({ role: 'unit', countyCode: PINGQUAN })
    expect((await t.call('PATCH', `/api/v1/deputies/${unit.id}`, { cookie: staff.cookie, body: { version: 1, name: '某' } })).status).toBe(404)
    const deputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN })
    const bad = await t.call('PATCH', `/api/v1/deputies/${deputy.id}`, { cookie: staff.cookie, body: { version: 1, phone: '123', level: 'mayor' } })
    expect(bad.status).toBe(400)
    expect(Object.keys((await errorOf(bad)).fields!).sort()).toEqual(['level', 'phone'])
    const noVersion = await t.call('PATCH', `/api/v1/users/${deputy.id}`, { cookie: staff.cookie, body: { active: false } })
    expect((await errorOf(noVersion)).fields).toHaveProperty('version')
  })
})

describe('editing a roster entry', () => {
  it('changes name, level, group and phone; the new phone signs in and the old one no longer does', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN, name: '李秀梅' })
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕', phone: '13911110001' })
    const res = await t.call('PATCH', `/api/v1/deputies/${deputy.user.id}`, {
      cookie: staff.cookie,
      body: { version: 1, name: '刘海艳', level: 'city', group: '第三代表小组', phone: '13911110002' },
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { deputy: Deputy }).deputy).toMatchObject({ name: '刘海艳', level: 'city', group: '第三代表小组', phone: '13911110002', active: true, version: 2 })
    const old = await t.call('POST', '/api/v1/auth/login', { body: { phone: '13911110001', password: PASSWORD } })
    expect(old.status).toBe(401)
    expect((await errorOf(old)).code).toBe('invalid_credentials')
    await t.signIn('13911110002')
    // The deputy's open session carries on: a new phone is not a reason to sign out.
    expect((await t.call('GET', '/api/v1/me', { cookie: deputy.cookie })).status).toBe(200)
  })

  it('refuses a phone another account has (409) and changes nothing', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const other = await t.makeUser({ role: 'unit', countyCode: LONGHUA, phone: '13911110009' })
    const deputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕' })
    const res = await t.call('PATCH', `/api/v1/deputies/${deputy.id}`, { cookie: staff.cookie, body: { version: 1, phone: other.phone, name: '刘海艳' } })
    expect(res.status).toBe(409)
    expect((await errorOf(res)).message).toBe('该手机号已被其他账号使用')
    const view = (await (await t.call('GET', `/api/v1/deputies/${deputy.id}`, { cookie: staff.cookie })).json()) as { deputy: Deputy; history: History }
    expect(view.deputy).toMatchObject({ name: '刘海燕', version: 1 })
    expect(view.history).toEqual([])
  })

  it('changes nothing and keeps the version when the body repeats what is there', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕', level: 'county' })
    const res = await t.call('PATCH', `/api/v1/deputies/${deputy.id}`, { cookie: staff.cookie, body: { version: 1, name: '刘海燕', level: 'county', active: true } })
    expect(((await res.json()) as { deputy: Deputy }).deputy.version).toBe(1)
  })
})

describe('the history of an account', () => {
  it('records who changed what and when, shown to staff on the record and not to the account itself', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN, name: '李秀梅' })
    const city = await t.actor({ role: 'city_staff', name: '王建国' })
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕', group: '一组' })
    await ok(t.call('PATCH', `/api/v1/deputies/${deputy.user.id}`, { cookie: staff.cookie, body: { version: 1, name: '刘海艳', group: '' } }), 200)
    await patchUser(t, city.cookie, deputy.user.id, { active: false })
    await patchUser(t, staff.cookie, deputy.user.id, { active: true })
    const view = (await (await t.call('GET', `/api/v1/deputies/${deputy.user.id}`, { cookie: staff.cookie })).json()) as { deputy: Deputy; history: History }
    expect(view.deputy).toMatchObject({ name: '刘海艳', group: null, active: true, version: 4 })
    expect(view.history.map(({ action, actorName, changes }) => ({ action, actorName, changes }))).toEqual([
      { action: 'update', actorName: '李秀梅', changes: { name: { from: '刘海燕', to: '刘海艳' }, group: { from: '一组', to: null } } },
      { action: 'deactivate', actorName: '王建国', changes: { active: { from: true, to: false } } },
      { action: 'reactivate', actorName: '李秀梅', changes: { active: { from: false, to: true } } },
    ])
    expect(view.history.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true)
    const asUser = (await (await t.call('GET', `/api/v1/users/${deputy.user.id}`, { cookie: city.cookie })).json()) as { user: Account; history: History }
    expect(asUser.history).toHaveLength(3)
    const cookie = await t.signIn(deputy.user.phone)
    const own = (await (await t.call('GET', `/api/v1/users/${deputy.user.id}`, { cookie })).json()) as { user: Account; history?: History }
    expect(own.history).toBeUndefined()
    expect((await t.call('GET', `/api/v1/deputies/${deputy.user.id}`, { cookie })).status).toBe(403)
    const foreign = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    expect((await t.call('GET', `/api/v1/deputies/${deputy.user.id}`, { cookie: foreign.cookie })).status).toBe(404)
  })
})

describe('lists of active and ended entries', () => {
  it('show the roster and accounts in use by default, and the ended ones with ?active=false', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const kept = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, name: '在任代表' })
    const ended = await t.makeUser({ role: 'deputy', countyCode: PINGQUAN, name: '离任代表' })
    const unit = await t.makeUser({ role: 'unit', countyCode: PINGQUAN, name: '合并单位' })
    await patchUser(t, staff.cookie, ended.id, { active: false })
    await patchUser(t, staff.cookie, unit.id, { active: false })
    const names = async (path: string) => ((await (await t.call('GET', path, { cookie: staff.cookie })).json()) as { items: { name: string; active: boolean }[] }).items
    expect(await names('/api/v1/deputies')).toEqual([expect.objectContaining({ id: kept.id, name: '在任代表', active: true, version: 1 })])
    expect(await names('/api/v1/deputies?active=false')).toEqual([expect.objectContaining({ name: '离任代表', active: false, version: 2 })])
    expect((await names('/api/v1/users?role=unit')).map((u) => u.name)).toEqual([])
    expect((await names('/api/v1/users?role=unit&active=false')).map((u) => u.name)).toEqual(['合并单位'])
    const bad = await t.call('GET', '/api/v1/deputies?active=yes', { cookie: staff.cookie })
    expect((await errorOf(bad)).fields).toHaveProperty('active')
  })
})

describe('city staff open staff accounts', () => {
  it('lets city staff open county and city staff accounts, and no one else a city staff account', async () => {
    const t = await makeTestApp()
    const city = await t.actor({ role: 'city_staff' })
    const res = await t.call('POST', '/api/v1/users', { cookie: city.cookie, body: { role: 'city_staff', name: '赵专班', phone: '13922220005' } })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { user: Record<string, unknown> }).user).toMatchObject({ role: 'city_staff', countyCode: null, active: true, mustChangePassword: false })
    const county = await t.call('POST', '/api/v1/users', { cookie: city.cookie, body: { role: 'county_staff', name: '吴芳', phone: '13922220006', countyCode: LONGHUA } })
    expect(county.status).toBe(201)
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const refused = await t.call('POST', '/api/v1/users', { cookie: staff.cookie, body: { role: 'city_staff', name: '钱某', phone: '13922220007' } })
    expect(refused.status).toBe(403)
    const list = (await (await t.call('GET', '/api/v1/users?role=city_staff', { cookie: city.cookie })).json()) as { items: { phone: string }[] }
    expect(list.items.map((u) => u.phone)).toContain('13922220005')
  })

  it('lets city staff rename an account, their own included', async () => {
    const t = await makeTestApp()
    const city = await t.actor({ role: 'city_staff', name: '王建国' })
    const res = await patchUser(t, city.cookie, city.user.id, { name: '王建华' })
    expect(((await res.json()) as { user: Account }).user).toMatchObject({ name: '王建华', version: 2 })
    expect(((await (await t.call('GET', '/api/v1/me', { cookie: city.cookie })).json()) as { user: Account }).user.name).toBe('王建华')
  })
})
