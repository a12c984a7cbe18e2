// Shared zod schemas: the shapes of what clients send, with Chinese messages a person can act on.
// Used by the server at the edge and importable by the web, so both apply the same rules.
import { z } from 'zod'
import { isValidDate } from './dates'

export const PHONE_RE = /^1[3-9]\d{9}$/

export const phone = z
  .string({ error: '请填写手机号' })
  .trim()
  .regex(PHONE_RE, { error: '请填写 11 位手机号' })

export const password = z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }).max(128, { error: '密码过长' })

/** A new password: 8 to 64 characters with at least one letter and one digit. */
export const newPassword = z
  .string({ error: '请填写新密码' })
  .min(8, { error: '新密码至少 8 位' })
  .max(64, { error: '新密码不能超过 64 位' })
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), { error: '新密码须同时包含字母和数字' })

export const date = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isValidDate, { error: `${label}格式应为 年-月-日，如 2022-05-01` })

export const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 字` })

export const loginBody = z.object({ phone, password })
export type LoginBody = z.infer<typeof loginBody>

export const changePasswordBody = z
  .object({ currentPassword: password, newPassword })
  .refine((b) => b.currentPassword !== b.newPassword, { error: '新密码不能与当前密码相同', path: ['newPassword'] })

export const countyCode = z.string({ error: '请选择县市区' }).regex(/^\d{6}$/, { error: '县市区代码应为 6 位数字' })

/** `?active=true|false` on the roster and account lists: today's entries (the default) or the ended ones. */
export const activeQuery = z
  .enum(['true', 'false'], { error: 'active 应为 true（在用）或 false（已停用）' })
  .default('true')
  .transform((v) => v === 'true')

export const pageQuery = {
  limit: z.coerce
    .number({ error: '每页条数应为数字' })
    .int({ error: '每页条数应为整数' })
    .min(1, { error: '每页条数至少为 1' })
    .max(200, { error: '每页条数最多为 200' })
    .default(50),
  cursor: z.string().max(500).optional(),
}
