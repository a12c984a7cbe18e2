// Importing the issue ledger a county keeps in Excel (台账导入, api.md "Importing a ledger"): each
// row of the file (read by worker/imports/upload.ts) is checked against the rules an issue in its
// status must meet, its id is derived from the county and its content (so the same file twice
// creates nothing), unknown units wait for staff to confirm them, and the rows are filed through
// the same create as every issue (insertIssue), starting in their status with the event 由台账导入.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { can, requirePermission } from '../auth/access'
import { AppError, Forbidden, ValidationFailed } from '../core/errors'
import { isValidDate, latestDeadline, todayInShanghai, yearOf } from '../core/dates'
import { FIRST_YEAR, MAX_CHARS } from '../core/limits'
import { requestHash } from '../core/hash'
import { textMessage, tidyText } from '../core/text'
import { ISSUE_KINDS, ISSUE_SOURCES, ISSUE_STATUSES, labelOf, type IssueKind, type IssueSource, type IssueStatus } from '../core/taxonomy'
import { allFields, requireCounty } from '../reference/reference.service'
import { ensureUnits, unitsOfCounty } from '../units/units.service'
import { existingIssueIds, insertIssue, type NewIssue } from './issues.queries'

/** The template's columns, in order. */
export const LEDGER_COLUMNS = ['监督领域', '问题类型', '问题标题', '具体情况', '乡镇', '具体位置', '发现方式', '发现日期', '责任单位', '整改要求', '整改时限', '办理状态', '销号日期'] as const
type Column = (typeof LEDGER_COLUMNS)[number]

/** Columns a file must have; the others may be left out (and then read as empty). */
export const REQUIRED_COLUMNS: readonly Column[] = ['监督领域', '问题标题', '具体情况', '发现方式', '发现日期', '办理状态']

/** Other headers read as a template column: the ledger's own export (issues.export.ts) names some differently. */
const HEADER_ALIASES: Record<string, Column> = { 类型: '问题类型', 问题描述: '具体情况', '乡镇（街道）': '乡镇', '乡镇(街道)': '乡镇', 状态: '办理状态' }

/** The event note every imported issue's timeline starts with. */
export const IMPORTED_NOTE = '由台账导入'

/** Statuses after 交办: the item has a responsible unit, a requirement and a deadline. */
const HANDED_OVER: readonly IssueStatus[] = ['assigned', 'rectifying', 'rectified', 'closed']

const STATUS_ALIASES: Record<string, IssueStatus> = { 已整改: 'rectified', 待验收: 'rectified', 已整改待验收: 'rectified', 销号: 'closed', 已办结: 'closed', 办结: 'closed', 未交办: 'reported' }

export interface RowProblem {
  row: number
  column?: Column
  message: string
}

/** A good row: an issue as it will be filed, less the county's unit ids. */
export interface LedgerRow {
  row: number
  kind: IssueKind
  year: number
  fieldCode: string
  title: string
  description: string
  township: string
  location: string
  source: IssueSource
  foundOn: string
  status: IssueStatus
  unitName: string | null
  requirement: string | null
  deadline: string | null
  closedOn: string | null
}

/** How names are compared: blanks of every width (the full-width space 　 too) taken out. */
export function nameKey(s: string): string {
  return s.replace(/[\s\u3000]+/g, '')
}

function headerKey(s: string): string {
  return nameKey(s).replace(/^\*|\*$/g, '')
}

