// drizzle queries for the issue ledger: the issue view (names stored on the row), scoped
// lists with keyset pagination, the timeline, and the atomic writes of create and actions.
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { issueEvents, issueNumberSeq, issues, users } from '../db/schema'
import type { IssueScopeFilter } from '../auth/access'
import type { Keyset } from '../db/cursor'
import { contains, createdNow, createOnce, insertWhere, keysetAfter, writesThenUpdate } from '../db/sql'
import { deadlineMoved, issueCreated, issueMoved } from '../stats/counters'
import { OPEN_STATUSES } from '../core/workflow'
import { countyShortName, type IssueStatus } from '../core/taxonomy'
import { deadlineRange, type Light } from '../core/lights'
import type { DueSoonRule } from '../settings/settings.service'

export const issueColumns = {
  id: issues.id,
  kind: issues.kind,
  year: issues.year,
  fieldCode: issues.fieldCode,
  countyCode: issues.countyCode,
  township: issues.township,
  location: issues.location,
  title: issues.title,
  description: issues.description,
  source: issues.source,
  foundOn: issues.foundOn,
  reporterId: issues.reporterId,
  reporterName: issues.reporterName,
  unitId: issues.unitId,
  unitName: issues.unitName,
  requirement: issues.requirement,
  deadline: issues.deadline,
  status: issues.status,
  progress: issues.progress,
  rectifiedOn: issues.rectifiedOn,
  closedOn: issues.closedOn,
  closedOnTime: issues.closedOnTime,
  pressCount: issues.pressCount,
  declinedNote: issues.declinedNote,
  number: issues.number,
  groupId: issues.groupId,
  groupName: issues.groupName,
  requestHash: issues.requestHash,
  createdAt: issues.createdAt,
  updatedAt: issues.updatedAt,
  version: issues.version,
}

/** The issue's own row: the reporter's, unit's and group's names are stored on it, so a list page reads its own rows and nothing else. */
function selectIssues(db: Db) {
  return db.select(issueColumns).from(issues)
}

export type IssueRow = Awaited<ReturnType<typeof findIssue>> & {}

export async function findIssue(db: Db, id: string) {
  const [row] = await selectIssues(db).where(eq(issues.id, id)).limit(1)
  return row ?? null
}

/** Which of these ids are issues already (an imported ledger's rows filed before), in chunks under D1's 100 bound parameters. */
export async function existingIssueIds(db: Db, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += 90) {
    const rows = await db.select({ id: issues.id }).from(issues).where(inArray(issues.id, ids.slice(i, i + 90)))
    for (const r of rows) found.add(r.id)
  }
  return found
}

export interface IssueFilter {
  scope: IssueScopeFilter
  year?: number
  countyCode?: string
  fieldCode?: string
  status?: IssueStatus[]
  /** Today in Asia/Shanghai, when only overdue issues are wanted. */
  overdueOn?: string
  unitId?: string
  township?: string
  closedOnTime?: boolean
  /** Open items under one light on `today` (a deadline range, per year's N). */
  light?: { light: Light; today: string; rule: DueSoonRule }
  /** Items a unit declined, awaiting a new assignment. */
  declined?: boolean
  /** Items pressed (督办) at least once. */
  pressed?: boolean
  /** Items changed after this instant (ISO), by anyone. */
  updatedAfter?: string
  /** Items the deputy group found. */
  groupId?: string
  q?: string
  sort: 'newest' | 'deadline'
  after?: Keyset
  limit: number
}

