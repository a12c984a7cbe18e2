// 五个一 (api.md "五个一"): each congress (a county or the city) records the five things it owes a
// year; staff record their own congress's, the city office sees all.
import { Hono } from 'hono'
import { z } from 'zod'
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm'
import type { AppEnv } from '../env'
import { requireRole } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { Forbidden, ValidationFailed } from '../core/errors'
import { countyCode, date, text } from '../core/schemas'
import { todayInShanghai, yearOf } from '../core/dates'
import { FIVE_ONES, codesOf } from '../core/taxonomy'
import { fiveOnes, places } from '../db/schema'
import { jsonBody, query } from '../validate'
import { fiveOneAdded } from '../stats/counters'

const createBody = z.object({
  countyCode,
  year: z.number({ error: '请填写年度' }).int({ error: '年度应为整数' }),
  type: z.enum(codesOf(FIVE_ONES), { error: '请选择“五个一”类别' }),
  date: date('日期'),
  title: text('标题', 60),
  summary: z.string({ error: '概述应为文字' }).trim().max(2000, { error: '概述不能超过 2000 字' }).default(''),
})

const listQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int().min(2000).max(2100).optional(),
  countyCode: countyCode.optional(),
})

const columns = {
  id: fiveOnes.id,
  countyCode: fiveOnes.placeCode,
  year: fiveOnes.year,
  type: fiveOnes.type,
  date: fiveOnes.date,
  title: fiveOnes.title,
  summary: fiveOnes.summary,
  createdAt: fiveOnes.createdAt,
  updatedAt: fiveOnes.updatedAt,
  version: fiveOnes.version,
}

export const fiveOneRoutes = new Hono<AppEnv>()
  .post('/five-ones', async (c) => {
    const user = currentUser(c)
    requireRole(user, 'county_staff', 'city_staff')
    const body = await jsonBody(c, createBody)
    // County staff record their own congress's; city staff any county's or the city's own.
    if (user.role === 'county_staff' && body.countyCode !== user.countyCode) throw new Forbidden('只能登记本县（市、区）人大的“五个一”')
    const [place] = await c.var.db.select({ code: places.code }).from(places).where(eq(places.code, body.countyCode)).limit(1)
    if (!place) throw new ValidationFailed({ countyCode: '没有这个县市区' })
    if (yearOf(body.date) !== body.year) throw new ValidationFailed({ date: `日期应在 ${body.year} 年内` })
    if (body.date > todayInShanghai()) throw new ValidationFailed({ date: '日期不能晚于今天' })
    const at = new Date().toISOString()
    const [[row]] = await c.var.db.batch([
      c.var.db
        .insert(fiveOnes)
        .values({ id: crypto.randomUUID(), placeCode: body.countyCode, year: body.year, type: body.type, date: body.date, title: body.title, summary: body.summary, createdBy: user.id, createdAt: at, updatedAt: at })
        .returning(columns),
      fiveOneAdded(c.var.db, body.year, body.countyCode, body.type),
    ])
    return c.json(row, 201)
  })
  .get('/five-ones', async (c) => {
    const user = currentUser(c)
    requireRole(user, 'county_staff', 'city_staff')
    const qs = query(c, listQuery)
    const where: (SQL | undefined)[] = []
    if (qs.year) where.push(eq(fiveOnes.year, qs.year))
    if (user.role === 'county_staff') {
      if (qs.countyCode && qs.countyCode !== user.countyCode) return c.json({ items: [] })
      where.push(eq(fiveOnes.placeCode, user.countyCode!))
    } else if (qs.countyCode) where.push(inArray(fiveOnes.placeCode, [qs.countyCode]))
    const items = await c.var.db
      .select(columns)
      .from(fiveOnes)
      .where(and(...where))
      .orderBy(asc(fiveOnes.year), asc(fiveOnes.placeCode), asc(fiveOnes.date))
    return c.json({ items })
  })
