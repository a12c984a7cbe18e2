// POST /activation-codes (staff): fresh one-time activation codes for the 开通通知单 of chosen
// accounts, or of every deputy in scope not yet activated (docs/api.md "Activation codes").
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { body } from '../validate'
import { route } from '../openapi/describe'
import { issueActivationCodes } from './activation.service'
import { issueCodesBody, issuedCodes } from './activation.schemas'

const describeIssue = route({
  tags: ['开通'],
  summary: '生成开通码（打印开通通知单）',
  description: '为所选账号（userIds），或本范围内所有未开通的代表（notActivated），各生成一个新的开通码，替换此前的；开通码只在此应答中出现。',
  responses: { 200: issuedCodes, errors: [403, 404] },
})

export const activationRoutes = new Hono<AppEnv>().post('/activation-codes', describeIssue, body(issueCodesBody), async (c) => {
  const body = c.req.valid('json')
  return c.json(await issueActivationCodes(c.var.db, currentUser(c), body))
})
