// The deputies roster (api.md "Deputies and accounts"): list, read one with its history, add one,
// change or end one, import a CSV/XLSX roster.
import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../env'
import { requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { decodeCursor, page } from '../db/cursor'
import { body, idParams, querystring } from '../validate'
import { binary, CSV, route, XLSX } from '../openapi/describe'
import { listDeputies } from './deputies.queries'
import { createDeputy, importRoster } from './deputies.service'
import { readUploadCells } from '../imports/upload'
import { changeAccount, deputyWithHistory } from '../users/changes.service'
import { changeDeputyBody, createDeputyBody, createdDeputy, deputiesQuery, deputyDetail, deputyList, deputyResponse, importResult } from './deputies.schemas'

const TAGS = ['代表名册']
const describeList = route({
  tags: TAGS,
  summary: '代表名册，新的在前（q 按姓名或手机号搜索）',
  description: '县级工作人员只见本县。分页：nextCursor 不为 null 时，以 cursor 取下一页。',
  responses: { 200: deputyList, errors: [403] },
})
const describeChange = route({
  tags: TAGS,
  summary: '修改、停用或恢复名册中的代表（带 version；已被他人修改时 409 附 current）',
  responses: { 200: deputyResponse, errors: [403, 409] },
})
const describeImport = route({
  tags: TAGS,
  summary: '导入名册（CSV 或 Excel）：全部行无误才导入，重复导入不改变任何数据',
  description:
    '表头：姓名、手机号、代表层级、县市区、代表小组（可无）。直接以 text/csv 或 xlsx 为请求体提交，或以 multipart/form-data 的 file 字段上传。有误的行在 400 的 error.rows 中逐行说明（row 为表中的行号）。',
  requestBody: {
    content: {
      [CSV]: binary(CSV),
      [XLSX]: binary(XLSX),
      'multipart/form-data': z.object({ file: z.file().meta({ description: '名册文件（.csv 或 .xlsx）' }) }),
    },
  },
  responses: { 200: importResult, errors: [400, 403, 409, 413, 415] },
})

export const deputyRoutes = new Hono<AppEnv>()
  .get('/deputies', describeList, querystring(deputiesQuery), async (c) => {
    const user = currentUser(c)
    requirePermission(user, 'roster.manage')
    const qs = c.req.valid('query')
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
  .post('/deputies', route({ tags: TAGS, summary: '在名册中添加一名代表（不设密码：本人凭开通码首次登录）', responses: { 201: createdDeputy, errors: [403, 409] } }), body(createDeputyBody), async (c) => {
    const body = c.req.valid('json')
    return c.json(await createDeputy(c.var.db, currentUser(c), body), 201)
  })
  .get('/deputies/:id', route({ tags: TAGS, summary: '名册中的一名代表及其修改记录', responses: { 200: deputyDetail, errors: [403] } }), idParams('id'), async (c) =>
    c.json(await deputyWithHistory(c.var.db, currentUser(c), c.req.valid('param').id)),
  )
  .patch('/deputies/:id', describeChange, body(changeDeputyBody), idParams('id'), async (c) => {
    const body = c.req.valid('json')
    return c.json({ deputy: await changeAccount(c.var.db, currentUser(c), c.req.valid('param').id, body, 'deputy') })
  })
  .post('/deputies/import', describeImport, async (c) => {
    requirePermission(currentUser(c), 'roster.manage')
    return c.json(await importRoster(c.var.db, currentUser(c), await readUploadCells(c, '名册')))
  })
