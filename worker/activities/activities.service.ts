// Rules of the activity ledger: who records for whom, idempotent create, the deputy's edits while
// submitted or returned, review by staff, and the yearly record computed from confirmed
// activities only.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { activityScope, can, canManageCounty, canSeeActivity, requirePermission, scopeOf } from '../auth/access'
import { Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed } from '../core/errors'
import { todayInShanghai, yearOf } from '../core/dates'
import { activityTransition } from '../core/activity-review'
import { requestHash } from '../core/hash'
import { FIVE_INTRODUCTIONS, FOUR_BATCHES, VENUES, type ActivityTag } from '../core/taxonomy'
import { FIRST_YEAR } from '../core/limits'
import type { Activity, ActivityContent, CreateActivityBody, DeputyRecord } from './activities.schemas'
import type { Photo } from '../photos/photos.schemas'
import { activityPhotos } from '../photos/photos.view.service'
import { groupOfCallersCounty, onCountyRoster } from '../groups/groups.service'
import {
  findDeputy,
  childrenOf,
  confirmedOfYear,
  countOfYear,
  findActivityRow,
  insertActivity,
  isParticipant,
  replaceActivity,
  setReview,
  type ActivityRow,
  type IntroductionRow,
  type NewIntroduction,
  type NewParticipant,
  type ParticipantRow,
} from './activities.queries'

export type { Activity }

export function toActivity(row: ActivityRow, intros: IntroductionRow[], tags: ActivityTag[], photos: Photo[] = [], participants: ParticipantRow[] = []): Activity {
  return {
    id: row.id,
    deputyId: row.deputyId,
    deputyName: row.deputyName,
    countyCode: row.countyCode,
    year: row.year,
    date: row.date,
    venue: row.venue,
    title: row.title,
    description: row.description,
    place: row.place,
    tags: [...tags].sort(),
    outcomes: { policy_talk: row.policyTalk, opinion: row.opinion, deed: row.deed, mentoring: row.mentoring },
    introductions: intros.map((i) => (i.type === 'funds' ? { type: i.type, name: i.name, amount: (i.amountHundredths ?? 0) / 100 } : { type: i.type, name: i.name })),
    groupId: row.groupId,
    group: row.groupId ? { id: row.groupId, name: row.groupName ?? '' } : null,
    participants: participants.map((p) => ({ id: p.id, name: p.name, invited: p.invited })),
    status: row.status,
    reviewNote: row.reviewNote,
    photos,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  }
}

/** Rows of a page (or one row) with their children (and photos) attached. */
export async function withChildren(db: Db, rows: ActivityRow[]): Promise<Activity[]> {
  const ids = rows.map((r) => r.id)
  const [{ intros, tags, participants }, photos] = await Promise.all([childrenOf(db, ids), activityPhotos(db, ids)])
  return rows.map((r) =>
    toActivity(
      r,
      intros.filter((i) => i.activityId === r.id),
      tags.filter((t) => t.activityId === r.id).map((t) => t.tag),
      photos.get(r.id) ?? [],
      participants.filter((p) => p.activityId === r.id),
    ),
  )
}

async function loadActivity(db: Db, id: string) {
  const row = await findActivityRow(db, id)
  return row ? (await withChildren(db, [row]))[0]! : null
}

export async function visibleActivity(db: Db, user: SessionUser, id: string) {
  const f = activityScope(user)
  const row = await findActivityRow(db, id)
  if (!row) throw new NotFound()
  // A deputy who took part in a group activity reads it (it is in their 履职档案).
  if (!canSeeActivity(f, row) && !(row.groupId && 'deputyId' in f && (await isParticipant(db, row.id, f.deputyId)))) throw new NotFound()
  return row
}

function checkDate(date: string, now: Date) {
  if (date > todayInShanghai(now)) throw new ValidationFailed({ date: '活动日期不能晚于今天' })
  if (yearOf(date) < FIRST_YEAR) throw new ValidationFailed({ date: `活动日期不能早于本届任期首年（${FIRST_YEAR} 年）` })
}

function columnsOf(c: ActivityContent) {
  return {
    date: c.date,
    year: yearOf(c.date),
    venue: c.venue,
    title: c.title,
    description: c.description,
    place: c.place,
    policyTalk: c.outcomes.policy_talk,
    opinion: c.outcomes.opinion,
    deed: c.outcomes.deed,
    mentoring: c.outcomes.mentoring,
  }
}

function introRows(activityId: string, c: ActivityContent): NewIntroduction[] {
  return c.introductions.map((i, n) => ({
    id: `${activityId}:${n}`,
    activityId,
    type: i.type,
    name: i.name,
    amountHundredths: i.type === 'funds' ? Math.round(i.amount! * 100) : null,
    sort: n,
  }))
}

