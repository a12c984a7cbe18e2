// Deadline lights (亮灯): green in time, yellow within N days of the deadline, red overdue, for
// the items whose deadline runs. Worked out from the deadline and today (Asia/Shanghai) on every
// read, never stored: a light changes with the calendar, not with a write. The web imports this
// too, so a badge and a list filter never disagree.
import { OPEN_STATUSES } from './workflow'
import type { IssueStatus } from './taxonomy'

export const LIGHTS = [
  { code: 'green', name: '绿灯', hint: '按期推进' },
  { code: 'yellow', name: '黄灯', hint: '即将到期' },
  { code: 'red', name: '红灯', hint: '已逾期' },
] as const
export type Light = (typeof LIGHTS)[number]['code']

/** How many days before its deadline an item turns yellow, unless city staff set the year otherwise. */
export const DEFAULT_DUE_SOON_DAYS = 3
export const MAX_DUE_SOON_DAYS = 60

/** The day `days` after `date` (both YYYY-MM-DD, calendar days). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/**
 * The light of an item on `today`: null unless the unit owes the fix (assigned or rectifying)
 * under a deadline. Yellow from `dueSoonDays` days before the deadline through the deadline day.
 */
export function lightOf(issue: { status: IssueStatus; deadline: string | null }, today: string, dueSoonDays: number): Light | null {
  if (issue.deadline === null || !OPEN_STATUSES.includes(issue.status)) return null
  if (issue.deadline < today) return 'red'
  return issue.deadline <= addDays(today, dueSoonDays) ? 'yellow' : 'green'
}

/**
 * The deadline range each light covers on `today` (inclusive bounds, YYYY-MM-DD): what a
 * `?light=` filter asks the deadline index for.
 */
export function deadlineRange(light: Light, today: string, dueSoonDays: number): { from?: string; to?: string } {
  if (light === 'red') return { to: addDays(today, -1) }
  if (light === 'yellow') return { from: today, to: addDays(today, dueSoonDays) }
  return { from: addDays(today, dueSoonDays + 1) }
}
