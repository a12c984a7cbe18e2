// The shapes of the issue routes (api.md "Issues"): what clients send (bodies and query strings,
// with Chinese messages) and what the server answers (Issue, its timeline, lists).
import * as z from 'zod'
import { date, freeText, pageQuery, recordId, text, countyCode } from '../core/schemas'
import { WORKFLOW, type Transition } from '../core/workflow'
import { ISSUE_ACTIONS, ISSUE_KINDS, ISSUE_SOURCES, ISSUE_STATUSES, codesOf } from '../core/taxonomy'
import { MAX_CHARS } from '../core/limits'
import { dateTime, day, uuid as uuidField } from '../openapi/describe'
import { photo, withdrawnPhoto } from '../photos/photos.schemas'
import { LIGHTS } from '../core/lights'

const uuid = recordId()
const optionalText = (label: string, max: number, multiline = false) => freeText(label, max, { multiline }).optional()

export const createIssueBody = z.object({
  id: uuid.optional(),
  kind: z.enum(codesOf(ISSUE_KINDS), { error: '类型应为 问题 或 意见建议' }).default('problem'),
  year: z.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).optional(),
  fieldCode: z.string({ error: '请选择监督领域' }).min(1, { error: '请选择监督领域' }),
  countyCode: countyCode.optional(),
  township: optionalText('乡镇（街道）', MAX_CHARS.township),
  location: optionalText('具体位置', MAX_CHARS.location),
  title: text('问题标题', MAX_CHARS.title),
  description: text('问题描述', MAX_CHARS.text, { multiline: true }),
  source: z.enum(codesOf(ISSUE_SOURCES), { error: '请选择发现方式' }),
  foundOn: date('发现日期'),
  groupId: uuid.optional().meta({ description: '发现问题的代表小组（可选）：须是该县该年度的小组；代表须是小组成员' }),
})
export type CreateIssueBody = z.infer<typeof createIssueBody>

export const actionBody = z.object({
  action: z.enum(WORKFLOW.map((t) => t.action) as [Transition['action'], ...Transition['action'][]], { error: '未知的操作' }),
  version: z.number({ error: '缺少版本号 version' }).int({ error: '版本号应为整数' }),
  note: optionalText('说明', MAX_CHARS.text, true),
  unitId: uuid.optional(),
  requirement: optionalText('整改要求', MAX_CHARS.text, true),
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
    .optional()
    .meta({ description: '状态，一个或以逗号分隔的多个（如 assigned,rectifying）' }),
  overdue: bool.optional().meta({ description: 'true：只要逾期的（已交办或整改中且已过整改时限）' }),
  unitId: uuid.optional().meta({ description: '责任单位' }),
  township: z.string().trim().max(50).optional().meta({ description: '乡镇（街道），完全一致；给出空值（township=）只要未填写乡镇的' }),
  closedOnTime: bool.optional().meta({ description: '只要已销号的：true 按期、false 逾期销号' }),
  light: z.enum(codesOf(LIGHTS), { error: '亮灯只能是 green、yellow 或 red' }).optional().meta({ description: '只要该灯的（已交办或整改中）：green 按期、yellow 即将到期（时限前 N 天内，含当天）、red 逾期' }),
  declined: z.literal('true', { error: '只能是 true' }).transform(() => true).optional().meta({ description: 'true：只要被责任单位退办、待重新交办的' }),
  pressed: z.literal('true', { error: '只能是 true' }).transform(() => true).optional().meta({ description: 'true：只要被督办过的' }),
  updatedAfter: z.iso.datetime({ error: '应为 ISO 8601 时间' }).optional().meta({ description: '只要此时刻之后有办理进展的（上报本身不算；代表“上次查看后有新进展”）' }),
  groupId: uuid.optional().meta({ description: '只要这个代表小组发现的' }),
  q: z.string().trim().max(MAX_CHARS.search, { error: `搜索词不能超过 ${MAX_CHARS.search} 字` }).optional().meta({ description: '在标题、描述、具体位置、乡镇中查找；也按挂号编号查找：完整编号（平泉-2026-0042）或序号（0042、42）' }),
})

export const listQuery = issueFilters
  .extend({
    sort: z
      .enum(['newest', 'deadline'], { error: '排序只能是 newest 或 deadline' })
      .optional()
      .meta({ description: 'newest 最新在前；deadline 整改时限最近在前（无时限的在后）。默认 newest；按灯色（light）或只看逾期（overdue）筛选时默认且只能 deadline，最紧迫的在前' }),
    ...pageQuery,
  })
  // Open items under a light (or overdue) are read through an index in deadline order; in filing
  // order the list would have to read past every item of other lights to fill a page.
  .refine((q) => !(q.sort === 'newest' && (q.light || q.overdue)), { path: ['sort'], message: '按灯色或逾期筛选时，只能按整改时限排序（sort=deadline）' })
