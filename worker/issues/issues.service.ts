// The issue ledger's rules: who may file where, idempotent create, and every action checked
// against the workflow table, the caller's scope and the version they saw.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { can, canSeeIssue, requirePermission, scopeOf } from '../auth/access'
import { Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed } from '../core/errors'
import { DEADLINE_YEARS_AHEAD, latestDeadline, todayInShanghai, yearOf } from '../core/dates'
import { FIRST_YEAR } from '../core/limits'
import { requestHash } from '../core/hash'
import { NOTE_PROMPTS, actorFor, allowedFrom, isOverdue, mayAct, targetStatus, transitionOf } from '../core/workflow'
import { requireCounty, requireFieldOfYear } from '../reference/reference.service'
import { unitById } from '../units/units.service'
import { groupOfCallersCounty } from '../groups/groups.service'
import { lightOf } from '../core/lights'
import { daysFor, dueSoonRule, type DueSoonRule } from '../settings/settings.service'
import type { ActionBody, CreateIssueBody, Issue } from './issues.schemas'
import { applyAction, findIssue, insertIssue, type IssueRow, type NewIssue } from './issues.queries'

const NO_RULE: DueSoonRule = { byYear: new Map(), defaultDays: 3 }

/**
 * The contract's Issue (issues.schemas.ts): the row with `overdue` and `light` worked out for
 * today in Asia/Shanghai, with the N of the issue's year (`rule`, from dueSoonRule).
 */
export function toIssue(row: IssueRow, today = todayInShanghai(), rule: DueSoonRule = NO_RULE): Issue {
  return toIssueWith(row, today, rule)
}

function toIssueWith(row: IssueRow, today: string, rule: DueSoonRule): Issue {
  const { requestHash: _hash, rectifiedOn: _rectifiedOn, ...rest } = row
  return { ...rest, overdue: isOverdue(row, today), light: lightOf(row, today, daysFor(rule, row.year)) }
}
export type { Issue }

/**
 * The deputy group an issue was found by: one of the issue's county and year (another county's is
 * not found), which a deputy reporting it must belong to; staff may name any group in scope.
 */
async function groupFoundBy(db: Db, user: SessionUser, groupId: string, countyCode: string, year: number) {
  const g = await groupOfCallersCounty(db, user, groupId)
  if (g.countyCode !== countyCode) throw new ValidationFailed({ groupId: '代表小组须是问题所在县（市、区）的' })
  if (g.year !== year) throw new ValidationFailed({ groupId: `这是 ${g.year} 年度的代表小组，与问题的年度不一致` })
  if (!can(user, 'group.manage') && !g.members.some((m) => m.id === user.id)) throw new Forbidden('只能以本人所在的代表小组名义上报')
  return g
}

/** Files a problem or suggestion; a retry with the same id and body answers the existing one. */
export async function createIssue(db: Db, user: SessionUser, body: CreateIssueBody, now = new Date()): Promise<{ issue: Issue; created: boolean }> {
  requirePermission(user, 'issue.create')
  let countyCode = body.countyCode
  if (can(user, 'issue.create.any_county')) {
    if (!countyCode) throw new ValidationFailed({ countyCode: '请选择县市区' })
    await requireCounty(db, countyCode)
  } else {
    if (countyCode && countyCode !== user.countyCode) throw new Forbidden('只能在本县（市、区）上报问题')
    countyCode = user.countyCode!
  }
  const today = todayInShanghai(now)
  if (body.foundOn > today) throw new ValidationFailed({ foundOn: '发现日期不能晚于今天' })
  if (yearOf(body.foundOn) < FIRST_YEAR) throw new ValidationFailed({ foundOn: `发现日期不能早于台账首年（${FIRST_YEAR} 年）` })
  const year = body.year ?? yearOf(body.foundOn)
  if (year !== yearOf(body.foundOn)) throw new ValidationFailed({ year: '年度应与发现日期的年份一致' })
  await requireFieldOfYear(db, year, body.fieldCode)
  const group = body.groupId ? await groupFoundBy(db, user, body.groupId, countyCode, year) : null

  const id = body.id ?? crypto.randomUUID()
  const { id: _id, ...content } = body
  const hash = await requestHash({ ...content, countyCode, year })
  const at = now.toISOString()
  const row = {
    id,
    kind: body.kind,
    year,
    fieldCode: body.fieldCode,
    countyCode,
    township: body.township ?? '',
    location: body.location ?? '',
    title: body.title,
    description: body.description,
    source: body.source,
    foundOn: body.foundOn,
    reporterId: user.id,
    reporterName: user.name,
    groupId: group?.id ?? null,
    groupName: group?.name ?? null,
    status: 'reported',
    requestHash: hash,
    createdAt: at,
    updatedAt: at,
  } satisfies NewIssue
  const { created, number } = await insertIssue(db, row, { id, issueId: id, action: 'create', fromStatus: null, toStatus: 'reported', actorId: user.id, at, note: null })
  if (created) {
    // Everything of a new issue is known (its number read back in its own batch): answer it without reading it again.
    const fresh = { ...row, number, unitId: null, unitName: null, requirement: null, deadline: null, progress: 0, rectifiedOn: null, closedOn: null, closedOnTime: null, pressCount: 0, declinedNote: null, version: 1 }
    return { issue: toIssue(fresh, today), created }
  }
  const existing = await findIssue(db, id)
  if (!existing) throw new Error('issue vanished after insert')
  if (!created && (existing.reporterId !== user.id || existing.requestHash !== hash)) {
    throw new Conflict('该编号已被另一条记录使用，请刷新后重新填写')
  }
  return { issue: toIssue(existing, today), created }
}

