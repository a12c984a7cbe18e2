// Photos inside workerd with D1 and miniflare's local R2 (the FILES binding of wrangler.toml):
// upload, bytes back from R2 with their headers, the thumbnail, idempotent retries, 413 and 415,
// the nine-per-step limit under parallel uploads, and the parent record's scope.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { units, users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { todayInShanghai } from '../../worker/core/dates'
import { JPEG, PNG, THUMB_JPEG, WEBP_VP8, jpegOfSize } from '../support/images'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
const PASSWORD = 'workerd-2022'
const cookies: Record<string, string> = {}
let issueId = ''

async function call(who: string, method: string, path: string, body?: unknown) {
  return fetchChecked(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: { cookie: cookies[who] ?? '', 'content-type': 'application/json', origin: ORIGIN },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

function put(who: string, path: string, bytes: Uint8Array, type = 'image/jpeg') {
  return fetchChecked(`${ORIGIN}/api/v1${path}`, { method: 'PUT', headers: { cookie: cookies[who] ?? '', 'content-type': type, origin: ORIGIN }, body: bytes })
}

async function newIssue() {
  const res = await call('deputy', 'POST', '/issues', { fieldCode: 'rural_living', title: '村道垃圾未清运', description: '主干道旁垃圾堆放', source: 'deputy', foundOn: todayInShanghai() })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const db = fromD1(env.DB)
  const now = new Date().toISOString()
  const unitId = crypto.randomUUID()
  await db.insert(units).values({ id: unitId, countyCode: '130881', name: '平泉市水务局', createdAt: now })
  const hash = await hashPassword(PASSWORD)
  const people = [
    ['deputy', '13711120001', '130881', { role: 'deputy', level: 'county' }],
    ['staff', '13711120002', '130881', { role: 'county_staff' }],
    ['unit', '13711120003', '130881', { role: 'unit', unitId }],
    ['longhua', '13711120004', '130825', { role: 'county_staff' }],
  ] as const
  for (const [key, phone, countyCode, extra] of people) {
    await db.insert(users).values({ id: crypto.randomUUID(), name: key, phone, countyCode, passwordHash: hash, mustChangePassword: false, createdAt: now, updatedAt: now, ...extra })
    const res = await fetchChecked(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ phone, password: PASSWORD }) })
    expect(res.status).toBe(200)
    cookies[key] = res.headers.get('set-cookie')!.split(';')[0]!
  }
  issueId = await newIssue()
})

describe('photos on Workers', () => {
  it('stores the bytes in R2 and serves them back with their type and inert, private headers', async () => {
    const id = crypto.randomUUID()
    const res = await put('deputy', `/photos/${id}?issueId=${issueId}`, WEBP_VP8, 'image/webp')
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ id, issueId, eventId: issueId, contentType: 'image/webp', width: 32, height: 20, bytes: WEBP_VP8.length })
    const listed = await env.FILES.list({ prefix: `photos/${id}/` })
    expect(listed.objects).toHaveLength(1)
    const back = await call('deputy', 'GET', `/photos/${id}`)
    expect(back.status).toBe(200)
    expect(back.headers.get('content-type')).toBe('image/webp')
    expect(back.headers.get('x-content-type-options')).toBe('nosniff')
    expect(back.headers.get('cache-control')).toMatch(/^private/)
    expect(back.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(WEBP_VP8)
  })

  it('answers a retry with 200 and another body under the same id with 409', async () => {
    const id = crypto.randomUUID()
    expect((await put('deputy', `/photos/${id}?issueId=${issueId}`, JPEG)).status).toBe(201)
    expect((await put('deputy', `/photos/${id}?issueId=${issueId}`, JPEG)).status).toBe(200)
    expect((await put('deputy', `/photos/${id}?issueId=${issueId}`, PNG, 'image/png')).status).toBe(409)
  })

  it('takes the uploader’s thumbnail and serves it; …/thumb is the photo until then', async () => {
    const id = crypto.randomUUID()
    expect((await put('deputy', `/photos/${id}?issueId=${issueId}`, JPEG)).status).toBe(201)
    expect(new Uint8Array(await (await call('deputy', 'GET', `/photos/${id}/thumb`)).arrayBuffer())).toEqual(JPEG)
    expect((await put('staff', `/photos/${id}/thumb`, THUMB_JPEG)).status).toBe(403)
    expect((await put('deputy', `/photos/${id}/thumb`, THUMB_JPEG)).status).toBe(201)
    expect((await put('deputy', `/photos/${id}/thumb`, THUMB_JPEG)).status).toBe(200)
    expect(new Uint8Array(await (await call('staff', 'GET', `/photos/${id}/thumb`)).arrayBuffer())).toEqual(THUMB_JPEG)
  })

  it('refuses a photo over 5 MB (413) and bytes that are not the declared image (415), storing nothing', async () => {
    const big = crypto.randomUUID()
    const tooBig = await put('deputy', `/photos/${big}?issueId=${issueId}`, jpegOfSize(5 * 1024 * 1024 + 10))
    expect(tooBig.status).toBe(413)
    const svg = crypto.randomUUID()
    const wrong = await put('deputy', `/photos/${svg}?issueId=${issueId}`, new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))
    expect(wrong.status).toBe(415)
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type')
    for (const id of [big, svg]) expect((await env.FILES.list({ prefix: `photos/${id}/` })).objects).toHaveLength(0)
  })

  it('keeps a step to nine photos under 12 parallel uploads on D1', async () => {
    const issue = await newIssue()
    const statuses = (await Promise.all(Array.from({ length: 12 }, () => put('deputy', `/photos/${crypto.randomUUID()}?issueId=${issue}`, JPEG)))).map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(9)
    expect(statuses.filter((s) => s === 400)).toHaveLength(3)
    const detail = (await (await call('staff', 'GET', `/issues/${issue}`)).json()) as { photos: unknown[]; events: { photos: unknown[] }[] }
    expect(detail.photos).toHaveLength(9)
    expect(detail.events[0]!.photos).toHaveLength(9)
  })

  it('answers another county’s staff with 404 for the bytes and the upload', async () => {
    const id = crypto.randomUUID()
    expect((await put('deputy', `/photos/${id}?issueId=${issueId}`, JPEG)).status).toBe(201)
    expect((await call('longhua', 'GET', `/photos/${id}`)).status).toBe(404)
    expect((await call('longhua', 'GET', `/photos/${id}/thumb`)).status).toBe(404)
    expect((await put('longhua', `/photos/${crypto.randomUUID()}?issueId=${issueId}`, JPEG)).status).toBe(404)
    expect((await call('unit', 'GET', `/photos/${id}`)).status).toBe(404)
  })
})
