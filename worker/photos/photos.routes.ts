// Photo routes (api.md "Photos"): upload by the client's id, the thumbnail, the bytes (scoped as
// the parent record), and the withdrawal by staff.
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { AppError } from '../core/errors'
import { MAX_PHOTO_BYTES, MAX_THUMB_BYTES, PHOTO_TYPES } from '../core/photos'
import type { FileStore } from '../files/store'
import { body, idParams, querystring } from '../validate'
import { binary, route } from '../openapi/describe'
import { photo, uploadQuery, withdrawBody } from './photos.schemas'
import type { PhotoBytes } from './photos.service'
import { imageUpload } from './upload'

/** Photo ids never change their bytes, so a browser may keep them (privately) for a year. */
const MAX_AGE = 365 * 24 * 3600
/** What a served photo may do: nothing (no script, no styles, no frames), even if opened as a page. */
export const PHOTO_CSP = "default-src 'none'; sandbox"

function files(c: Context<AppEnv>): FileStore {
  const store = c.var.files
  if (!store) throw new AppError(503, 'unavailable', '照片存储未配置，暂不能上传或查看照片')
  return store
}

function serve(c: Context<AppEnv>, p: PhotoBytes) {
  return c.body(p.file.body, 200, {
    'Content-Type': p.contentType,
    'Content-Length': String(p.file.bytes),
    'Content-Disposition': 'inline',
    'Cache-Control': `private, max-age=${MAX_AGE}, immutable`,
    'X-Content-Type-Options': 'nosniff',
    ETag: `"${p.sha256}"`,
  })
}

/**
 * Outside the app's secure headers (app.ts), so that its page CSP does not replace the photo's own:
 * an image answer carries PHOTO_CSP.
 */
export const photoHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  if ((c.res.headers.get('content-type') ?? '').startsWith('image/')) c.res.headers.set('Content-Security-Policy', PHOTO_CSP)
}

// The rules (and the image header reader) load on first use, a chunk of their own on Workers
// (worker/build/build.ts): most requests of a cold isolate never touch a photo's bytes.
const rules = () => import('./photos.service')

const TAGS = ['照片']
const IMAGES = binary(...PHOTO_TYPES)
const bytesNote = '带 Content-Type、X-Content-Type-Options: nosniff、Cache-Control: private、Content-Security-Policy: default-src \'none\'; sandbox、Content-Disposition: inline 与 ETag（内容的 SHA-256）。范围同所属记录（范围外为 404）；已撤回的照片只有范围内的工作人员还能查看。'
const upload = route({
  tags: TAGS,
  summary: '上传一张照片（请求体为图片本身；issueId 或 activityId 指明所属记录，eventId 指明问题的办理环节）',
  description:
    'id 由客户端生成（UUID）。类型以文件头为准（与 Content-Type 不符、SVG/HTML 或无法识别为 415），超过 5 MB 为 413，本环节已有 9 张为 400，环节不能附照片为 400，环节已结束为 409 invalid_transition。同一 id、同一内容、同一上传者重发答 200 与已有照片；换了内容或换了人为 409 conflict。',
  requestBody: { description: '图片文件（JPEG、PNG 或 WebP），最大 5 MB', content: Object.fromEntries(PHOTO_TYPES.map((t) => [t, IMAGES])) },
  responses: { 201: photo, 200: { schema: photo, description: '同一 id 的重发：已有的照片' }, errors: [400, 403, 404, 409, 413, 415] },
})
const uploadThumb = route({
  tags: TAGS,
  summary: '上传照片的缩略图（只能由照片的上传者，在照片之后）',
  description: '类型同照片，最大 200 KB；同一内容重发答 200，已有另一张缩略图为 409。',
  requestBody: { description: '缩略图（JPEG、PNG 或 WebP），最大 200 KB', content: Object.fromEntries(PHOTO_TYPES.map((t) => [t, IMAGES])) },
  responses: { 201: photo, 200: { schema: photo, description: '同一缩略图的重发' }, errors: [403, 404, 409, 413, 415] },
})
const read = route({ tags: TAGS, summary: '照片本身', description: bytesNote, responses: { 200: IMAGES, errors: [404] } })
const readThumb = route({ tags: TAGS, summary: '照片的缩略图；没有另传缩略图时为原图', description: bytesNote, responses: { 200: IMAGES, errors: [404] } })
const withdrawn = route({
  tags: TAGS,
  summary: '撤回一张错附的照片（范围内的工作人员；须写理由）',
  description: '撤回后照片不再出现在问题、活动与导出中，时间线上保留谁、何时、为何撤回（withdrawnPhotos）。同一人以同一理由重发答 200；已被撤回为 409。',
  responses: { 200: photo, errors: [403, 404, 409] },
})

export const photoRoutes = new Hono<AppEnv>()
  .put('/photos/:id', upload, querystring(uploadQuery), idParams('id'), async (c) => {
    const { photo, created } = await (await rules()).putPhoto(c.var.db, files(c), currentUser(c), c.req.valid('param').id, c.req.valid('query'), imageUpload(c, MAX_PHOTO_BYTES, '照片'))
    return c.json(photo, created ? 201 : 200)
  })
  .put('/photos/:id/thumb', uploadThumb, idParams('id'), async (c) => {
    const { photo, created } = await (await rules()).putThumb(c.var.db, files(c), currentUser(c), c.req.valid('param').id, imageUpload(c, MAX_THUMB_BYTES, '缩略图'))
    return c.json(photo, created ? 201 : 200)
  })
  .get('/photos/:id', read, idParams('id'), async (c) => serve(c, await (await rules()).photoBytes(c.var.db, files(c), currentUser(c), c.req.valid('param').id, 'photo')))
  .get('/photos/:id/thumb', readThumb, idParams('id'), async (c) => serve(c, await (await rules()).photoBytes(c.var.db, files(c), currentUser(c), c.req.valid('param').id, 'thumb')))
  .post('/photos/:id/withdraw', withdrawn, body(withdrawBody), idParams('id'), async (c) => {
    return c.json(await (await rules()).withdraw(c.var.db, currentUser(c), c.req.valid('param').id, c.req.valid('json').reason))
  })
