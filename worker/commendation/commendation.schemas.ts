// The shapes of the commendation API (api.md "一年一表彰"): the table of a county's deputies with
// their confirmed figures, and the nominations of 优秀人大代表.
import * as z from 'zod'
import { countyCode, recordId, text } from '../core/schemas'
import { DEPUTY_LEVELS, FIVE_INTRODUCTIONS, FOUR_BATCHES, VENUES, codesOf } from '../core/taxonomy'
import { MAX_CHARS } from '../core/limits'
import { NOMINATION_STATUSES } from '../db/commendation-schema'
import { dateTime, uuid } from '../openapi/describe'

const yearQuery = z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' })

/** The orders the table can be read in; every one but `name` is highest first, ties by name. */
export const COMMENDATION_SORTS = ['activities', 'venues', 'fourBatches', 'introductions', 'name'] as const

export const commendationQuery = z.object({
  year: yearQuery.optional().meta({ description: '年度，默认今年' }),
  countyCode: countyCode.optional().meta({ description: '县市区（市级工作人员必填；县级工作人员问别县为 404）' }),
  level: z.enum(codesOf(DEPUTY_LEVELS), { error: '未知的代表层级' }).optional().meta({ description: '只看一个层级的代表' }),
  groupId: recordId('小组编号不正确').optional().meta({ description: '只看一个代表小组的成员（小组须属该县该年度）' }),
  sort: z.enum(COMMENDATION_SORTS, { error: '排序只能是 activities、venues、fourBatches、introductions 或 name' }).default('activities').meta({
    description: 'activities 已确认个人活动数、venues 九进覆盖数、fourBatches 四个一批合计、introductions 五个引进达成项数（均从高到低，同数按姓名）；name 按姓名',
  }),
})
export type CommendationQuery = z.infer<typeof commendationQuery>

const n = () => z.int().min(0)
const nominationStatus = z.enum(NOMINATION_STATUSES)

const nominationBrief = z
  .object({ id: uuid(), status: nominationStatus, version: z.int() })
  .meta({ description: '该代表本年度有效的推荐（未撤回的）；没有为 null' })

export const commendationRow = z.object({
  deputyId: uuid(),
  name: z.string(),
  level: z.enum(codesOf(DEPUTY_LEVELS)).nullable(),
  activities: n().meta({ description: '本人已确认的个人履职活动数（对应活动列表 ?deputyId=&status=confirmed&year=，不含集体活动）' }),
  groupActivities: n().meta({ description: '参加的已确认集体活动数（每项活动计一次；其成效记在小组，不计入下列各数）' }),
  venues: z.array(z.enum(codesOf(VENUES))).meta({ description: '已确认活动覆盖的九进载体（按九进顺序）' }),
  venuesCovered: z.int().min(0).max(9).meta({ description: '覆盖的九进载体数' }),
  outcomes: z.object(Object.fromEntries(FOUR_BATCHES.map((k) => [k, n()])) as Record<(typeof FOUR_BATCHES)[number], ReturnType<typeof n>>).meta({ description: '四个一批（已确认活动）' }),
  fourBatches: n().meta({ description: '四个一批合计' }),
  introductionsMet: z.array(z.enum(FIVE_INTRODUCTIONS)).meta({ description: '已达成的五个引进（至少一项的类型）' }),
  nomination: nominationBrief.nullable(),
})
export type CommendationRow = z.infer<typeof commendationRow>

export const commendationTable = z
  .object({
    year: z.int(),
    countyCode: z.string(),
    sort: z.enum(COMMENDATION_SORTS),
    items: z.array(commendationRow).meta({ description: '该县今日名册上的每名代表（按 sort 排序；不分页：一县几百人）' }),
  })
  .meta({ id: 'CommendationTable', description: '一年一表彰：一个县市区的代表及其已确认的履职数据' })

const reason = text('推荐理由', MAX_CHARS.text, { multiline: true })

export const nominateBody = z.object({
  id: recordId('请为推荐生成编号（UUID）').meta({ description: '客户端生成的编号：重复提交返回已有记录（200），不会重复推荐' }),
  year: z.number({ error: '请填写年度' }).int({ error: '年度应为整数' }),
  deputyId: recordId('请选择代表'),
  reason,
})
export type NominateBody = z.infer<typeof nominateBody>

export const changeNominationBody = z.object({
  version: z.number({ error: '缺少版本号 version' }).int(),
  reason: reason.optional(),
  status: z.enum(['withdrawn'], { error: '只能把 status 改为 withdrawn（撤回）' }).optional().meta({ description: 'withdrawn：撤回推荐（撤回后可重新推荐该代表）' }),
})
export type ChangeNominationBody = z.infer<typeof changeNominationBody>

export const confirmBody = z.object({ version: z.number({ error: '缺少版本号 version' }).int() })

export const nominationsQuery = z.object({
  year: yearQuery.optional().meta({ description: '年度，默认今年' }),
  countyCode: countyCode.optional().meta({ description: '只看一个县市区（县级工作人员只见本县）' }),
  withdrawn: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').meta({ description: 'true：包括已撤回的推荐' }),
})

export const nomination = z
  .object({
    id: uuid(),
    year: z.int(),
    countyCode: z.string(),
    deputyId: uuid(),
    deputyName: z.string(),
    deputyLevel: z.enum(codesOf(DEPUTY_LEVELS)).nullable(),
    reason: z.string(),
    status: nominationStatus.meta({ description: 'nominated 已推荐（待市级确认）、confirmed 已确认、withdrawn 已撤回' }),
    confirmedAt: dateTime().nullable(),
    createdAt: dateTime(),
    updatedAt: dateTime(),
    version: z.int(),
  })
  .meta({ id: 'Nomination', description: '一条优秀人大代表推荐' })
export type Nomination = z.infer<typeof nomination>

export const nominationResponse = z.object({ nomination })
export const nominationList = z.object({ year: z.int(), items: z.array(nomination).meta({ description: '按县市区、推荐时间排序；不分页' }) })
