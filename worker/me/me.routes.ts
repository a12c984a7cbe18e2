// The work bench (api.md "Work bench"): GET /me/summary, the counts on each role's home page in
// one request, and PUT /me/issues-seen, the deputy's "I have looked" marker.
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { route } from '../openapi/describe'
import { seenAnswer, summary } from './me.schemas'
import { issuesSeen, workSummary } from './me.service'

const TAGS = ['工作台']
const read = route({ tags: TAGS, summary: '首页工作台：本人待办的各项计数，每项附对应的列表', responses: { 200: summary } })
const seen = route({ tags: TAGS, summary: '记下“我反映的问题”已查看（此后的进展才算新进展）', responses: { 200: seenAnswer } })

export const meRoutes = new Hono<AppEnv>()
  .get('/me/summary', read, async (c) => c.json(await workSummary(c.var.db, currentUser(c))))
  .put('/me/issues-seen', seen, async (c) => c.json(await issuesSeen(c.var.db, currentUser(c))))
