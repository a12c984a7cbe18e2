// 五个一 (api.md "五个一"): each congress (a county or the city) records the five things it owes a
// year; staff record their own congress's, the city office sees all.
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { route } from '../openapi/describe'
import { body, querystring } from '../validate'
import { createFiveOneBody, fiveOneList, fiveOneRecord, fiveOnesQuery } from './five-ones.schemas'
import { fiveOnesInScope, recordFiveOne } from './five-ones.service'

const TAGS = ['五个一']
const create = route({
  tags: TAGS,
  summary: '登记“五个一”（工作人员；县级只登记本县，市级可登记市本级）',
  description: '带上客户端生成的 id 重发同一请求（如网络中断后重试）只登记一次：已登记时答 200 与原记录；该 id 已用于其他内容或他人所登记则 409。',
  responses: { 201: fiveOneRecord, 200: fiveOneRecord, errors: [403, 409] },
})
const list = route({ tags: TAGS, summary: '“五个一”列表（县级只见本县，问别县为空列表）', responses: { 200: fiveOneList, errors: [403] } })

export const fiveOneRoutes = new Hono<AppEnv>()
  .post('/five-ones', create, body(createFiveOneBody), async (c) => {
    const body = c.req.valid('json')
    const { record, created } = await recordFiveOne(c.var.db, currentUser(c), body)
    return c.json(record, created ? 201 : 200)
  })
  .get('/five-ones', list, querystring(fiveOnesQuery), async (c) => {
    const qs = c.req.valid('query')
    return c.json({ items: await fiveOnesInScope(c.var.db, currentUser(c), qs) })
  })
