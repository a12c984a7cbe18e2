// The statistics tables as one XLSX workbook in 台账 layout (worker/core/office-sheet.ts): a sheet
// per table with its title, Chinese headers, a 合计 row in the same font, county and field names
// instead of codes, rates as percentages.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { FIVE_INTRODUCTIONS, FIVE_ONES, FOUR_BATCHES, OUTCOMES, labelOf } from '../core/taxonomy'
import type { OfficeColumn, OfficeValue } from '../core/office-sheet'
import { exportNames, scopePlace } from '../issues/issues.export'
import { activityStats, fiveOneStats, supervisionStats } from './stats.service'

const col = (header: string, width: number, kind: OfficeColumn['kind'] = 'int'): OfficeColumn => ({ header, width, kind })

/** The workbook and the place it covers (平泉市, or 承德市 for the whole city), for the file name. */
export async function statsWorkbook(db: Db, user: SessionUser, year: number, countyCode?: string, now = new Date()): Promise<{ blob: Blob; place: string }> {
  const [sup, act, five, names] = await Promise.all([
    supervisionStats(db, user, year, countyCode),
    activityStats(db, user, year, countyCode),
    fiveOneStats(db, user, year, countyCode),
    exportNames(db),
  ])
  const county = (code: string) => names.county.get(code) ?? code
  const field = (code: string) => names.field.get(`${year}:${code}`) ?? code
  const place = scopePlace(names, user.countyCode ?? countyCode)
  const { exportedAt, officeWorkbook } = await import('../core/office-sheet')
  const note = exportedAt(now)

  const supColumns = [col('县市区', 10, 'text'), col('监督领域', 20, 'text'), ...['已上报', '已交办', '整改中', '已整改待验收', '已销号', '不予受理', '逾期', '合计（不含不予受理）'].map((h) => col(h, 8)), col('销号率', 8, 'percent'), col('按期销号率', 8, 'percent')]
  const supRows: OfficeValue[][] = sup.rows.map((r) => [
    county(r.countyCode),
    'fieldCode' in r ? field(r.fieldCode) : 'township' in r ? r.township : r.groupId,
    r.reported, r.assigned, r.rectifying, r.rectified, r.closed, r.rejected, r.overdue, r.total,
    r.closureRate,
    r.onTimeRate,
  ])
  const t = sup.totals
  const supTotals: OfficeValue[] = ['合计', '', t.reported, t.assigned, t.rectifying, t.rectified, t.closed, t.rejected, t.overdue, t.total, sup.closureRate, sup.onTimeRate]

  const outcomeNames = [...FOUR_BATCHES, ...FIVE_INTRODUCTIONS].map((k) => labelOf(OUTCOMES, k))
  const actColumns = [col('县市区', 10, 'text'), col('代表人数', 7), col('参与代表', 7), col('参与率', 7, 'percent'), col('履职活动', 7), col('已确认', 7), ...outcomeNames.map((h) => col(h, 8)), col('引进资金（万元）', 11, 'amount')]
  const actRow = (label: string, r: (typeof act.rows)[number] | typeof act.totals): OfficeValue[] => [
    label, r.deputies, r.activeDeputies, r.coverage, r.activities, r.confirmed,
    ...FOUR_BATCHES.map((k) => r.outcomes[k] ?? 0),
    ...FIVE_INTRODUCTIONS.map((k) => r.introductions[k] ?? 0),
    r.fundsAmount,
  ]

  const fiveColumns = [col('人大', 22, 'text'), ...FIVE_ONES.map((f) => col(f.name, 12)), col('完成项数（共 5 项）', 10)]
  const fiveRows: OfficeValue[][] = five.rows.map((r) => [county(r.countyCode), ...FIVE_ONES.map((f) => r[f.code]), r.done])

  const blob = await officeWorkbook([
    { name: '问题整改统计', title: `${place}“5+2”联动监督问题整改统计台账（${year}年）`, note, columns: supColumns, rows: supRows, totals: supTotals },
    { name: '代表履职统计', title: `${place}代表履职活动统计台账（${year}年）`, note, columns: actColumns, rows: act.rows.map((r) => actRow(county(r.countyCode), r)), totals: actRow('合计', act.totals) },
    { name: '五个一', title: `${place}“五个一”完成情况统计（${year}年）`, note, columns: fiveColumns, rows: fiveRows },
  ])
  return { blob, place }
}
