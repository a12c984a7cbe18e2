// The statistics tables as one XLSX workbook in 台账 layout: a sheet per table, Chinese headers,
// a totals row, county and field names instead of codes.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { FIVE_INTRODUCTIONS, FIVE_ONES, FOUR_BATCHES, OUTCOMES, labelOf } from '../core/taxonomy'
import { inertValue } from '../core/spreadsheet'
import { exportNames } from '../issues/issues.export'
import { activityStats, fiveOneStats, supervisionStats } from './stats.service'

type Cell = { value: string | number; fontWeight?: 'bold'; format?: string }
const bold = (value: string | number): Cell => ({ value, fontWeight: 'bold' })
const pct = (value: number): Cell => ({ value, format: '0.0%' })
// County and field names can be typed in by staff: no cell may start a formula.
const inert = (rows: Cell[][]): Cell[][] => rows.map((r) => r.map((c) => ({ ...c, value: inertValue(c.value) })))

export async function statsWorkbook(db: Db, user: SessionUser, year: number, countyCode?: string): Promise<Blob> {
  const [sup, act, five, names] = await Promise.all([
    supervisionStats(db, user, year, countyCode),
    activityStats(db, user, year, countyCode),
    fiveOneStats(db, user, year, countyCode),
    exportNames(db),
  ])
  const county = (code: string) => names.county.get(code) ?? code
  const field = (code: string) => names.field.get(`${year}:${code}`) ?? code

  const supHeader = ['县市区', '监督领域', '已上报', '已交办', '整改中', '已整改待验收', '已销号', '不予受理', '逾期', '合计（不含不予受理）', '销号率', '按期销号率'].map(bold)
  const supRows: Cell[][] = sup.rows.map((r) => [
    { value: county(r.countyCode) },
    { value: 'fieldCode' in r ? field(r.fieldCode) : 'township' in r ? r.township : r.groupId },
    ...[r.reported, r.assigned, r.rectifying, r.rectified, r.closed, r.rejected, r.overdue, r.total].map((value) => ({ value })),
    pct(r.closureRate),
    pct(r.onTimeRate),
  ])
  const t = sup.totals
  supRows.push([bold('合计'), bold(''), ...[t.reported, t.assigned, t.rectifying, t.rectified, t.closed, t.rejected, t.overdue, t.total].map(bold), pct(sup.closureRate), pct(sup.onTimeRate)])

  const outcomeNames = [...FOUR_BATCHES, ...FIVE_INTRODUCTIONS].map((k) => labelOf(OUTCOMES, k))
  const actHeader = ['县市区', '代表人数', '参与代表', '参与率', '履职活动', '已确认', ...outcomeNames, '引进资金（万元）'].map(bold)
  const actRow = (label: string, r: (typeof act.rows)[number] | typeof act.totals, style: (v: string | number) => Cell) => [
    style(label),
    style(r.deputies),
    style(r.activeDeputies),
    pct(r.coverage),
    style(r.activities),
    style(r.confirmed),
    ...FOUR_BATCHES.map((k) => style(r.outcomes[k] ?? 0)),
    ...FIVE_INTRODUCTIONS.map((k) => style(r.introductions[k] ?? 0)),
    { ...style(r.fundsAmount), format: '#,##0.00' },
  ]
  const actRows = [...act.rows.map((r) => actRow(county(r.countyCode), r, (value) => ({ value }))), actRow('合计', act.totals, bold)]

  const fiveHeader = ['人大', ...FIVE_ONES.map((f) => f.name), '完成项数（共 5 项）'].map(bold)
  const fiveRows: Cell[][] = five.rows.map((r) => [{ value: county(r.countyCode) }, ...FIVE_ONES.map((f) => ({ value: r[f.code] })), { value: r.done }])

  // Loaded on the first export only, like the issue ledger's (issues.export.ts).
  const { default: writeXlsxFile } = await import('write-excel-file/universal')
  return writeXlsxFile(
    [
      { data: inert([supHeader, ...supRows]), sheet: '问题整改统计', columns: [{ width: 14 }, { width: 20 }, ...Array(10).fill({ width: 10 })], stickyRowsCount: 1 },
      { data: inert([actHeader, ...actRows]), sheet: '代表履职统计', columns: [{ width: 14 }, ...Array(15).fill({ width: 11 })], stickyRowsCount: 1 },
      { data: inert([fiveHeader, ...fiveRows]), sheet: '五个一', columns: [{ width: 22 }, ...Array(6).fill({ width: 12 })], stickyRowsCount: 1 },
    ],
  ).toBlob()
}
