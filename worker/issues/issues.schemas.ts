// zod schemas of the issue routes' inputs (bodies and query strings), with Chinese messages.
import * as z from 'zod'
import { date, freeText, pageQuery, recordId, text, countyCode } from '../core/schemas'
import { WORKFLOW, type Transition } from '../core/workflow'
import { ISSUE_KINDS, ISSUE_SOURCES, ISSUE_STATUSES, codesOf } from '../core/taxonomy'

const uuid = recordId()
const optionalText = (label: string, max: number, multiline = false) => freeText(label, max, { multiline }).optional()

export const createIssueBody = z.object({
  id: uuid.optional(),
  kind: z.enum(codesOf(ISSUE_KINDS), { error: '类型应为 问题 或 意见建议' }).default('problem'),
  year: z.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).optional(),
  fieldCode: z.string({ error: '请选择监督领域' }).min(1, { error: '请选择监督领域' }),
  countyCode: countyCode.optional(),
  township: optionalText('乡镇（街道）', 50),
  location: optionalText('具体位置', 100),
  title: text('问题标题', 60),
  description: text('问题描述', 2000, { multiline: true }),
  source: z.enum(codesOf(ISSUE_SOURCES), { error: '请选择发现方式' }),
  foundOn: date('发现日期'),
})
export type CreateIssueBody = z.infer<typeof createIssueBody>

export const actionBody = z.object({
  action: z.enum(WORKFLOW.map((t) => t.action) as [Transition['action'], ...Transition['action'][]], { error: '未知的操作' }),
  version: z.number({ error: '缺少版本号 version' }).int({ error: '版本号应为整数' }),
  note: optionalText('说明', 2000, true),
  unitId: uuid.optional(),
  requirement: optionalText('整改要求', 2000, true),
  deadline: date('整改时限').optional(),
  progress: z.number({ error: '整改进度应为数字' }).int({ error: '整改进度应为整数' }).min(0, { error: '整改进度应在 0 到 100 之间' }).max(100, { error: '整改进度应在 0 到 100 之间' }).optional(),
})
export type ActionBody = z.infer<typeof actionBody>

const bool = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true')

export const issueFilters = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2000).max(2100).optional(),
  countyCode: countyCode.optional(),
  fieldCode: z.string().max(40).optional(),
  /** One status, or several separated by commas (a unit's open work: assigned,rectifying). */
  status: z
    .string()
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(z.enum(codesOf(ISSUE_STATUSES), { error: '未知的状态' })).max(6))
    .optional(),
  overdue: bool.optional(),
  unitId: uuid.optional(),
  township: z.string().trim().max(50).optional(),
  closedOnTime: bool.optional(),
  q: z.string().trim().max(50, { error: '搜索词不能超过 50 字' }).optional(),
})

export const listQuery = issueFilters.extend({
  sort: z.enum(['newest', 'deadline'], { error: '排序只能是 newest 或 deadline' }).default('newest'),
  ...pageQuery,
})
export type IssueFilters = z.infer<typeof issueFilters>
