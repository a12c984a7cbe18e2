// Activity routes (api.md "Activities"): record, list, read, edit, review, and a deputy's yearly
// record (履职档案).
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { activityScope, staffCountyFilter, scopeOf } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { todayInShanghai, yearInShanghai } from '../core/dates'
import { decodeCursor, page } from '../db/cursor'
import { body, idParams, querystring } from '../validate'
import { binary, route, XLSX } from '../openapi/describe'
import { attachment } from '../core/spreadsheet'
import { activitiesWorkbook } from './activities.export'
import { activitiesExportQuery, activity, activityList, createActivityBody, deputyRecord as record, listActivitiesQuery, recordQuery, reviewBody, updateActivityBody } from './activities.schemas'
import { createActivity, deputyRecord, reviewActivity, updateActivity, visibleActivity, withChildren } from './activities.service'
import { listActivities } from './activities.queries'

const TAGS = ['履职活动']
const create = route({
  tags: TAGS,
  summary: '记录履职活动（代表记本人的；工作人员可为本县代表代记，带 deputyId；集体活动带 groupId 与 participantIds，由组长或本县工作人员记录）',
  description:
    '带客户端生成的 id 重发同一内容答 200 与已有记录，不再新建；同一 id 换了内容或换了人为 409。集体活动：别县的代表小组为 404，不是组长的代表为 403；参加代表须是本县（市、区）在册代表，不是小组成员的记为受邀。',
  responses: { 201: activity, 200: { schema: activity, description: '同一 id 的重发：已有的记录' }, errors: [403, 404, 409] },
})
const list = route({ tags: TAGS, summary: '履职活动列表（按范围：代表本人的、县级本县的、市级全部）', responses: { 200: activityList, errors: [403] } })
const read = route({ tags: TAGS, summary: '一次履职活动', responses: { 200: activity, errors: [403] } })
const update = route({
  tags: TAGS,
  summary: '代表修改本人的履职活动（待审核或已退回时；改后回到待审核）；集体活动由组长或本县工作人员修改，可带 participantIds',
  responses: { 200: activity, errors: [403, 409] },
})
const review = route({ tags: TAGS, summary: '审核履职活动：确认或退回（工作人员；退回须写原因）', responses: { 200: activity, errors: [403, 409] } })
const exported = route({
  tags: TAGS,
  summary: '导出履职活动台账（XLSX：本县或全市当年已确认的活动，A4 横向打印）',
  description: '只限工作人员；县级工作人员只见本县。以公式开头的文字前加 \'。',
  responses: { 200: binary(XLSX), errors: [403] },
})
const yearly = route({ tags: TAGS, summary: '代表的年度履职档案（只计已确认的活动）', responses: { 200: record, errors: [403] } })

export const activityRoutes = new Hono<AppEnv>()
  .post('/activities', create, body(createActivityBody), async (c) => {
    const body = c.req.valid('json')
    const { activity, created } = await createActivity(c.var.db, currentUser(c), body)
    return c.json(activity, created ? 201 : 200)
  })
  .get('/activities', list, querystring(listActivitiesQuery), async (c) => {
    const user = currentUser(c)
    const scope = activityScope(user)
    const qs = c.req.valid('query')
    // A county asked for outside a county staff member's scope yields nothing, never widens it.
    if (qs.countyCode) {
      const f = staffCountyFilter(scopeOf(user), qs.countyCode)
      if ('codes' in f && f.codes.length === 0) return c.json({ items: [], nextCursor: null })
    }
    const rows = await listActivities(c.var.db, { scope, ...qs, after: decodeCursor(qs.cursor) })
    const { items, nextCursor } = page(rows, qs.limit, (a) => a.createdAt)
    return c.json({ items: await withChildren(c.var.db, items), nextCursor })
  })
  .get('/activities/export.xlsx', exported, querystring(activitiesExportQuery), async (c) => {
    const qs = c.req.valid('query')
    const year = qs.year ?? yearInShanghai()
    const { blob, place } = await activitiesWorkbook(c.var.db, currentUser(c), year, qs.countyCode)
    c.header('Content-Disposition', attachment([place, '履职活动台账', `${year}年`], `activities-${year}`, todayInShanghai(), 'xlsx'))
    return c.body(await blob.arrayBuffer(), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  })
  .get('/activities/:id', read, idParams('id'), async (c) => {
    const row = await visibleActivity(c.var.db, currentUser(c), c.req.valid('param').id)
    return c.json((await withChildren(c.var.db, [row]))[0])
  })
  .put('/activities/:id', update, body(updateActivityBody), idParams('id'), async (c) => {
    const body = c.req.valid('json')
    return c.json(await updateActivity(c.var.db, currentUser(c), c.req.valid('param').id, body))
  })
  .post('/activities/:id/review', review, body(reviewBody), idParams('id'), async (c) => {
    const body = c.req.valid('json')
    return c.json(await reviewActivity(c.var.db, currentUser(c), c.req.valid('param').id, body))
  })
  .get('/deputies/:id/record', yearly, querystring(recordQuery), idParams('id'), async (c) => {
    const qs = c.req.valid('query')
    return c.json(await deputyRecord(c.var.db, currentUser(c), c.req.valid('param').id, qs.year ?? yearInShanghai()))
  })
