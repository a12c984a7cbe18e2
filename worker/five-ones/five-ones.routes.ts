// 五个一 (api.md "五个一"): each congress (a county or the city) records the five things it owes a
// year; staff record their own congress's, the city office sees all.
import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { countyCode, date, freeText, text } from '../core/schemas'
import { FIVE_ONES, codesOf } from '../core/taxonomy'
import { jsonBody, query } from '../validate'
import { fiveOnesInScope, recordFiveOne } from './five-ones.service'

const createBody = z.object({
  countyCode,
  year: z.number({ error: '请填写年度' }).int({ error: '年度应为整数' }),
  type: z.enum(codesOf(FIVE_ONES), { error: '请选择“五个一”类别' }),
  date: date('日期'),
  title: text('标题', 60),
  summary: freeText('概述', 2000, { multiline: true }).default(''),
})

const listQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int().min(2000).max(2100).optional(),
  countyCode: countyCode.optional(),
})

export const fiveOneRoutes = new Hono<AppEnv>()
  .post('/five-ones', async (c) => {
    const body = await jsonBody(c, createBody)
    return c.json(await recordFiveOne(c.var.db, currentUser(c), body), 201)
  })
  .get('/five-ones', async (c) => {
    const qs = query(c, listQuery)
    return c.json({ items: await fiveOnesInScope(c.var.db, currentUser(c), qs) })
  })
