// The ledger as a file: CSV (UTF-8 with BOM, so Excel opens Chinese correctly) and XLSX, with
// Chinese column headers and labels instead of codes, one row per issue in the caller's scope.
import { asc } from 'drizzle-orm'
import type { Db } from '../db/client'
import { fields, places } from '../db/schema'
import { ISSUE_KINDS, ISSUE_SOURCES, ISSUE_STATUSES, labelOf } from '../core/taxonomy'
import { inertValue } from '../core/spreadsheet'
import type { ColumnKind } from '../core/office-sheet'
import { todayInShanghai } from '../core/dates'
import { daysBetween, type Light } from '../core/lights'
import type { Issue } from './issues.service'

/** A row of the export: the issue and how many photos it has (withdrawn ones not counted). */
export type ExportRow = Issue & { photoCount: number }

/**
 * The ledger's columns. The CSV (data for other programs) carries them all; the XLSX is the 台账
 * to print, A4 landscape one page wide, so it leaves out what only a program needs (`inSheet:
 * false`): the year (in its title), days to the deadline, photos and the record's ID.
 */
const COLUMNS: { header: string; width: number; kind?: ColumnKind; inSheet?: false; value: (i: ExportRow, names: Names) => string | number }[] = [
  { header: '编号', width: 15, value: (i) => i.number ?? '' },
  { header: '年度', width: 6, kind: 'int', inSheet: false, value: (i) => i.year },
  { header: '县市区', width: 8, value: (i, n) => n.county.get(i.countyCode) ?? i.countyCode },
  { header: '监督领域', width: 12, value: (i, n) => n.field.get(`${i.year}:${i.fieldCode}`) ?? i.fieldCode },
  { header: '类型', width: 6, value: (i) => labelOf(ISSUE_KINDS, i.kind) },
  { header: '问题标题', width: 18, value: (i) => i.title },
  { header: '问题描述', width: 30, value: (i) => i.description },
  { header: '乡镇（街道）', width: 10, value: (i) => i.township },
  { header: '具体位置', width: 12, value: (i) => i.location },
  { header: '发现方式', width: 8, value: (i) => labelOf(ISSUE_SOURCES, i.source) },
  { header: '发现日期', width: 11, kind: 'date', value: (i) => i.foundOn },
  { header: '反映人', width: 7, value: (i) => i.reporterName },
  { header: '责任单位', width: 14, value: (i) => i.unitName ?? '' },
  { header: '整改要求', width: 20, value: (i) => i.requirement ?? '' },
  { header: '整改时限', width: 11, kind: 'date', value: (i) => i.deadline ?? '' },
  { header: '状态', width: 8, value: (i) => labelOf(ISSUE_STATUSES, i.status) },
  { header: '是否逾期', width: 5, value: (i) => (i.overdue ? '逾期' : '') },
  { header: '亮灯', width: 8, value: (i) => (i.light ? LIGHT_WORDS[i.light] : '') },
  // Days left before the deadline (negative: days past it), for the open items a light is shown for.
  { header: '距整改时限（天）', width: 10, kind: 'int', inSheet: false, value: (i, n) => (i.light && i.deadline ? daysBetween(n.today, i.deadline) : '') },
  { header: '督办次数', width: 5, kind: 'int', value: (i) => i.pressCount },
  { header: '整改进度（%）', width: 6, kind: 'int', value: (i) => i.progress },
  { header: '销号日期', width: 11, kind: 'date', value: (i) => i.closedOn ?? '' },
  { header: '按期销号', width: 5, value: (i) => (i.closedOnTime === null ? '' : i.closedOnTime ? '是' : '否') },
  { header: '照片', width: 6, kind: 'int', inSheet: false, value: (i) => i.photoCount },
  { header: '记录标识（ID）', width: 36, inSheet: false, value: (i) => i.id },
]

const LIGHT_WORDS: Record<Light, string> = { green: '绿灯（按期）', yellow: '黄灯（即将到期）', red: '红灯（逾期）' }

export interface Names {
  county: Map<string, string>
  /** The city's own name (承德市): the scope of a city-wide export. */
  city: string
  field: Map<string, string>
  /** Today in Asia/Shanghai, that the days to the deadline count from. */
  today: string
}

export async function exportNames(db: Db): Promise<Names> {
  const [placeRows, fieldRows] = await db.batch([
    db.select({ code: places.code, name: places.name, kind: places.kind }).from(places),
    db.select({ year: fields.year, code: fields.code, name: fields.name }).from(fields).orderBy(asc(fields.year)),
  ])
  return {
    county: new Map(placeRows.map((p) => [p.code, p.name])),
    city: placeRows.find((p) => p.kind === 'city')?.name ?? '',
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

/** The place an export covers: the caller's own county (staff of a county see no other), else the county asked for, else the city. */
export function scopePlace(names: Names, countyCode: string | null | undefined): string {
  return (countyCode && names.county.get(countyCode)) || names.city
}

/** What the ledger covers, for its title and file name: 平泉市 and 2026, or 承德市 and every year. */
export interface LedgerScope {
  place: string
  year?: number
}

const byNumber = (a: ExportRow, b: ExportRow) => a.countyCode.localeCompare(b.countyCode) || a.year - b.year || (a.number ?? '\uffff').localeCompare(b.number ?? '\uffff') || a.createdAt.localeCompare(b.createdAt)

/** The issue ledger as the 台账 to print (worker/core/office-sheet.ts). */
export async function toXlsx(issues: ExportRow[], names: Names, scope: LedgerScope, now = new Date()): Promise<Blob> {
  const { exportedAt, officeWorkbook } = await import('../core/office-sheet')
  const columns = COLUMNS.filter((c) => c.inSheet !== false)
  const years = scope.year ? `（${scope.year}年）` : '（全部年度）'
  return officeWorkbook([
    {
      name: '问题清单台账',
      title: `${scope.place}“5+2”联动监督问题清单台账${years}`,
      note: `${exportedAt(now)}　共 ${issues.length} 条`,
      columns: columns.map((c) => ({ header: c.header, width: c.width, kind: c.kind })),
      // A ledger reads in register order: county, year, number.
      rows: [...issues].sort(byNumber).map((i) => columns.map((c) => c.value(i, names))),
    },
  ])
}