/** The sort key the cursor carries: created_at (newest first) or the deadline (soonest first). */
export const NO_DEADLINE = '9999-12-31'
// Written literally (not bound) so that it is the expression issues_unit_open_deadline indexes.
const deadlineKey = sql<string>`coalesce(${issues.deadline}, '9999-12-31')`
const OPEN_LITERAL = sql.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`)

/**
 * The range on the deadline and, equal for open items (they all have one), on the sort key: the
 * county's index ranges over the one, a unit's to-do index (issues_unit_open_deadline) over the other.
 */
function deadlineBetween(range: { from?: string; to?: string }): SQL | undefined {
  return and(
    range.from ? gte(issues.deadline, range.from) : undefined,
    range.to ? lte(issues.deadline, range.to) : undefined,
    range.from ? gte(deadlineKey, range.from) : undefined,
    range.to ? lte(deadlineKey, range.to) : undefined,
  )
}

/** `?light=`: open items whose deadline falls in the light's range, with each year's own N. */
function lightWhere(f: NonNullable<IssueFilter['light']>): SQL {
  const { light, today, rule } = f
  const set = [...rule.byYear.keys()]
  const groups = new Map<number, number[]>()
  for (const [year, days] of rule.byYear) groups.set(days, [...(groups.get(days) ?? []), year])
  const parts = [...groups].map(([days, years]) => and(inArray(issues.year, years), deadlineBetween(deadlineRange(light, today, days))))
  parts.push(and(set.length ? notInArray(issues.year, set) : undefined, deadlineBetween(deadlineRange(light, today, rule.defaultDays))))
  return and(sql`${issues.status} in ${OPEN_LITERAL}`, parts.length === 1 ? parts[0] : or(...parts))!
}

/** A page of a list and the row past it (to know there is more): its own rows only, names included. */
export async function listIssues(db: Db, f: IssueFilter): Promise<IssueRow[]> {
  return issuePage(db, f)
}

/** The page's query, through the index the filter and sort call for (tests read its plan). */
export function issuePage(db: Db, f: IssueFilter) {
  const where: (SQL | undefined)[] = []
  const s = f.scope
  if ('countyCode' in s) where.push(eq(issues.countyCode, s.countyCode))
  if ('unitId' in s) where.push(eq(issues.unitId, s.unitId))
  if ('reporterId' in s) where.push(eq(issues.reporterId, s.reporterId))
  if (f.countyCode) where.push(eq(issues.countyCode, f.countyCode))
  if (f.year) where.push(eq(issues.year, f.year))
  if (f.fieldCode) where.push(eq(issues.fieldCode, f.fieldCode))
  const onlyOpen = f.status?.length === OPEN_STATUSES.length && OPEN_STATUSES.every((x) => f.status!.includes(x))
  // The open statuses written literally: issues_unit_open_deadline's condition (a unit's to-do).
  if (onlyOpen) where.push(sql`${issues.status} in ${OPEN_LITERAL}`)
  else if (f.status?.length) where.push(f.status.length === 1 ? eq(issues.status, f.status[0]!) : inArray(issues.status, f.status))
  if (f.unitId) where.push(eq(issues.unitId, f.unitId))
  if (f.township !== undefined) where.push(eq(issues.township, f.township))
  if (f.closedOnTime !== undefined) where.push(eq(issues.status, 'closed'), eq(issues.closedOnTime, f.closedOnTime))
  // Literal open statuses and the sort key's own range: the open-by-deadline indexes' terms.
  if (f.overdueOn) where.push(sql`${issues.status} in ${OPEN_LITERAL}`, lt(issues.deadline, f.overdueOn), lt(deadlineKey, f.overdueOn))
  if (f.light) where.push(lightWhere(f.light))
  // Literal conditions: the partial indexes' own WHERE, so that the planner may use them.
  if (f.declined) where.push(isNotNull(issues.declinedNote))
  if (f.pressed) where.push(sql`${issues.pressCount} > 0`)
  // A change after the instant, the filing itself not counted (a deputy's "new progress").
  if (f.groupId) where.push(eq(issues.groupId, f.groupId))
  if (f.updatedAfter) where.push(gt(issues.updatedAt, f.updatedAfter), gt(issues.updatedAt, issues.createdAt))
  if (f.q) {
    where.push(or(contains(issues.title, f.q), contains(issues.description, f.q), contains(issues.location, f.q), contains(issues.township, f.q), ...numberMatch(f.q)))
  }
  if (f.sort === 'newest') {
    if (f.after) where.push(keysetAfter(issues.createdAt, issues.id, f.after, 'desc'))
    return selectIssues(db)
      .where(and(...where))
      .orderBy(desc(issues.createdAt), desc(issues.id))
      .limit(f.limit + 1)
  }
  if (f.after) where.push(keysetAfter(deadlineKey, issues.id, f.after, 'asc'))
  return selectIssues(db)
    .where(and(...where))
    .orderBy(asc(deadlineKey), asc(issues.id))
    .limit(f.limit + 1)
}

/**
 * A register number typed in the search box: the whole number (平泉-2026-0042) or its sequence
 * part (0042, or 42), the way people say it on the phone.
 */
function numberMatch(q: string): SQL[] {
  const t = q.trim()
  if (/^\d{1,6}$/.test(t)) return [sql`${issues.number} like ${`%-${t.padStart(4, '0')}`}`]
  if (/^.+-\d{4}-\d{4,}$/.test(t)) return [eq(issues.number, t)]
  return []
}

export async function listEvents(db: Db, issueId: string) {
  return db
    .select({
      id: issueEvents.id,
      action: issueEvents.action,
      fromStatus: issueEvents.fromStatus,
      toStatus: issueEvents.toStatus,
      note: issueEvents.note,
      actorId: issueEvents.actorId,
      actorName: users.name,
      at: issueEvents.at,
      data: issueEvents.data,
    })
    .from(issueEvents)
    .innerJoin(users, eq(users.id, issueEvents.actorId))
    .where(eq(issueEvents.issueId, issueId))
    .orderBy(asc(issueEvents.at), asc(sql`${issueEvents}.rowid`))
}

export type NewIssue = typeof issues.$inferInsert
type IssueKeys = { year: number; countyCode: string; fieldCode: string; township: string; groupId?: string | null }
export type NewEvent = typeof issueEvents.$inferInsert

/**
 * Creates an issue, its first event and its counters in one atomic batch. A retried create with
 * the same id inserts nothing (both inserts ignore the conflict; the create event's id is the
 * issue's), and the counters move only for the row this very request wrote: the one carrying its
 * fresh token. (Its id, hash and created_at would not do: a retry can arrive in the same millisecond.)
 */
export async function insertIssue(db: Db, issue: NewIssue & IssueKeys, event: NewEvent): Promise<{ created: boolean; number: string | null }> {
  const seq = and(eq(issueNumberSeq.countyCode, issue.countyCode), eq(issueNumberSeq.year, issue.year))
  const prefix = `${countyShortName(issue.countyCode)}-${issue.year}-`
  const number = sql`${prefix} || printf('%04d', (${db.select({ last: issueNumberSeq.last }).from(issueNumberSeq).where(seq)}))`
  const create = createOnce(db, issues, issue, { number })
  const [, inserted, , stored] = await db.batch([
    nextNumber(db, issue),
    create.insert,
    db.insert(issueEvents).values(event).onConflictDoNothing(),
    db.select({ number: issues.number }).from(issues).where(eq(issues.id, issue.id)),
    ...issueCreated(db, issue, create.ours),
  ])
  return { created: createdNow(inserted), number: stored[0]?.number ?? null }
}

/**
 * The register number's counter for the issue's county and year moves on by one, unless an issue
 * with this id exists already (a retried create keeps its number and uses up none). Run in the
 * issue's create batch, before its insert: the batch is one transaction on D1 and libSQL, so two
 * creates never read the same `last`.
 */
export function nextNumber(db: Db, issue: { id: string; countyCode: string; year: number }) {
  return db
    .insert(issueNumberSeq)
    .select(sql`select ${issue.countyCode}, ${issue.year}, 1 where not exists (select 1 from ${issues} where ${issues.id} = ${issue.id})`)
    .onConflictDoUpdate({ target: [issueNumberSeq.countyCode, issueNumberSeq.year], set: { last: sql`${issueNumberSeq.last} + 1` } })
}

/**
 * Applies an action in one atomic batch: the event and the counters are written only if the
 * issue is still at the version the actor saw, then the issue is updated under the same
 * condition. A stale version changes nothing and answers false.
 */
export async function applyAction(db: Db, issue: IssueRow, change: Partial<NewIssue>, event: NewEvent): Promise<boolean> {
  const atVersion = and(eq(issues.id, issue.id), eq(issues.version, issue.version))
  const still = sql`exists ${db.select({ one: sql`1` }).from(issues).where(atVersion)}`
  const after = {
    status: change.status ?? issue.status,
    deadline: change.deadline !== undefined ? change.deadline : issue.deadline,
    unitId: change.unitId !== undefined ? change.unitId : issue.unitId,
    pressCount: change.pressCount ?? issue.pressCount,
  }
  return writesThenUpdate(
    db,
    [
      insertWhere(db, issueEvents, event, still),
      ...issueMoved(db, issue, issue.status, change.status ?? issue.status, change.closedOnTime === true, still),
      ...deadlineMoved(db, issue, issue, after, still),
    ],
    db
      .update(issues)
      .set({ ...change, version: issue.version + 1 })
      .where(atVersion)
      .returning({ id: issues.id }),
  )
}

