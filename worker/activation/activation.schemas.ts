// The shapes of POST /activation-codes (docs/api.md "Activation codes"): which accounts, and the
// codes answered once for the printed slips.
import * as z from 'zod'
import { countyCode, recordId } from '../core/schemas'
import { DEPUTY_LEVELS, ROLES, codesOf } from '../core/taxonomy'
import { dateTime, uuid } from '../openapi/describe'
import { MAX_CODES_PER_REQUEST } from './activation.service'

export const issueCodesBody = z.union(
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

export const issuedCodes = z.object({
  expiresAt: dateTime(),
  items: z.array(
    z.object({
      userId: uuid(),
      name: z.string(),
      phone: z.string(),
      role: z.enum(ROLES),
      countyCode: z.string().nullable(),
      unitName: z.string().nullable(),
      level: z.enum(codesOf(DEPUTY_LEVELS)).nullable(),
      code: z.string().meta({ description: '开通码，分组显示，如 1234 5678 …（只在此应答中出现一次）' }),
    }),
  ),
})
