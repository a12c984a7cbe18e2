// Deputy groups (api.md "代表小组"): list a year's groups, read one with its members, create and
// change one; and the coverage of the year's fields by groups (GET /stats/groups).
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { route } from '../openapi/describe'
import { body, idParams, querystring } from '../validate'
import { changeGroupBody, coverage, coverageQuery, createdGroup, createGroupBody, groupActivitiesQuery, groupActivityStats, groupList, groupResponse, groupsQuery } from './groups.schemas'
import { changeGroup, createGroup, groupActivityStatsOf, groupCoverage, groupInScope, groupsInScope } from './groups.service'

const TAGS = ['代表小组']
const list = route({
  tags: TAGS,
  summary: '某年度的代表小组（县级工作人员只见本县，问别县为空列表；代表只见自己所在的小组）',
  responses: { 200: groupList, errors: [403] },
})
const create = route({
  tags: TAGS,
  summary: '建立代表小组（工作人员；县级只为本县建立）：成员来自本县名册，可混合五级代表，组长须是成员',
  description: 'fieldCodes 为该年度的监督领域，可多选；不覆盖领域的小组须填写 theme（主题）。同县同年度小组名称不能重复（409）。',
  responses: { 201: createdGroup, errors: [403, 409] },
})
const read = route({ tags: TAGS, summary: '一个代表小组及其成员（代表须是成员，否则 404）', responses: { 200: groupResponse, errors: [403] } })
const change = route({
  tags: TAGS,
  summary: '修改代表小组：名称、领域、主题、组长、成员（带 version；已被他人修改时 409 附 current）',
  description: 'memberIds 为修改后的全部成员。已从名册停用的成员可以留在小组中，新加入的成员须是本县在册代表。',
  responses: { 200: groupResponse, errors: [403, 409] },
})
const coverageRoute = route({
  tags: ['统计'],
  summary: '代表小组的领域覆盖：每个县市区该年度每个监督领域是否至少有一个小组（县级只见本县）',
  responses: { 200: coverage, errors: [403] },
})

const activitiesRoute = route({
  tags: ['统计'],
  summary: '代表小组的集体活动统计：每个小组一行（已确认的集体活动、参加人次、记在小组的四个一批和五个引进、发现的问题），并按监督领域汇总（工作人员；县级只见本县）',
  responses: { 200: groupActivityStats, errors: [403] },
})

export const groupRoutes = new Hono<AppEnv>()
  .get('/groups', list, querystring(groupsQuery), async (c) => c.json({ items: await groupsInScope(c.var.db, currentUser(c), c.req.valid('query')) }))
  .post('/groups', create, body(createGroupBody), async (c) => c.json(await createGroup(c.var.db, currentUser(c), c.req.valid('json')), 201))
  .get('/groups/:id', read, idParams('id'), async (c) => c.json({ group: await groupInScope(c.var.db, currentUser(c), c.req.valid('param').id) }))
  .patch('/groups/:id', change, body(changeGroupBody), idParams('id'), async (c) =>
    c.json({ group: await changeGroup(c.var.db, currentUser(c), c.req.valid('param').id, c.req.valid('json')) }),
  )
  .get('/stats/groups/activities', activitiesRoute, querystring(groupActivitiesQuery), async (c) => c.json(await groupActivityStatsOf(c.var.db, currentUser(c), c.req.valid('query'))))
  .get('/stats/groups', coverageRoute, querystring(coverageQuery), async (c) => c.json(await groupCoverage(c.var.db, currentUser(c), c.req.valid('query').year)))
