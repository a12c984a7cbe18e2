// The ledger as a file: CSV (UTF-8 with BOM, so Excel opens Chinese correctly) and XLSX, with
// Chinese column headers and labels instead of codes, one row per issue in the caller's scope.
import { asc } from 'drizzle-orm'
import type { Db } from '../db/client'
import { fields, places } from '../db/schema'
import { ISSUE_KINDS, ISSUE_SOURCES, ISSUE_STATUSES, labelOf } from '../core/taxonomy'
import { inertValue } from '../core/spreadsheet'
import { todayInShanghai } from '../core/dates'
import { daysBetween, type Light } from '../core/lights'
import type { Issue } from './issues.service'

/** A row of the export: the issue and how many photos it has (withdrawn ones not counted). */
export type ExportRow = Issue & { photoCount: number }

const COLUMNS: { header: string; width: number; value: (i: ExportRow, names: Names) => string | number }[] = [
  { header: '年度', width: 6, value: (i) => i.year },
  { header: '县市区', width: 12, value: (i, n) => n.county.get(i.countyCode) ?? i.countyCode },
  { header: '监督领域', width: 18, value: (i, n) => n.field.get(`${i.year}:${i.fieldCode}`) ?? i.fieldCode },
  { header: '类型', width: 8, value: (i) => labelOf(ISSUE_KINDS, i.kind) },
  { header: '问题标题', width: 24, value: (i) => i.title },
  { header: '问题描述', width: 40, value: (i) => i.description },
  { header: '乡镇（街道）', width: 12, value: (i) => i.township },
  { header: '具体位置', width: 16, value: (i) => i.location },
  { header: '发现方式', width: 10, value: (i) => labelOf(ISSUE_SOURCES, i.source) },
  { header: '发现日期', width: 11, value: (i) => i.foundOn },
  { header: '反映人', width: 8, value: (i) => i.reporterName },
  { header: '责任单位', width: 20, value: (i) => i.unitName ?? '' },
  { header: '整改要求', width: 30, value: (i) => i.requirement ?? '' },
  { header: '整改时限', width: 11, value: (i) => i.deadline ?? '' },
  { header: '状态', width: 12, value: (i) => labelOf(ISSUE_STATUSES, i.status) },
  { header: '是否逾期', width: 8, value: (i) => (i.overdue ? '逾期' : '') },
  { header: '亮灯', width: 10, value: (i) => (i.light ? LIGHT_WORDS[i.light] : '') },
  // Days left before the deadline (negative: days past it), for the open items a light is shown for.
  { header: '距整改时限（天）', width: 10, value: (i, n) => (i.light && i.deadline ? daysBetween(n.today, i.deadline) : '') },
  { header: '督办次数', width: 8, value: (i) => i.pressCount },
  { header: '整改进度（%）', width: 8, value: (i) => i.progress },
  { header: '销号日期', width: 11, value: (i) => i.closedOn ?? '' },
  { header: '按期销号', width: 8, value: (i) => (i.closedOnTime === null ? '' : i.closedOnTime ? '是' : '否') },
  { header: '照片', width: 6, value: (i) => i.photoCount },
  { header: '编号', width: 36, value: (i) => i.id },
]

const LIGHT_WORDS: Record<Light, string> = { green: '绿灯（按期）', yellow: '黄灯（即将到期）', red: '红灯（逾期）' }

export interface Names {
  county: Map<string, string>
  field: Map<string, string>
  /** Today in Asia/Shanghai, that the days to the deadline count from. */
  today: string
}

export async function exportNames(db: Db): Promise<Names> {
  const [placeRows, fieldRows] = await db.batch([
    db.select({ code: places.code, name: places.name }).from(places),
    db.select({ year: fields.year, code: fields.code, name: fields.name }).from(fields).orderBy(asc(fields.year)),
  ])
  return {
    county: new Map(placeRows.map((p) => [p.code, p.name])),
    field: new Map(fieldRows.map((f) => [`${f.year}:${f.code}`, f.name])),
    today: todayInShanghai(),
  }
}

/** One CSV cell: quoted when needed, and never read by a spreadsheet as a formula. */
function csvCell(v: string | number): string {
  const s = String(inertValue(v))
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(issues: ExportRow[], names: Names): string {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(',')]
  for (const i of issues) lines.push(COLUMNS.map((c) => csvCell(c.value(i, names))).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

export async function toXlsx(issues: ExportRow[], names: Names): Promise<Blob> {
  const header = COLUMNS.map((c) => ({ value: c.header, fontWeight: 'bold' as const, wrap: true }))
  const rows = issues.map((i) => COLUMNS.map((c) => ({ value: inertValue(c.value(i, names)), wrap: true })))
  // The XLSX writer is a chunk of its own on Workers, loaded by the first export (README: the worker's build).
  const { default: writeXlsxFile } = await import('write-excel-file/universal')
  return writeXlsxFile([header, ...rows], { columns: COLUMNS.map((c) => ({ width: c.width })), sheet: '问题清单台账', stickyRowsCount: 1 }).toBlob()
}
