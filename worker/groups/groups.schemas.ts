// The shapes of the deputy groups API (api.md "代表小组"): what staff send, the groups the server
// answers, and the coverage of the year's fields by county.
import * as z from 'zod'
import { countyCode, freeText, recordId, text } from '../core/schemas'
import { DEPUTY_LEVELS, FIVE_INTRODUCTIONS, FOUR_BATCHES, codesOf } from '../core/taxonomy'
import { MAX_CHARS } from '../core/limits'
import { dateTime, uuid } from '../openapi/describe'

/** Members of one group: a few dozen in practice; the cap keeps a change to one bounded batch. */
export const MAX_GROUP_MEMBERS = 100
const THEME_CHARS = 100

const year = z.number({ error: '请填写年度' }).int({ error: '年度应为整数' })
const fieldCodes = z.array(z.string({ error: '监督领域代码应为文字' }), { error: 'fieldCodes 应为监督领域代码的列表' }).max(20, { error: '监督领域过多' })
const memberIds = z
  .array(recordId('成员编号应为 UUID'), { error: 'memberIds 应为代表编号的列表' })
  .min(1, { error: '请至少选择一名成员' })
  .max(MAX_GROUP_MEMBERS, { error: `一个小组最多 ${MAX_GROUP_MEMBERS} 名成员` })

export const createGroupBody = z.object({
  name: text('小组名称', MAX_CHARS.deputyGroup),
  year,
  countyCode: countyCode.optional(),
  fieldCodes: fieldCodes.default([]),
  theme: freeText('小组主题', THEME_CHARS).default(''),
  leaderId: recordId('请选择组长'),
  memberIds,
})
export type CreateGroupBody = z.infer<typeof createGroupBody>

export const changeGroupBody = z.object({
  version: z.number({ error: '缺少版本号 version' }).int(),
  name: text('小组名称', MAX_CHARS.deputyGroup).optional(),
  fieldCodes: fieldCodes.optional(),
  theme: freeText('小组主题', THEME_CHARS).optional(),
  leaderId: recordId('请选择组长').optional(),
  memberIds: memberIds.optional(),
})
export type ChangeGroupBody = z.infer<typeof changeGroupBody>

const yearQuery = z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' })

export const groupsQuery = z.object({ year: yearQuery, countyCode: countyCode.optional() })
export const coverageQuery = z.object({ year: yearQuery })

const levelOut = z.enum(codesOf(DEPUTY_LEVELS))

const groupBase = {
  id: uuid(),
  countyCode: z.string(),
  year: z.int(),
  name: z.string(),
  theme: z.string().meta({ description: '小组主题，未填为空字符串' }),
  fieldCodes: z.array(z.string()).meta({ description: '小组覆盖的监督领域（该年度的领域代码，按年度顺序）' }),
  leaderId: uuid().nullable().meta({ description: '组长；由名册“代表小组”一栏迁移而来、尚未指定组长的小组为 null' }),
  createdAt: dateTime(),
  updatedAt: dateTime(),
  version: z.int(),
}

export const groupSummary = z
  .object({ ...groupBase, leaderName: z.string().nullable(), memberCount: z.int() })
  .meta({ id: 'DeputyGroupSummary', description: '列表中的一个代表小组' })

export const groupList = z.object({ items: z.array(groupSummary).meta({ description: '按县市区、小组名称排序；不分页（一县一年几十个小组）' }) })

export const groupMember = z.object({
  id: uuid(),
  name: z.string(),
  level: levelOut.nullable(),
  countyCode: z.string().nullable(),
  active: z.boolean().meta({ description: 'false：已从名册停用，仍列为小组成员' }),
})

export const groupDetail = z
  .object({ ...groupBase, members: z.array(groupMember).meta({ description: '成员，按姓名排序' }) })
  .meta({ id: 'DeputyGroup', description: '一个代表小组及其成员' })

export const groupResponse = z.object({ group: groupDetail })

export const createdGroup = z.object({ id: uuid(), version: z.int(), group: groupDetail })

export const coverageRow = z.object({
  countyCode: z.string(),
  groups: z.int().meta({ description: '该县该年度的代表小组数' }),
  covered: z.array(z.string()).meta({ description: '至少有一个小组的领域' }),
  missing: z.array(z.string()).meta({ description: '还没有小组的领域' }),
  complete: z.boolean().meta({ description: '该年度的每个领域都至少有一个小组' }),
})

export const coverage = z
  .object({
    year: z.int(),
    fieldCodes: z.array(z.string()).meta({ description: '该年度的监督领域，按顺序' }),
    rows: z.array(coverageRow).meta({ description: '每个县市区一行（县级工作人员只见本县）' }),
  })
  .meta({ id: 'GroupCoverage', description: '各县市区代表小组对该年度监督领域的覆盖' })

export const groupActivitiesQuery = z.object({
  year: yearQuery.optional().meta({ description: '年度，默认今年' }),
  countyCode: countyCode.optional().meta({ description: '只看一个县市区（县级工作人员问别县为空）' }),
})

const n = () => z.int().min(0)
const countsOf = <K extends string>(keys: readonly K[], description: string) => z.object(Object.fromEntries(keys.map((k) => [k, n()])) as Record<K, ReturnType<typeof n>>).meta({ description })

const groupFigures = {
  activities: n().meta({ description: '已确认的集体活动数（每次活动计一次，不按人数重复）' }),
  participations: n().meta({ description: '参加人次：已确认集体活动的参加代表数之和' }),
  outcomes: countsOf(FOUR_BATCHES, '四个一批（已确认集体活动，记在小组）'),
  introductions: countsOf(FIVE_INTRODUCTIONS, '五个引进件数（已确认集体活动，记在小组）'),
  fundsAmount: z.number().min(0).meta({ description: '引进资金合计（万元）' }),
  issues: n().meta({ description: '小组发现的问题数（不含不予受理）' }),
}

export const groupActivityStats = z
  .object({
    year: z.int(),
    rows: z
      .array(
        z.object({
          groupId: uuid(),
          name: z.string(),
          countyCode: z.string(),
          theme: z.string(),
          fieldCodes: z.array(z.string()).meta({ description: '小组覆盖的监督领域' }),
          memberCount: z.int(),
          ...groupFigures,
        }),
      )
      .meta({ description: '每个代表小组一行（没有活动的也列出），按县市区、小组名称' }),
    fields: z
      .array(z.object({ fieldCode: z.string(), groups: n().meta({ description: '覆盖该领域的小组数' }), ...groupFigures }))
      .meta({ description: '每个监督领域一行：覆盖该领域的小组之和（一个小组覆盖几个领域就计入几个领域，各行不可相加）' }),
    totals: z.object({ groups: n(), ...groupFigures }).meta({ description: '所有小组合计（每个小组计一次）' }),
  })
  .meta({ id: 'GroupActivityStats', description: '代表小组的集体活动统计：按小组、按监督领域' })
export type GroupActivityStats = z.infer<typeof groupActivityStats>
