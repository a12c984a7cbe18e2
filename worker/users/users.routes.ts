// Accounts (api.md "Deputies and accounts"): read one with its history, list staff and unit
// accounts, create one (without a credential: its owner activates it with a printed code),
// change or end one, and reset a password.
import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../env'
import { can, canReadUser, requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { NotFound } from '../core/errors'
import { activeQuery, countyCode, pageQuery, phone, recordId, text } from '../core/schemas'
import { decodeCursor, page } from '../db/cursor'
import { idParam, jsonBody, query } from '../validate'
import { findUserView, listAccounts } from './users.queries'
import { createAccount, resetPassword } from './users.service'
import { changeAccount, historyOf } from './changes.service'

const createBody = z.object({
  role: z.enum(['unit', 'county_staff', 'city_staff'], { error: '账号类型应为 unit（责任单位）、county_staff（县级人大工作人员）或 city_staff（市人大工作人员）' }),
  name: text('姓名', 30),
  phone,
  countyCode: countyCode.optional(),
  unitId: recordId('责任单位编号不正确').optional(),
})

const listQuery = z.object({
  role: z.enum(['unit', 'county_staff', 'city_staff'], { error: '未知的账号类型' }).optional(),
  countyCode: countyCode.optional(),
  active: activeQuery,
  ...pageQuery,
})

const changeBody = z.object({
  version: z.number({ error: '缺少版本号 version' }).int(),
  name: text('姓名', 30).optional(),
  active: z.boolean({ error: 'active 应为 true 或 false' }).optional(),
})

export const userRoutes = new Hono<AppEnv>()
  .get('/users', async (c) => {
    const user = currentUser(c)
    requirePermission(user, 'account.manage')
    const qs = query(c, listQuery)
    const counties = staffCountyFilter(scopeOf(user), qs.countyCode)
    if ('codes' in counties && counties.codes.length === 0) return c.json({ items: [], nextCursor: null })
    const allowed = (['unit', 'county_staff', 'city_staff'] as const).filter((r) => can(user, `account.list.${r}`))
    const roles = qs.role ? allowed.filter((r) => r === qs.role) : [...allowed]
    if (roles.length === 0) return c.json({ items: [], nextCursor: null })
    const rows = await listAccounts(c.var.db, {
      countyCode: 'codes' in counties ? counties.codes[0]! : null,
      roles: [...roles],
      active: qs.active,
      after: decodeCursor(qs.cursor),
      limit: qs.limit,
    })
    const { items, nextCursor } = page(rows, qs.limit, (u) => u.createdAt)
    return c.json({ items: items.map(({ createdAt: _c, ...u }) => u), nextCursor })
  })
  .post('/users', async (c) => {
    const body = await jsonBody(c, createBody)
    return c.json(await createAccount(c.var.db, currentUser(c), body), 201)
  })
  .get('/users/:id', async (c) => {
    const user = currentUser(c)
    const target = await findUserView(c.var.db, idParam(c))
    if (!target || !canReadUser(user, target)) throw new NotFound()
    return c.json({ user: target, history: await historyOf(c.var.db, user, target.id) })
  })
  .patch('/users/:id', async (c) => {
    const body = await jsonBody(c, changeBody)
    return c.json({ user: await changeAccount(c.var.db, currentUser(c), idParam(c), body, 'account') })
  })
  .post('/users/:id/reset-password', async (c) => c.json(await resetPassword(c.var.db, currentUser(c), idParam(c))))
