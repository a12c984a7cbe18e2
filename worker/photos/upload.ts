// Reading an uploaded image body: its declared type (415 unless JPEG, PNG or WebP), refused at 413
// by its Content-Length before anything is read, and read with a cap otherwise (a body without a
// length, or one longer than it said, is stopped as soon as it passes the cap).
import type { Context } from 'hono'
import { AppError } from '../core/errors'
import { PHOTO_TYPES, type PhotoType } from '../core/photos'
import type { Upload } from './photos.service'

const tooLarge = (max: number, what: string) => new AppError(413, 'payload_too_large', `${what}过大（上限 ${max >= 1024 * 1024 ? `${max / 1024 / 1024} MB` : `${max / 1024} KB`}），请压缩后重试`)

async function readCapped(body: ReadableStream<Uint8Array> | null, max: number, what: string): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > max) {
      await reader.cancel().catch(() => {})
      throw tooLarge(max, what)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

/** The image body of a PUT, checked for type and declared size now, its bytes read when asked. */
export function imageUpload(c: Context, max: number, what: string): Upload {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (!(PHOTO_TYPES as readonly string[]).includes(type)) throw new AppError(415, 'unsupported_media_type', '请上传 JPEG、PNG 或 WebP 格式的照片（Content-Type: image/jpeg、image/png 或 image/webp）')
  const length = Number(c.req.header('content-length') ?? NaN)
  if (Number.isFinite(length) && length > max) throw tooLarge(max, what)
  let read: Promise<Uint8Array> | undefined
  return { contentType: type as PhotoType, read: () => (read ??= readCapped(c.req.raw.body, max, what)) }
}

/** A PUT of image bytes: exempt from the app's JSON body limit, since imageUpload caps it. */
export function isImageUpload(method: string, path: string): boolean {
  return method === 'PUT' && /^\/api\/v1\/photos\/[^/]+(\/thumb)?\/?$/.test(path)
}
