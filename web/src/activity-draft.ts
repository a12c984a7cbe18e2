// The activity form's draft: its fields, a fresh one or one from a saved activity, the checks made
// before sending (in the server's words and with its field keys), the request body, and the copy
// kept in sessionStorage so that a reload or a lapsed session loses nothing.
import type { ActivityTag, Venue } from '../../worker/core/taxonomy'
import { textMessage } from '../../worker/core/text'
import { FIRST_DATE, FIRST_YEAR, MAX_CHARS, MAX_FUNDS, MAX_INTRODUCTIONS, MAX_OUTCOME } from '../../worker/core/limits'
import type { Activity, ActivityContent, Batch, IntroType, Outcomes } from './activities-api'
import { draftStore } from './draft-store'

export interface IntroDraft {
  /** Stable across edits, for the list's keys. */
  key: string
  type: IntroType | ''
  name: string
  /** As typed (万元); only for funds. */
  amount: string
}

export interface Draft {
  /** Staff record for a deputy they pick; a deputy records their own (null). */
  deputy: { id: string; name: string } | null
  venue: Venue | ''
  date: string
  title: string
  description: string
  place: string
  tags: ActivityTag[]
  outcomes: Outcomes
  introductions: IntroDraft[]
  /** A group activity (集体活动): the group and who took part; absent or null for one's own. */
  group?: GroupDraft | null
}

export interface GroupDraft {
  id: string
  name: string
  participants: { id: string; name: string; invited: boolean }[]
}

/** Keys as the server names them: 'title', 'outcomes.opinion', 'introductions.0.amount'. */
export type Fields = Record<string, string | undefined>

export { FIRST_DATE, MAX_INTRODUCTIONS }
const ZERO: Outcomes = { policy_talk: 0, opinion: 0, deed: 0, mentoring: 0 }
let keys = 0
export const introKey = () => `i${++keys}`

export const fresh = (today: string, keep?: Draft): Draft => ({
  deputy: keep?.deputy ?? null,
  venue: '',
  date: today,
  title: '',
  description: '',
  place: keep?.place ?? '',
  tags: [],
  outcomes: { ...ZERO },
  introductions: [],
})

export function fromActivity(a: Activity): Draft {
  return {
    deputy: { id: a.deputyId, name: a.deputyName },
    venue: a.venue ?? '',
    date: a.date,
    title: a.title,
    description: a.description,
    place: a.place,
    tags: [...a.tags],
    outcomes: { ...ZERO, ...a.outcomes },
    introductions: a.introductions.map((i) => ({ key: introKey(), type: i.type, name: i.name, amount: 'amount' in i ? String(i.amount) : '' })),
  }
}

/** True when nothing worth keeping has been typed yet. */
export function isBlank(d: Draft): boolean {
  return !d.title.trim() && !d.description.trim() && !d.venue && d.introductions.length === 0
}

const AMOUNT_RE = /^\d+(\.\d{1,2})?$/

export function check(d: Draft, today: string, needDeputy: boolean): Fields {
  const f: Fields = {}
  if (needDeputy && !d.deputy) f.deputyId = '请选择代表'
  if (!d.venue) f.venue = '请选择活动载体（九进）'
  if (!d.date) f.date = '请填写活动日期'
  else if (d.date > today) f.date = '活动日期不能晚于今天'
  else if (d.date < FIRST_DATE) f.date = `活动日期不能早于本届任期首年（${FIRST_YEAR} 年）`
  const title = textMessage('活动主题', d.title, { max: MAX_CHARS.title, required: true })
  if (title) f.title = title
  const description = textMessage('活动内容', d.description, { max: MAX_CHARS.text, multiline: true })
  if (description) f.description = description
  const place = textMessage('地点', d.place, { max: MAX_CHARS.place })
  if (place) f.place = place
  for (const [k, n] of Object.entries(d.outcomes) as [Batch, number][]) {
    if (!Number.isInteger(n) || n < 0 || n > MAX_OUTCOME) f[`outcomes.${k}`] = `应在 0 到 ${MAX_OUTCOME} 之间`
  }
  if (d.introductions.length > MAX_INTRODUCTIONS) f.introductions = `一次最多登记 ${MAX_INTRODUCTIONS} 项引进`
  d.introductions.forEach((i, n) => {
    if (!i.type) f[`introductions.${n}.type`] = '请选择引进类别'
    const name = textMessage('引进名称', i.name, { max: MAX_CHARS.introductionName, required: true })
    if (name) f[`introductions.${n}.name`] = name
    if (i.type === 'funds') {
      const raw = i.amount.trim()
      if (!raw) f[`introductions.${n}.amount`] = '请填写资金金额（万元）'
      else if (!AMOUNT_RE.test(raw)) f[`introductions.${n}.amount`] = '金额应为数字，最多保留两位小数'
      else if (Number(raw) <= 0) f[`introductions.${n}.amount`] = '金额应大于 0'
      else if (Number(raw) > MAX_FUNDS) f[`introductions.${n}.amount`] = '金额过大，请核对（单位：万元）'
    }
  })
  return f
}

/** The order fields appear on screen, for focusing the first one flagged. */
export function fieldOrder(d: Draft): string[] {
  const intro = d.introductions.flatMap((_, n) => [`introductions.${n}.type`, `introductions.${n}.name`, `introductions.${n}.amount`])
  return ['deputyId', 'venue', 'date', 'place', 'title', 'description', 'outcomes.policy_talk', 'outcomes.opinion', 'outcomes.deed', 'outcomes.mentoring', 'introductions', ...intro, 'tags']
}

export function contentOf(d: Draft): ActivityContent {
  return {
    date: d.date,
    venue: d.venue || null,
    title: d.title.trim(),
    description: d.description.trim(),
    place: d.place.trim(),
    tags: [...d.tags].sort(),
    outcomes: { ...d.outcomes },
    introductions: d.introductions.map((i) => ({
      type: i.type as IntroType,
      name: i.name.trim(),
      ...(i.type === 'funds' ? { amount: Number(i.amount.trim()) } : {}),
    })),
  }
}

const drafts = draftStore<Draft>('activity-draft', (d) => ({ ...d, outcomes: { ...ZERO, ...d.outcomes }, introductions: (d.introductions ?? []).map((i) => ({ ...i, key: introKey() })) }))
export const loadSaved = drafts.load
export const store = drafts.store
