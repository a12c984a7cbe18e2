import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import readXlsxFile from 'read-excel-file/node'
import { makeTestApp, PINGQUAN } from '../support/app'
import { fileIssue } from '../support/issues'
import { recordActivity, review } from '../support/activities'
import { places } from '../../worker/db/schema'
import { inertText } from '../../worker/core/spreadsheet'
import { yearInShanghai } from '../../worker/core/dates'

const FORMULAS = ['=HYPERLINK("http://x","点击")', '+1+1', '-2+3', '@SUM(A1)', '＝1+1']

describe('exports never write a cell that starts a formula', () => {
  it('prefixes = + - @ tab and CR (and full-width forms) with an apostrophe', () => {
    for (const f of [...FORMULAS, '\t=1', '\r=1']) expect(inertText(f)).toBe(`'${f}`)
    expect(inertText('整改 =1')).toBe('整改 =1')
  })

  it('neutralises the issue XLSX and CSV alike, a reporter name from an import included', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN, name: '=cmd|"/c calc"!A1' })
    const [title, township, location, description] = FORMULAS
    await fileIssue(t, deputy.cookie, { title, township, location, description })
    const xlsx = await t.call('GET', '/api/v1/issues/export.xlsx', { cookie: staff.cookie })
    const data = (await readXlsxFile(Buffer.from(await xlsx.arrayBuffer())))[0]!.data
    // Row 3 is the header (a title and the export-time line above it).
    const header = data[2] as string[]
    const col = (name: string) => data[3]![header.indexOf(name)]
    expect(col('问题标题')).toBe(`'${title}`)
    expect(col('乡镇（街道）')).toBe(`'${township}`)
    expect(col('具体位置')).toBe(`'${location}`)
    expect(col('问题描述')).toBe(`'${description}`)
    expect(col('反映人')).toBe(`'=cmd|"/c calc"!A1`)
    const cells = data.flat().filter((v): v is string => typeof v === 'string')
    expect(cells.filter((v) => /^[=+\-@＝]/.test(v))).toEqual([])
    const csv = await (await t.call('GET', '/api/v1/issues/export.csv', { cookie: staff.cookie })).text()
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`)
    expect(csv).toContain(`'${location}`)
  })

  it('neutralises the activities ledger', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN, name: '@SUM(A1)' })
    const a = await recordActivity(t, deputy.cookie, { title: FORMULAS[0], description: FORMULAS[1], place: FORMULAS[4] })
    expect((await review(t, staff.cookie, a, 'confirm')).status).toBe(200)
    const res = await t.call('GET', `/api/v1/activities/export.xlsx?year=${yearInShanghai()}`, { cookie: staff.cookie })
    const cells = (await readXlsxFile(Buffer.from(await res.arrayBuffer())))[0]!.data.flat().filter((v): v is string => typeof v === 'string')
    expect(cells).toEqual(expect.arrayContaining([`'${FORMULAS[0]}`, `'${FORMULAS[1]}`, `'${FORMULAS[4]}`, `'@SUM(A1)`]))
    expect(cells.filter((v) => /^[=+\-@＝]/.test(v))).toEqual([])
  })

  it('neutralises the statistics workbook (county and field names included)', async () => {
    const t = await makeTestApp()
    const city = await t.actor({ role: 'city_staff' })
    await t.db.update(places).set({ name: '=1+1' }).where(eq(places.code, PINGQUAN))
    const res = await t.call('GET', `/api/v1/stats/export.xlsx?year=${yearInShanghai()}`, { cookie: city.cookie })
    expect(res.status).toBe(200)
    const sheets = await readXlsxFile(Buffer.from(await res.arrayBuffer()))
    const cells = sheets.flatMap((s) => s.data.flat()).filter((v): v is string => typeof v === 'string')
    expect(cells).toContain(`'=1+1`)
    expect(cells.filter((v) => /^[=+\-@]/.test(v))).toEqual([])
  })
})
