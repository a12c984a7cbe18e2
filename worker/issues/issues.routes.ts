// Issue ledger routes (api.md "Issues"): create, list, export, detail with timeline, actions.
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { issueScope, scopeOf } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { todayInShanghai } from '../core/dates'
import { decodeCursor, page } from '../db/cursor'
import { idParam, jsonBody, query } from '../validate'
import { actionBody, createIssueBody, issueFilters, listQuery, type IssueFilters } from './issues.schemas'
import { createIssue, performAction, toIssue, visibleIssue, type Issue } from './issues.service'
import { listEvents, listIssues, NO_DEADLINE, type IssueFilter } from './issues.queries'
import { exportNames, toCsv, toXlsx } from './issues.export'

/** The most rows one export carries (a city's year is about 500). */
const EXPORT_MAX = 20_000
const EXPORT_PAGE = 500

function filterFor(c: Context<AppEnv>, qs: IssueFilters, today: string): Omit<IssueFilter, 'sort' | 'limit' | 'after'> {
  return {
    scope: issueScope(scopeOf(currentUser(c))),
    year: qs.year,
    countyCode: qs.countyCode,
    fieldCode: qs.fieldCode,
    status: qs.status,
    overdueOn: qs.overdue ? today : undefined,
    unitId: qs.unitId,
    township: qs.township,
    closedOnTime: qs.closedOnTime,
    q: qs.q || undefined,
  }
}

async function allInScope(c: Context<AppEnv>): Promise<Issue[]> {
  const today = todayInShanghai()
  const base = filterFor(c, query(c, issueFilters), today)
  const out: Issue[] = []
  let after: IssueFilter['after']
  while (out.length < EXPORT_MAX) {
    const rows = await listIssues(c.var.db, { ...base, sort: 'newest', limit: EXPORT_PAGE, after })
    const { items, nextCursor } = page(rows, EXPORT_PAGE, (i) => i.createdAt)
    out.push(...items.map((i) => toIssue(i, today)))
    if (!nextCursor) break
    after = decodeCursor(nextCursor)
  }
  return out
}

function fileName(ext: string) {
  const name = `问题清单台账-${todayInShanghai()}.${ext}`
  return `attachment; filename="issues-${todayInShanghai()}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

export const issueRoutes = new Hono<AppEnv>()
  .post('/issues', async (c) => {
    const body = await jsonBody(c, createIssueBody)
    const { issue, created } = await createIssue(c.var.db, currentUser(c), body)
    return c.json(issue, created ? 201 : 200)
  })
  .get('/issues', async (c) => {
    const qs = query(c, listQuery)
    const today = todayInShanghai()
    const rows = await listIssues(c.var.db, { ...filterFor(c, qs, today), sort: qs.sort, limit: qs.limit, after: decodeCursor(qs.cursor) })
    const { items, nextCursor } = page(rows, qs.limit, (i) => (qs.sort === 'newest' ? i.createdAt : (i.deadline ?? NO_DEADLINE)))
    return c.json({ items: items.map((i) => toIssue(i, today)), nextCursor })
  })
  .get('/issues/export.csv', async (c) => {
    const [issues, names] = await Promise.all([allInScope(c), exportNames(c.var.db)])
    c.header('Content-Disposition', fileName('csv'))
    return c.body(toCsv(issues, names), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })
  .get('/issues/export.xlsx', async (c) => {
    const [issues, names] = await Promise.all([allInScope(c), exportNames(c.var.db)])
    c.header('Content-Disposition', fileName('xlsx'))
    const blob = await toXlsx(issues, names)
    return c.body(await blob.arrayBuffer(), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  })
  .get('/issues/:id', async (c) => {
    const issue = await visibleIssue(c.var.db, currentUser(c), idParam(c))
    const events = await listEvents(c.var.db, issue.id)
    return c.json({ issue: toIssue(issue), events: events.map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> })) })
  })
  .post('/issues/:id/actions', async (c) => {
    const body = await jsonBody(c, actionBody)
    return c.json(await performAction(c.var.db, currentUser(c), idParam(c), body))
  })
