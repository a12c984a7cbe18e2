// The shapes of the work bench routes (api.md "Work bench"): the counts each role's home page
// shows, each with the list (an API path and query) that shows exactly the records it counts.
import * as z from 'zod'
import { dateTime } from '../openapi/describe'

/** The count names per role, in the order the home page shows them. */
export const SUMMARY_NAMES = {
  county_staff: ['toAssign', 'declined', 'toVerify', 'overdue', 'dueSoon', 'toReview'],
  city_staff: ['toAssign', 'declined', 'toVerify', 'overdue', 'dueSoon', 'toReview'],
  unit: ['toAccept', 'rectifying', 'dueSoon', 'overdue', 'pressed'],
  deputy: ['returned', 'newProgress'],
} as const
export type SummaryName = (typeof SUMMARY_NAMES)[keyof typeof SUMMARY_NAMES][number]

const n = z.int().min(0)

export const summary = z
  .object({
    role: z.enum(['deputy', 'unit', 'county_staff', 'city_staff']),
    counts: z
      .record(z.string(), n)
      .meta({
        description:
          '各项计数。县级、市级：toAssign 待交办、declined 被退办待重新交办、toVerify 待验收、overdue 逾期、dueSoon 即将到期、toReview 待审核履职；单位：toAccept 待接收、rectifying 整改中、dueSoon 即将到期、overdue 逾期、pressed 被督办；代表：returned 被退回的履职活动、newProgress 上次查看后有新进展的问题（最多计到 100，界面显示“99+”）',
      }),
    lists: z.record(z.string(), z.string()).meta({ description: '每项计数对应的列表（/api/v1 之下的路径与查询），列表的记录正是该项所数的' }),
    overdueByCounty: z
      .array(z.object({ countyCode: z.string(), overdue: n }))
      .optional()
      .meta({ description: '只给市级：各县市区逾期数（每个县市区一行，列表为 /issues?countyCode=…&light=red）' }),
    issuesSeenAt: dateTime().nullable().optional().meta({ description: '只给代表：上次查看“我反映的问题”的时间；从未查看为 null（newProgress 数上报后有过进展的全部）' }),
  })
  .meta({ id: 'WorkSummary', description: '首页工作台：本人待办的各项计数' })
export type Summary = z.infer<typeof summary>

export const seenAnswer = z.object({ issuesSeenAt: dateTime() }).meta({ description: '已记下查看时间' })
