// The three office exports (issue ledger, statistics ledger, activities ledger) read back with
// exceljs — another library than the one that wrote them — as an office program reads them: the
// title row and export-time line, dates that are dates, numbers that are numbers, one font, the
// header repeated on every printed page, A4 landscape one page wide, page numbers in the footer.
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { LONGHUA, PINGQUAN } from '../support/app'
import { officeExports, type OfficeExport } from '../support/office-exports'
import { recordActivity } from '../support/activities'
import { HEADER_ROW } from '../../worker/core/office-sheet'

type Setup = Awaited<ReturnType<typeof officeExports>>
let s: Setup

async function open(file: OfficeExport) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer)
  return wb
}

/** Every cell with something in it, from the header row down. */
function tableCells(ws: ExcelJS.Worksheet) {
  const out: ExcelJS.Cell[] = []
  ws.eachRow((row, r) => {
    if (r >= HEADER_ROW) row.eachCell((cell) => out.push(cell))
  })
  return out
}

/** The column of a header (1-based), on the header row. */
function column(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0
  ws.getRow(HEADER_ROW).eachCell((cell, c) => {
    if (cell.value === header) found = c
  })
  if (!found) throw new Error(`no column ${header}`)
  return found
}

beforeAll(async () => {
  s = await officeExports(12)
}, 120_000)