export type IssueFilters = z.infer<typeof issueFilters>

// Responses: what the server writes, field by field (nullable exactly where it writes null).

const status = z.enum(codesOf(ISSUE_STATUSES)).meta({ description: '状态：reported 已上报、assigned 已交办、rectifying 整改中、rectified 已整改待验收、closed 已销号、rejected 不予受理' })

export const issue = z
  .object({
    id: uuidField(),
    kind: z.enum(codesOf(ISSUE_KINDS)).meta({ description: '类型：problem 问题、suggestion 意见建议' }),
    year: z.int().meta({ description: '年度（发现日期所在年）' }),
    fieldCode: z.string().meta({ description: '监督领域代码（该年度的领域之一）' }),
    countyCode: z.string().meta({ description: '县市区代码' }),
    township: z.string().meta({ description: '乡镇（街道），未填为空字符串' }),
    location: z.string().meta({ description: '具体位置，未填为空字符串' }),
    number: z.string().nullable().meta({ description: '挂号编号：县市区简称-发现年份-本县当年序号（4 位），如 平泉-2026-0042；上报时在同一批写入中取号，不重复、不复用。null 只见于不经上报接口直接写入数据库的记录', example: '平泉-2026-0042' }),
    title: z.string(),
    description: z.string(),
    source: z.enum(codesOf(ISSUE_SOURCES)).meta({ description: '发现方式' }),
    foundOn: day(),
    reporterId: uuidField(),
    reporterName: z.string().meta({ description: '反映人姓名' }),
    unitId: uuidField().nullable().meta({ description: '责任单位，未交办（或已退办）为 null' }),
    unitName: z.string().nullable(),
    requirement: z.string().nullable().meta({ description: '整改要求，交办时填写' }),
    deadline: day().nullable().meta({ description: '整改时限，交办时填写，退办时清除' }),
    status,
    overdue: z.boolean().meta({ description: '逾期：已交办或整改中且整改时限早于今天（北京时间）' }),
    light: z.enum(codesOf(LIGHTS)).nullable().meta({ description: '亮灯：green 按期、yellow 时限前 N 天内（含当天，N 按年度设置，默认 3）、red 逾期；未交办、已整改待验收、已销号、不予受理为 null' }),
    pressCount: z.int().min(0).meta({ description: '督办次数' }),
    declinedNote: z.string().nullable().meta({ description: '责任单位退办的理由；重新交办或不予受理后为 null' }),
    groupId: uuidField().nullable().meta({ description: '发现问题的代表小组；没有为 null' }),
    groupName: z.string().nullable().meta({ description: '代表小组名称；没有为 null' }),
    progress: z.int().min(0).max(100).meta({ description: '整改进度（%）' }),
    closedOn: day().nullable().meta({ description: '销号日期' }),
    closedOnTime: z.boolean().nullable().meta({ description: '是否按期销号，销号时确定；未销号为 null' }),
    createdAt: dateTime(),
    updatedAt: dateTime(),
    version: z.int().meta({ description: '版本号：修改或操作时须带上看到的版本' }),
  })
  .meta({ id: 'Issue', description: '问题台账中的一条问题或意见建议' })
export type Issue = z.infer<typeof issue>

export const issueList = z
  .object({
    items: z.array(issue),
    nextCursor: z.string().nullable().meta({ description: '下一页的 cursor；没有下一页为 null' }),
  })
  .meta({ description: '问题列表（一页）' })

/** What an event records beside its status change: the fields of its action, for the timeline. */
export const issueEventData = z
  .object({
    unitId: uuidField().meta({ description: '交办（assign）、退办（decline）的责任单位' }),
    unitName: z.string(),
    requirement: z.string().meta({ description: '交办时的整改要求，或督办时提出的新要求' }),
    deadline: day().meta({ description: '交办或延期后的整改时限' }),
    previousUnitId: uuidField().meta({ description: '改派时原来的责任单位' }),
    previousUnitName: z.string(),
    previousDeadline: day().meta({ description: '延期前的整改时限' }),
    progress: z.int().min(0).max(100).meta({ description: '报告进展时的整改进度（%）' }),
    closedOnTime: z.boolean().meta({ description: '验收销号时是否按期' }),
    pressCount: z.int().min(1).meta({ description: '督办（press）后的督办次数' }),
    imported: z.literal(true).meta({ description: '由台账导入（create 事件，备注为“由台账导入”）' }),
    row: z.int().min(2).meta({ description: '导入时在台账文件中的行号' }),
  })
  .partial()
  .meta({ id: 'IssueEventData', description: '该操作记下的内容，依操作而定（上报、接收、备注等为空对象）' })
