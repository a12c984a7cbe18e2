import { describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import writeXlsxFile from 'write-excel-file/node'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN } from '../support/app'
import { activateAndSignIn, issueCode } from '../support/activation'
import { users } from '../../worker/db/schema'

type ImportResult = { created: number; updated: number }
type RowsError = { error: { code: string; message: string; rows: { row: number; message: string }[] } }

const CSV_HEADER = '姓名,手机号,代表层级,县市区,代表小组'
const good = [CSV_HEADER, '王建华,13911110001,乡,平泉市,平泉镇代表小组', '李丽娟,13911110002,county,130881,', '"张""小""明",13911110003,省级,平泉市,杨树岭镇代表小组'].join('\r\n')

async function importCsv(t: Awaited<ReturnType<typeof makeTestApp>>, cookie: string, csv: string) {
  return t.call('POST', '/api/v1/deputies/import', { cookie, body: '\uFEFF' + csv, headers: { 'content-type': 'text/csv; charset=utf-8' } })
}

describe('adding a deputy', () => {
  it('creates a deputy account without a credential, which its owner activates with a printed code', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const res = await t.call('POST', '/api/v1/deputies', { cookie: staff.cookie, body: { name: '孙志强', phone: '13911112222', level: 'township', group: '平泉镇代表小组' } })
    expect(res.status).toBe(201)
    const d = (await res.json()) as { id: string }
    expect(d).toEqual({ id: d.id, name: '孙志强', phone: '13911112222', level: 'township', countyCode: PINGQUAN, group: '平泉镇代表小组', activated: false })
    const [row] = await t.db.select().from(users).where(eq(users.id, d.id))
    expect(row).toMatchObject({ passwordHash: null, mustChangePassword: false })
    const cookie = await activateAndSignIn(t, '13911112222', await issueCode(t, staff.cookie, d.id))
    expect(((await (await t.call('GET', '/api/v1/me', { cookie })).json()) as { user: { name: string } }).user.name).toBe('孙志强')
    expect((await t.call('POST', '/api/v1/deputies', { cookie: staff.cookie, body: { name: '孙志强', phone: '13911112222', level: 'township' } })).status).toBe(409)
  })

  it("refuses another county's deputy for county staff (403), and bad fields (400)", async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    expect((await t.call('POST', '/api/v1/deputies', { cookie: staff.cookie, body: { name: '某', phone: '13911112223', level: 'county', countyCode: LONGHUA } })).status).toBe(403)
    const bad = await t.call('POST', '/api/v1/deputies', { cookie: staff.cookie, body: { name: '', phone: '123', level: 'mayor' } })
    expect(Object.keys((await errorOf(bad)).fields!).sort()).toEqual(['level', 'name', 'phone'])
  })

  it('refuses a county the city does not have, even for city staff (400), and adds no one', async () => {
    const t = await makeTestApp()
    const city = await t.actor({ role: 'city_staff' })
    const res = await t.call('POST', '/api/v1/deputies', { cookie: city.cookie, body: { name: '某', phone: '13911112224', level: 'city', countyCode: '999999' } })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).fields).toEqual({ countyCode: '没有这个县市区' })
    expect((await t.db.select({ n: count() }).from(users).where(eq(users.phone, '13911112224')))[0]!.n).toBe(0)
  })
})

