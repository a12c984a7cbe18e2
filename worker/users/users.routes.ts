// Accounts (api.md "Deputies and accounts"): read one with its history, list staff and unit
// accounts, create one (without a credential: its owner activates it with a printed code),
// change or end one, and reset a password.
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { can, canReadUser, requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { NotFound } from '../core/errors'
import { decodeCursor, page } from '../db/cursor'
import { body, idParams, querystring } from '../validate'
import { route } from '../openapi/describe'
import { findUserView, listAccounts } from './users.queries'
import { createAccount, resetPassword } from './users.service'
import { changeAccount, historyOf } from './changes.service'
import { accountList, changeUserBody, createUserBody, userDetail, userResponse, usersQuery } from './users.schemas'

const TAGS = ['账号管理']
const describeList = route({
  tags: TAGS,
  summary: '工作人员与责任单位账号列表（代表见名册），新的在前',
  description: '县级工作人员只见本县的责任单位和县级工作人员账号。分页：nextCursor 不为 null 时，以 cursor 取下一页。',
  responses: { 200: accountList, errors: [403] },
})
const describeCreate = route({
  tags: TAGS,
  summary: '开通账号（责任单位、县级或市级工作人员），不设密码：本人凭开通码首次登录',
  responses: { 201: userResponse, errors: [403, 409] },
})
const describeChange = route({
  tags: TAGS,
  summary: '修改、停用或恢复账号（带 version；已被他人修改时 409 附 current）',
  responses: { 200: userResponse, errors: [403, 409] },
})
const describeReset = route({
  tags: TAGS,
  summary: '重置密码：清除密码与未用的开通码，结束其全部会话；本人凭新的开通码再登录',
  responses: { 200: userResponse, errors: [403] },
})

export const userRoutes = new Hono<AppEnv>()
  .get('/users', describeList, querystring(usersQuery), async (c) => {
    const user = currentUser(c)
    requirePermission(user, 'account.manage')
    const qs = c.req.valid('query')
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
  .post('/users', describeCreate, body(createUserBody), async (c) => {
    const body = c.req.valid('json')
    return c.json(await createAccount(c.var.db, currentUser(c), body), 201)
  })
  .get('/users/:id', route({ tags: TAGS, summary: '一个账号及其修改记录（记录仅工作人员可见）', responses: { 200: userDetail } }), idParams('id'), async (c) => {
    const user = currentUser(c)
    const target = await findUserView(c.var.db, c.req.valid('param').id)
    if (!target || !canReadUser(user, target)) throw new NotFound()
    return c.json({ user: target, history: await historyOf(c.var.db, user, target.id) })
  })
  .patch('/users/:id', describeChange, body(changeUserBody), idParams('id'), async (c) => {
    const body = c.req.valid('json')
    return c.json({ user: await changeAccount(c.var.db, currentUser(c), c.req.valid('param').id, body, 'account') })
  })
  .post('/users/:id/reset-password', describeReset, idParams('id'), async (c) => c.json(await resetPassword(c.var.db, currentUser(c), c.req.valid('param').id)))
