// The counter updates each write adds to its own batch. Every one is an upsert of increments
// (negative to decrement) guarded by a condition, so that it happens exactly when the write it
// belongs to happens: a retried create or a stale action changes no counter.
import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/client'
import { activityCounts, activityParticipants, deadlineCounts, deputyCounts, deputyYearCounts, fiveOneCounts, groupActivityCounts, issueCounts, users } from '../db/schema'
import { insertWhere } from '../db/sql'
import type { IssueStatus } from '../core/taxonomy'
import { OPEN_STATUSES } from '../core/workflow'
import { introductionBits, venueBit } from '../core/commendation'

type CounterTable = typeof issueCounts | typeof deadlineCounts | typeof activityCounts | typeof deputyYearCounts | typeof deputyCounts | typeof fiveOneCounts | typeof groupActivityCounts

/** Adds `add` to the counters; the columns named in `ors` are bit sets and are OR-ed instead. */
function bump<T extends CounterTable>(
  db: Db,
  table: T,
  key: Partial<T['$inferInsert']>,
  target: SQLiteColumn[],
  add: Partial<Record<keyof T['$inferInsert'], number | SQL>>,
  when: SQL = sql`1`,
  ors: string[] = [],
) {
  const columns = table as unknown as Record<string, SQLiteColumn>
  const set = Object.fromEntries(Object.keys(add).map((k) => [k, sql.raw(`"${columns[k]!.name}" ${ors.includes(k) ? '|' : '+'} excluded."${columns[k]!.name}"`)]))
  return insertWhere(db, table, { ...key, ...add } as T['$inferInsert'], when).onConflictDoUpdate({ target, set: set as never })
}

export type Bump = ReturnType<typeof bump>

interface IssueKeys {
  year: number
  countyCode: string
  fieldCode: string
  township: string
  /** The deputy group that found the issue, if one did. */
  groupId?: string | null
}

function issueRows(db: Db, i: IssueKeys, add: Partial<Record<IssueStatus | 'closedOnTime', number>>, when?: SQL) {
  const target = [issueCounts.year, issueCounts.countyCode, issueCounts.dimension, issueCounts.key]
  return [
    bump(db, issueCounts, { year: i.year, countyCode: i.countyCode, dimension: 'field', key: i.fieldCode }, target, add, when),
    bump(db, issueCounts, { year: i.year, countyCode: i.countyCode, dimension: 'township', key: i.township }, target, add, when),
    ...(i.groupId ? [bump(db, issueCounts, { year: i.year, countyCode: i.countyCode, dimension: 'group', key: i.groupId }, target, add, when)] : []),
  ]
}

/** A created issue's fields the counters read; status and the rest absent for a new report (已上报). */
type CreatedIssue = IssueKeys & { status?: IssueStatus; closedOnTime?: boolean | null; deadline?: string | null; unitId?: string | null; pressCount?: number }

/**
 * A new issue, counted in the status it starts in: 已上报 for a report, any status for a row
 * imported from a county's ledger (worker/issues/issues.import.ts), whose open items also enter
 * their deadline buckets.
 */
export function issueCreated(db: Db, i: CreatedIssue, when: SQL) {
  const status = i.status ?? 'reported'
  const add: Partial<Record<IssueStatus | 'closedOnTime', number>> = { [status]: 1 }
  if (status === 'closed' && i.closedOnTime) add.closedOnTime = 1
  const nowhere: DeadlineState = { status: 'reported', deadline: null, unitId: null, pressCount: 0 }
  const after: DeadlineState = { status, deadline: i.deadline ?? null, unitId: i.unitId ?? null, pressCount: i.pressCount ?? 0 }
  return [...issueRows(db, i, add, when), ...deadlineMoved(db, i, nowhere, after, when)]
}

/** An issue leaving one status for another (nothing when the status stays). */
export function issueMoved(db: Db, i: IssueKeys, from: IssueStatus, to: IssueStatus, closedOnTime: boolean, when: SQL) {
  if (from === to) return []
  const add: Partial<Record<IssueStatus | 'closedOnTime', number>> = { [from]: -1, [to]: 1 }
  if (to === 'closed' && closedOnTime) add.closedOnTime = 1
  return issueRows(db, i, add, when)
}

/** Where an item's deadline runs: its status, deadline and unit (as read, or as the action leaves them). */
export interface DeadlineState {
  status: IssueStatus
  deadline: string | null
  unitId: string | null
  pressCount: number
}

const deadlineTarget = [deadlineCounts.year, deadlineCounts.countyCode, deadlineCounts.dimension, deadlineCounts.key, deadlineCounts.deadline]

/** The key of a unit's deadline buckets for one open status. */
export function unitKey(status: IssueStatus | 'pressed', unitId: string): string {
  return `${status}:${unitId}`
}

