// The typed client of the statistics ledger (api.md "Statistics") and the addresses its figures
// link to: each number opens the ledger (or the activity list) filtered to exactly its records.
import { yearInShanghai } from '../../worker/core/dates'
import { http, type Answer, type CodeName, type Reference, type Schema } from './api'
import type { Light } from '../../worker/core/lights'
import { fieldName, fieldsOfYear } from './issue-format'
import type { Issue, Page } from './issues-api'

type SupervisionStats = Schema<'SupervisionStats'>
/** A county's issue counters; total is every issue but the rejected ones. */
export type Counters = SupervisionStats['totals']
/** A row by field or by township: each kind may be asked for the other's key (it has none). */
export type SupervisionRow = SupervisionStats['rows'][number] & Partial<Record<'fieldCode' | 'township', string>>
export type Supervision = Omit<SupervisionStats, 'rows'> & { rows: SupervisionRow[] }

export type Activities = Schema<'ActivityStats'>
export type ActivityFigures = Activities['totals']

export type FiveOnesRow = Schema<'FiveOneStats'>['rows'][number]

export type InactiveDeputy = Schema<'InactiveDeputies'>['items'][number]

/** The statuses that make up 问题总数 (all but 不予受理), as the ledger's status filter. */
export const COUNTED = 'reported,assigned,rectifying,rectified,closed'

function qs(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

export const statsApi = {
  supervision: (year: number, countyCode?: string, groupBy: 'field' | 'township' = 'field') =>
    http
      .get<Answer<'/stats/supervision'>>(`/stats/supervision${qs({ year, countyCode, groupBy: groupBy === 'field' ? undefined : groupBy })}`)
      .then((s): Supervision => s),
  activities: (year: number, countyCode?: string) => http.get<Answer<'/stats/activities'>>(`/stats/activities${qs({ year, countyCode })}`),
  fiveOnes: (year: number) => http.get<Answer<'/stats/five-ones'>>(`/stats/five-ones${qs({ year })}`),
  inactive: (year: number, countyCode: string) => http.get<Answer<'/stats/inactive-deputies'>>(`/stats/inactive-deputies${qs({ year, countyCode })}`),
  exportUrl: (year: number, countyCode?: string) => `/api/v1/stats/export.xlsx${qs({ year, countyCode })}`,
  /** The 履职活动台账: the year's confirmed activities of the county (or the city). */
  activitiesExportUrl: (year: number, countyCode?: string) => `/api/v1/activities/export.xlsx${qs({ year, countyCode })}`,
  /** Every issue of a filter, following the cursor (a year's overdue or closed list for the report); overdue items most overdue first. */
  async allIssues(filter: Record<string, string | number | undefined>): Promise<Issue[]> {
    const out: Issue[] = []
    let cursor: string | undefined
    do {
      const page: Page<Issue> = await http.get<Answer<'/issues'>>(`/issues${qs({ ...filter, sort: filter.overdue || filter.light ? 'deadline' : 'newest', limit: 200, cursor })}`)
      out.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    return out
  },
}

export interface Scope {
  year: number
  countyCode?: string
  fieldCode?: string
  /** One township of the county; '' is the items with none filled in. */
  township?: string
}

/** The ledger filtered to the records behind a figure: a status list, one status, or overdue. */
export function ledgerHref(scope: Scope, what: 'total' | 'overdue' | 'closed' | string): string {
  const filter = what === 'overdue' ? { overdue: 'true' } : { status: what === 'total' ? COUNTED : what }
  const township = scope.township === undefined ? '' : `&township=${encodeURIComponent(scope.township)}`
  return `/issues${qs({ year: scope.year, countyCode: scope.countyCode, fieldCode: scope.fieldCode, ...filter })}${township}`
}

/** The ledger of the open items under one deadline light (红灯 / 黄灯 / 绿灯) behind a figure. */
export function lightHref(scope: Scope, light: Light): string {
  return `/issues${qs({ year: scope.year, countyCode: scope.countyCode, fieldCode: scope.fieldCode, light })}`
}

/** The confirmed activities behind an activity figure (those with one kind of 五个引进, for its figures). */
export function activitiesHref(year: number, countyCode?: string, introduction?: string): string {
  return `/activities${qs({ year, countyCode, status: 'confirmed', introduction })}`
}

/** The 五个一 records of one congress (the city's own code included). */
export function fiveOnesHref(year: number, countyCode: string): string {
  return `/five-ones${qs({ year, countyCode })}`
}

export function dashboardHref(year: number, countyCode?: string): string {
  return `/dashboard${qs({ year, countyCode })}`
}

export function reportHref(year: number, countyCode?: string): string {
  return `/report${qs({ year, countyCode })}`
}

/** a / b as 27.3%, or — when there is nothing to divide by. */
export function percent(a: number, b: number): string {
  if (b === 0) return '—'
  const p = (a / b) * 100
  return `${p === 100 || p === 0 ? p.toFixed(0) : p.toFixed(1)}%`
}

/** A share 0..1 (null when undefined) as one of five bands for colour: 0 lowest … 4 highest. */
export function band(a: number, b: number): number | null {
  if (b === 0) return null
  return Math.min(4, Math.floor((a / b) * 5))
}

export const BAND_LABELS = ['0–19%', '20–39%', '40–59%', '60–79%', '80–100%']

export function formatAmount(n: number): string {
  return n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })
}

/** Adds up counters (a county's fields, or one field across counties). */
export function sumCounters(rows: Counters[]): Counters {
  const t: Counters = { reported: 0, assigned: 0, rectifying: 0, rectified: 0, closed: 0, rejected: 0, overdue: 0, dueSoon: 0, inTime: 0, total: 0, closedOnTime: 0 }
  for (const r of rows) for (const k of Object.keys(t) as (keyof Counters)[]) t[k] += r[k]
  return t
}

/** True when a year has nothing at all to show. */
export function isEmptyYear(sup: Supervision, act: Activities, five: FiveOnesRow[]): boolean {
  return sup.totals.total + sup.totals.rejected === 0 && act.totals.activities === 0 && five.every((r) => r.done === 0)
}

/** ?year= when it is a sensible year, else this year (China time). */
export function yearParam(value: string | null): number {
  const n = Number(value)
  return value && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : yearInShanghai()
}

/** The year's fields, and any other field its issues carry (a field dropped later in the year). */
export function fieldsShown(reference: Reference | null, year: number, codes: (string | undefined)[]): CodeName[] {
  const list: CodeName[] = fieldsOfYear(reference, year).map((f) => ({ code: f.code, name: f.name }))
  for (const code of codes) if (code && !list.some((f) => f.code === code)) list.push({ code, name: fieldName(reference, code, year) })
  return list
}
