// PUT /photos/:id: what an upload answers (201 with the header's type and size), retries by the
// same id (200, nothing new; other bytes or another person → 409), and every bad body (415, 413)
// refused with nothing stored.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../support/app'
import { fileIssue, type IssueJson } from '../support/issues'
import { JPEG, PNG, THUMB_JPEG, WEBP_VP8, WEBP_VP8L, WEBP_VP8X, jpegOfSize } from '../support/images'
import { attach, getPhoto, putPhoto, type PhotoJson } from '../support/photos'
import { photos } from '../../worker/db/schema'
import { readdirSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dirStore } from '../../worker/files/dir-store'

let t: TestApp
let deputy: { cookie: string; user: { id: string; name: string } }
let other: { cookie: string }
let issue: IssueJson

beforeAll(async () => {
  t = await makeTestApp()
  deputy = await t.actor({ role: 'deputy', name: '王秀兰' })
  other = await t.actor({ role: 'county_staff' })
})

// Each test on an issue of its own: one step holds at most nine photos.
beforeEach(async () => {
  issue = await fileIssue(t, deputy.cookie)
})

const storedFiles = () => (existsSync(t.filesDir) ? readdirSync(t.filesDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0)

describe('uploading a photo', () => {
  it.each([
    ['a JPEG', JPEG, 'image/jpeg', 40, 30],
    ['a PNG', PNG, 'image/png', 24, 18],
    ['a lossy WebP (VP8)', WEBP_VP8, 'image/webp', 32, 20],
    ['a lossless WebP (VP8L)', WEBP_VP8L, 'image/webp', 30, 10],
    ['an extended WebP (VP8X)', WEBP_VP8X, 'image/webp', 32, 20],
  ])('accepts %s with its size read from the header (201)', async (_, bytes, type, width, height) => {
    const res = await putPhoto(t, deputy.cookie, { issueId: issue.id }, { bytes, type })
    expect(res.status).toBe(201)
    const photo = (await res.json()) as PhotoJson
    expect(photo).toMatchObject({ issueId: issue.id, activityId: null, eventId: issue.id, contentType: type, bytes: bytes.length, width, height, thumb: null, uploadedBy: deputy.user.id, uploadedByName: '王秀兰', withdrawn: null })
    const back = await getPhoto(t, deputy.cookie, photo.id)
    expect(back.status).toBe(200)
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes)
  })

  it('answers the same id with the same bytes again with 200 and the same photo, storing nothing new', async () => {
    const first = await attach(t, deputy.cookie, { issueId: issue.id })
    const rows = (await t.db.select().from(photos)).length
    const again = await putPhoto(t, deputy.cookie, { issueId: issue.id }, { id: first.id })
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(first)
    expect((await t.db.select().from(photos)).length).toBe(rows)
  })

  it('refuses the same id with other bytes, or from another person (409), and keeps the first', async () => {
    const first = await attach(t, deputy.cookie, { issueId: issue.id })
    const otherBytes = await putPhoto(t, deputy.cookie, { issueId: issue.id }, { id: first.id, bytes: PNG, type: 'image/png' })
    expect(otherBytes.status).toBe(409)
    expect(((await otherBytes.json()) as { error: { code: string } }).error.code).toBe('conflict')
    const otherPerson = await putPhoto(t, other.cookie, { issueId: issue.id }, { id: first.id })
    expect(otherPerson.status).toBe(409)
    expect(new Uint8Array(await (await getPhoto(t, deputy.cookie, first.id)).arrayBuffer())).toEqual(JPEG)
  })

  it.each([
    ['JPEG bytes sent as a PNG', JPEG, 'image/png'],
    ['an SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/jpeg'],
    ['an HTML page', new TextEncoder().encode('<!doctype html><script>alert(1)</script>'), 'image/webp'],
    ['a JPEG cut off before its frame header', JPEG.subarray(0, 20), 'image/jpeg'],
    ['an empty body', new Uint8Array(0), 'image/jpeg'],
  ])('refuses %s (415) and stores nothing', async (_, bytes, type) => {
    const before = storedFiles()
    const id = crypto.randomUUID()
    const res = await putPhoto(t, deputy.cookie, { issueId: issue.id }, { id, bytes, type })
    expect(res.status).toBe(415)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('unsupported_media_type')
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(storedFiles()).toBe(before)
    expect((await getPhoto(t, deputy.cookie, id)).status).toBe(404)
  })

  it.each(['image/svg+xml', 'text/html', 'application/octet-stream'])('refuses the declared type %s (415)', async (type) => {
    const res = await putPhoto(t, deputy.cookie, { issueId: issue.id }, { type })
    expect(res.status).toBe(415)
  })

  it('refuses a photo over 5 MB (413) by its Content-Length, and one that sends more than it declared', async () => {
    const big = jpegOfSize(5 * 1024 * 1024 + 1)
    const res = await putPhoto(t, deputy.cookie, { issueId: issue.id }, { bytes: big })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('5 MB') })
    // No length announced: the read stops at the cap.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 6; i++) controller.enqueue(big.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024))
        controller.close()
      },
    })
    const id = crypto.randomUUID()
    const streamed = await t.app.request(`/api/v1/photos/${id}?issueId=${issue.id}`, { method: 'PUT', headers: { cookie: deputy.cookie, 'content-type': 'image/jpeg' }, body: stream, duplex: 'half' } as RequestInit)
    expect(streamed.status).toBe(413)
    expect((await getPhoto(t, deputy.cookie, id)).status).toBe(404)
  })

  it('accepts a photo of 5 MB exactly', async () => {
    const res = await putPhoto(t, deputy.cookie, { issueId: issue.id }, { bytes: jpegOfSize(5 * 1024 * 1024) })
    expect(res.status).toBe(201)
    expect(((await res.json()) as PhotoJson).bytes).toBe(5 * 1024 * 1024)
  })

  it('needs exactly one of issueId and activityId, and eventId only with an issue (400)', async () => {
    for (const qs of ['', `issueId=${issue.id}&activityId=${issue.id}`, `activityId=${issue.id}&eventId=${issue.id}`, 'issueId=nope']) {
      const res = await t.app.request(`/api/v1/photos/${crypto.randomUUID()}?${qs}`, { method: 'PUT', headers: { cookie: deputy.cookie, 'content-type': 'image/jpeg' }, body: JPEG })
      expect(res.status, qs).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed')
    }
  })

  it('answers an id that is not a UUID with 404, and asks for a sign-in first (401)', async () => {
    expect((await t.app.request(`/api/v1/photos/not-an-id?issueId=${issue.id}`, { method: 'PUT', headers: { cookie: deputy.cookie, 'content-type': 'image/jpeg' }, body: JPEG })).status).toBe(404)
    expect((await t.app.request(`/api/v1/photos/${crypto.randomUUID()}?issueId=${issue.id}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: JPEG })).status).toBe(401)
  })

  it('serves the bytes with their stored type and headers that keep them inert and private', async () => {
    const photo = await attach(t, deputy.cookie, { issueId: issue.id }, { bytes: PNG, type: 'image/png' })
    const res = await getPhoto(t, deputy.cookie, photo.id)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('cache-control')).toMatch(/^private, max-age=\d+/)
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(res.headers.get('content-disposition')).toBe('inline')
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/)
  })
})

describe('the thumbnail', () => {
  it('is taken from the uploader after the photo, served at …/thumb, and a retry answers 200', async () => {
    const photo = await attach(t, deputy.cookie, { issueId: issue.id })
    // Before one is sent, …/thumb serves the photo itself.
    expect(new Uint8Array(await (await getPhoto(t, deputy.cookie, photo.id, true)).arrayBuffer())).toEqual(JPEG)
    const res = await t.app.request(`/api/v1/photos/${photo.id}/thumb`, { method: 'PUT', headers: { cookie: deputy.cookie, 'content-type': 'image/jpeg' }, body: THUMB_JPEG })
    expect(res.status).toBe(201)
    expect(((await res.json()) as PhotoJson).thumb).toEqual({ contentType: 'image/jpeg', bytes: THUMB_JPEG.length })
    const thumb = await getPhoto(t, deputy.cookie, photo.id, true)
    expect(thumb.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(new Uint8Array(await thumb.arrayBuffer())).toEqual(THUMB_JPEG)
    const again = await t.app.request(`/api/v1/photos/${photo.id}/thumb`, { method: 'PUT', headers: { cookie: deputy.cookie, 'content-type': 'image/jpeg' }, body: THUMB_JPEG })
    expect(again.status).toBe(200)
    const different = await t.app.request(`/api/v1/photos/${photo.id}/thumb`, { method: 'PUT', headers: { cookie: deputy.cookie, 'content-type': 'image/png' }, body: PNG })
    expect(different.status).toBe(409)
  })

  it('is refused over 200 KB (413), when the bytes are not the type (415), from anyone but the uploader (403), and before the photo (404)', async () => {
    const photo = await attach(t, deputy.cookie, { issueId: issue.id })
    const send = (cookie: string, id: string, body: Uint8Array, type = 'image/jpeg') => t.app.request(`/api/v1/photos/${id}/thumb`, { method: 'PUT', headers: { cookie, 'content-type': type }, body })
    expect((await send(deputy.cookie, photo.id, jpegOfSize(200 * 1024 + 1))).status).toBe(413)
    expect((await send(deputy.cookie, photo.id, PNG)).status).toBe(415)
    expect((await send(other.cookie, photo.id, THUMB_JPEG)).status).toBe(403)
    expect((await send(deputy.cookie, crypto.randomUUID(), THUMB_JPEG)).status).toBe(404)
    expect(((await (await t.call('GET', `/api/v1/issues/${issue.id}`, { cookie: deputy.cookie })).json()) as { photos: PhotoJson[] }).photos.find((p) => p.id === photo.id)!.thumb).toBeNull()
  })
})

describe('the byte store', () => {
  it('stores bytes before the row: when the bytes cannot be written, no photo is listed or served', async () => {
    const broken = await makeTestApp()
    const who = await broken.actor({ role: 'deputy' })
    const mine = await fileIssue(broken, who.cookie)
    // The files directory cannot be made: a plain file stands where it should be.
    writeFileSync(broken.filesDir, 'not a directory')
    const id = crypto.randomUUID()
    const res = await putPhoto(broken, who.cookie, { issueId: mine.id }, { id })
    expect(res.status).toBe(500)
    expect(await broken.db.select().from(photos)).toEqual([])
    expect((await getPhoto(broken, who.cookie, id)).status).toBe(404)
  })

  it('writes each file whole under its final name, leaving no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'npc-store-'))
    const store = dirStore(dir)
    const key = `photos/${crypto.randomUUID()}/${'a'.repeat(64)}`
    const bytes = jpegOfSize(256 * 1024)
    await Promise.all([store.put(key, bytes, 'image/jpeg'), store.put(key, bytes, 'image/jpeg')])
    expect(await store.exists(key)).toBe(true)
    const file = (await store.get(key))!
    expect(file.bytes).toBe(bytes.length)
    expect(new Uint8Array(await new Response(file.body).arrayBuffer())).toEqual(bytes)
    const names = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)
    expect(names).toEqual(['a'.repeat(64)])
    expect(await store.get(`photos/${crypto.randomUUID()}/${'b'.repeat(64)}`)).toBeNull()
    await expect(store.get('../etc/passwd')).rejects.toThrow(/bad file key/)
  })
})
