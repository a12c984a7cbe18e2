// The statistics ledger (统计台账) from the counters: supervision by county and field (or
// township), activities and coverage by county, and 五个一 by congress. Counties come from the
// reference data, so every county in scope has a row even when it has nothing yet.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { can, requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { todayInShanghai } from '../core/dates'
import { FIVE_INTRODUCTIONS, FIVE_ONES, FOUR_BATCHES } from '../core/taxonomy'
import { allCounties } from '../reference/reference.service'
import { activityCountRows, cityPlace, deadlineRows, deputyCountRows, fieldCodesOfYear, fiveOneCountRows, issueCountRows } from './stats.queries'
import { deadlineRange } from '../core/lights'
import { dueSoonDaysOf } from '../settings/settings.service'
import type { ActivityStats, FiveOneStats, SupervisionRow, SupervisionStats } from './stats.schemas'

const STATUS_KEYS = ['reported', 'assigned', 'rectifying', 'rectified', 'closed', 'rejected'] as const

/** The counties a staff member's figures cover: their own, or the city's (optionally one). */
export async function countiesInScope(db: Db, user: SessionUser, requested?: string): Promise<{ code: string; name: string }[]> {
  requirePermission(user, 'stats.read')
  const all = await allCounties(db)
  const f = staffCountyFilter(scopeOf(user), requested)
  if ('all' in f) return all
  // A county outside the scope (or none such) is a filter that matches nothing: empty figures.
  return all.filter((c) => f.codes.includes(c.code))
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b)

type Counters = Record<(typeof STATUS_KEYS)[number] | 'overdue' | 'dueSoon' | 'inTime' | 'total' | 'closedOnTime', number>
const emptyCounters = (): Counters => ({ reported: 0, assigned: 0, rectifying: 0, rectified: 0, closed: 0, rejected: 0, overdue: 0, dueSoon: 0, inTime: 0, total: 0, closedOnTime: 0 })

export async function supervisionStats(db: Db, user: SessionUser, year: number, countyCode?: string, groupBy: 'field' | 'township' | 'group' = 'field', now = new Date()): Promise<SupervisionStats> {
  const counties = await countiesInScope(db, user, countyCode)
  const codes = counties.map((c) => c.code)
  const today = todayInShanghai(now)
  const days = await dueSoonDaysOf(db, year)
  const [counts, overdue, dueSoon, fieldRows] = await db.batch([
    issueCountRows(db, year, codes, groupBy),
    deadlineRows(db, year, codes, groupBy, deadlineRange('red', today, days)),
    deadlineRows(db, year, codes, groupBy, deadlineRange('yellow', today, days)),
    fieldCodesOfYear(db, year),
  ])
  const cells = new Map<string, Counters>()
  const cell = (county: string, key: string) => {
    const id = `${county}\u0000${key}`
    let c = cells.get(id)
    if (!c) cells.set(id, (c = emptyCounters()))
    return c
  }
  // Every county × field has a cell (a matrix); townships appear as they occur.
  if (groupBy === 'field') for (const county of codes) for (const f of fieldRows) cell(county, f.code)
  for (const r of counts) {
    const c = cell(r.countyCode, r.key)
    for (const k of STATUS_KEYS) c[k] += r[k]
    c.closedOnTime += r.closedOnTime
  }
  for (const r of overdue) cell(r.countyCode, r.key).overdue += r.n
  for (const r of dueSoon) cell(r.countyCode, r.key).dueSoon += r.n
  const totals = emptyCounters()
  const rows = [...cells].map(([id, c]) => {
    const [county, key] = id.split('\u0000') as [string, string]
    c.total = c.reported + c.assigned + c.rectifying + c.rectified + c.closed
    // Every open item has a deadline and so one light: green is what is neither red nor yellow.
    c.inTime = c.assigned + c.rectifying - c.overdue - c.dueSoon
    for (const k of Object.keys(totals) as (keyof Counters)[]) totals[k] += c[k]
    const { closedOnTime, ...shown } = c
    const where = groupBy === 'field' ? { fieldCode: key } : groupBy === 'group' ? { groupId: key } : { township: key }
    return { countyCode: county, ...where, ...shown, closedOnTime, closureRate: ratio(c.closed, c.total), onTimeRate: ratio(closedOnTime, c.closed) } as SupervisionRow
  })
  return { year, groupBy, rows, totals, closureRate: ratio(totals.closed, totals.total), onTimeRate: ratio(totals.closedOnTime, totals.closed) }
}

