import { describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { strToU8 } from 'fflate'
import { makeTestApp, errorOf, PINGQUAN, type TestApp } from '../support/app'
import { users } from '../../worker/db/schema'
import { inspectXlsx } from '../../worker/imports/xlsx'
import { declareSize, makeXlsx, SHEET, XLSX_TYPE } from '../support/xlsx'

const HEADER = ['姓名', '手机号', '代表层级', '县市区']

/** A header and `rows - 1` rows with a name and a bad phone, or a bomb of identical rows. */
function workbookWithRows(rows: number, { bomb = false } = {}): Uint8Array {
  if (bomb) return makeXlsx([HEADER], { row: ['王建华', '1'], times: rows - 1 })
  return makeXlsx([HEADER, ...Array.from({ length: rows - 1 }, () => ['王建华', '1'])])
}

async function upload(t: TestApp, cookie: string, bytes: Uint8Array) {
  return t.app.request('/api/v1/deputies/import', { method: 'POST', headers: { cookie, 'content-type': XLSX_TYPE }, body: bytes })
}

async function deputies(t: TestApp) {
  return (await t.db.select({ n: count() }).from(users).where(eq(users.role, 'deputy')))[0]!.n
}

describe('upload caps on an imported XLSX', () => {
  it('refuses a small file whose sheet inflates past 20 MB (413), six at once, and imports nothing', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const bomb = workbookWithRows(300_000, { bomb: true })
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const answers = await Promise.all(Array.from({ length: 6 }, () => upload(t, staff.cookie, bomb)))
    for (const res of answers) {
      expect(res.status).toBe(413)
      const error = await errorOf(res)
      expect(error.code).toBe('payload_too_large')
      expect(error.message).toBe('该 Excel 文件解压后超过 20 MB，请删去多余的工作表或内容，或分批导入')
    }
    expect(await deputies(t)).toBe(0)
  })

  it('refuses a sheet of more than 10,000 rows (400) before reading it', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const res = await upload(t, staff.cookie, workbookWithRows(10_001))
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.code).toBe('validation_failed')
    expect(error.fields).toEqual({ file: '文件超过 10,000 行，请分成几个文件分批导入' })
  })

  it('reads a sheet of exactly 10,000 rows', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const res = await upload(t, staff.cookie, workbookWithRows(10_000))
    // The rows are names without phones: read in full, every one reported as a bad row.
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { rows: unknown[] } }
    expect(body.error.rows).toHaveLength(9_999)
  })

  it('holds the budget while inflating when the zip declares a smaller size than it holds', async () => {
    const lying = declareSize(workbookWithRows(300_000, { bomb: true }), SHEET, 1000)
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const res = await upload(t, staff.cookie, lying)
    expect(res.status).toBe(400)
    expect((await errorOf(res)).fields).toEqual({ file: '无法读取该 Excel 文件，请另存为 .xlsx 后重试' })
  })

  it('refuses a zip that declares more than the budget before inflating anything', async () => {
    const declared = declareSize(workbookWithRows(10), SHEET, 21 * 1024 * 1024)
    expect(() => inspectXlsx(declared, { inflatedBytes: 20 * 1024 * 1024, rows: 10_000 })).toThrow(expect.objectContaining({ refusal: { kind: 'too_large' } }))
  })

  it('answers a file that is not a zip at all as unreadable (400)', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const res = await upload(t, staff.cookie, strToU8('姓名,手机号\n'.repeat(100)))
    expect(res.status).toBe(400)
    expect((await errorOf(res)).fields).toEqual({ file: '无法读取该 Excel 文件，请另存为 .xlsx 后重试' })
  })
})

describe('upload caps on an imported CSV and multipart', () => {
  it('refuses a CSV of more than 10,000 rows (400)', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const csv = ['姓名,手机号,代表层级,县市区', ...Array.from({ length: 10_000 }, () => '王,1,县,平泉市')].join('\n')
    const res = await t.call('POST', '/api/v1/deputies/import', { cookie: staff.cookie, body: csv, headers: { 'content-type': 'text/csv' } })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).fields).toEqual({ file: '文件超过 10,000 行，请分成几个文件分批导入' })
  })

  it('applies the XLSX caps to a multipart upload too', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const form = new FormData()
    form.append('file', new File([workbookWithRows(300_000, { bomb: true })], '名册.xlsx'))
    const res = await t.app.request('/api/v1/deputies/import', { method: 'POST', headers: { cookie: staff.cookie }, body: form })
    expect(res.status).toBe(413)
  })
})
