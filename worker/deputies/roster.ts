// Turning each row of a roster file's cells (read by worker/imports/upload.ts) into a deputy or a
// Chinese reason why not. Pure: no database, so every rule is testable on its own.
import { DEPUTY_LEVELS, type DeputyLevel } from '../core/taxonomy'
import { MAX_CHARS, PHONE_RE } from '../core/limits'
import { textMessage, textProblem, tidyText, visibleLength } from '../core/text'

export const ROSTER_COLUMNS = ['姓名', '手机号', '代表层级', '县市区', '代表小组'] as const

export interface RosterRow {
  row: number
  name: string
  phone: string
  level: DeputyLevel
  countyCode: string
  group: string | null
}

export interface RowError {
  row: number
  message: string
}

function levelOf(raw: string): DeputyLevel | null {
  const s = raw.replace(/人大代表$/, '').replace(/级$/, '').trim()
  return DEPUTY_LEVELS.find((l) => l.code === s || l.name === s || (l.code === 'national' && s === '国家'))?.code ?? null
}

/**
 * Checks every row: name, phone format, a known level and county, the same phone twice in the
 * file. Answers the good rows and every bad one with its row number (row 2 is the first under
 * the header, as a spreadsheet numbers it).
 */
export function readRoster(
  cells: string[][],
  counties: { code: string; name: string }[],
): { rows: RosterRow[]; errors: RowError[]; missingColumns: string[] } {
  const header = (cells[0] ?? []).map((h) => h.trim())
  const index = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof ROSTER_COLUMNS)[number], number>
  const missingColumns = ROSTER_COLUMNS.filter((c) => c !== '代表小组' && index[c] < 0)
  if (missingColumns.length) return { rows: [], errors: [], missingColumns }

  const rows: RosterRow[] = []
  const errors: RowError[] = []
  const seen = new Map<string, number>()
  cells.slice(1).forEach((cellsOfRow, i) => {
    const row = i + 2
    const get = (c: (typeof ROSTER_COLUMNS)[number]) => (index[c] >= 0 ? (cellsOfRow[index[c]] ?? '').trim() : '')
    if (cellsOfRow.every((v) => v.trim() === '')) return
    const name = tidyText(get('姓名'))
    const group = tidyText(get('代表小组'))
    const phone = get('手机号').replace(/[\s-]/g, '')
    const levelRaw = get('代表层级')
    const countyRaw = get('县市区')
    const problems: string[] = []
    // The same text rule as every form (worker/core/text.ts): names that came from a file too.
    const nameProblem = textProblem(name)
    if (nameProblem) problems.push(`姓名${nameProblem}`)
    else if (!visibleLength(name)) problems.push('缺少姓名')
    else if (visibleLength(name) > MAX_CHARS.personName) problems.push('姓名过长')
    const groupProblem = textMessage('代表小组', group, { max: MAX_CHARS.deputyGroup })
    if (groupProblem) problems.push(groupProblem)
    if (!PHONE_RE.test(phone)) problems.push(phone ? `手机号“${phone}”格式不正确` : '缺少手机号')
    const level = levelOf(levelRaw)
    if (!level) problems.push(levelRaw ? `代表层级“${levelRaw}”不正确，应为 全国、省、市、县、乡 之一` : '缺少代表层级')
    const county = counties.find((c) => c.code === countyRaw || c.name === countyRaw)
    if (!county) problems.push(countyRaw ? `县市区“${countyRaw}”不存在` : '缺少县市区')
    if (PHONE_RE.test(phone)) {
      const first = seen.get(phone)
      if (first) problems.push(`手机号与第 ${first} 行重复`)
      else seen.set(phone, row)
    }
    if (problems.length) errors.push({ row, message: problems.join('；') })
    else rows.push({ row, name, phone, level: level!, countyCode: county!.code, group: group || null })
  })
  return { rows, errors, missingColumns }
}
