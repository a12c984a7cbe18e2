// POST /activation-codes (staff): fresh one-time activation codes for the 开通通知单 of chosen
// accounts, or of every deputy in scope not yet activated (docs/api.md "Activation codes").
import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { countyCode, recordId } from '../core/schemas'
import { jsonBody } from '../validate'
import { issueActivationCodes, MAX_CODES_PER_REQUEST } from './activation.service'

const issueBody = z.union(
  [
    z.object({
      userIds: z
        .array(recordId('账号编号不正确'), { error: '请选择要生成开通码的账号' })
        .min(1, { error: '请选择要生成开通码的账号' })
        .max(MAX_CODES_PER_REQUEST, { error: `一次最多为 ${MAX_CODES_PER_REQUEST} 个账号生成开通码` }),
    }),
    z.object({ notActivated: z.literal(true, { error: '请选择要生成开通码的账号' }), countyCode: countyCode.optional() }),
  ],
  { error: '请选择要生成开通码的账号' },
)

export const activationRoutes = new Hono<AppEnv>().post('/activation-codes', async (c) => {
  const body = await jsonBody(c, issueBody)
  return c.json(await issueActivationCodes(c.var.db, currentUser(c), body))
})
