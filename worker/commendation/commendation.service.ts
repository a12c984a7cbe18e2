// Commendation rules (一年一表彰): staff read a county's deputies with their confirmed figures
// (county staff their own county, city staff any one county); county staff nominate deputies of
// their county as 优秀人大代表 with a reason, change or withdraw a nomination while it waits; the
// city confirms. A retried nomination creates nothing; stale versions are 409 with the record now.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { canManageCounty, requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { Conflict, InvalidTransition, NotFound, ValidationFailed } from '../core/errors'
import { requestHash } from '../core/hash'
import { FIRST_YEAR } from '../core/limits'
import { yearInShanghai } from '../core/dates'
import { introductionsOf, venuesOf } from '../core/commendation'
import { FOUR_BATCHES } from '../core/taxonomy'
import { allCounties, requireCounty } from '../reference/reference.service'
import { commendationXlsx } from './commendation.export'
import { isUniqueViolation } from '../users/accounts'
import { findDeputy, findNomination, groupPlace, insertNomination, listNominations, rosterFigures, updateNomination } from './commendation.queries'
import type { ChangeNominationBody, CommendationQuery, CommendationRow, NominateBody, Nomination } from './commendation.schemas'

/** The one county a table is read for: county staff their own (another is 404), city staff must name one. */
async function tableCounty(db: Db, user: SessionUser, requested?: string): Promise<string> {
  requirePermission(user, 'commendation.read')
  const scope = scopeOf(user)
  if (scope.kind === 'county') {
    if (requested && requested !== scope.countyCode) throw new NotFound()
    return scope.countyCode
  }
  if (!requested) throw new ValidationFailed({ countyCode: '请选择县市区' }, '请选择县市区')
  await requireCounty(db, requested)
  return requested
}

const fourBatchesOf = (r: CommendationRow['outcomes']) => FOUR_BATCHES.reduce((s, k) => s + r[k], 0)

const ORDER: Record<CommendationQuery['sort'], (r: CommendationRow) => number> = {
  activities: (r) => r.activities,
  venues: (r) => r.venuesCovered,
  fourBatches: (r) => r.fourBatches,
  introductions: (r) => r.introductionsMet.length,
  name: () => 0,
}

/**
 * A county's deputies with their confirmed figures of the year, from the per-deputy counters:
 * rows in proportion to the roster, whatever the number of activities. A deputy's own activities
 * and the group activities (集体活动) they took part in are counted apart; the 四个一批, 九进 and
 * 五个引进 figures are of their own activities (a group activity's outcomes go to the group).
 */
export async function commendationTable(db: Db, user: SessionUser, q: CommendationQuery, now = new Date()) {
  const countyCode = await tableCounty(db, user, q.countyCode)
  const year = q.year ?? yearInShanghai(now)
  if (q.groupId) {
    const g = await groupPlace(db, q.groupId)
    if (!g || g.countyCode !== countyCode || g.year !== year) throw new ValidationFailed({ groupId: '该县市区该年度没有这个代表小组' })
  }
  const [rows, live] = await Promise.all([rosterFigures(db, { countyCode, year, level: q.level, groupId: q.groupId }), listNominations(db, year, [countyCode], false)])
  const nominationOf = new Map(live.map((n) => [n.deputyId, { id: n.id, status: n.status, version: n.version }]))
  const items: CommendationRow[] = rows.map((r) => {
    const outcomes = { policy_talk: r.policyTalk, opinion: r.opinion, deed: r.deed, mentoring: r.mentoring }
    const venues = venuesOf(r.venues)
    return {
      deputyId: r.deputyId,
      name: r.name,
      level: r.level,
      activities: r.confirmed - r.groupConfirmed,
      groupActivities: r.groupConfirmed,
      venues,
      venuesCovered: venues.length,
      outcomes,
      fourBatches: fourBatchesOf(outcomes),
      introductionsMet: introductionsOf(r.introductions),
      nomination: nominationOf.get(r.deputyId) ?? null,
    }
  })
  const key = ORDER[q.sort]
  // Rows come by name; a stable sort keeps that order among equals.
  items.sort((a, b) => key(b) - key(a))
  return { year, countyCode, sort: q.sort, items }
}

/** The table as an XLSX sheet, named for its county and year. */
export async function commendationWorkbook(db: Db, user: SessionUser, q: CommendationQuery) {
  const t = await commendationTable(db, user, q)
  const countyName = (await allCounties(db)).find((c) => c.code === t.countyCode)?.name ?? t.countyCode
  return { year: t.year, countyName, blob: await commendationXlsx(t.year, countyName, t.items) }
}

