// The commendation table as an XLSX sheet (台账 layout: Chinese headers, names instead of codes),
// written through one small function so that the office-document writer can take its place.
import { DEPUTY_LEVELS, FIVE_INTRODUCTIONS, FOUR_BATCHES, OUTCOMES, VENUES, labelOf } from '../core/taxonomy'
import { inertValue } from '../core/spreadsheet'
import type { CommendationRow } from './commendation.schemas'

type Cell = { value: string | number; fontWeight?: 'bold'; wrap?: boolean }

/** One sheet with a bold header row; every text cell made inert (no formulas). */
export async function xlsxSheet(sheet: string, header: string[], rows: (string | number)[][], widths: number[]): Promise<Blob> {
  const data: Cell[][] = [header.map((h) => ({ value: h, fontWeight: 'bold', wrap: true })), ...rows.map((r) => r.map((v) => ({ value: inertValue(v), wrap: true })))]
  // Loaded on the first export only, like the issue ledger's (issues.export.ts).
  const { default: writeXlsxFile } = await import('write-excel-file/universal')
  return writeXlsxFile(data, { columns: widths.map((width) => ({ width })), sheet, stickyRowsCount: 1 }).toBlob()
}

const NOMINATION_WORDS = { nominated: '已推荐（待确认）', confirmed: '已确认', withdrawn: '' } as const

export function commendationXlsx(year: number, countyName: string, items: CommendationRow[]): Promise<Blob> {
  const header = [
    '序号',
    '姓名',
    '代表层级',
    '个人活动',
    '集体活动',
    '九进覆盖数',
    '九进载体',
    ...FOUR_BATCHES.map((k) => labelOf(OUTCOMES, k)),
    '四个一批合计',
    '五个引进达成',
    '优秀人大代表推荐',
  ]
  const rows = items.map((r, i) => [
    i + 1,
    r.name,
    labelOf(DEPUTY_LEVELS, r.level),
    r.activities,
    r.groupActivities,
    r.venuesCovered,
    r.venues.map((v) => labelOf(VENUES, v)).join('、'),
    ...FOUR_BATCHES.map((k) => r.outcomes[k]),
    r.fourBatches,
    FIVE_INTRODUCTIONS.filter((k) => r.introductionsMet.includes(k))
      .map((k) => labelOf(OUTCOMES, k))
      .join('、'),
    r.nomination ? NOMINATION_WORDS[r.nomination.status] : '',
  ])
  return xlsxSheet(`${countyName}${year}年度`, header, rows, [6, 10, 8, 10, 10, 30, 12, 12, 12, 12, 10, 36, 14])
}
