// The statistics ledger (api.md "Statistics"): supervision, activities and 五个一 figures, and
// the tables as one XLSX workbook in 台账 layout.
import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { countyCode } from '../core/schemas'
import { todayInShanghai, yearInShanghai } from '../core/dates'
import { query } from '../validate'
import { activityStats, countiesInScope, fiveOneStats, supervisionStats } from './stats.service'
import { inactiveDeputies } from './stats.queries'
import { ValidationFailed } from '../core/errors'
import { statsWorkbook } from './stats.export'

const statsQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2000).max(2100).optional(),
  countyCode: countyCode.optional(),
  groupBy: z.enum(['field', 'township'], { error: '分组只能是 field 或 township' }).default('field'),
})

export const statsRoutes = new Hono<AppEnv>()
  .get('/stats/supervision', async (c) => {
    const qs = query(c, statsQuery)
    return c.json(await supervisionStats(c.var.db, currentUser(c), qs.year ?? yearInShanghai(), qs.countyCode, qs.groupBy))
  })
  .get('/stats/activities', async (c) => {
    const qs = query(c, statsQuery)
    return c.json(await activityStats(c.var.db, currentUser(c), qs.year ?? yearInShanghai(), qs.countyCode))
  })
  .get('/stats/five-ones', async (c) => {
    const qs = query(c, statsQuery)
    return c.json(await fiveOneStats(c.var.db, currentUser(c), qs.year ?? yearInShanghai(), qs.countyCode))
  })
  .get('/stats/inactive-deputies', async (c) => {
    const qs = query(c, statsQuery)
    const user = currentUser(c)
    const counties = await countiesInScope(c.var.db, user, qs.countyCode)
    const year = qs.year ?? yearInShanghai()
    if (qs.countyCode && counties.length === 0) return c.json({ year, items: [] })
    // A roster list: rows in proportion to one county's deputies, so one county at a time.
    if (counties.length !== 1) throw new ValidationFailed({ countyCode: '请选择一个县市区' }, '请选择一个县市区')
    return c.json({ year, items: await inactiveDeputies(c.var.db, counties[0]!.code, year) })
  })
  .get('/stats/export.xlsx', async (c) => {
    const qs = query(c, statsQuery)
    const user = currentUser(c)
    const year = qs.year ?? yearInShanghai()
    const blob = await statsWorkbook(c.var.db, user, year, qs.countyCode)
    const name = `统计台账-${year}-${todayInShanghai()}.xlsx`
    c.header('Content-Disposition', `attachment; filename="stats-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    return c.body(await blob.arrayBuffer(), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  })
