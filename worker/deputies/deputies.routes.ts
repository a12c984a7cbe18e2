// The deputies roster (api.md "Deputies and accounts"): list, add one, import a CSV/XLSX roster.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { requireRole, scopeOf, staffCountyFilter } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { countyCode, freeText, pageQuery, phone, text } from '../core/schemas'
import { DEPUTY_LEVELS, codesOf } from '../core/taxonomy'
import { decodeCursor, page } from '../db/cursor'
import { jsonBody, query } from '../validate'
import { listDeputies } from './deputies.queries'
import { createDeputy, importRoster } from './deputies.service'
import { readUploadCells } from '../imports/upload'

const level = z.enum(codesOf(DEPUTY_LEVELS), { error: '代表层级应为 national/provincial/city/county/township 之一' })

const deputiesQuery = z.object({
  countyCode: countyCode.optional(),
  level: level.optional(),
  q: z.string().trim().max(50, { error: '搜索词不能超过 50 字' }).optional(),
  ...pageQuery,
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
    requireRole(user, 'county_staff', 'city_staff')
    const qs = query(c, deputiesQuery)
    const counties = staffCountyFilter(scopeOf(user), qs.countyCode)
    if ('codes' in counties && counties.codes.length === 0) return c.json({ items: [], nextCursor: null })
    const rows = await listDeputies(c.var.db, {
      countyCodes: 'all' in counties ? null : counties.codes,
      level: qs.level,
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
  .post('/deputies/import', async (c) => {
    requireRole(currentUser(c), 'county_staff', 'city_staff')
    return c.json(await importRoster(c.var.db, currentUser(c), await readUploadCells(c, '名册')))
  })
