// The per-year settings' rules: N defaults to 3 until city staff set a year, and a write made
// on a stale version changes nothing (409 with the current setting).
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { requirePermission } from '../auth/access'
import { Conflict } from '../core/errors'
import { DEFAULT_DUE_SOON_DAYS } from '../core/lights'
import { allYearSettings, writeYearSetting, yearSetting } from './settings.queries'
import type { PutYearSettingsBody, YearSettings } from './settings.schemas'

/** Each year's N as set, and the default for the others: what lights are worked out with. */
export interface DueSoonRule {
  byYear: Map<number, number>
  defaultDays: number
}

export function daysFor(rule: DueSoonRule, year: number): number {
  return rule.byYear.get(year) ?? rule.defaultDays
}

/** One small read (a row per year that was ever set). */
export async function dueSoonRule(db: Db): Promise<DueSoonRule> {
  const rows = await allYearSettings(db)
  return { byYear: new Map(rows.map((r) => [r.year, r.dueSoonDays])), defaultDays: DEFAULT_DUE_SOON_DAYS }
}

/** One year's N (the default when never set). */
export async function dueSoonDaysOf(db: Db, year: number): Promise<number> {
  return (await yearSetting(db, year))?.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS
}

export async function readYearSettings(db: Db, year: number): Promise<YearSettings> {
  const row = await yearSetting(db, year)
  return row ? { year, dueSoonDays: row.dueSoonDays, updatedAt: row.updatedAt, version: row.version } : { year, dueSoonDays: DEFAULT_DUE_SOON_DAYS, updatedAt: null, version: 0 }
}

export async function putYearSettings(db: Db, user: SessionUser, body: PutYearSettingsBody, now = new Date()): Promise<YearSettings> {
  requirePermission(user, 'settings.write', '只有市人大工作人员可以设置亮灯天数')
  const ok = await writeYearSetting(db, body.year, body.dueSoonDays, body.version, now.toISOString())
  const current = await readYearSettings(db, body.year)
  if (!ok) throw new Conflict(undefined, current)
  return current
}
