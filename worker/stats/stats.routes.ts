// The statistics ledger (api.md "Statistics"): supervision, activities and 五个一 figures, and
// the tables as one XLSX workbook in 台账 layout.
import { Hono } from 'hono'
import type * as z from 'zod'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { binary, route, XLSX } from '../openapi/describe'
import { todayInShanghai, yearInShanghai } from '../core/dates'
import { querystring } from '../validate'
import { activityStats, countiesInScope, fiveOneStats, supervisionStats } from './stats.service'
import { inactiveDeputies } from './stats.queries'
import { ValidationFailed } from '../core/errors'
import { statsWorkbook } from './stats.export'
import { attachment } from '../core/spreadsheet'
import { activityTable, fiveOneTable, inactiveDeputyList, statsQuery, supervisionTable } from './stats.schemas'

const TAGS = ['统计']
// County staff asking for another county (or city staff for no such county) get 404; deputies and units 403.
const stats = (summary: string, answer: z.ZodType) => route({ tags: TAGS, summary, responses: { 200: answer, errors: [403, 404] } })
const supervision = stats('问题整改统计（按县市区 × 监督领域或乡镇）', supervisionTable)
const activities = stats('代表履职统计（按县市区）', activityTable)
const fiveOnes = stats('“五个一”统计（每级人大一行）', fiveOneTable)
const inactive = stats('当年没有已确认活动的代表（须选一个县市区）', inactiveDeputyList)
const workbook = route({ tags: TAGS, summary: '统计台账（三张表一个 XLSX 工作簿，A4 横向打印：标题行、导出时间、每页重复表头、页码）', responses: { 200: binary(XLSX), errors: [403, 404] } })

export const statsRoutes = new Hono<AppEnv>()
  .get('/stats/supervision', supervision, querystring(statsQuery), async (c) => {
    const qs = c.req.valid('query')
    return c.json(await supervisionStats(c.var.db, currentUser(c), qs.year ?? yearInShanghai(), qs.countyCode, qs.groupBy))
  })
  .get('/stats/activities', activities, querystring(statsQuery), async (c) => {
    const qs = c.req.valid('query')
    return c.json(await activityStats(c.var.db, currentUser(c), qs.year ?? yearInShanghai(), qs.countyCode))
  })
  .get('/stats/five-ones', fiveOnes, querystring(statsQuery), async (c) => {
    const qs = c.req.valid('query')
    return c.json(await fiveOneStats(c.var.db, currentUser(c), qs.year ?? yearInShanghai(), qs.countyCode))
  })
  .get('/stats/inactive-deputies', inactive, querystring(statsQuery), async (c) => {
    const qs = c.req.valid('query')
    const user = currentUser(c)
    const counties = await countiesInScope(c.var.db, user, qs.countyCode)
    const year = qs.year ?? yearInShanghai()
    if (qs.countyCode && counties.length === 0) return c.json({ year, items: [] })
    // A roster list: rows in proportion to one county's deputies, so one county at a time.
    if (counties.length !== 1) throw new ValidationFailed({ countyCode: '请选择一个县市区' }, '请选择一个县市区')
    return c.json({ year, items: await inactiveDeputies(c.var.db, counties[0]!.code, year) })
  })
  .get('/stats/export.xlsx', workbook, querystring(statsQuery), async (c) => {
    const qs = c.req.valid('query')
    const user = currentUser(c)
    const year = qs.year ?? yearInShanghai()
    const { blob, place } = await statsWorkbook(c.var.db, user, year, qs.countyCode)
    c.header('Content-Disposition', attachment([place, '统计台账', `${year}年`], `stats-${year}`, todayInShanghai(), 'xlsx'))
    return c.body(await blob.arrayBuffer(), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  })