function toNomination(row: NonNullable<Awaited<ReturnType<typeof findNomination>>>): Nomination {
  const { requestHash: _hash, nominatedBy: _by, ...n } = row
  return n
}

/** Staff whose county it is (city staff any); everyone else is told it does not exist. */
async function nominationInScope(db: Db, user: SessionUser, id: string) {
  requirePermission(user, 'nomination.write')
  const n = await findNomination(db, id)
  if (!n || !canManageCounty(scopeOf(user), n.countyCode)) throw new NotFound()
  return n
}

export async function nominate(db: Db, user: SessionUser, body: NominateBody, now = new Date()): Promise<{ nomination: Nomination; created: boolean }> {
  requirePermission(user, 'nomination.write')
  if (body.year < FIRST_YEAR) throw new ValidationFailed({ year: `年度不能早于台账首年（${FIRST_YEAR} 年）` })
  if (body.year > yearInShanghai(now)) throw new ValidationFailed({ year: '年度不能晚于今年' })
  const deputy = await findDeputy(db, body.deputyId)
  // Another county's deputy is named as not on this roster: nothing is told about who they are.
  if (!deputy || !deputy.countyCode || !canManageCounty(scopeOf(user), deputy.countyCode)) throw new ValidationFailed({ deputyId: '该代表不是本县（市、区）名册中的在册代表' })
  const { id, ...content } = body
  const hash = await requestHash(content)
  let created: boolean
  try {
    created = await insertNomination(db, { id, year: body.year, countyCode: deputy.countyCode, deputyId: deputy.id, reason: body.reason, nominatedBy: user.id, requestHash: hash, at: now.toISOString() })
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict(`${deputy.name}在 ${body.year} 年度已被推荐，不能重复推荐`)
    throw e
  }
  const stored = await findNomination(db, id)
  if (!stored) throw new Error('nomination vanished after insert')
  if (!created && (stored.nominatedBy !== user.id || stored.requestHash !== hash)) throw new Conflict('该编号已被另一条推荐使用，请刷新后重新填写')
  return { nomination: toNomination(stored), created }
}

export async function nominationsInScope(db: Db, user: SessionUser, q: { year?: number; countyCode?: string; withdrawn: boolean }, now = new Date()) {
  requirePermission(user, 'nomination.write')
  const year = q.year ?? yearInShanghai(now)
  const counties = staffCountyFilter(scopeOf(user), q.countyCode)
  if ('codes' in counties && counties.codes.length === 0) return { year, items: [] }
  const rows = await listNominations(db, year, 'all' in counties ? null : counties.codes, q.withdrawn)
  return { year, items: rows.map(toNomination) }
}

export async function nominationOf(db: Db, user: SessionUser, id: string) {
  return toNomination(await nominationInScope(db, user, id))
}

/** Changes the reason or withdraws, while the nomination waits for the city. */
export async function changeNomination(db: Db, user: SessionUser, id: string, body: ChangeNominationBody, now = new Date()) {
  const n = await nominationInScope(db, user, id)
  if (body.version !== n.version) throw new Conflict(undefined, toNomination(n))
  if (n.status !== 'nominated') throw new InvalidTransition(n.status === 'confirmed' ? '市级已确认的推荐不能再修改或撤回' : '已撤回的推荐不能再修改', toNomination(n))
  const changed = await updateNomination(db, id, n.version, 'nominated', { reason: body.reason, status: body.status }, now.toISOString())
  const after = await findNomination(db, id)
  if (!changed) throw new Conflict(undefined, after ? toNomination(after) : undefined)
  return toNomination(after!)
}

/** The city confirms a waiting nomination. */
export async function confirmNomination(db: Db, user: SessionUser, id: string, version: number, now = new Date()) {
  requirePermission(user, 'nomination.confirm', '只有市人大工作人员可以确认推荐')
  const n = await nominationInScope(db, user, id)
  if (version !== n.version) throw new Conflict(undefined, toNomination(n))
  if (n.status !== 'nominated') throw new InvalidTransition(n.status === 'confirmed' ? '该推荐已经确认' : '该推荐已撤回，不能确认', toNomination(n))
  const at = now.toISOString()
  const changed = await updateNomination(db, id, n.version, 'nominated', { status: 'confirmed', confirmedBy: user.id, confirmedAt: at }, at)
  const after = await findNomination(db, id)
  if (!changed) throw new Conflict(undefined, after ? toNomination(after) : undefined)
  return toNomination(after!)
}
