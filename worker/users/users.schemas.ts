// The shapes of the accounts API (api.md "Deputies and accounts"): what staff send, and the
// public view of an account the server answers (never a password hash).
import * as z from 'zod'
import { activeQuery, countyCode, pageQuery, phone, recordId, text } from '../core/schemas'
import { ACCOUNT_ACTIONS, DEPUTY_LEVELS, ROLES, codesOf } from '../core/taxonomy'
import { MAX_CHARS } from '../core/limits'
import { dateTime, uuid } from '../openapi/describe'

const staffRole = z.enum(['unit', 'county_staff', 'city_staff'], {
  error: '账号类型应为 unit（责任单位）、county_staff（县级人大工作人员）或 city_staff（市人大工作人员）',
})

export const createUserBody = z.object({
  role: staffRole,
  name: text('姓名', MAX_CHARS.personName),
  phone,
  countyCode: countyCode.optional(),
  unitId: recordId('责任单位编号不正确').optional(),
})

export const usersQuery = z.object({
  role: z.enum(['unit', 'county_staff', 'city_staff'], { error: '未知的账号类型' }).optional(),
  countyCode: countyCode.optional(),
  active: activeQuery,
  ...pageQuery,
})

export const changeUserBody = z.object({
  version: z.number({ error: '缺少版本号 version' }).int(),
  name: text('姓名', MAX_CHARS.personName).optional(),
  active: z.boolean({ error: 'active 应为 true 或 false' }).optional(),
})

export const userView = z
  .object({
    id: uuid(),
    name: z.string(),
    phone: z.string(),
    role: z.enum(ROLES),
    countyCode: z.string().nullable(),
    unitId: uuid().nullable(),
    unitName: z.string().nullable(),
    level: z.enum(codesOf(DEPUTY_LEVELS)).nullable(),
    mustChangePassword: z.boolean(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'User', description: '账号（不含密码）' })

export const userResponse = z.object({ user: userView })

export const accountList = z.object({
  items: z.array(userView.extend({ activated: z.boolean().meta({ description: '已用开通码设置了自己的密码' }) })),
  nextCursor: z.string().nullable(),
})

export const accountEvent = z
  .object({
    id: uuid(),
    action: z.enum(ACCOUNT_ACTIONS),
    actorId: uuid(),
    actorName: z.string(),
    at: dateTime(),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  })
  .meta({ id: 'AccountEvent', description: '账号的一次修改、停用或恢复' })

export const userDetail = z.object({
  user: userView,
  history: z.array(accountEvent).optional().meta({ description: '修改记录（仅工作人员可见）' }),
})
