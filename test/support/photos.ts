// Builders for photo tests: upload bytes to a record (its step), read them back, withdraw one.
import type { TestApp } from './app'
import { JPEG } from './images'

export interface PhotoJson {
  id: string
  issueId: string | null
  activityId: string | null
  eventId: string | null
  contentType: string
  bytes: number
  width: number
  height: number
  thumb: { contentType: string; bytes: number } | null
  uploadedBy: string
  uploadedByName: string
  createdAt: string
  withdrawn: { by: string; byName: string; at: string; reason: string } | null
}

export type PhotoPlace = { issueId: string; eventId?: string } | { activityId: string }

export function putPhoto(t: TestApp, cookie: string, place: PhotoPlace, opts: { id?: string; bytes?: Uint8Array; type?: string; headers?: Record<string, string> } = {}) {
  const id = opts.id ?? crypto.randomUUID()
  const qs = new URLSearchParams(place as Record<string, string>).toString()
  return t.app.request(`/api/v1/photos/${id}?${qs}`, {
    method: 'PUT',
    headers: { cookie, 'content-type': opts.type ?? 'image/jpeg', ...opts.headers },
    body: opts.bytes ?? JPEG,
  })
}

/** Uploads a photo that must be accepted (201) and answers its JSON. */
export async function attach(t: TestApp, cookie: string, place: PhotoPlace, opts: { id?: string; bytes?: Uint8Array; type?: string } = {}): Promise<PhotoJson> {
  const res = await putPhoto(t, cookie, place, opts)
  if (res.status !== 201) throw new Error(`photo upload failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as PhotoJson
}

export function putThumb(t: TestApp, cookie: string, id: string, bytes: Uint8Array, type = 'image/jpeg') {
  return t.app.request(`/api/v1/photos/${id}/thumb`, { method: 'PUT', headers: { cookie, 'content-type': type }, body: bytes })
}

export function getPhoto(t: TestApp, cookie: string, id: string, thumb = false) {
  return t.call('GET', `/api/v1/photos/${id}${thumb ? '/thumb' : ''}`, { cookie })
}

export function withdrawPhoto(t: TestApp, cookie: string, id: string, reason: unknown) {
  return t.call('POST', `/api/v1/photos/${id}/withdraw`, { cookie, body: { reason } })
}
