// Shared zod schemas: the shapes of what clients send, with Chinese messages a person can act on.
// Used by the server at the edge and importable by the web, so both apply the same rules.
import * as z from 'zod'
import { isValidDate } from './dates'
import { PHONE_RE } from './limits'
import { textMessage, tidyText } from './text'

export { PHONE_RE }

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

/**
 * A text field that may be left empty, under the rule of worker/core/text.ts: tidied (line ends,
 * blank and invisible characters at the ends), no control characters (newlines and tabs only in a
 * multi-line field), no unpaired surrogates or bidi overrides, length in visible characters.
 */
export const freeText = (label: string, max: number, opts: { multiline?: boolean; required?: boolean } = {}) =>
  z
    .string({ error: opts.required ? `请填写${label}` : `${label}应为文字` })
    .transform(tidyText)
    .superRefine((s, ctx) => {
      const message = textMessage(label, s, { max, ...opts })
      if (message) ctx.addIssue({ code: 'custom', message })
    })

/** A text field that must be filled in (invisible characters alone do not fill it). */
export const text = (label: string, max: number, opts: { multiline?: boolean } = {}) => freeText(label, max, { ...opts, required: true })

export const loginBody = z.object({ phone, password })
export type LoginBody = z.infer<typeof loginBody>

/** A one-time activation code as typed: 20 digits, spaces and dashes (as printed or pasted) ignored. */
export const activationCode = z
  .string({ error: '请填写开通码' })
  .transform((s) => s.replace(/[\s\-－—]/g, ''))
  .pipe(z.string().min(1, { error: '请填写开通码' }).regex(/^\d{20}$/, { error: '开通码应为 20 位数字，请按开通通知单核对' }))

/** First sign-in: the phone, the code from the slip and the password the owner chooses. */
export const activateBody = z.object({ phone, code: activationCode, newPassword })
export type ActivateBody = z.infer<typeof activateBody>

export const changePasswordBody = z
  .object({ currentPassword: password, newPassword })
  .refine((b) => b.currentPassword !== b.newPassword, { error: '新密码不能与当前密码相同', path: ['newPassword'] })

/**
 * A record id: a UUID, kept in lower case. The same UUID written in upper case is the same
 * record, so ids are canonicalised wherever they are accepted (bodies, query filters, paths).
 */
export const recordId = (message = '编号应为 UUID') => z.uuid({ error: message }).transform((s) => s.toLowerCase())

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
