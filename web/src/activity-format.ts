// How the Programme 2 screens word things: labels of venues, outcomes, tags, statuses and levels
// (from the shared taxonomy), short names that fit a phone, amounts in 万元, and the years to pick.
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TAGS,
  DEPUTY_LEVELS,
  FIVE_INTRODUCTIONS,
  FIVE_ONES,
  FOUR_BATCHES,
  OUTCOMES,
  VENUES,
  labelOf,
} from '../../worker/core/taxonomy'
import { yearInShanghai } from '../../worker/core/dates'
import { FIRST_YEAR } from '../../worker/core/limits'
import type { Activity, Batch, IntroType } from './activities-api'
import type { Reference } from './api'

export { FIVE_INTRODUCTIONS, FOUR_BATCHES, VENUES, ACTIVITY_TAGS, FIVE_ONES }

export const venueLabel = (code: string | null) => (code ? labelOf(VENUES, code) : '未选载体')
export const venueFocus = (code: string | null) => VENUES.find((v) => v.code === code)?.focus ?? ''
export const activityStatusLabel = (code: string) => labelOf(ACTIVITY_STATUSES, code)
export const tagLabel = (code: string) => labelOf(ACTIVITY_TAGS, code)
/** The full name of a batch or an introduction, e.g. 宣讲一批惠民政策. */
export const outcomeLabel = (code: string) => labelOf(OUTCOMES, code)
export const levelLabel = (code: string | null) => labelOf(DEPUTY_LEVELS, code)
export const fiveOneLabel = (code: string) => labelOf(FIVE_ONES, code)
export const DEPUTY_LEVEL_OPTIONS = DEPUTY_LEVELS.map((l) => ({ value: l.code, label: `${l.name}人大代表` }))

/** 县人大代表, 全国人大代表 … */
export const deputyTitle = (level: string | null) => (level ? `${levelLabel(level)}人大代表` : '人大代表')

/** The four batches as a phone row can hold them. */
export const BATCH_SHORT: Record<Batch, string> = { policy_talk: '宣讲政策', opinion: '反映民意', deed: '办成实事', mentoring: '带动骨干' }
export const INTRO_SHORT: Record<IntroType, string> = {
  market_entity: '市场主体',
  green_project: '绿色产业项目',
  funds: '发展资金',
  talent: '急需人才',
  technology: '先进技术',
}

/** 35.5 → "35.5", 1200 → "1,200", 0.05 → "0.05" (万元 said by the caller). */
export function formatAmount(n: number): string {
  return n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })
}

/** 宣讲政策 2 · 反映民意 1, leaving out the zeroes; '' when all are zero. */
export function outcomesLine(a: Pick<Activity, 'outcomes'>): string {
  return FOUR_BATCHES.filter((k) => a.outcomes[k] > 0)
    .map((k) => `${BATCH_SHORT[k]} ${a.outcomes[k]}`)
    .join(' · ')
}

/** 发展资金：扶持资金 35.5 万元 */
export function introductionLine(i: { type: IntroType; name: string; amount?: number }): string {
  return `${INTRO_SHORT[i.type]}：${i.name}${i.type === 'funds' && i.amount !== undefined ? ` ${formatAmount(i.amount)} 万元` : ''}`
}

/** The years someone can look back on: those in the reference, else the term so far. */
export function yearOptions(reference: Reference | null): { value: string; label: string }[] {
  const now = yearInShanghai()
  const years = reference?.years.length ? [...reference.years] : Array.from({ length: now - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i)
  if (!years.includes(now)) years.push(now)
  return years.sort((a, b) => b - a).map((y) => ({ value: String(y), label: `${y} 年` }))
}

/** Counties as select options (and the city first when asked). */
export function countyOptions(reference: Reference | null, withCity = false): { value: string; label: string }[] {
  const list = (reference?.counties ?? []).map((c) => ({ value: c.code, label: c.name }))
  return withCity && reference?.city ? [{ value: reference.city.code, label: `${reference.city.name}（市本级）` }, ...list] : list
}

/** The name of a county or of the city itself. */
export function placeName(reference: Reference | null, code: string | null): string {
  if (!code) return ''
  if (reference?.city?.code === code) return reference.city.name
  return reference?.counties.find((c) => c.code === code)?.name ?? code
}