/** Reads one issue within the caller's scope, or 404. */
export async function visibleIssue(db: Db, user: SessionUser, id: string): Promise<IssueRow> {
  const issue = await findIssue(db, id)
  if (!issue || !canSeeIssue(scopeOf(user), issue)) throw new NotFound()
  return issue
}

function required(body: ActionBody, needs: readonly string[], action: keyof typeof NOTE_PROMPTS) {
  const missing: Record<string, string> = {}
  for (const need of needs) {
    const v = body[need as keyof ActionBody]
    if (v === undefined || v === '') {
      missing[need] =
        need === 'note' ? `请填写${NOTE_PROMPTS[action]}` : need === 'unitId' ? '请选择责任单位' : need === 'requirement' ? '请填写整改要求' : need === 'deadline' ? '请选择整改时限' : `请填写${need}`
    }
  }
  if (Object.keys(missing).length) throw new ValidationFailed(missing)
}

/** A deadline at most DEADLINE_YEARS_AHEAD years from today: 9999-12-31 is a typing slip, not a plan. */
function checkDeadlineAhead(deadline: string, today: string) {
  const latest = latestDeadline(today)
  if (deadline > latest) throw new ValidationFailed({ deadline: `整改时限不能晚于 ${latest}（最长 ${DEADLINE_YEARS_AHEAD} 年）` })
}

/** Performs an action; the answer names the event it appended (eventId), so that photos can be attached to it. */
export async function performAction(db: Db, user: SessionUser, id: string, body: ActionBody, now = new Date()): Promise<Issue & { eventId: string }> {
  const [issue, rule] = await Promise.all([visibleIssue(db, user, id), dueSoonRule(db)])
  const today = todayInShanghai(now)
  const toIssue = (row: IssueRow, day: string) => toIssueWith(row, day, rule)
  const t = transitionOf(body.action)!
  if (!mayAct(t, actorFor(user, issue))) throw new Forbidden('您不能对该问题进行此操作')
  if (body.version !== issue.version) throw new Conflict(undefined, toIssue(issue, today))
  if (!allowedFrom(t, issue.status)) throw new InvalidTransition(undefined, toIssue(issue, today))
  required(body, t.needs, t.action)

  const to = targetStatus(t, issue.status)
  const change: Partial<NewIssue> = { status: to, updatedAt: now.toISOString() }
  const data: Record<string, unknown> = {}
  switch (t.action) {
    case 'assign': {
      const unit = await unitById(db, body.unitId!)
      if (!unit || unit.countyCode !== issue.countyCode) throw new ValidationFailed({ unitId: '请选择本县（市、区）的责任单位' })
      if (body.deadline! < today || body.deadline! < issue.foundOn) throw new ValidationFailed({ deadline: '整改时限不能早于今天' })
      checkDeadlineAhead(body.deadline!, today)
      Object.assign(change, { unitId: unit.id, unitName: unit.name, requirement: body.requirement, deadline: body.deadline, rectifiedOn: null, declinedNote: null })
      if (unit.id !== issue.unitId) change.progress = 0
      Object.assign(data, { unitId: unit.id, unitName: unit.name, requirement: body.requirement, deadline: body.deadline })
      if (issue.unitId) Object.assign(data, { previousUnitId: issue.unitId, previousUnitName: issue.unitName })
      break
    }
    case 'decline':
      // Kept on the row until staff assign or reject it again: shown at the top and counted as 被退办.
      Object.assign(change, { unitId: null, unitName: null, deadline: null, progress: 0, declinedNote: body.note })
      Object.assign(data, { unitId: issue.unitId, unitName: issue.unitName })
      break
    case 'progress':
      if (body.progress !== undefined) {
        change.progress = body.progress
        data.progress = body.progress
      }
      break
    case 'complete':
      Object.assign(change, { progress: 100, rectifiedOn: today })
      break
    case 'return':
      change.rectifiedOn = null
      break
    case 'verify': {
      const rectifiedOn = issue.rectifiedOn ?? today
      Object.assign(change, { closedOn: today, closedOnTime: issue.deadline === null || rectifiedOn <= issue.deadline })
      data.closedOnTime = change.closedOnTime
      break
    }
    case 'extend':
      if (issue.deadline && body.deadline! <= issue.deadline) throw new ValidationFailed({ deadline: `新的整改时限应晚于原时限 ${issue.deadline}` })
      checkDeadlineAhead(body.deadline!, today)
      change.deadline = body.deadline
      Object.assign(data, { deadline: body.deadline, previousDeadline: issue.deadline })
      break
    case 'press':
      // Exact under parallel presses: the update is guarded by the version, so only one of two wins.
      change.pressCount = issue.pressCount + 1
      data.pressCount = issue.pressCount + 1
      if (body.requirement) {
        change.requirement = body.requirement
        data.requirement = body.requirement
      }
      break
    case 'reject':
      change.declinedNote = null
      break
    case 'accept':
    case 'comment':
      break
  }

  const eventId = crypto.randomUUID()
  const ok = await applyAction(db, issue, change, {
    id: eventId,
    issueId: issue.id,
    action: t.action,
    fromStatus: issue.status,
    toStatus: to,
    note: body.note || null,
    actorId: user.id,
    at: now.toISOString(),
    data: JSON.stringify(data),
  })
  const current = await findIssue(db, issue.id)
  if (!current) throw new NotFound()
  if (!ok) throw new Conflict(undefined, toIssue(current, today))
  return { ...toIssue(current, today), eventId }
}
