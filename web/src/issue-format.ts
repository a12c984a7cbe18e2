// How the issue screens word things: Chinese labels of codes, China-time instants, days left or
// overdue, and which list each role comes back to.
import { ISSUE_ACTIONS, ISSUE_KINDS, ISSUE_SOURCES, ISSUE_STATUSES, isStaff, labelOf, type Role } from '../../worker/core/taxonomy'
import type { Reference } from './api'

export const statusLabel = (code: string | null | undefined) => labelOf(ISSUE_STATUSES, code)
export const actionLabel = (code: string) => labelOf(ISSUE_ACTIONS, code)
export const sourceLabel = (code: string) => labelOf(ISSUE_SOURCES, code)
export const kindLabel = (code: string) => labelOf(ISSUE_KINDS, code)

/** The supervision fields of one year (fields are data with a year, see domain.md). */
export function fieldsOfYear(reference: Reference | null, year: number) {
  return (reference?.fields ?? []).filter((f) => f.year === year)
}

/** A field's name, preferring the year the issue belongs to. */
export function fieldName(reference: Reference | null, code: string, year?: number): string {
  const fields = reference?.fields ?? []
  return (fields.find((f) => f.code === code && f.year === year) ?? fields.find((f) => f.code === code))?.name ?? code
}

/** Every field code once (for a filter across years), newest year's name first. */
export function distinctFields(reference: Reference | null): { code: string; name: string }[] {
  const seen = new Map<string, string>()
  for (const f of [...(reference?.fields ?? [])].sort((a, b) => b.year - a.year)) if (!seen.has(f.code)) seen.set(f.code, f.name)
  return [...seen].map(([code, name]) => ({ code, name }))
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000

/** An ISO instant as 2026-11-25 14:30 in China time, whatever the device's own time zone. */
export function formatInstant(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** Whole days from date a to date b (YYYY-MM-DD), negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** 逾期 5 天 / 剩 3 天 / 今天到期, for a deadline still running; '' when it no longer matters. */
export function deadlineNote(deadline: string | null, today: string, open: boolean): string {
  if (!deadline || !open) return ''
  const left = daysBetween(today, deadline)
  if (left < 0) return `逾期 ${-left} 天`
  return left === 0 ? '今天到期' : `剩 ${left} 天`
}

// The address each list was last seen at (filters, tab), so that 返回 from an issue lands there.
const lastSeen = new Map<string, string>()

export function rememberList(path: string, search: string): void {
  lastSeen.set(path, search ? `${path}?${search}` : path)
}

/** The list a person works from, and the way back to it from an issue. */
export function homeListOf(role: Role): { href: string; label: string } {
  const [path, label] = role === 'deputy' ? ['/issues/mine', '我反映的问题'] : role === 'unit' ? ['/issues/todo', '待办整改'] : ['/issues', '问题台账']
  return { href: lastSeen.get(path) ?? path, label }
}

/** County or city staff (worker/core/taxonomy.ts says who counts). */
export const isStaffRole = isStaff