/** The deputy an activity is recorded for: the deputy themself, or one in a staff member's scope. */
async function deputyFor(db: Db, user: SessionUser, deputyId: string | undefined) {
  if (!can(user, 'activity.create.for_deputy')) {
    if (deputyId && deputyId !== user.id) throw new Forbidden('代表只能记录本人的履职活动')
    return { id: user.id, name: user.name, countyCode: user.countyCode! }
  }
  if (!deputyId) throw new ValidationFailed({ deputyId: '请选择代表' })
  const d = await findDeputy(db, deputyId)
  const scope = scopeOf(user)
  if (!d || !d.countyCode || (scope.kind === 'county' && d.countyCode !== scope.countyCode)) {
    throw new ValidationFailed({ deputyId: '没有这位代表，或不属于本县（市、区）' })
  }
  if (!d.active) throw new ValidationFailed({ deputyId: '这位代表已停用，不能再为其记录履职活动' })
  return { id: d.id, name: d.name, countyCode: d.countyCode }
}

/**
 * The participants of a group activity: each a deputy on the group's county roster today, those
 * not members of the group marked invited. Named by count only, as for group members.
 */
async function participantsOf(db: Db, g: { countyCode: string; members: { id: string }[] }, ids: string[]): Promise<NewParticipant[]> {
  const onRoster = await onCountyRoster(db, g.countyCode, ids)
  const strangers = ids.filter((id) => !onRoster.has(id)).length
  if (strangers) throw new ValidationFailed({ participantIds: `有 ${strangers} 名参加代表不是本县（市、区）名册中的在册代表` })
  const members = new Set(g.members.map((m) => m.id))
  return ids.map((deputyId) => ({ deputyId, invited: !members.has(deputyId) }))
}

function checkGroupYear(g: { year: number }, date: string) {
  if (yearOf(date) !== g.year) throw new ValidationFailed({ date: `这是 ${g.year} 年度的代表小组，活动日期须在 ${g.year} 年内` })
}

/**
 * A group activity (集体活动): recorded by the group's leader or by staff of its county (city staff
 * any), under the leader's name (or, for a group without a leader yet, its first participant's),
 * with its participants. A group of another county is not found; any other deputy is refused.
 */
async function groupActivityFor(db: Db, user: SessionUser, body: CreateActivityBody) {
  if (body.deputyId) throw new ValidationFailed({ deputyId: '集体活动记在代表小组名下，不必再选择代表' })
  const g = await groupOfCallersCounty(db, user, body.groupId!)
  if (!can(user, 'activity.create.for_deputy') && g.leaderId !== user.id) throw new Forbidden('只有小组组长或工作人员可以记录集体活动')
  if (!body.participantIds) throw new ValidationFailed({ participantIds: '请选择参加活动的代表' })
  checkGroupYear(g, body.date)
  const participants = await participantsOf(db, g, body.participantIds)
  const deputyId = g.leaderId ?? participants[0]!.deputyId
  const d = await findDeputy(db, deputyId)
  if (!d) throw new Error('group leader is not a deputy')
  return { group: g, deputy: { id: d.id, name: d.name, countyCode: g.countyCode }, participants }
}

export async function createActivity(db: Db, user: SessionUser, body: CreateActivityBody, now = new Date()) {
  requirePermission(user, 'activity.create')
  if (!body.groupId && body.participantIds) throw new ValidationFailed({ participantIds: '只有集体活动才填写参加代表，请先选择代表小组' })
  const group = body.groupId ? await groupActivityFor(db, user, body) : null
  const deputy = group ? group.deputy : await deputyFor(db, user, body.deputyId)
  checkDate(body.date, now)
  const id = body.id ?? crypto.randomUUID()
  const { id: _id, deputyId: _d, ...content } = body
  const hash = await requestHash({ ...content, deputyId: deputy.id })
  const at = now.toISOString()
  const stored = {
    id,
    deputyId: deputy.id,
    countyCode: deputy.countyCode,
    ...columnsOf(body),
    groupId: group?.group.id ?? null,
    status: 'submitted' as const,
    createdBy: user.id,
    requestHash: hash,
    createdAt: at,
    updatedAt: at,
  }
  const intros = introRows(id, body)
  const created = await insertActivity(db, stored, intros, body.tags, group?.participants)
  if (created && !group) {
    // Everything of a new activity is known: answer it without reading it back.
    const row = { ...stored, deputyName: deputy.name, groupName: null, reviewNote: null, version: 1 }
    return { activity: toActivity(row, intros.map((i) => ({ activityId: id, type: i.type, name: i.name, amountHundredths: i.amountHundredths ?? null })), body.tags), created }
  }
  const row = await findActivityRow(db, id)
  if (!row) throw new Error('activity vanished after insert')
  if (!created && (row.createdBy !== user.id || row.requestHash !== hash)) throw new Conflict('该编号已被另一条记录使用，请刷新后重新填写')
  return { activity: (await withChildren(db, [row]))[0]!, created }
}

