// Deputy group rules: county staff manage their own county's groups, city staff any county's; a
// deputy reads the groups they belong to. Members are deputies on the group's county roster (any
// of the five levels), the leader is one of them, the fields are the year's. Changes carry the
// version the actor saw (stale → 409 with the group as it is now).
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { can, canManageCounty, requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../core/errors'
import { FIRST_YEAR } from '../core/limits'
import { yearInShanghai } from '../core/dates'
import { allCounties, requireCounty } from '../reference/reference.service'
import { isUniqueViolation } from '../users/accounts'
import {
  coveredFieldsOfYear,
  fieldCodesOfYear,
  fieldsAndCounts,
  findGroup,
  groupActivityCountRows,
  groupCountsOfYear,
  groupIssueCountRows,
  groupParts,
  insertGroup,
  listGroups,
  listGroupsOfDeputy,
  rosterDeputies,
  updateGroup,
} from './groups.queries'
import type { ChangeGroupBody, CreateGroupBody, GroupActivityStats } from './groups.schemas'
import { FIVE_INTRODUCTIONS, FOUR_BATCHES } from '../core/taxonomy'

const SAME_NAME = '本县（市、区）该年度已有同名的代表小组'

/** A group with its fields and members, as GET /groups/:id answers it. */
async function detailOf(db: Db, id: string) {
  const g = await findGroup(db, id)
  if (!g) throw new NotFound()
  return { ...g, ...(await groupParts(db, g)) }
}

/** Staff in scope, or a deputy who is a member: everyone else is told it does not exist. */
export async function groupInScope(db: Db, user: SessionUser, id: string) {
  const g = await findGroup(db, id)
  if (!g) throw new NotFound()
  const scope = scopeOf(user)
  if (scope.kind === 'deputy') {
    const parts = await groupParts(db, g)
    if (!parts.members.some((m) => m.id === user.id)) throw new NotFound()
    return { ...g, ...parts }
  }
  if (!can(user, 'group.manage') || !canManageCounty(scope, g.countyCode)) throw new NotFound()
  return { ...g, ...(await groupParts(db, g)) }
}

/**
 * A group with its members, for recording what it did (its activities, the issues it found): a
 * group of another county than the caller's is not found. Whether the caller may record for it
 * (its leader, a member, staff) is the caller's rule.
 */
export async function groupOfCallersCounty(db: Db, user: SessionUser, id: string) {
  const g = await findGroup(db, id)
  const scope = scopeOf(user)
  if (!g || (scope.kind !== 'city' && scope.countyCode !== g.countyCode)) throw new NotFound('没有这个代表小组，或不属于本县（市、区）')
  return { ...g, ...(await groupParts(db, g)) }
}

/** Which of these ids are deputies on the county's roster today. */
export function onCountyRoster(db: Db, countyCode: string, ids: string[]): Promise<Set<string>> {
  return rosterDeputies(db, countyCode, ids)
}

function checkYear(year: number, now: Date) {
  if (year < FIRST_YEAR) throw new ValidationFailed({ year: `年度不能早于台账首年（${FIRST_YEAR} 年）` })
  if (year > yearInShanghai(now) + 1) throw new ValidationFailed({ year: '年度不能晚于明年' })
}

/** The fields (deduplicated, each one of the year's) and a field or a theme at least. */
async function checkFields(db: Db, year: number, codes: string[], theme: string): Promise<string[]> {
  const wanted = [...new Set(codes)]
  const ofYear = await fieldCodesOfYear(db, year)
  const unknown = wanted.filter((c) => !ofYear.includes(c))
  if (unknown.length) throw new ValidationFailed({ fieldCodes: `${year} 年没有这些监督领域：${unknown.join('、')}` })
  if (!wanted.length && !theme) throw new ValidationFailed({ fieldCodes: '请至少选择一个监督领域，或填写小组主题' })
  return wanted
}

/**
 * The members (deduplicated), each on the county's roster today or already a member (one ended
 * since stays until staff take them off), with the leader among them.
 */
async function checkMembers(db: Db, countyCode: string, ids: string[], leaderId: string | null, already: string[] = []): Promise<string[]> {
  const members = [...new Set(ids)]
  const fresh = members.filter((id) => !already.includes(id))
  const onRoster = await rosterDeputies(db, countyCode, fresh)
  const strangers = fresh.filter((id) => !onRoster.has(id)).length
  // Named by count only: an id from another county says nothing about who it is.
  if (strangers) throw new ValidationFailed({ memberIds: `有 ${strangers} 名成员不是本县（市、区）名册中的在册代表` })
  if (leaderId !== null && !members.includes(leaderId)) throw new ValidationFailed({ leaderId: '组长须是小组成员' })
  return members
}

export async function createGroup(db: Db, user: SessionUser, body: CreateGroupBody, now = new Date()) {
  requirePermission(user, 'group.manage')
  const countyCode = body.countyCode ?? user.countyCode
  if (!countyCode) throw new ValidationFailed({ countyCode: '请选择县市区' })
  if (!canManageCounty(scopeOf(user), countyCode)) throw new Forbidden('只能为本县（市、区）建立代表小组')
  await requireCounty(db, countyCode)
  checkYear(body.year, now)
  const fieldCodes = await checkFields(db, body.year, body.fieldCodes, body.theme)
  const memberIds = await checkMembers(db, countyCode, body.memberIds, body.leaderId)
  const id = crypto.randomUUID()
  try {
    await insertGroup(db, { id, countyCode, year: body.year, name: body.name, theme: body.theme, leaderId: body.leaderId, fieldCodes, memberIds, at: now.toISOString() })
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict(SAME_NAME)
    throw e
  }
  const group = await detailOf(db, id)
  return { id, version: group.version, group }
}

export async function changeGroup(db: Db, user: SessionUser, id: string, body: ChangeGroupBody, now = new Date()) {
  requirePermission(user, 'group.manage')
  const g = await groupInScope(db, user, id)
  if (body.version !== g.version) throw new Conflict(undefined, g)
  const theme = body.theme ?? g.theme
  const fieldCodes = body.fieldCodes === undefined && body.theme === undefined ? g.fieldCodes : await checkFields(db, g.year, body.fieldCodes ?? g.fieldCodes, theme)
  const leaderId = body.leaderId ?? g.leaderId
  const before = g.members.map((m) => m.id)
  const memberIds = body.memberIds === undefined ? before : await checkMembers(db, g.countyCode, body.memberIds, leaderId, before)
  if (body.memberIds === undefined && body.leaderId !== undefined && !before.includes(body.leaderId)) throw new ValidationFailed({ leaderId: '组长须是小组成员' })
  const diff = (next: string[], prev: string[]) => ({ add: next.filter((x) => !prev.includes(x)), remove: prev.filter((x) => !next.includes(x)) })
  let changed: boolean
  try {
    changed = await updateGroup(db, {
      id,
      year: g.year,
      countyCode: g.countyCode,
      version: g.version,
      set: { name: body.name, theme: body.theme, leaderId: body.leaderId },
      fields: diff(fieldCodes, g.fieldCodes),
      members: diff(memberIds, before),
      at: now.toISOString(),
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict(SAME_NAME)
    throw e
  }
  if (!changed) throw new Conflict(undefined, await detailOf(db, id))
  return detailOf(db, id)
}

/** Staff: the groups of a year in scope (another county asked for gives none). A deputy: their own. */
export async function groupsInScope(db: Db, user: SessionUser, q: { year: number; countyCode?: string }) {
  const scope = scopeOf(user)
  let rows
  if (scope.kind === 'deputy') rows = await listGroupsOfDeputy(db, q.year, user.id)
  else {
    requirePermission(user, 'group.manage')
    const counties = staffCountyFilter(scope, q.countyCode)
    if ('codes' in counties && counties.codes.length === 0) return []
    rows = await listGroups(db, q.year, 'all' in counties ? null : counties.codes)
  }
  const { fieldsOf, membersOf } = await fieldsAndCounts(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({ ...r, fieldCodes: fieldsOf.get(r.id) ?? [], memberCount: membersOf.get(r.id) ?? 0 }))
}

/**
 * Coverage of the year's fields by groups, a row a county (county staff: their own): reads the
 * year's (county, field) pairs and group counts per county, never the members.
 */
export async function groupCoverage(db: Db, user: SessionUser, year: number) {
  requirePermission(user, 'stats.read')
  const scope = scopeOf(user)
  const [fieldCodes, counties, counts, covered] = await Promise.all([fieldCodesOfYear(db, year), allCounties(db), groupCountsOfYear(db, year), coveredFieldsOfYear(db, year)])
  const inScope = counties.filter((c) => scope.kind === 'city' || (scope.kind === 'county' && c.code === scope.countyCode))
  const groupsOf = new Map(counts.map((c) => [c.countyCode, c.n]))
  const coveredOf = new Map<string, Set<string>>()
  for (const p of covered) coveredOf.set(p.countyCode, (coveredOf.get(p.countyCode) ?? new Set()).add(p.fieldCode))
  const rows = inScope.map((c) => {
    const has = coveredOf.get(c.code) ?? new Set<string>()
    const missing = fieldCodes.filter((f) => !has.has(f))
    return { countyCode: c.code, groups: groupsOf.get(c.code) ?? 0, covered: fieldCodes.filter((f) => has.has(f)), missing, complete: fieldCodes.length > 0 && missing.length === 0 }
  })
  return { year, fieldCodes, rows }
}

type Figures = GroupActivityStats['totals']
const noFigures = (): Omit<Figures, 'groups'> => ({
  activities: 0,
  participations: 0,
  outcomes: { policy_talk: 0, opinion: 0, deed: 0, mentoring: 0 },
  introductions: { market_entity: 0, green_project: 0, funds: 0, talent: 0, technology: 0 },
  fundsAmount: 0,
  issues: 0,
})
function addFigures(into: Omit<Figures, 'groups'>, f: Omit<Figures, 'groups'>) {
  into.activities += f.activities
  into.participations += f.participations
  for (const k of FOUR_BATCHES) into.outcomes[k] += f.outcomes[k]
  for (const k of FIVE_INTRODUCTIONS) into.introductions[k] += f.introductions[k]
  into.fundsAmount = Math.round((into.fundsAmount + f.fundsAmount) * 100) / 100
  into.issues += f.issues
}

/**
 * Group activities by group and by field (staff; county staff their own county): a row a group
 * from the counters (its confirmed activities, participations, outcomes credited to it, issues it
 * found), so the rows read follow the number of groups, never of activities.
 */
export async function groupActivityStatsOf(db: Db, user: SessionUser, q: { year?: number; countyCode?: string }): Promise<GroupActivityStats> {
  requirePermission(user, 'stats.read')
  const year = q.year ?? yearInShanghai()
  const counties = staffCountyFilter(scopeOf(user), q.countyCode)
  const fieldCodes = await fieldCodesOfYear(db, year)
  const empty = { year, rows: [], fields: fieldCodes.map((fieldCode) => ({ fieldCode, groups: 0, ...noFigures() })), totals: { groups: 0, ...noFigures() } }
  if ('codes' in counties && counties.codes.length === 0) return empty
  const codes = 'all' in counties ? null : counties.codes
  const [groups, counts, issues] = await Promise.all([listGroups(db, year, codes), groupActivityCountRows(db, year, codes), groupIssueCountRows(db, year, codes)])
  const { fieldsOf, membersOf } = await fieldsAndCounts(
    db,
    groups.map((g) => g.id),
  )
  const countOf = new Map(counts.map((c) => [c.groupId, c]))
  const issuesOf = new Map(issues.map((i) => [i.key, i.reported + i.assigned + i.rectifying + i.rectified + i.closed]))
  const rows = groups.map((g) => {
    const c = countOf.get(g.id)
    return {
      groupId: g.id,
      name: g.name,
      countyCode: g.countyCode,
      theme: g.theme,
      fieldCodes: fieldsOf.get(g.id) ?? [],
      memberCount: membersOf.get(g.id) ?? 0,
      activities: c?.confirmed ?? 0,
      participations: c?.participations ?? 0,
      outcomes: { policy_talk: c?.policyTalk ?? 0, opinion: c?.opinion ?? 0, deed: c?.deed ?? 0, mentoring: c?.mentoring ?? 0 },
      introductions: { market_entity: c?.marketEntity ?? 0, green_project: c?.greenProject ?? 0, funds: c?.funds ?? 0, talent: c?.talent ?? 0, technology: c?.technology ?? 0 },
      fundsAmount: (c?.fundsHundredths ?? 0) / 100,
      issues: issuesOf.get(g.id) ?? 0,
    }
  })
  const fields = fieldCodes.map((fieldCode) => {
    const f = { fieldCode, groups: 0, ...noFigures() }
    for (const r of rows.filter((r) => r.fieldCodes.includes(fieldCode))) {
      f.groups++
      addFigures(f, r)
    }
    return f
  })
  const totals = { groups: rows.length, ...noFigures() }
  for (const r of rows) addFigures(totals, r)
  return { year, rows, fields, totals }
}