function bucketsOf(i: IssueKeys, s: DeadlineState) {
  if (s.deadline === null || !OPEN_STATUSES.includes(s.status)) return []
  const base = { year: i.year, countyCode: i.countyCode, deadline: s.deadline }
  return [
    // The whole county (the work bench), so that a city-wide count reads counties × dates, not × fields.
    { ...base, dimension: 'county' as const, key: '' },
    { ...base, dimension: 'field' as const, key: i.fieldCode },
    { ...base, dimension: 'township' as const, key: i.township },
    // A unit's buckets are kept per open status too (`assigned:<unitId>`, `rectifying:<unitId>`): its 待接收 and 整改中.
    ...(s.unitId ? [{ ...base, dimension: 'unit' as const, key: unitKey(s.status, s.unitId) }] : []),
    // and its open items pressed at least once (`pressed:<unitId>`): its 被督办.
    ...(s.unitId && s.pressCount > 0 ? [{ ...base, dimension: 'unit' as const, key: unitKey('pressed', s.unitId) }] : []),
    // The deputy group that found it: the group's row of the supervision figures.
    ...(i.groupId ? [{ ...base, dimension: 'group' as const, key: i.groupId }] : []),
  ]
}

/**
 * An item's deadline buckets moving with an action: out of the ones it was counted in, into the
 * ones it now belongs to (nothing when neither its deadline, its unit, its status nor its being pressed changes).
 * A bucket left at 0 is deleted in the same batch.
 */
export function deadlineMoved(db: Db, i: IssueKeys, before: DeadlineState, after: DeadlineState, when: SQL) {
  const out = bucketsOf(i, before)
  const into = bucketsOf(i, after)
  const same = (a: (typeof out)[number], b: (typeof out)[number]) => a.dimension === b.dimension && a.key === b.key && a.deadline === b.deadline
  const leaving = out.filter((b) => !into.some((x) => same(b, x)))
  const entering = into.filter((b) => !out.some((x) => same(b, x)))
  const at = (b: (typeof out)[number]) =>
    and(eq(deadlineCounts.year, b.year), eq(deadlineCounts.countyCode, b.countyCode), eq(deadlineCounts.dimension, b.dimension), eq(deadlineCounts.key, b.key), eq(deadlineCounts.deadline, b.deadline))
  return [
    ...leaving.flatMap((b) => [db.update(deadlineCounts).set({ n: sql`${deadlineCounts.n} - 1` }).where(and(at(b), when)), db.delete(deadlineCounts).where(and(at(b), eq(deadlineCounts.n, 0)))]),
    ...entering.map((b) => bump(db, deadlineCounts, b, deadlineTarget, { n: 1 }, when)),
  ]
}

const activityTarget = [activityCounts.year, activityCounts.countyCode]

export function activityRecorded(db: Db, year: number, countyCode: string, delta: number, when: SQL) {
  return bump(db, activityCounts, { year, countyCode }, activityTarget, { activities: delta }, when)
}

export interface ConfirmedFigures {
  year: number
  countyCode: string
  deputyId: string
  venue: string | null
  outcomes: { policy_talk: number; opinion: number; deed: number; mentoring: number }
  introductions: { type: string; amountHundredths: number | null }[]
}

/** An activity's outcomes and introductions, as counter increments. */
function figuresOf(a: ConfirmedFigures) {
  const n = (type: string) => a.introductions.filter((i) => i.type === type).length
  return {
    policyTalk: a.outcomes.policy_talk,
    opinion: a.outcomes.opinion,
    deed: a.outcomes.deed,
    mentoring: a.outcomes.mentoring,
    marketEntity: n('market_entity'),
    greenProject: n('green_project'),
    funds: n('funds'),
    talent: n('talent'),
    technology: n('technology'),
    fundsHundredths: a.introductions.reduce((s, i) => s + (i.type === 'funds' ? (i.amountHundredths ?? 0) : 0), 0),
  }
}

/**
 * A group activity (集体活动) confirmed: it counts once in its county's figures and once in its
 * group's, its outcomes are credited once (to the group, not to each participant), and every
 * participant on today's roster whose first confirmed activity of the year it is turns active.
 * The participants are read inside the batch, so the figures are those of the row as confirmed.
 */
/** A participation's counter values after deputy_id and year, in deputy_year_counts' column order. */
const PARTICIPATION_VALUES = Object.keys(getTableColumns(deputyYearCounts))
  .filter((k) => k !== 'deputyId' && k !== 'year')
  .map((k) => (k === 'confirmed' || k === 'groupConfirmed' ? '1' : '0'))
  .join(', ')