export type IssueEventData = z.infer<typeof issueEventData>

export const issueEvent = z
  .object({
    id: uuidField(),
    action: z.enum(codesOf(ISSUE_ACTIONS)).meta({ description: '操作：create 上报，其余见流程表' }),
    fromStatus: status.nullable().meta({ description: '操作前的状态；上报（create）为 null' }),
    toStatus: status,
    note: z.string().nullable().meta({ description: '说明（理由、进展、意见）；未填为 null' }),
    actorId: uuidField(),
    actorName: z.string(),
    at: dateTime(),
    data: issueEventData,
    photos: z.array(photo).meta({ description: '这一步所附的照片（未撤回的）' }),
    withdrawnPhotos: z.array(withdrawnPhoto).meta({ description: '这一步被撤回的照片：只留撤回记录' }),
  })
  .meta({ id: 'IssueEvent', description: '问题办理过程中的一步（时间线）' })

export const issueDetail = z
  .object({
    issue,
    photos: z.array(photo).meta({ description: '该问题的全部照片（未撤回的，各带 eventId），最早的在前' }),
    events: z.array(issueEvent).meta({ description: '办理过程，最早的在前' }),
  })
  .meta({ description: '一条问题及其办理过程' })

/** What an action answers: the issue after it, and the id of the event it appended (to attach photos to). */
export const actionResult = issue
  .extend({ eventId: uuidField().meta({ description: '这次操作新增的办理过程事件的 id（照片的 eventId）' }) })
  .meta({ id: 'IssueActionResult', description: '操作后的问题，附这次操作的事件 id' })

// Importing a county's ledger (issues.import.ts): the query of POST /issues/import and its answer.

export const importQuery = z.object({
  dryRun: bool.default(false).meta({ description: 'true：只检查并预览，不写入任何数据' }),
  countyCode: countyCode.optional().meta({ description: '导入到哪个县市区（市级工作人员必填；县级只能是本县）' }),
  createUnits: z
    .string()
    .max(MAX_CHARS.unitName + 20)
    .optional()
    .meta({ description: '确认新建的责任单位名称；每个单位一个参数，可重复：?createUnits=甲&createUnits=乙' }),
})

export const templateQuery = z.object({
  format: z.enum(['xlsx', 'csv'], { error: '格式只能是 xlsx 或 csv' }).default('xlsx').meta({ description: '模板格式，默认 xlsx' }),
})

const countByStatus = z.object(Object.fromEntries(codesOf(ISSUE_STATUSES).map((s) => [s, z.int().min(0)])) as Record<(typeof ISSUE_STATUSES)[number]['code'], z.ZodInt>)

export const importResult = z
  .object({
    dryRun: z.boolean().meta({ description: 'true：预览，未写入' }),
    countyCode: z.string(),
    total: z.int().meta({ description: '文件中的问题行数（空行不计）' }),
    created: z.int().meta({ description: '新建的问题（预览时：将新建的）' }),
    existing: z.int().meta({ description: '此前已导入过、这次不再新建的' }),
    byStatus: countByStatus.meta({ description: '新建（预览时：将新建）的问题按办理状态计数' }),
    unknownUnits: z
      .array(
        z.object({
          name: z.string().meta({ description: '文件中的单位名称（去掉空格后）' }),
          rows: z.array(z.int()).meta({ description: '用到该单位的行' }),
          confirmed: z.boolean().meta({ description: '已在 createUnits 中确认新建' }),
        }),
      )
      .meta({ description: '本县名录中没有的责任单位：须在 createUnits 中确认后才新建；正式导入的回答中为空' }),
    createdUnits: z.array(z.object({ id: uuidField(), name: z.string() })).meta({ description: '这次新建的责任单位（预览时为空）' }),
    items: z
      .array(
        z.object({
          row: z.int().meta({ description: '文件中的行号（表头下第一行为 2）' }),
          id: uuidField().meta({ description: '问题的 id：由县市区和该行内容确定，同一行再导入得到同一 id' }),
          title: z.string(),
          fieldCode: z.string(),
          status,
          foundOn: day(),
          unitName: z.string().nullable(),
          deadline: day().nullable(),
          closedOn: day().nullable(),
          exists: z.boolean().meta({ description: '此前已导入过' }),
        }),
      )
      .meta({ description: '文件中的每一行' }),
  })
  .meta({ id: 'IssueImportResult', description: '台账导入（或预览）的结果' })