export async function updateActivity(db: Db, user: SessionUser, id: string, body: ActivityContent & { version: number; participantIds?: string[] }, now = new Date()) {
  const row = await visibleActivity(db, user, id)
  // A group activity is the group's: its leader (under whose name it is) or staff of its county edit it.
  const staffOfCounty = can(user, 'activity.create.for_deputy') && canManageCounty(scopeOf(user), row.countyCode)
  if (row.deputyId !== user.id && !(row.groupId && staffOfCounty)) throw new Forbidden(row.groupId ? '只有小组组长或工作人员可以修改集体活动' : '只有代表本人可以修改履职记录')
  if (!row.groupId && body.participantIds) throw new ValidationFailed({ participantIds: '只有集体活动才填写参加代表' })
  const current = async () => (await loadActivity(db, id))!
  if (body.version !== row.version) throw new Conflict(undefined, await current())
  const edit = activityTransition('edit')
  if (!edit.from.includes(row.status)) throw new InvalidTransition('已确认的履职记录不能再修改', await current())
  checkDate(body.date, now)
  let participants: NewParticipant[] | undefined
  if (row.groupId) {
    const g = await groupOfCallersCounty(db, user, row.groupId)
    checkGroupYear(g, body.date)
    if (body.participantIds) participants = await participantsOf(db, g, body.participantIds)
  }
  const ok = await replaceActivity(db, row, { ...columnsOf(body), status: edit.to, updatedAt: now.toISOString() }, introRows(id, body), body.tags, participants)
  if (!ok) throw new Conflict(undefined, await current())
  return current()
}

export async function reviewActivity(db: Db, user: SessionUser, id: string, body: { decision: 'confirm' | 'return'; note?: string; version: number }, now = new Date()) {
  requirePermission(user, 'activity.review')
  const row = await visibleActivity(db, user, id)
  const current = async () => (await loadActivity(db, id))!
  if (body.version !== row.version) throw new Conflict(undefined, await current())
  const t = activityTransition(body.decision)
  if (!t.from.includes(row.status)) throw new InvalidTransition('只能审核待审核的履职记录', await current())
  if (t.needsNote && !body.note) throw new ValidationFailed({ note: '请填写退回原因' })
  const { intros } = await childrenOf(db, [id])
  const ok = await setReview(db, row, intros, {
    status: t.to,
    reviewNote: body.note || null,
    reviewedBy: user.id,
    reviewedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  })
  if (!ok) throw new Conflict(undefined, await current())
  return current()
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>

/** A deputy's yearly record (履职档案), from confirmed activities only. */
export async function deputyRecord(db: Db, user: SessionUser, deputyId: string, year: number): Promise<DeputyRecord> {
  const f = activityScope(user)
  const deputy = await findDeputy(db, deputyId)
  if (!deputy || !canSeeActivity(f, { countyCode: deputy.countyCode ?? '', deputyId: deputy.id })) throw new NotFound()
  const confirmed = await withChildren(db, await confirmedOfYear(db, deputyId, year))
  const byVenue = zeroes(VENUES.map((v) => v.code))
  const outcomes = zeroes(FOUR_BATCHES)
  const introductions = { ...zeroes(FIVE_INTRODUCTIONS), fundsAmount: 0 }
  let fundsHundredths = 0
  for (const a of confirmed) {
    if (a.venue) byVenue[a.venue]++
    // A group activity's outcomes are the group's, credited once (GET /stats/groups/activities), not each participant's.
    if (a.groupId) continue
    for (const k of FOUR_BATCHES) outcomes[k] += a.outcomes[k]
    for (const i of a.introductions) {
      introductions[i.type]++
      if (i.type === 'funds') fundsHundredths += Math.round((i.amount ?? 0) * 100)
    }
  }
  introductions.fundsAmount = fundsHundredths / 100
  return {
    // A deputy always has a level and a county (CHECKs users_level_required, users_county_required).
    deputy: { id: deputy.id, name: deputy.name, phone: deputy.phone, level: deputy.level!, countyCode: deputy.countyCode!, group: deputy.group },
    year,
    activities: await countOfYear(db, deputyId, year),
    confirmed: confirmed.length,
    groupActivities: confirmed.filter((a) => a.groupId).length,
    byVenue,
    outcomes,
    introductions,
    targets: { fiveIntroductionsMet: FIVE_INTRODUCTIONS.filter((k) => introductions[k] > 0) },
    /** The confirmed activities every figure above is counted from. */
    confirmedActivities: confirmed,
  }
}