/** Days as 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305 or an Excel day number; null when none of these. */
export function readDate(raw: string): string | null {
  const s = raw.trim()
  if (/^\d{5}(\.0+)?$/.test(s)) {
    // An Excel serial day (1 = 1900-01-01, with Excel's phantom 1900-02-29): day 25569 is 1970-01-01.
    const day = Number.parseInt(s, 10)
    if (day < 36526 || day > 73051) return null
    return new Date((day - 25569) * 86400_000).toISOString().slice(0, 10)
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  if (!m) return null
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  return isValidDate(iso) ? iso : null
}

function byCodeOrName<C extends string>(list: readonly { code: C; name: string }[], raw: string): C | null {
  const s = nameKey(raw)
  return list.find((x) => x.code === s || x.name === s)?.code ?? null
}

function statusOf(raw: string): IssueStatus | null {
  const s = nameKey(raw)
  return byCodeOrName(ISSUE_STATUSES, s) ?? STATUS_ALIASES[s] ?? null
}

function kindOf(raw: string): IssueKind | null {
  const s = nameKey(raw)
  if (s === '') return 'problem'
  return byCodeOrName(ISSUE_KINDS, s) ?? (s === '建议' || s === '意见' ? 'suggestion' : null)
}

const names = (list: readonly { name: string }[]) => list.map((x) => x.name).join('、')

export interface LedgerContext {
  /** Every year's fields. */
  fields: { year: number; code: string; name: string }[]
  /** Today in Asia/Shanghai. */
  today: string
}

/**
 * Reads every row under the header and checks it: the texts (same rules as every form), the
 * codes or names of field, kind, source and status, the dates, and what the status needs (a
 * handed-over item its unit, requirement and deadline; a closed one its 销号日期). Row 2 is the
 * first under the header, as a spreadsheet numbers it; blank rows are skipped.
 */
export function readLedger(cells: string[][], ctx: LedgerContext): { rows: LedgerRow[]; problems: RowProblem[]; missingColumns: Column[] } {
  const header = (cells[0] ?? []).map((h) => {
    const k = headerKey(h)
    return HEADER_ALIASES[k] ?? k
  })
  const index = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<Column, number>
  const missingColumns = REQUIRED_COLUMNS.filter((c) => index[c] < 0)
  if (missingColumns.length) return { rows: [], problems: [], missingColumns }

  const fieldsOfYear = new Map<number, { code: string; name: string }[]>()
  for (const f of ctx.fields) fieldsOfYear.set(f.year, [...(fieldsOfYear.get(f.year) ?? []), f])
  const latest = latestDeadline(ctx.today)
  const rows: LedgerRow[] = []
  const problems: RowProblem[] = []

  cells.slice(1).forEach((cellsOfRow, i) => {
    const row = i + 2
    if (cellsOfRow.every((v) => tidyText(v) === '')) return
    const get = (c: Column) => (index[c] >= 0 ? tidyText(cellsOfRow[index[c]] ?? '') : '')
    const before = problems.length
    const bad = (column: Column, message: string) => problems.push({ row, column, message })
    const textOf = (column: Column, label: string, max: number, required: boolean, multiline = false) => {
      const v = get(column)
      const message = textMessage(label, v, { max, required, multiline })
      if (message) bad(column, message)
      return v
    }

    const title = textOf('问题标题', '问题标题', MAX_CHARS.title, true)
    const description = textOf('具体情况', '具体情况', MAX_CHARS.text, true, true)
    const township = textOf('乡镇', '乡镇', MAX_CHARS.township, false)
    const location = textOf('具体位置', '具体位置', MAX_CHARS.location, false)
    const requirementText = textOf('整改要求', '整改要求', MAX_CHARS.text, false, true)
    const unitText = textOf('责任单位', '责任单位', MAX_CHARS.unitName, false)

    const kindRaw = get('问题类型')
    const kind = kindOf(kindRaw)
    if (!kind) bad('问题类型', `问题类型“${kindRaw}”不正确，应为 问题 或 意见建议`)
    const sourceRaw = get('发现方式')
    const source = sourceRaw ? byCodeOrName(ISSUE_SOURCES, sourceRaw) : null
    if (!source) bad('发现方式', sourceRaw ? `发现方式“${sourceRaw}”不正确，应为 ${names(ISSUE_SOURCES)} 之一` : '请填写发现方式')

    const date = (column: Column, label: string) => {
      const raw = get(column)
      if (!raw) return null
      const d = readDate(raw)
      if (!d) bad(column, `${label}“${raw}”不是有效的日期，请写成 2026-03-05 的形式`)
      return d
    }
    const foundOn = date('发现日期', '发现日期')
    if (!get('发现日期')) bad('发现日期', '请填写发现日期')
    let year = 0
    let fieldCode: string | null = null
    if (foundOn) {
      year = yearOf(foundOn)
      if (foundOn > ctx.today) bad('发现日期', '发现日期不能晚于今天')
      else if (year < FIRST_YEAR) bad('发现日期', `发现日期不能早于台账首年（${FIRST_YEAR} 年）`)
      else {
        const fieldRaw = get('监督领域')
        const ofYear = fieldsOfYear.get(year) ?? []
        fieldCode = fieldRaw ? byCodeOrName(ofYear, fieldRaw) : null
        if (!fieldCode) bad('监督领域', fieldRaw ? `${year} 年没有监督领域“${fieldRaw}”，应为 ${names(ofYear)} 之一` : '请填写监督领域')
      }
    }

    const statusRaw = get('办理状态')
    const status = statusRaw ? statusOf(statusRaw) : null
    if (!status) bad('办理状态', statusRaw ? `办理状态“${statusRaw}”不正确，应为 ${names(ISSUE_STATUSES)} 之一` : '请填写办理状态')
    const deadline = date('整改时限', '整改时限')
    const closedOn = date('销号日期', '销号日期')
    if (status && HANDED_OVER.includes(status)) {
      const label = labelOf(ISSUE_STATUSES, status)
      if (!unitText) bad('责任单位', `“${label}”的问题须填写责任单位`)
      if (!requirementText) bad('整改要求', `“${label}”的问题须填写整改要求`)
      if (!get('整改时限')) bad('整改时限', `“${label}”的问题须填写整改时限`)
      if (deadline && foundOn && deadline < foundOn) bad('整改时限', '整改时限不能早于发现日期')
      if (deadline && deadline > latest) bad('整改时限', `整改时限不能晚于 ${latest}`)
    } else if (status) {
      const label = labelOf(ISSUE_STATUSES, status)
      for (const c of ['责任单位', '整改要求', '整改时限'] as const) {
        if (get(c)) bad(c, `“${label}”的问题尚未交办，不应填写${c}；已交办的请把办理状态填为 已交办、整改中、已整改待验收 或 已销号`)
      }
    }
    if (status === 'closed') {
      if (!get('销号日期')) bad('销号日期', '“已销号”的问题须填写销号日期')
      else if (closedOn && foundOn && closedOn < foundOn) bad('销号日期', '销号日期不能早于发现日期')
      else if (closedOn && closedOn > ctx.today) bad('销号日期', '销号日期不能晚于今天')
    } else if (status && get('销号日期')) bad('销号日期', '只有“已销号”的问题填写销号日期')

    if (problems.length > before) return
    rows.push({
      row,
      kind: kind!,
      year,
      fieldCode: fieldCode!,
      title,
      description,
      township,
      location,
      source: source!,
      foundOn: foundOn!,
      status: status!,
      unitName: HANDED_OVER.includes(status!) ? nameKey(unitText) : null,
      requirement: HANDED_OVER.includes(status!) ? requirementText : null,
      deadline: HANDED_OVER.includes(status!) ? deadline : null,
      closedOn: status === 'closed' ? closedOn : null,
    })
  })
  return { rows, problems, missingColumns }
}

/** What makes two rows the same issue: everything it was found as (not how far it has got since). */
function identity(countyCode: string, r: LedgerRow) {
  return { countyCode, kind: r.kind, year: r.year, fieldCode: r.fieldCode, title: r.title, description: r.description, township: r.township, location: r.location, source: r.source, foundOn: r.foundOn }
}

/** A UUID (version 8, RFC 9562) from the SHA-256 of a row's identity in its county: the same row always gets the same id. */
export async function importedIssueId(countyCode: string, r: LedgerRow): Promise<string> {
  const hex = await requestHash({ ledgerImport: 1, ...identity(countyCode, r) })
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export interface ImportOptions {
  /** City staff name the county; county staff may leave it out (their own). */
  countyCode?: string
  dryRun: boolean
  /** Unit names staff confirmed to be added to the county (repeat the query parameter). */
  createUnits: string[]
}

export interface ImportItem {
  row: number
  id: string
  title: string
  fieldCode: string
  status: IssueStatus
  foundOn: string
  unitName: string | null
  deadline: string | null
  closedOn: string | null
  /** Filed before (the same row imported earlier): nothing is created for it. */
  exists: boolean
}

function rowsFailed(problems: RowProblem[], extra: Record<string, unknown> = {}): never {
  const sorted = [...problems].sort((a, b) => a.row - b.row)
  const count = new Set(sorted.map((p) => p.row)).size
  throw new AppError(400, 'validation_failed', `台账中有 ${count} 行有误，未导入任何数据，请修改后重新导入`, { fields: {}, rows: sorted, ...extra })
}

/** Rows filed between two yields to other requests (SQLite on Node runs on the server's one thread). */
const ROWS_PER_STEP = 50

/**
 * Checks the whole file, then (unless a dry run) adds the confirmed units and files every row not
 * filed before. Nothing is written while any row is bad or any unknown unit is unconfirmed.
 */
export async function importLedger(db: Db, user: SessionUser, cells: string[][], opts: ImportOptions, now = new Date()) {
  requirePermission(user, 'issue.import')
  let countyCode = opts.countyCode
  if (can(user, 'issue.create.any_county')) {
    if (!countyCode) throw new ValidationFailed({ countyCode: '请选择要导入到哪个县（市、区）' }, '请选择要导入到哪个县（市、区）')
    await requireCounty(db, countyCode)
  } else {
    if (countyCode && countyCode !== user.countyCode) throw new Forbidden('只能导入本县（市、区）的台账')
    countyCode = user.countyCode!
  }
  const today = todayInShanghai(now)
  const { rows, problems, missingColumns } = readLedger(cells, { fields: await allFields(db), today })
  if (missingColumns.length) {
    const message = `台账缺少列：${missingColumns.join('、')}（请使用导入模板：${LEDGER_COLUMNS.join('、')}）`
    throw new ValidationFailed({ file: `缺少列：${missingColumns.join('、')}` }, message)
  }
  if (rows.length === 0 && problems.length === 0) throw new ValidationFailed({ file: '文件中没有问题数据' }, '文件中没有问题数据')

  // The same issue twice in one file is a mistake in the file, not a row to merge silently.
  const ids = await Promise.all(rows.map((r) => importedIssueId(countyCode, r)))
  const firstRow = new Map<string, number>()
  rows.forEach((r, i) => {
    const first = firstRow.get(ids[i]!)
    if (first) problems.push({ row: r.row, message: `与第 ${first} 行是同一问题（领域、标题、具体情况、乡镇、位置、发现方式和日期都相同），请删去一行` })
    else firstRow.set(ids[i]!, r.row)
  })

  const confirmed = new Set(opts.createUnits.map((n) => nameKey(tidyText(n))).filter(Boolean))
  for (const name of confirmed) {
    const message = textMessage('新建的责任单位', name, { max: MAX_CHARS.unitName })
    if (message) throw new ValidationFailed({ createUnits: message }, message)
  }
  const known = new Map((await unitsOfCounty(db, countyCode)).map((u) => [nameKey(u.name), u]))
  const unknown = new Map<string, number[]>()
  for (const r of rows) {
    if (r.unitName && !known.has(r.unitName)) unknown.set(r.unitName, [...(unknown.get(r.unitName) ?? []), r.row])
  }
  // A confirmation must name a unit of this file; one the county has by now (a repeated request) is fine.
  const strays = [...confirmed].filter((n) => !unknown.has(n) && !known.has(n))
  if (strays.length) {
    const message = `要新建的责任单位“${strays.join('”“')}”不在文件中，请重新预览后确认`
    throw new ValidationFailed({ createUnits: message }, message)
  }
  const unknownUnits = [...unknown].map(([name, unitRows]) => ({ name, rows: unitRows, confirmed: confirmed.has(name) }))
  if (!opts.dryRun) {
    for (const u of unknownUnits) {
      if (u.confirmed) continue
      for (const row of u.rows) {
        problems.push({ row, column: '责任单位', message: `责任单位“${u.name}”不在本县（市、区）的单位名录中：确认新建该单位，或改为名录中已有的单位名称` })
      }
    }
  }
  if (problems.length) rowsFailed(problems)

  const existing = await existingIssueIds(db, ids)
  const items: ImportItem[] = rows.map((r, i) => ({
    row: r.row,
    id: ids[i]!,
    title: r.title,
    fieldCode: r.fieldCode,
    status: r.status,
    foundOn: r.foundOn,
    unitName: r.unitName,
    deadline: r.deadline,
    closedOn: r.closedOn,
    exists: existing.has(ids[i]!),
  }))
  const byStatus = Object.fromEntries(ISSUE_STATUSES.map((s) => [s.code, 0])) as Record<IssueStatus, number>
  for (const item of items) if (!item.exists) byStatus[item.status]++
  const answer = { dryRun: opts.dryRun, countyCode, total: rows.length, byStatus, unknownUnits, items }
  if (opts.dryRun) return { ...answer, created: items.filter((i) => !i.exists).length, existing: existing.size, createdUnits: [] }

  const createdUnits = await ensureUnits(db, countyCode, unknownUnits.map((u) => u.name), now)
  const unitsByKey = new Map([...known].map(([k, u]) => [k, { id: u.id, name: u.name }]))
  for (const u of await unitsOfCounty(db, countyCode)) unitsByKey.set(nameKey(u.name), { id: u.id, name: u.name })

  let created = 0
  const fresh = rows.map((r, i) => ({ r, id: ids[i]! })).filter(({ id }) => !existing.has(id))
  for (let i = 0; i < fresh.length; i++) {
    const { r, id } = fresh[i]!
    if (await fileRow(db, user, countyCode, r, id, r.unitName ? unitsByKey.get(r.unitName)! : null, now)) created++
    if ((i + 1) % ROWS_PER_STEP === 0 && i + 1 < fresh.length) await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { ...answer, unknownUnits: [], created, existing: rows.length - created, createdUnits: createdUnits.map(({ id, name }) => ({ id, name })) }
}

/**
 * Files one row through the issues' own create (insertIssue: the same batch, counters and
 * idempotency as a report), already in its status. A closed row counts as closed on time when
 * its 销号日期 is on or before its deadline (the day it was rectified is not in a ledger).
 */
async function fileRow(db: Db, user: SessionUser, countyCode: string, r: LedgerRow, id: string, unit: { id: string; name: string } | null, now: Date): Promise<boolean> {
  const unitId = unit?.id ?? null
  const at = now.toISOString()
  const done = r.status === 'rectified' || r.status === 'closed'
  const row = {
    id,
    kind: r.kind,
    year: r.year,
    fieldCode: r.fieldCode,
    countyCode,
    township: r.township,
    location: r.location,
    title: r.title,
    description: r.description,
    source: r.source,
    foundOn: r.foundOn,
    reporterId: user.id,
    reporterName: user.name,
    unitId,
    unitName: unit?.name ?? null,
    requirement: r.requirement,
    deadline: r.deadline,
    status: r.status,
    progress: done ? 100 : 0,
    rectifiedOn: r.closedOn,
    closedOn: r.closedOn,
    closedOnTime: r.status === 'closed' ? r.deadline === null || r.closedOn! <= r.deadline : null,
    requestHash: await requestHash({ ledgerImport: 1, ...identity(countyCode, r) }),
    createdAt: at,
    updatedAt: at,
  } satisfies NewIssue
  const data = { imported: true, row: r.row, ...(unitId ? { unitId, unitName: r.unitName!, requirement: r.requirement!, deadline: r.deadline! } : {}) }
  return (await insertIssue(db, row, { id, issueId: id, action: 'create', fromStatus: null, toStatus: r.status, actorId: user.id, at, note: IMPORTED_NOTE, data: JSON.stringify(data) })).created
}

/** The template: the header and one example row, for GET /issues/import/template. */
export async function ledgerTemplate(db: Db, format: 'xlsx' | 'csv', today = todayInShanghai()): Promise<{ body: ArrayBuffer | string; type: string; ext: string }> {
  // Last year's dates: an example found "this year" could lie in the future on the first days of January.
  const year = Math.max(FIRST_YEAR, yearOf(today) - 1)
  const fields = (await allFields(db)).filter((f) => f.year === year)
  const example = [
    fields.find((f) => f.code === 'rural_living')?.name ?? fields[0]?.name ?? '',
    '问题',
    '村内主干道垃圾堆放未及时清运',
    '河东村村委会西侧主干道旁堆放生活垃圾约 3 立方米，已有一周未清运。',
    '平泉镇',
    '河东村村委会西侧',
    '代表反映',
    `${year}-05-06`,
    '平泉镇人民政府',
    '一周内清运完毕，建立定期清运制度',
    `${year}-05-31`,
    '已销号',
    `${year}-05-20`,
  ]
  if (format === 'csv') {
    const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
    return { body: '\uFEFF' + [LEDGER_COLUMNS.join(','), example.map(cell).join(',')].join('\r\n') + '\r\n', type: 'text/csv; charset=utf-8', ext: 'csv' }
  }
  const widths: Record<Column, number> = { 监督领域: 18, 问题类型: 8, 问题标题: 24, 具体情况: 40, 乡镇: 10, 具体位置: 16, 发现方式: 10, 发现日期: 11, 责任单位: 20, 整改要求: 30, 整改时限: 11, 办理状态: 12, 销号日期: 11 }
  const header = LEDGER_COLUMNS.map((c) => ({ value: c, fontWeight: 'bold' as const }))
  // Dates as text cells: a county's own ledger may hold either, and the import reads both.
  const rows = [header, example.map((v) => ({ value: v, wrap: true }))]
  const { default: writeXlsxFile } = await import('write-excel-file/universal')
  const blob = await writeXlsxFile(rows, { columns: LEDGER_COLUMNS.map((c) => ({ width: widths[c] })), sheet: '问题清单台账', stickyRowsCount: 1 }).toBlob()
  return { body: await blob.arrayBuffer(), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' }
}
