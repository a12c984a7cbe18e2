// zod schemas of the activity routes' inputs, with the domain's rules and Chinese messages.
import * as z from 'zod'
import { date, freeText, pageQuery, recordId, text, countyCode } from '../core/schemas'
import { ACTIVITY_STATUSES, ACTIVITY_TAGS, FIVE_INTRODUCTIONS, VENUES, codesOf } from '../core/taxonomy'

const count = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}应在 0 到 999 之间` })
    .max(999, { error: `${label}应在 0 到 999 之间` })

/** 万元, more than 0, at most two decimals. */
const amount = z
  .number({ error: '金额应为数字（万元）' })
  .positive({ error: '金额应大于 0' })
  .max(10_000_000, { error: '金额过大，请核对（单位：万元）' })
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { error: '金额最多保留两位小数' })

export const introduction = z
  .object({
    type: z.enum(FIVE_INTRODUCTIONS, { error: '请选择引进类别' }),
    name: text('引进名称', 100),
    amount: amount.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'funds' && v.amount === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: '请填写资金金额（万元）' })
    if (v.type !== 'funds' && v.amount !== undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: '只有“引进一笔发展资金”填写金额' })
  })

export const activityContent = z.object({
  date: date('活动日期'),
  venue: z.enum(codesOf(VENUES), { error: '请选择活动载体（九进）' }).nullable().default(null),
  title: text('活动主题', 60),
  description: freeText('活动内容', 2000, { multiline: true }).default(''),
  place: freeText('地点', 100).default(''),
  tags: z
    .array(z.enum(codesOf(ACTIVITY_TAGS), { error: '未知的活动标签' }), { error: '标签应为列表' })
    .max(4)
    .default([])
    .transform((tags) => [...new Set(tags)].sort()),
  outcomes: z
    .object({ policy_talk: count('宣讲惠民政策'), opinion: count('反映社情民意'), deed: count('办成惠民实事'), mentoring: count('带动骨干力量') })
    .partial()
    .default({})
    .transform((o) => ({ policy_talk: o.policy_talk ?? 0, opinion: o.opinion ?? 0, deed: o.deed ?? 0, mentoring: o.mentoring ?? 0 })),
  introductions: z.array(introduction, { error: '引进事项应为列表' }).max(20, { error: '一次最多登记 20 项引进' }).default([]),
})

export const createActivityBody = activityContent.extend({
  id: recordId().optional(),
  deputyId: recordId('代表编号不正确').optional(),
})
export type CreateActivityBody = z.infer<typeof createActivityBody>
export type ActivityContent = z.infer<typeof activityContent>

export const updateActivityBody = activityContent.extend({ version: z.number({ error: '缺少版本号 version' }).int() })

export const reviewBody = z.object({
  decision: z.enum(['confirm', 'return'], { error: '审核结果应为 confirm（确认）或 return（退回）' }),
  note: freeText('审核意见', 500, { multiline: true }).optional(),
  version: z.number({ error: '缺少版本号 version' }).int(),
})

export const listActivitiesQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int().min(2000).max(2100).optional(),
  countyCode: countyCode.optional(),
  deputyId: recordId('代表编号不正确').optional(),
  venue: z.enum(codesOf(VENUES), { error: '未知的活动载体' }).optional(),
  status: z.enum(codesOf(ACTIVITY_STATUSES), { error: '未知的状态' }).optional(),
  sort: z.enum(['newest', 'oldest'], { error: '排序只能是 newest 或 oldest' }).default('newest'),
  ...pageQuery,
})
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuery>

export const recordQuery = z.object({ year: z.coerce.number({ error: '年度应为数字' }).int().min(2000).max(2100).optional() })
