// The commendation (api.md "一年一表彰"): a county's deputies with their confirmed figures, as
// JSON and as XLSX; the nominations of 优秀人大代表 (county staff nominate, the city confirms).
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { binary, route, XLSX } from '../openapi/describe'
import { todayInShanghai } from '../core/dates'
import { body, idParams, querystring } from '../validate'
import { changeNominationBody, commendationQuery, commendationTable, confirmBody, nominateBody, nominationList, nominationResponse, nominationsQuery } from './commendation.schemas'

// The rules load on first use, a chunk of their own on Workers (worker/build/build.ts): the year-end
// screens should not weigh on every cold start.
const rules = () => import('./commendation.service')

const TAGS = ['一年一表彰']
const table = route({
  tags: TAGS,
  summary: '一年一表彰：一个县市区名册上每名代表的已确认履职数据（工作人员；县级只见本县，问别县 404；市级须选县市区）',
  description: '数据来自每名代表的计数，读取的行数与名册人数成正比，与活动多少无关。每个数字都可在活动列表中按 ?deputyId=&status=confirmed&year= 查到对应的活动。',
  responses: { 200: commendationTable, errors: [403, 404] },
})
const workbook = route({ tags: TAGS, summary: '一年一表彰表（XLSX，参数同上）', responses: { 200: binary(XLSX), errors: [403, 404] } })
const create = route({
  tags: TAGS,
  summary: '推荐优秀人大代表（工作人员；县级只推荐本县在册代表）：每名代表每年度只能有一条有效推荐',
  description: '带上客户端生成的 id 重发同一请求只推荐一次：已推荐时答 200 与原记录；该 id 已用于其他内容或他人所推荐则 409；该代表本年度已有未撤回的推荐 409。',
  responses: { 201: nominationResponse, 200: nominationResponse, errors: [403, 409] },
})
const list = route({ tags: TAGS, summary: '某年度的推荐（县级只见本县；市级见各县市区）', responses: { 200: nominationList, errors: [403] } })
const read = route({ tags: TAGS, summary: '一条推荐', responses: { 200: nominationResponse, errors: [403] } })
const change = route({
  tags: TAGS,
  summary: '修改推荐理由或撤回推荐（待确认时；带 version，已被他人修改 409 附 current）',
  responses: { 200: nominationResponse, errors: [403, 409] },
})
const confirm = route({
  tags: TAGS,
  summary: '市级确认推荐（只有市人大工作人员；带 version；已确认或已撤回为 409 invalid_transition）',
  responses: { 200: nominationResponse, errors: [403, 409] },
})

export const commendationRoutes = new Hono<AppEnv>()
  .get('/stats/commendation', table, querystring(commendationQuery), async (c) => c.json(await (await rules()).commendationTable(c.var.db, currentUser(c), c.req.valid('query'))))
  .get('/stats/commendation/export', workbook, querystring(commendationQuery), async (c) => {
    const { blob, year, countyName } = await (await rules()).commendationWorkbook(c.var.db, currentUser(c), c.req.valid('query'))
    const file = `一年一表彰-${countyName}-${year}-${todayInShanghai()}.xlsx`
    c.header('Content-Disposition', `attachment; filename="commendation-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(file)}`)
    return c.body(await blob.arrayBuffer(), 200, { 'Content-Type': XLSX })
  })
  .post('/commendation/nominations', create, body(nominateBody), async (c) => {
    const { nomination, created } = await (await rules()).nominate(c.var.db, currentUser(c), c.req.valid('json'))
    return c.json({ nomination }, created ? 201 : 200)
  })
  .get('/commendation/nominations', list, querystring(nominationsQuery), async (c) => c.json(await (await rules()).nominationsInScope(c.var.db, currentUser(c), c.req.valid('query'))))
  .get('/commendation/nominations/:id', read, idParams('id'), async (c) => c.json({ nomination: await (await rules()).nominationOf(c.var.db, currentUser(c), c.req.valid('param').id) }))
  .patch('/commendation/nominations/:id', change, body(changeNominationBody), idParams('id'), async (c) =>
    c.json({ nomination: await (await rules()).changeNomination(c.var.db, currentUser(c), c.req.valid('param').id, c.req.valid('json')) }),
  )
  .post('/commendation/nominations/:id/confirm', confirm, body(confirmBody), idParams('id'), async (c) =>
    c.json({ nomination: await (await rules()).confirmNomination(c.var.db, currentUser(c), c.req.valid('param').id, c.req.valid('json').version) }),
  )
