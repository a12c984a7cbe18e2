// Issue ledger routes (api.md "Issues"): create, list, export, detail with timeline, actions.
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { issueScope, scopeOf } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { todayInShanghai } from '../core/dates'
import { decodeCursor, page } from '../db/cursor'
import { body, idParams, querystring } from '../validate'
import { binary, CSV, route, XLSX } from '../openapi/describe'
import { actionBody, actionResult, createIssueBody, issue as issueSchema, issueDetail, issueFilters, issueList, listQuery, type IssueEventData, type IssueFilters } from './issues.schemas'
import { createIssue, performAction, toIssue, visibleIssue } from './issues.service'
import { listEvents, listIssues, NO_DEADLINE, type IssueFilter } from './issues.queries'
import { exportNames, toCsv, toXlsx, type ExportRow } from './issues.export'
import { issuePhotos, photoCounts } from '../photos/photos.service'
import { dueSoonRule, type DueSoonRule } from '../settings/settings.service'

/** The most rows one export carries (a city's year is about 500). */
const EXPORT_MAX = 20_000
const EXPORT_PAGE = 500

function filterFor(c: Context<AppEnv>, qs: IssueFilters, today: string, rule: DueSoonRule): Omit<IssueFilter, 'sort' | 'limit' | 'after'> {
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
    light: qs.light ? { light: qs.light, today, rule } : undefined,
    declined: qs.declined,
    pressed: qs.pressed,
    updatedAfter: qs.updatedAfter,
    groupId: qs.groupId,
    q: qs.q || undefined,
  }
}

async function allInScope(c: Context<AppEnv>, qs: IssueFilters): Promise<ExportRow[]> {
  const today = todayInShanghai()
  const rule = await dueSoonRule(c.var.db)
  const base = filterFor(c, qs, today, rule)
  const out: ExportRow[] = []
  let after: IssueFilter['after']
  while (out.length < EXPORT_MAX) {
    const rows = await listIssues(c.var.db, { ...base, sort: 'newest', limit: EXPORT_PAGE, after })
    const { items, nextCursor } = page(rows, EXPORT_PAGE, (i) => i.createdAt)
    const photos = await photoCounts(c.var.db, items.map((i) => i.id))
    out.push(...items.map((i) => ({ ...toIssue(i, today, rule), photoCount: photos.get(i.id) ?? 0 })))
    if (!nextCursor) break
    after = decodeCursor(nextCursor)
  }
  return out
}

function fileName(ext: string) {
  const name = `问题清单台账-${todayInShanghai()}.${ext}`
  return `attachment; filename="issues-${todayInShanghai()}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

const TAGS = ['问题清单']
const create = route({
  tags: TAGS,
  summary: '上报问题或意见建议（代表、工作人员；县级与代表只在本县，市级须选县市区）',
  description: '带客户端生成的 id 重发同一内容答 200 与已有记录，不再新建；同一 id 换了内容或换了人为 409（不附 current）。带 groupId 时：别县的代表小组为 404，代表不是小组成员为 403。',
  responses: { 201: issueSchema, 200: { schema: issueSchema, description: '同一 id 的重发：已有的记录' }, errors: [403, 404, 409] },
})
const list = route({ tags: TAGS, summary: '问题列表（按范围：单位见交办给它的、代表见本人反映的、县级本县、市级全部）', responses: { 200: issueList } })
const exported = (summary: string, media: string) => route({ tags: TAGS, summary, description: '筛选条件同问题列表，最多 20,000 行；以公式开头的文字前加 \'。', responses: { 200: binary(media) } })
const csv = exported('导出问题清单台账（CSV，UTF-8 带 BOM）', CSV)
const xlsx = exported('导出问题清单台账（XLSX）', XLSX)
const read = route({ tags: TAGS, summary: '一条问题及其办理过程', responses: { 200: issueDetail } })
const act = route({
  tags: TAGS,
  summary: '对问题进行一项操作（交办、接收、报告进展、验收销号、备注等，见流程表）',
  description: 'version 过时为 409 conflict，当前状态下不能进行的操作为 409 invalid_transition，二者都附 current（最新的问题）。',
  responses: { 200: actionResult, errors: [403, 409] },
})

export const issueRoutes = new Hono<AppEnv>()
  .post('/issues', create, body(createIssueBody), async (c) => {
    const body = c.req.valid('json')
    const { issue, created } = await createIssue(c.var.db, currentUser(c), body)
    return c.json(issue, created ? 201 : 200)
  })
  .get('/issues', list, querystring(listQuery), async (c) => {
    const qs = c.req.valid('query')
    const today = todayInShanghai()
    const rule = await dueSoonRule(c.var.db)
    const rows = await listIssues(c.var.db, { ...filterFor(c, qs, today, rule), sort: qs.sort, limit: qs.limit, after: decodeCursor(qs.cursor) })
    const { items, nextCursor } = page(rows, qs.limit, (i) => (qs.sort === 'newest' ? i.createdAt : (i.deadline ?? NO_DEADLINE)))
    return c.json({ items: items.map((i) => toIssue(i, today, rule)), nextCursor })
  })
  .get('/issues/export.csv', csv, querystring(issueFilters), async (c) => {
    const [issues, names] = await Promise.all([allInScope(c, c.req.valid('query')), exportNames(c.var.db)])
    c.header('Content-Disposition', fileName('csv'))
    return c.body(toCsv(issues, names), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })
  .get('/issues/export.xlsx', xlsx, querystring(issueFilters), async (c) => {
    const [issues, names] = await Promise.all([allInScope(c, c.req.valid('query')), exportNames(c.var.db)])
    c.header('Content-Disposition', fileName('xlsx'))
    const blob = await toXlsx(issues, names)
    return c.body(await blob.arrayBuffer(), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  })
  .get('/issues/:id', read, idParams('id'), async (c) => {
    const issue = await visibleIssue(c.var.db, currentUser(c), c.req.valid('param').id)
    const [events, photos, rule] = await Promise.all([listEvents(c.var.db, issue.id), issuePhotos(c.var.db, issue.id), dueSoonRule(c.var.db)])
    return c.json({ issue: toIssue(issue, todayInShanghai(), rule), photos: photos.photos, events: events.map((e) => ({ ...e, data: JSON.parse(e.data) as IssueEventData, ...photos.ofEvent(e.id) })) })
  })
  .post('/issues/:id/actions', act, body(actionBody), idParams('id'), async (c) => {
    const body = c.req.valid('json')
    return c.json(await performAction(c.var.db, currentUser(c), c.req.valid('param').id, body))
  })