describe('the exports as office documents', () => {
  it('name the files by place, ledger, year and day', () => {
    const day = /-\d{8}\.xlsx$/
    expect(s.files.issues.fileName).toMatch(new RegExp(`^平泉市-问题清单台账-${s.year}年${day.source}`))
    expect(s.files.stats.fileName).toMatch(new RegExp(`^平泉市-统计台账-${s.year}年${day.source}`))
    expect(s.files.activities.fileName).toMatch(new RegExp(`^平泉市-履职活动台账-${s.year}年${day.source}`))
  })

  it('open with a title row across the table, an export-time line and the header under it', async () => {
    const titles: Record<string, string> = {
      issues: `平泉市“5+2”联动监督问题清单台账（${s.year}年）`,
      stats: `平泉市“5+2”联动监督问题整改统计台账（${s.year}年）`,
      activities: `平泉市“高质量发展惠民生，人大代表展风采”代表履职活动台账（${s.year}年）`,
    }
    for (const [name, title] of Object.entries(titles)) {
      const ws = (await open(s.files[name as keyof Setup['files']])).worksheets[0]!
      expect(ws.getCell('A1').value, name).toBe(title)
      expect(ws.getCell('A1').font.bold, name).toBe(true)
      // The title and the export-time line span every column of the table.
      expect(ws.getCell(1, ws.getRow(HEADER_ROW).cellCount).isMerged, name).toBe(true)
      expect(String(ws.getCell('A2').value), name).toMatch(/^导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/)
      expect(ws.getRow(HEADER_ROW).getCell(1).font.bold, name).toBe(true)
    }
  })

  it('set every sheet up to print: A4 landscape, one page wide, header row on every page, page numbers', async () => {
    for (const file of Object.values(s.files)) {
      for (const ws of (await open(file)).worksheets) {
        const where = `${file.name}/${ws.name}`
        expect(ws.pageSetup, where).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` })
        expect(ws.headerFooter.oddFooter, where).toBe('&C第 &P 页，共 &N 页')
        expect(ws.views[0], where).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW })
      }
    }
  })

  it('write every cell in one font and size, the 合计 rows too, with borders around the table', async () => {
    for (const file of Object.values(s.files)) {
      for (const ws of (await open(file)).worksheets) {
        const cells = [ws.getCell('A1'), ws.getCell('A2'), ...tableCells(ws)]
        const fonts = new Set(cells.map((c) => `${c.font?.name} ${c.font?.size}`))
        expect([...fonts], `${file.name}/${ws.name}`).toEqual(['宋体 11'])
        const unbordered = tableCells(ws).filter((c) => c.border?.left?.style !== 'thin' || c.border?.bottom?.style !== 'thin')
        expect(unbordered.map((c) => c.address), `${file.name}/${ws.name}`).toEqual([])
      }
    }
    const stats = await open(s.files.stats)
    for (const ws of stats.worksheets.slice(0, 2)) {
      const last = ws.getRow(ws.rowCount)
      expect(last.getCell(1).value).toBe('合计')
      expect(last.getCell(1).font).toMatchObject({ name: '宋体', size: 11, bold: true })
    }
  })

  it('write dates as date cells shown yyyy-mm-dd and counts as numbers', async () => {
    const issues = (await open(s.files.issues)).worksheets[0]!
    const found = issues.getCell(HEADER_ROW + 1, column(issues, '发现日期'))
    expect(found.type).toBe(ExcelJS.ValueType.Date)
    expect(found.numFmt).toBe('yyyy-mm-dd')
    expect((found.value as Date).toISOString().slice(0, 4)).toBe(String(s.year))
    const deadlines = [...Array(issues.rowCount - HEADER_ROW).keys()].map((i) => issues.getCell(HEADER_ROW + 1 + i, column(issues, '整改时限')))
    expect(deadlines.some((c) => c.type === ExcelJS.ValueType.Date && c.numFmt === 'yyyy-mm-dd')).toBe(true)
    // An issue without a deadline leaves the cell empty, never a text "".
    expect(deadlines.every((c) => c.type === ExcelJS.ValueType.Date || c.type === ExcelJS.ValueType.Null)).toBe(true)
    expect(issues.getCell(HEADER_ROW + 1, column(issues, '督办次数')).type).toBe(ExcelJS.ValueType.Number)
    expect(issues.getCell(HEADER_ROW + 1, column(issues, '编号')).value).toMatch(new RegExp(`^平泉-${s.year}-\\d{4}$`))
    // Long text wraps.
    expect(issues.getCell(HEADER_ROW + 1, column(issues, '问题描述')).alignment.wrapText).toBe(true)

    const sup = (await open(s.files.stats)).getWorksheet('问题整改统计')!
    const total = sup.getRow(sup.rowCount)
    expect(total.getCell(column(sup, '已上报')).type).toBe(ExcelJS.ValueType.Number)
    expect(total.getCell(column(sup, '合计（不含不予受理）')).value).toBe(12)
    expect(total.getCell(column(sup, '销号率')).numFmt).toBe('0.0%')

    const acts = (await open(s.files.activities)).worksheets[0]!
    const day = acts.getCell(HEADER_ROW + 1, column(acts, '活动日期'))
    expect(day.type).toBe(ExcelJS.ValueType.Date)
    expect(day.numFmt).toBe('yyyy-mm-dd')
    expect(acts.getCell(HEADER_ROW + 1, column(acts, '引进资金（万元）')).value).toBe(35.5)
    expect(acts.getRow(acts.rowCount).getCell(column(acts, '引进资金（万元）')).value).toBe(35.5 * 6)
  })
})

describe('exporting the activities ledger', () => {
  it('holds the confirmed activities of the county only, in date order', async () => {
    const ws = (await open(s.files.activities)).worksheets[0]!
    // Six confirmed activities and the 合计 row under the header.
    expect(ws.rowCount).toBe(HEADER_ROW + 6 + 1)
    expect(ws.getCell(HEADER_ROW + 1, column(ws, '县市区')).value).toBe('平泉市')
    expect(ws.getCell(HEADER_ROW + 1, column(ws, '代表')).value).toBe('刘海燕')
    expect(ws.getCell(HEADER_ROW + 1, column(ws, '活动载体')).value).toBe('进农村')
    // One not yet confirmed is not in the ledger.
    await recordActivity(s.t, s.deputy.cookie, { title: '待审核的活动' })
    const again = await s.t.call('GET', `/api/v1/activities/export.xlsx?year=${s.year}`, { cookie: s.staff.cookie })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await again.arrayBuffer()) as ArrayBuffer)
    expect(wb.worksheets[0]!.rowCount).toBe(HEADER_ROW + 6 + 1)
  })

  it("shows another county's staff nothing of this county, and refuses deputies (403)", async () => {
    const lh = await s.t.actor({ role: 'county_staff', countyCode: LONGHUA })
    for (const path of [`/api/v1/activities/export.xlsx?year=${s.year}`, `/api/v1/activities/export.xlsx?year=${s.year}&countyCode=${PINGQUAN}`]) {
      const res = await s.t.call('GET', path, { cookie: lh.cookie })
      expect(res.status).toBe(200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer)
      const ws = wb.worksheets[0]!
      expect(ws.getCell('A1').value).toBe(`隆化县“高质量发展惠民生，人大代表展风采”代表履职活动台账（${s.year}年）`)
      expect(ws.rowCount).toBe(HEADER_ROW + 1) // the header and an empty 合计
    }
    const denied = await s.t.call('GET', `/api/v1/activities/export.xlsx?year=${s.year}`, { cookie: s.deputy.cookie })
    expect(denied.status).toBe(403)
    expect(((await denied.json()) as { error: { message: string } }).error.message).toBe('只有工作人员可以导出履职活动台账')
  })

  it('gives city staff every county, with the city in the title', async () => {
    const city = await s.t.actor({ role: 'city_staff' })
    const res = await s.t.call('GET', `/api/v1/activities/export.xlsx?year=${s.year}`, { cookie: city.cookie })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer)
    expect(String(wb.worksheets[0]!.getCell('A1').value)).toMatch(/^承德市“高质量发展惠民生/)
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toMatch(new RegExp(`^承德市-履职活动台账-${s.year}年-\\d{8}\\.xlsx$`))
  })
})