export function groupActivityConfirmed(db: Db, a: ConfirmedFigures & { activityId: string; groupId: string }, when: SQL) {
  const figures = figuresOf(a)
  // Reads the participants' counts before the last statement raises them.
  const newlyActive = sql`(select count(*) from ${activityParticipants} join ${users} on ${users.id} = ${activityParticipants.deputyId}
    where ${activityParticipants.activityId} = ${a.activityId} and ${users.active} = 1
      and not exists (select 1 from ${deputyYearCounts} where ${deputyYearCounts.deputyId} = ${activityParticipants.deputyId} and ${deputyYearCounts.year} = ${a.year} and ${deputyYearCounts.confirmed} > 0))`
  const participations = sql`(select count(*) from ${activityParticipants} where ${activityParticipants.activityId} = ${a.activityId})`
  return [
    bump(db, activityCounts, { year: a.year, countyCode: a.countyCode }, activityTarget, { confirmed: 1, activeDeputies: newlyActive, ...figures }, when),
    bump(db, groupActivityCounts, { groupId: a.groupId, year: a.year, countyCode: a.countyCode }, [groupActivityCounts.groupId], { confirmed: 1, participations, ...figures }, when),
    db
      .insert(deputyYearCounts)
      // Every column in the table's order (drizzle names them all): confirmed and group_confirmed 1, the rest 0.
      .select(sql`select ${activityParticipants.deputyId}, ${a.year}, ${sql.raw(PARTICIPATION_VALUES)} from ${activityParticipants} where ${activityParticipants.activityId} = ${a.activityId} and ${when}`)
      .onConflictDoUpdate({ target: [deputyYearCounts.deputyId, deputyYearCounts.year], set: { confirmed: sql.raw('"confirmed" + 1'), groupConfirmed: sql.raw('"group_confirmed" + 1') } }),
  ]
}

/** An activity confirmed: its figures count, and its deputy turns active with their first one. */
export function activityConfirmed(db: Db, a: ConfirmedFigures, when: SQL) {
  // Coverage counts deputies on today's roster only: an ended deputy's confirmation adds figures, not a covered deputy.
  const firstOfYear = sql`(case when coalesce((select ${deputyYearCounts.confirmed} from ${deputyYearCounts} where ${deputyYearCounts.deputyId} = ${a.deputyId} and ${deputyYearCounts.year} = ${a.year}), 0) = 0 and exists (select 1 from ${users} where ${users.id} = ${a.deputyId} and ${users.active} = 1) then 1 else 0 end)`
  return [
    // Reads the deputy's count before the next statement raises it.
    bump(
      db,
      activityCounts,
      { year: a.year, countyCode: a.countyCode },
      activityTarget,
      {
        confirmed: 1,
        activeDeputies: firstOfYear,
        ...figuresOf(a),
      },
      when,
    ),
    // The deputy's own figures (the commendation table): counts add up, venues and introduction types are bit sets.
    bump(
      db,
      deputyYearCounts,
      { deputyId: a.deputyId, year: a.year },
      [deputyYearCounts.deputyId, deputyYearCounts.year],
      {
        confirmed: 1,
        policyTalk: a.outcomes.policy_talk,
        opinion: a.outcomes.opinion,
        deed: a.outcomes.deed,
        mentoring: a.outcomes.mentoring,
        venues: venueBit(a.venue),
        introductions: introductionBits(a.introductions.map((i) => i.type)),
      },
      when,
      ['venues', 'introductions'],
    ),
  ]
}

/** An activity returned to its deputy (+1), or a returned one resubmitted (-1). */
export function activityReturned(db: Db, a: { year: number; countyCode: string; deputyId: string }, delta: 1 | -1, when: SQL) {
  return [
    bump(db, activityCounts, { year: a.year, countyCode: a.countyCode }, activityTarget, { returned: delta }, when),
    bump(db, deputyYearCounts, { deputyId: a.deputyId, year: a.year }, [deputyYearCounts.deputyId, deputyYearCounts.year], { returned: delta }, when),
  ]
}

export function deputiesAdded(db: Db, countyCode: string, n: number) {
  return bump(db, deputyCounts, { countyCode }, [deputyCounts.countyCode], { deputies: n })
}

/**
 * A deputy leaving (delta -1) or rejoining (+1) the roster: the county's roster count moves, and
 * so does every year's count of covered deputies in which they have a confirmed activity. Their
 * confirmed activities and outcomes keep counting either way.
 */
export function deputyRosterMoved(db: Db, deputyId: string, countyCode: string, delta: -1 | 1, when: SQL) {
  const years = db.select({ year: deputyYearCounts.year }).from(deputyYearCounts).where(and(eq(deputyYearCounts.deputyId, deputyId), sql`${deputyYearCounts.confirmed} > 0`))
  return [
    bump(db, deputyCounts, { countyCode }, [deputyCounts.countyCode], { deputies: delta }, when),
    db
      .update(activityCounts)
      .set({ activeDeputies: sql`${activityCounts.activeDeputies} + ${delta}` })
      .where(and(eq(activityCounts.countyCode, countyCode), inArray(activityCounts.year, years), when)),
  ]
}

export function fiveOneAdded(db: Db, year: number, placeCode: string, type: string, when?: SQL) {
  return bump(db, fiveOneCounts, { year, placeCode, type }, [fiveOneCounts.year, fiveOneCounts.placeCode, fiveOneCounts.type], { n: 1 }, when)
}
