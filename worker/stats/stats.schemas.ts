// The shapes of the statistics routes (api.md "Statistics"): the query every table takes, and the
// tables the server answers (supervision, activities, 五个一, deputies without an activity).
import * as z from 'zod'
import { countyCode } from '../core/schemas'
import { DEPUTY_LEVELS, FIVE_INTRODUCTIONS, FIVE_ONES, FOUR_BATCHES, codesOf } from '../core/taxonomy'
import { uuid } from '../openapi/describe'

export const statsQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2000).max(2100).optional().meta({ description: '年度，默认今年' }),
  countyCode: countyCode.optional().meta({ description: '只看一个县市区（县级工作人员问别县为 404）；/stats/five-ones 也可为市本级代码' }),
  groupBy: z
    .enum(['field', 'township', 'group'], { error: '分组只能是 field、township 或 group' })
    .default('field')
    .meta({ description: '只用于 /stats/supervision：按监督领域（field）、乡镇（township）或发现问题的代表小组（group，只含小组发现的问题）分行' }),
})

const n = () => z.int().min(0)
const rate = (description: string) => z.number().min(0).max(1).meta({ description })
const counts = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, n()])) as Record<K, ReturnType<typeof n>>)

const statusCounts = {
  reported: n(),
  assigned: n(),
  rectifying: n(),
  rectified: n(),
  closed: n(),
  rejected: n(),
  overdue: n().meta({ description: '逾期（红灯）：已交办或整改中且整改时限早于今天' }),
  dueSoon: n().meta({ description: '即将到期（黄灯）：已交办或整改中，整改时限在今天到 N 天后之间（N 为该年度的黄灯天数）' }),
  inTime: n().meta({ description: '按期推进（绿灯）：已交办或整改中，整改时限在 N 天之后' }),
  total: n().meta({ description: '合计，不含不予受理' }),
  closedOnTime: n().meta({ description: '按期销号数' }),
}
const rowRates = {
  closureRate: rate('销号率 = closed / total（total 为 0 时为 0）'),
  onTimeRate: rate('按期销号率 = closedOnTime / closed（closed 为 0 时为 0）'),
}

export const supervisionTable = z
  .object({
    year: z.int(),
    groupBy: z.enum(['field', 'township', 'group']),
    rows: z
      .array(
        z.union([
          z.object({ countyCode: z.string(), fieldCode: z.string().meta({ description: '监督领域代码（groupBy=field）' }), ...statusCounts, ...rowRates }),
          z.object({ countyCode: z.string(), township: z.string().meta({ description: '乡镇（街道）（groupBy=township）' }), ...statusCounts, ...rowRates }),
          z.object({ countyCode: z.string(), groupId: uuid().meta({ description: '发现问题的代表小组（groupBy=group）' }), ...statusCounts, ...rowRates }),
        ]),
      )
      .meta({ description: '按县市区 × 监督领域（每格都有）、× 乡镇或 × 代表小组（有问题的才有）' }),
    totals: z.object(statusCounts),
    ...rowRates,
  })
  .meta({ id: 'SupervisionStats', description: '问题整改统计（按发现年度）' })
export type SupervisionStats = z.infer<typeof supervisionTable>
export type SupervisionRow = SupervisionStats['rows'][number]

const activityFigures = {
  deputies: n().meta({ description: '今日名册上的代表人数' }),
  activeDeputies: n().meta({ description: '今日名册上当年有已确认活动的代表人数' }),
  coverage: rate('覆盖率 = activeDeputies / deputies'),
  activities: n().meta({ description: '当年记录的履职活动数' }),
  confirmed: n().meta({ description: '当年已确认的履职活动数' }),
  outcomes: counts(FOUR_BATCHES).meta({ description: '四个一批（已确认活动）' }),
  introductions: counts(FIVE_INTRODUCTIONS).meta({ description: '五个引进件数（已确认活动）' }),
  fundsAmount: z.number().min(0).meta({ description: '引进资金合计（万元）' }),
}

export const activityTable = z
  .object({
    year: z.int(),
    rows: z.array(z.object({ countyCode: z.string(), ...activityFigures })).meta({ description: '每个县市区一行' }),
    totals: z.object(activityFigures),
  })
  .meta({ id: 'ActivityStats', description: '代表履职统计' })
export type ActivityStats = z.infer<typeof activityTable>

export const fiveOneTable = z
  .object({
    year: z.int(),
    rows: z
      .array(
        z.object({
          countyCode: z.string().meta({ description: '县市区代码，或市本级代码（市级工作人员可见）' }),
          ...counts(codesOf(FIVE_ONES)).shape,
          done: z.int().min(0).max(5).meta({ description: '完成项数（共 5 项）' }),
        }),
      ),
  })
  .meta({ id: 'FiveOneStats', description: '“五个一”统计：每级人大一行' })
export type FiveOneStats = z.infer<typeof fiveOneTable>

export const inactiveDeputyList = z
  .object({
    year: z.int(),
    items: z.array(
      z.object({
        id: uuid(),
        name: z.string(),
        phone: z.string(),
        level: z.enum(codesOf(DEPUTY_LEVELS)),
        group: z.string().nullable().meta({ description: '代表小组；未填为 null' }),
        countyCode: z.string(),
      }),
    ),
  })
  .meta({ id: 'InactiveDeputies', description: '一个县市区当年没有已确认活动的在册代表（按姓名排序）' })
