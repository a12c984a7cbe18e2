// The shapes of the deputies roster API (api.md "Deputies and accounts"): what staff send, and
// the roster entries the server answers.
import * as z from 'zod'
import { activeQuery, countyCode, freeText, pageQuery, phone, text } from '../core/schemas'
import { DEPUTY_LEVELS, codesOf } from '../core/taxonomy'
import { MAX_CHARS } from '../core/limits'
import { dateTime, uuid } from '../openapi/describe'
import { accountEvent } from '../users/users.schemas'

export const level = z.enum(codesOf(DEPUTY_LEVELS), { error: '代表层级应为 national/provincial/city/county/township 之一' })

export const deputiesQuery = z.object({
  countyCode: countyCode.optional(),
  level: level.optional(),
  q: z.string().trim().max(MAX_CHARS.search, { error: `搜索词不能超过 ${MAX_CHARS.search} 字` }).optional(),
  active: activeQuery,
  ...pageQuery,
})

export const changeDeputyBody = z.object({
  version: z.number({ error: '缺少版本号 version' }).int(),
  name: text('姓名', MAX_CHARS.personName).optional(),
  phone: phone.optional(),
  level: level.optional(),
  group: z.string().trim().max(MAX_CHARS.deputyGroup, { error: `代表小组不能超过 ${MAX_CHARS.deputyGroup} 字` }).optional(),
  active: z.boolean({ error: 'active 应为 true 或 false' }).optional(),
})

export const createDeputyBody = z.object({
  name: text('姓名', MAX_CHARS.personName),
  phone,
  level,
  countyCode: countyCode.optional(),
  group: freeText('代表小组', MAX_CHARS.deputyGroup).optional(),
})

const levelOut = z.enum(codesOf(DEPUTY_LEVELS))

export const deputyView = z
  .object({
    id: uuid(),
    name: z.string(),
    phone: z.string(),
    level: levelOut.nullable(),
    countyCode: z.string().nullable(),
    group: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Deputy', description: '名册中的代表' })

export const deputyList = z.object({
  items: z.array(
    deputyView.extend({
      activated: z.boolean().meta({ description: '已用开通码设置了自己的密码' }),
      codeExpiresAt: dateTime().nullable().meta({ description: '尚未使用的开通码何时过期' }),
    }),
  ),
  nextCursor: z.string().nullable(),
})

export const createdDeputy = z.object({
  id: uuid(),
  name: z.string(),
  phone: z.string(),
  level: levelOut,
  countyCode: z.string(),
  group: z.string().nullable(),
  activated: z.literal(false),
})

export const deputyDetail = z.object({ deputy: deputyView, history: z.array(accountEvent) })

export const deputyResponse = z.object({ deputy: deputyView })

export const importResult = z.object({
  created: z.number().int().meta({ description: '新增的代表' }),
  updated: z.number().int().meta({ description: '信息有变、已更新的代表' }),
})