export async function activityStats(db: Db, user: SessionUser, year: number, countyCode?: string): Promise<ActivityStats> {
  const counties = await countiesInScope(db, user, countyCode)
  const codes = counties.map((c) => c.code)
  const [counts, deputies] = await db.batch([activityCountRows(db, year, codes), deputyCountRows(db, codes)])
  const row = (countyCode: string) => {
    const c = counts.find((r) => r.countyCode === countyCode)
    const d = deputies.find((r) => r.countyCode === countyCode)?.deputies ?? 0
    const active = c?.activeDeputies ?? 0
    return {
      countyCode,
      deputies: d,
      activeDeputies: active,
      coverage: ratio(active, d),
      activities: c?.activities ?? 0,
      confirmed: c?.confirmed ?? 0,
      outcomes: { policy_talk: c?.policyTalk ?? 0, opinion: c?.opinion ?? 0, deed: c?.deed ?? 0, mentoring: c?.mentoring ?? 0 },
      introductions: {
        market_entity: c?.marketEntity ?? 0,
        green_project: c?.greenProject ?? 0,
        funds: c?.funds ?? 0,
        talent: c?.talent ?? 0,
        technology: c?.technology ?? 0,
      },
      fundsAmount: (c?.fundsHundredths ?? 0) / 100,
    }
  }
  const rows = codes.map(row)
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0)
  const totals = {
    deputies: sum((r) => r.deputies),
    activeDeputies: sum((r) => r.activeDeputies),
    coverage: ratio(sum((r) => r.activeDeputies), sum((r) => r.deputies)),
    activities: sum((r) => r.activities),
    confirmed: sum((r) => r.confirmed),
    outcomes: Object.fromEntries(FOUR_BATCHES.map((k) => [k, sum((r) => r.outcomes[k])])) as ActivityStats['totals']['outcomes'],
    introductions: Object.fromEntries(FIVE_INTRODUCTIONS.map((k) => [k, sum((r) => r.introductions[k])])) as ActivityStats['totals']['introductions'],
    fundsAmount: Math.round(sum((r) => r.fundsAmount) * 100) / 100,
  }
  return { year, rows, totals }
}

export async function fiveOneStats(db: Db, user: SessionUser, year: number, countyCode?: string): Promise<FiveOneStats> {
  const city = await cityPlace(db)
  // The city's own congress is a row of its own for city staff (and may be asked for alone).
  const cityAsked = can(user, 'stats.city_congress') && !!city && countyCode === city.code
  const counties = cityAsked ? [] : await countiesInScope(db, user, countyCode)
  const withCity = can(user, 'stats.city_congress') && !!city && (!countyCode || cityAsked)
  const placesShown = [...(withCity ? [city!.code] : []), ...counties.map((c) => c.code)]
  const counts = await fiveOneCountRows(db, year, placesShown)
  const rows = placesShown.map((code) => {
    const of = Object.fromEntries(FIVE_ONES.map((f) => [f.code, counts.find((r) => r.placeCode === code && r.type === f.code)?.n ?? 0])) as Record<(typeof FIVE_ONES)[number]['code'], number>
    return { countyCode: code, ...of, done: FIVE_ONES.filter((f) => of[f.code] > 0).length }
  })
  return { year, rows }
}
