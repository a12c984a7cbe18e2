// GET /users/:id (an account, within the caller's scope) and GET /deputies (the staff roster).
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { canReadUser, requireRole, scopeOf, staffCountyFilter } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { NotFound } from '../core/errors'
import { countyCode, pageQuery } from '../core/schemas'
import { DEPUTY_LEVELS, codesOf } from '../core/taxonomy'
import { decodeCursor, page } from '../db/cursor'
import { query } from '../validate'
import { findUserView, listDeputies } from './users.queries'

const deputiesQuery = z.object({
  countyCode: countyCode.optional(),
  level: z.enum(codesOf(DEPUTY_LEVELS), { error: '代表层级应为 national/provincial/city/county/township 之一' }).optional(),
  q: z.string().trim().max(50, { error: '搜索词不能超过 50 字' }).optional(),
  ...pageQuery,
})

export const userRoutes = new Hono<AppEnv>()
  .get('/users/:id', async (c) => {
    const user = currentUser(c)
    const target = await findUserView(c.var.db, c.req.param('id'))
    if (!target || !canReadUser(user, target)) throw new NotFound()
    return c.json({ user: target })
  })
  .get('/deputies', async (c) => {
    const user = currentUser(c)
    requireRole(user, 'county_staff', 'city_staff')
    const qs = query(c, deputiesQuery)
    const counties = staffCountyFilter(scopeOf(user), qs.countyCode)
    const rows = await listDeputies(c.var.db, {
      countyCodes: 'all' in counties ? null : counties.codes,
      level: qs.level,
      q: qs.q || undefined,
      after: decodeCursor(qs.cursor),
      limit: qs.limit,
    })
    if ('codes' in counties && counties.codes.length === 0) return c.json({ items: [], nextCursor: null })
    const { items, nextCursor } = page(rows, qs.limit, (d) => d.createdAt)
    return c.json({ items: items.map(({ createdAt: _createdAt, ...d }) => d), nextCursor })
  })
