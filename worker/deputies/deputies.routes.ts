// The deputies roster (api.md "Deputies and accounts"): list, read one with its history, add one,
// change or end one, import a CSV/XLSX roster.
import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../env'
import { requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { activeQuery, countyCode, freeText, pageQuery, phone, text } from '../core/schemas'
import { DEPUTY_LEVELS, codesOf } from '../core/taxonomy'
import { decodeCursor, page } from '../db/cursor'
import { idParam, jsonBody, query } from '../validate'
import { listDeputies } from './deputies.queries'
import { createDeputy, importRoster } from './deputies.service'
import { readUploadCells } from '../imports/upload'
import { changeAccount, deputyWithHistory } from '../users/changes.service'

const level = z.enum(codesOf(DEPUTY_LEVELS), { error: '代表层级应为 national/provincial/city/county/township 之一' })

const deputiesQuery = z.object({
  countyCode: countyCode.optional(),
  level: level.optional(),
  q: z.string().trim().max(50, { error: '搜索词不能超过 50 字' }).optional(),
  active: activeQuery,
  ...pageQuery,
})

const changeBody = z.object({
  version: z.number({ error: '缺少版本号 version' }).int(),
  name: text('姓名', 30).optional(),
  phone: phone.optional(),
  level: level.optional(),
  group: z.string().trim().max(50, { error: '代表小组不能超过 50 字' }).optional(),
  active: z.boolean({ error: 'active 应为 true 或 false' }).optional(),
})

const createBody = z.object({
  name: text('姓名', 30),
  phone,
  level,
  countyCode: countyCode.optional(),
  group: freeText('代表小组', 50).optional(),
})

export const deputyRoutes = new Hono<AppEnv>()
  .get('/deputies', async (c) => {
    const user = currentUser(c)
    requirePermission(user, 'roster.manage')
    const qs = query(c, deputiesQuery)
    const counties = staffCountyFilter(scopeOf(user), qs.countyCode)
    if ('codes' in counties && counties.codes.length === 0) return c.json({ items: [], nextCursor: null })
    const rows = await listDeputies(c.var.db, {
      countyCodes: 'all' in counties ? null : counties.codes,
      level: qs.level,
      active: qs.active,
      q: qs.q || undefined,
      after: decodeCursor(qs.cursor),
      limit: qs.limit,
    })
    const { items, nextCursor } = page(rows, qs.limit, (d) => d.createdAt)
    return c.json({ items: items.map(({ createdAt: _createdAt, ...d }) => d), nextCursor })
  })
  .post('/deputies', async (c) => {
    const body = await jsonBody(c, createBody)
    return c.json(await createDeputy(c.var.db, currentUser(c), body), 201)
  })
  .get('/deputies/:id', async (c) => c.json(await deputyWithHistory(c.var.db, currentUser(c), idParam(c))))
  .patch('/deputies/:id', async (c) => {
    const body = await jsonBody(c, changeBody)
    return c.json({ deputy: await changeAccount(c.var.db, currentUser(c), idParam(c), body, 'deputy') })
  })
  .post('/deputies/import', async (c) => {
    requirePermission(currentUser(c), 'roster.manage')
    return c.json(await importRoster(c.var.db, currentUser(c), await readUploadCells(c, '名册')))
  })
