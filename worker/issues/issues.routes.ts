// Issue ledger routes (api.md "Issues"): create, list, export, detail with timeline, actions.
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { issueScope, requirePermission, scopeOf } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { todayInShanghai } from '../core/dates'
import { decodeCursor, page } from '../db/cursor'
import { body, idParams, querystring } from '../validate'
import { binary, CSV, route, XLSX } from '../openapi/describe'
import { actionBody, actionResult, createIssueBody, issue as issueSchema, issueDetail, issueFilters, issueList, listQuery, type IssueEventData, type IssueFilters } from './issues.schemas'
import { createIssue, performAction, toIssue, visibleIssue } from './issues.service'
import { listEvents, listIssues, NO_DEADLINE, type IssueFilter } from './issues.queries'
import { exportNames, scopePlace, toCsv, toXlsx, type ExportRow, type Names } from './issues.export'
import { attachment } from '../core/spreadsheet'
import { issuePhotos, photoCounts } from '../photos/photos.view.service'
import { dueSoonRule, type DueSoonRule } from '../settings/settings.service'
import { readUploadCells } from '../imports/upload'
import { importQuery, importResult, templateQuery } from './issues.schemas'
import * as z from 'zod'

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

/** 平泉市-问题清单台账-2026年-20261202.xlsx (全部年度 without a year filter). */
function fileName(c: Context<AppEnv>, qs: IssueFilters, names: Names, ext: string) {
  const place = scopePlace(names, currentUser(c).countyCode ?? qs.countyCode)
  return attachment([place, '问题清单台账', qs.year ? `${qs.year}年` : '全部年度'], `issues-${qs.year ?? 'all'}`, todayInShanghai(), ext)
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
const xlsx = exported('导出问题清单台账（XLSX，A4 横向打印：标题行、导出时间、每页重复表头、页码）', XLSX)
const read = route({ tags: TAGS, summary: '一条问题及其办理过程', responses: { 200: issueDetail } })
const act = route({
  tags: TAGS,
  summary: '对问题进行一项操作（交办、接收、报告进展、验收销号、备注等，见流程表）',
  description: 'version 过时为 409 conflict，当前状态下不能进行的操作为 409 invalid_transition，二者都附 current（最新的问题）。',
  responses: { 200: actionResult, errors: [403, 409] },
})

const importLedgerRoute = route({
  tags: TAGS,
  summary: '导入县（市、区）的问题清单台账（CSV 或 Excel；工作人员）：全部行无误才导入，同一文件再导入不会重复新建',
  description:
    '表头见导入模板（GET /issues/import/template）。dryRun=true 只预览。本县名录中没有的责任单位列在 unknownUnits 中，须以 createUnits（每个单位一个参数）确认后才新建；有误的行在 400 的 error.rows 中逐项说明（row 行号、column 列名、message）。直接以 text/csv 或 xlsx 为请求体提交，或以 multipart/form-data 的 file 字段上传。',
  requestBody: {
    content: {
      [CSV]: binary(CSV),
      [XLSX]: binary(XLSX),
      'multipart/form-data': z.object({ file: z.file().meta({ description: '台账文件（.csv 或 .xlsx）' }) }),
    },
  },
  responses: { 200: importResult, errors: [400, 403, 413, 415] },
})
const template = route({ tags: TAGS, summary: '台账导入模板（表头和一行示例）', responses: { 200: binary(XLSX, CSV), errors: [403] } })

export const issueRoutes = new Hono<AppEnv>()
  .post('/issues', create, body(createIssueBody), async (c) => {
    const body = c.req.valid('json')
    const { issue, created } = await createIssue(c.var.db, currentUser(c), body)
    return c.json(issue, created ? 201 : 200)
  })
  .post('/issues/import', importLedgerRoute, querystring(importQuery), async (c) => {
    const user = currentUser(c)
    requirePermission(user, 'issue.import')
    const qs = c.req.valid('query')
    // One parameter per unit to create: the validator keeps the last, the list is read here.
    const createUnits = c.req.queries('createUnits') ?? []
    const cells = await readUploadCells(c, '台账')
    // The import's rules are a module of their own, loaded by the first import (the worker's start stays within budget).
    const { importLedger } = await import('./issues.import')
    return c.json(await importLedger(c.var.db, user, cells, { countyCode: qs.countyCode, dryRun: qs.dryRun, createUnits }))
  })
  .get('/issues/import/template', template, querystring(templateQuery), async (c) => {
    requirePermission(currentUser(c), 'issue.import')
    const { ledgerTemplate } = await import('./issues.import')
    const file = await ledgerTemplate(c.var.db, c.req.valid('query').format)
    const name = `问题清单台账导入模板.${file.ext}`
    c.header('Content-Disposition', `attachment; filename="issue-import-template.${file.ext}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    return c.body(file.body, 200, { 'Content-Type': file.type })
  })
  .get('/issues', list, querystring(listQuery), async (c) => {
    const qs = c.req.valid('query')
    const today = todayInShanghai()
    const rule = await dueSoonRule(c.var.db)
    const sort = qs.sort ?? (qs.light || qs.overdue ? 'deadline' : 'newest')
    const rows = await listIssues(c.var.db, { ...filterFor(c, qs, today, rule), sort, limit: qs.limit, after: decodeCursor(qs.cursor) })
    const { items, nextCursor } = page(rows, qs.limit, (i) => (sort === 'newest' ? i.createdAt : (i.deadline ?? NO_DEADLINE)))
    return c.json({ items: items.map((i) => toIssue(i, today, rule)), nextCursor })
  })
  .get('/issues/export.csv', csv, querystring(issueFilters), async (c) => {
    const qs = c.req.valid('query')
    const [issues, names] = await Promise.all([allInScope(c, qs), exportNames(c.var.db)])
    c.header('Content-Disposition', fileName(c, qs, names, 'csv'))
    return c.body(toCsv(issues, names), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })
  .get('/issues/export.xlsx', xlsx, querystring(issueFilters), async (c) => {
    const qs = c.req.valid('query')
    const [issues, names] = await Promise.all([allInScope(c, qs), exportNames(c.var.db)])
    c.header('Content-Disposition', fileName(c, qs, names, 'xlsx'))
    const blob = await toXlsx(issues, names, { place: scopePlace(names, currentUser(c).countyCode ?? qs.countyCode), year: qs.year })
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
