// The shapes of the activity routes (api.md "Activities"): what clients send, with the domain's
// rules and Chinese messages, and what the server answers (Activity, lists, the 履职档案).
import * as z from 'zod'
import { date, freeText, pageQuery, recordId, text, countyCode } from '../core/schemas'
import { ACTIVITY_STATUSES, ACTIVITY_TAGS, DEPUTY_LEVELS, FIVE_INTRODUCTIONS, FOUR_BATCHES, VENUES, codesOf } from '../core/taxonomy'
import { MAX_CHARS, MAX_FUNDS, MAX_INTRODUCTIONS, MAX_OUTCOME } from '../core/limits'
import { dateTime, day, uuid } from '../openapi/describe'
import { photo } from '../photos/photos.schemas'

const count = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}应在 0 到 ${MAX_OUTCOME} 之间` })
    .max(MAX_OUTCOME, { error: `${label}应在 0 到 ${MAX_OUTCOME} 之间` })

/** 万元, more than 0, at most two decimals. */
const amount = z
  .number({ error: '金额应为数字（万元）' })
  .positive({ error: '金额应大于 0' })
  .max(MAX_FUNDS, { error: '金额过大，请核对（单位：万元）' })
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { error: '金额最多保留两位小数' })

export const introduction = z
  .object({
    type: z.enum(FIVE_INTRODUCTIONS, { error: '请选择引进类别' }),
    name: text('引进名称', MAX_CHARS.introductionName),
    amount: amount.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'funds' && v.amount === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: '请填写资金金额（万元）' })
    if (v.type !== 'funds' && v.amount !== undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: '只有“引进一笔发展资金”填写金额' })
  })

export const activityContent = z.object({
  date: date('活动日期'),
  venue: z.enum(codesOf(VENUES), { error: '请选择活动载体（九进）' }).nullable().default(null),
  title: text('活动主题', MAX_CHARS.title),
  description: freeText('活动内容', MAX_CHARS.text, { multiline: true }).default(''),
  place: freeText('地点', MAX_CHARS.place).default(''),
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
  introductions: z.array(introduction, { error: '引进事项应为列表' }).max(MAX_INTRODUCTIONS, { error: `一次最多登记 ${MAX_INTRODUCTIONS} 项引进` }).default([]),
})

/** The most participants one group activity lists (a group's members plus a few invited). */
export const MAX_PARTICIPANTS = 120

const participantIds = z
  .array(recordId('参加人员编号不正确'), { error: 'participantIds 应为代表编号的列表' })
  .min(1, { error: '请至少选择一名参加的代表' })
  .max(MAX_PARTICIPANTS, { error: `一次集体活动最多 ${MAX_PARTICIPANTS} 名参加的代表` })
  .refine((ids) => new Set(ids).size === ids.length, { error: '参加的代表有重复' })
  .meta({ description: '集体活动的参加代表：小组成员，以及本县（市、区）名册中受邀的代表（至少一名，不重复）' })

export const createActivityBody = activityContent.extend({
  id: recordId().optional(),
  deputyId: recordId('代表编号不正确').optional(),
  groupId: recordId('代表小组编号不正确').optional().meta({ description: '集体活动：开展活动的代表小组（组长或本县工作人员记录；须同时带 participantIds，不带 deputyId）' }),
  participantIds: participantIds.optional(),
})
export type CreateActivityBody = z.infer<typeof createActivityBody>
export type ActivityContent = z.infer<typeof activityContent>

export const updateActivityBody = activityContent.extend({
  version: z.number({ error: '缺少版本号 version' }).int(),
  participantIds: participantIds.optional().meta({ description: '只用于集体活动：修改后的全部参加代表；不带则不变' }),
})

export const reviewBody = z.object({
  decision: z.enum(['confirm', 'return'], { error: '审核结果应为 confirm（确认）或 return（退回）' }),
  note: freeText('审核意见', MAX_CHARS.reviewNote, { multiline: true }).optional(),
  version: z.number({ error: '缺少版本号 version' }).int(),
})

export const listActivitiesQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int().min(2000).max(2100).optional(),
  countyCode: countyCode.optional(),
  deputyId: recordId('代表编号不正确').optional(),
  venue: z.enum(codesOf(VENUES), { error: '未知的活动载体' }).optional(),
  status: z.enum(codesOf(ACTIVITY_STATUSES), { error: '未知的状态' }).optional(),
  introduction: z
    .enum(FIVE_INTRODUCTIONS, { error: '“五个引进”只能是 market_entity、green_project、funds、talent 或 technology' })
    .optional()
    .meta({ description: '只要带有这一类“五个引进”的活动，如 funds：引进了发展资金的（统计台账“引进资金”背后的活动）' }),
  groupId: recordId('代表小组编号不正确').optional().meta({ description: '只看这个代表小组的集体活动' }),
  sort: z.enum(['newest', 'oldest'], { error: '排序只能是 newest 或 oldest' }).default('newest').meta({ description: 'newest 最新在前；oldest 最早在前（审核队列）' }),
  ...pageQuery,
})
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuery>

export const recordQuery = z.object({ year: z.coerce.number({ error: '年度应为数字' }).int().min(2000).max(2100).optional().meta({ description: '年度，默认今年' }) })

// Responses: what the server writes, field by field (nullable exactly where it writes null).

const counts = <K extends string>(keys: readonly K[], description: string) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.int().min(0)])) as Record<K, z.ZodInt>).meta({ description })

const outcomeCounts = () => counts(FOUR_BATCHES, '四个一批：宣讲惠民政策、反映社情民意、办成惠民实事、带动骨干力量的件数')

export const activity = z
  .object({
    id: uuid(),
    deputyId: uuid().meta({ description: '记在谁名下：个人活动为本人；集体活动为小组组长（小组尚无组长时为第一位参加代表），只是记录归属，不计入其个人成果' }),
    deputyName: z.string(),
    countyCode: z.string().meta({ description: '代表所在县市区代码' }),
    year: z.int().meta({ description: '年度（活动日期所在年）' }),
    date: day(),
    venue: z.enum(codesOf(VENUES)).nullable().meta({ description: '活动载体（九进），未选为 null' }),
    title: z.string(),
    description: z.string().meta({ description: '活动内容，未填为空字符串' }),
    place: z.string().meta({ description: '地点，未填为空字符串' }),
    tags: z.array(z.enum(codesOf(ACTIVITY_TAGS))).meta({ description: '活动标签，按代码排序、不重复' }),
    outcomes: outcomeCounts(),
    introductions: z
      .array(
        z.union([
          z.object({ type: z.literal('funds'), name: z.string(), amount: z.number().meta({ description: '金额（万元，至多两位小数）' }) }),
          z.object({ type: z.enum(FIVE_INTRODUCTIONS.filter((t) => t !== 'funds') as ['market_entity', 'green_project', 'talent', 'technology']), name: z.string() }),
        ]),
      )
      .meta({ description: '五个引进：只有引进资金（funds）带金额' }),
    groupId: uuid().nullable().meta({ description: '集体活动的代表小组；个人活动为 null' }),
    group: z.object({ id: uuid(), name: z.string() }).nullable().meta({ description: '集体活动的代表小组（编号与名称）；个人活动为 null' }),
    participants: z
      .array(z.object({ id: uuid(), name: z.string(), invited: z.boolean().meta({ description: 'true：记录时不是小组成员，受邀参加' }) }))
      .meta({ description: '集体活动的参加代表（成员在前，按姓名）；个人活动为空列表' }),
    status: z.enum(codesOf(ACTIVITY_STATUSES)).meta({ description: '状态：submitted 待审核、confirmed 已确认、returned 已退回' }),
    reviewNote: z.string().nullable().meta({ description: '最近一次审核意见（退回原因）；没有为 null' }),
    photos: z.array(photo).meta({ description: '活动的照片（未撤回的），最早的在前' }),
    createdAt: dateTime(),
    updatedAt: dateTime(),
    version: z.int().meta({ description: '版本号：修改或审核时须带上看到的版本' }),
  })
  .meta({ id: 'Activity', description: '代表的一次履职活动' })
export type Activity = z.infer<typeof activity>

export const activityList = z
  .object({
    items: z.array(activity),
    nextCursor: z.string().nullable().meta({ description: '下一页的 cursor；没有下一页为 null' }),
  })
  .meta({ description: '履职活动列表（一页）' })

export const deputyRecord = z
  .object({
    deputy: z.object({
      id: uuid(),
      name: z.string(),
      phone: z.string(),
      level: z.enum(codesOf(DEPUTY_LEVELS)).meta({ description: '代表层级' }),
      countyCode: z.string(),
      group: z.string().nullable().meta({ description: '代表小组；未填为 null' }),
    }),
    year: z.int(),
    activities: z.int().min(0).meta({ description: '当年记录的履职活动数（本人的个人活动与参加的集体活动，不论是否确认）' }),
    confirmed: z.int().min(0).meta({ description: '当年已确认的履职活动数（本人的个人活动与参加的集体活动）' }),
    groupActivities: z.int().min(0).meta({ description: '其中参加的集体活动数（四个一批、五个引进记在小组，不计入本人）' }),
    byVenue: counts(codesOf(VENUES), '九进：各载体已确认活动数（含参加的集体活动）'),
    outcomes: outcomeCounts().meta({ description: '四个一批：本人已确认个人活动的件数（集体活动的记在小组）' }),
    introductions: counts(FIVE_INTRODUCTIONS, '')
      .extend({ fundsAmount: z.number().min(0).meta({ description: '引进资金合计（万元，精确到分）' }) })
      .meta({ description: '五个引进：本人已确认个人活动的各类别件数与引进资金合计（集体活动的记在小组）' }),
    targets: z.object({
      fiveIntroductionsMet: z.array(z.enum(FIVE_INTRODUCTIONS)).meta({ description: '已完成（至少一项）的引进类别' }),
    }),
    confirmedActivities: z.array(activity).meta({ description: '以上各数所依据的已确认活动（集体活动带 groupId），按日期' }),
  })
  .meta({ id: 'DeputyRecord', description: '代表的年度履职档案：除 activities 外只计已确认的活动' })
export type DeputyRecord = z.infer<typeof deputyRecord>

export const activitiesExportQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int().min(2000).max(2100).optional().meta({ description: '年度，默认今年' }),
  countyCode: countyCode.optional().meta({ description: '只导出一个县市区（县级工作人员只能是本县；别县导出为空表）' }),
})