describe('importing a roster', () => {
  it('creates every row of a clean CSV, and a second import of the same file changes nothing', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const first = (await (await importCsv(t, staff.cookie, good)).json()) as ImportResult
    // No secrets in the answer, and no credential in the database: slips are printed later.
    expect(first).toEqual({ created: 3, updated: 0 })
    const made = await t.db.select().from(users).where(eq(users.role, 'deputy'))
    expect(made.map((u) => u.name).sort()).toEqual(['张"小"明', '李丽娟', '王建华'].sort())
    expect(made.every((u) => u.passwordHash === null && !u.mustChangePassword)).toBe(true)
    const [row] = await t.db.select().from(users).where(eq(users.phone, '13911110003'))
    expect(row).toMatchObject({ level: 'provincial', countyCode: PINGQUAN, deputyGroup: '杨树岭镇代表小组' })
    const before = await t.db.select().from(users)
    const again = (await (await importCsv(t, staff.cookie, good)).json()) as ImportResult
    expect(again).toEqual({ created: 0, updated: 0 })
    expect(await t.db.select().from(users)).toEqual(before)
  })

  it('updates a changed name, level or group of a deputy already on the roster', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    await importCsv(t, staff.cookie, good)
    const changed = good.replace('王建华,13911110001,乡', '王建华,13911110001,县')
    expect(await (await importCsv(t, staff.cookie, changed)).json()).toMatchObject({ created: 0, updated: 1 })
  })

  it('names every bad row with its number and reason, and applies nothing', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    await t.makeUser({ role: 'unit', phone: '13911110009' })
    const csv = [
      CSV_HEADER,
      '王建华,13911110001,乡,平泉市,', // fine
      ',1391111,镇,平泉市,', // no name, bad phone, bad level
      '李丽娟,13911110002,县,承德市,', // not a county
      '赵刚,13911110001,县,平泉市,', // duplicate of row 2
      '孙亮,13911110005,县,隆化县,', // another county
      '周勇,13911110009,县,平泉市,', // phone of a unit account
    ].join('\n')
    const res = await importCsv(t, staff.cookie, csv)
    expect(res.status).toBe(400)
    const body = (await res.json()) as RowsError
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.message).toBe('名册中有 5 行有误，未导入任何数据，请修改后重新导入')
    expect(body.error.rows).toEqual([
      { row: 3, message: '缺少姓名；手机号“1391111”格式不正确；代表层级“镇”不正确，应为 全国、省、市、县、乡 之一' },
      { row: 4, message: '县市区“承德市”不存在' },
      { row: 5, message: '手机号与第 2 行重复' },
      { row: 6, message: '只能导入本县（市、区）的代表' },
      { row: 7, message: '该手机号已被其他账号使用' },
    ])
    expect((await t.db.select({ n: count() }).from(users).where(eq(users.role, 'deputy')))[0]!.n).toBe(0)
  })

  it('reads an XLSX roster, sent as the body or as the multipart field "file"', async () => {
    const t = await makeTestApp()
    const city = await t.actor({ role: 'city_staff' })
    const rows = [
      ['姓名', '手机号', '代表层级', '县市区', '代表小组'],
      ['马晓东', 13911110011, '全国', '隆化县', '隆化镇代表小组'],
      ['钱桂兰', '13911110012', '市', '130881', ''],
    ].map((r) => r.map((value) => ({ value })))
    const buffer = await writeXlsxFile(rows).toBuffer()
    const direct = await t.call('POST', '/api/v1/deputies/import', { cookie: city.cookie, body: undefined, headers: {} })
    expect(direct.status).toBe(415)
    const res = await t.app.request('/api/v1/deputies/import', {
      method: 'POST',
      headers: { cookie: city.cookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: buffer,
    })
    expect(await res.json()).toMatchObject({ created: 2, updated: 0 })
    const form = new FormData()
    form.append('file', new File([buffer], '名册.xlsx'))
    const multipart = await t.app.request('/api/v1/deputies/import', { method: 'POST', headers: { cookie: city.cookie }, body: form })
    expect(await multipart.json()).toMatchObject({ created: 0, updated: 0 })
    const [row] = await t.db.select().from(users).where(eq(users.phone, '13911110011'))
    expect(row).toMatchObject({ level: 'national', countyCode: LONGHUA })
  })

  it('refuses a file without the roster columns, and deputies or units importing (403)', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const res = await importCsv(t, staff.cookie, '名字,电话\n王,1')
    expect((await errorOf(res)).message).toContain('名册缺少列：姓名、手机号、代表层级、县市区')
    const deputy = await t.actor({ role: 'deputy' })
    expect((await importCsv(t, deputy.cookie, good)).status).toBe(403)
  })
})
