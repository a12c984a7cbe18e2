// Dates in China Standard Time. China keeps UTC+8 all year (no daylight saving), so a fixed
// offset is exact and needs no time-zone database, whatever the server's own time zone is.

const CST_OFFSET_MS = 8 * 60 * 60 * 1000

/** Today's date (YYYY-MM-DD) in Asia/Shanghai at the instant `now`. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10)
}

/** The current year in Asia/Shanghai. */
export function yearInShanghai(now: Date = new Date()): number {
  return Number(todayInShanghai(now).slice(0, 4))
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date written YYYY-MM-DD (rejects 2023-02-30). */
export function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s)
  if (!m) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}

/** The same day `years` later (29 February becomes 28 February in a common year). */
export function addYears(date: string, years: number): string {
  const y = yearOf(date) + years
  const md = date.slice(5)
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`
}

/** How far ahead of today a rectification deadline may be set or extended (docs/api.md). */
export const DEADLINE_YEARS_AHEAD = 3

/** The latest deadline allowed on `today`. */
export function latestDeadline(today: string): string {
  return addYears(today, DEADLINE_YEARS_AHEAD)
}
