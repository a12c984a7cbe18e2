// The shapes of the photo routes (api.md "Photos"): the upload's query string, the withdrawal's
// body, and the photo's JSON as issues, events and activities list it.
import * as z from 'zod'
import { freeText, recordId } from '../core/schemas'
import { MAX_CHARS } from '../core/limits'
import { dateTime, uuid } from '../openapi/describe'
import { PHOTO_TYPES } from '../core/photos'

const id = recordId()

export const uploadQuery = z
  .object({
    issueId: id.optional().meta({ description: '所属问题（与 activityId 二选一）' }),
    activityId: id.optional().meta({ description: '所属履职活动（与 issueId 二选一）' }),
    eventId: id.optional().meta({ description: '问题办理过程中的一步（时间线事件 id）；不填为上报这一步' }),
  })
  .superRefine((q, ctx) => {
    if ((q.issueId === undefined) === (q.activityId === undefined)) ctx.addIssue({ code: 'custom', path: ['issueId'], message: '请指明照片属于哪条问题（issueId）或哪次履职活动（activityId），只能选一个' })
    if (q.eventId !== undefined && q.issueId === undefined) ctx.addIssue({ code: 'custom', path: ['eventId'], message: 'eventId 只用于问题的照片' })
  })
export type UploadQuery = z.infer<typeof uploadQuery>

export const withdrawBody = z.object({ reason: freeText('撤回理由', MAX_CHARS.reviewNote, { multiline: true, required: true }) })

// Responses.

const withdrawal = z
  .object({
    by: uuid(),
    byName: z.string(),
    at: dateTime(),
    reason: z.string().meta({ description: '撤回理由' }),
  })
  .meta({ id: 'PhotoWithdrawal', description: '照片被撤回：谁、何时、为什么' })

export const photo = z
  .object({
    id: uuid(),
    issueId: uuid().nullable().meta({ description: '所属问题；履职活动的照片为 null' }),
    activityId: uuid().nullable().meta({ description: '所属履职活动；问题的照片为 null' }),
    eventId: uuid().nullable().meta({ description: '问题办理过程中的一步（上报这一步为上报事件，其 id 即问题 id）；履职活动的照片为 null' }),
    contentType: z.enum(PHOTO_TYPES),
    bytes: z.int().meta({ description: '字节数' }),
    width: z.int().meta({ description: '宽（像素），从图片文件头读出' }),
    height: z.int().meta({ description: '高（像素）' }),
    thumb: z
      .object({ contentType: z.enum(PHOTO_TYPES), bytes: z.int() })
      .nullable()
      .meta({ description: '上传者另传的缩略图；未传为 null（此时 GET …/thumb 给原图）' }),
    uploadedBy: uuid(),
    uploadedByName: z.string(),
    createdAt: dateTime(),
    withdrawn: withdrawal.nullable().meta({ description: '撤回记录；未撤回为 null' }),
  })
  .meta({ id: 'Photo', description: '作为佐证的一张照片（元数据；图片本身由 GET /photos/{id} 取得）' })
export type Photo = z.infer<typeof photo>

export const withdrawnPhoto = z
  .object({ id: uuid(), uploadedBy: uuid(), uploadedByName: z.string(), createdAt: dateTime(), withdrawn: withdrawal })
  .meta({ id: 'WithdrawnPhoto', description: '已撤回的照片：只留撤回记录，不再提供图片' })
export type WithdrawnPhoto = z.infer<typeof withdrawnPhoto>
