// The typed client for /api/v1: JSON in and out, the session cookie sent along, and every failure
// turned into one ApiError carrying the server's Chinese message (api.md "Conventions").
import type { components, paths } from './api-schema'

// The shapes of the API are not written here: they are the generated types of the OpenAPI
// document (api-schema.d.ts, `npm run api:types`), so a server change to one fails typecheck.

/** A named schema of the document (components.schemas: User, Issue, Activity, …). */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N]

type Method = 'get' | 'post' | 'put' | 'patch'
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never
type Responses<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R } ? R : never
type Success<R> = { [S in keyof R & (200 | 201)]: Json<R[S]> }[keyof R & (200 | 201)]

/** What a route answers on success (the JSON of its 200 or 201): `Answer<'/issues'>`. */
export type Answer<P extends keyof paths, M extends Method = 'get'> = Success<Responses<P, M>>

/** The JSON body a route takes: `Body<'/issues/{id}/actions', 'post'>`. */
export type Body<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never

/** The query parameters of a GET: `Query<'/issues'>`. */
export type Query<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never

export type User = Schema<'User'>

/** GET /reference: the catalogue screens label their codes with. */
export type Reference = Answer<'/reference'>
export type CodeName = Reference['counties'][number]

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** With 409: the record as it stands now (error.current), for the screen to show instead. */
    readonly current: unknown = undefined,
    /** The whole `error` object, for answers that carry more (a roster import's `rows`). */
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Any failure as an ApiError: the server's own, or one saying `fallback` (a bug, an odd answer). */
export function asApiError(e: unknown, fallback: string): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'unknown', fallback)
}

/** status 0: the request never got an answer (offline, a dead village signal, a timeout). */
export const NETWORK_ERROR = 'network_error'

// Phones on a weak signal can hang for minutes; give up early and let the person retry.
const TIMEOUT_MS = 20_000

/**
 * Whose read copies to keep and of which GETs (first pages only). Set by the app for a deputy or
 * a unit; null keeps none. A copy answered instead of the network raises OFFLINE_COPY.
 */
let copies: { userId: string; paths: RegExp } | null = null
export const OFFLINE_COPY = 'app:offline-copy'
const reads = () => import('./outbox/reads')

export function keepReadCopies(owner: { userId: string; paths: RegExp } | null): void {
  copies = owner
}

type Listener = (error: ApiError) => void
let sessionListener: Listener | null = null

/** The app learns here when the session ended (401) or a password change is due (403). */
export function onSessionProblem(listener: Listener | null): void {
  sessionListener = listener
}

async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown, timeout = TIMEOUT_MS): Promise<T> {
  const controller = new AbortController()
  const timer = window.setTimeout(() => controller.abort(), timeout)
  // A file upload (FormData) sets its own multipart content type.
  const form = body instanceof FormData
  let res: Response
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined || form ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      signal: controller.signal,
    })
  } catch {
    const owner = copyFor(method, path)
    const copy = owner ? await (await reads()).load(owner, path) : null
    if (copy) {
      window.dispatchEvent(new CustomEvent(OFFLINE_COPY, { detail: copy.at }))
      return copy.data as T
    }
    throw new ApiError(0, NETWORK_ERROR, controller.signal.aborted ? '网络较慢，请求超时，请稍后重试' : '网络连接失败，请检查网络后重试')
  } finally {
    window.clearTimeout(timer)
  }
  if (res.status === 204) return undefined as T
  const data: unknown = await res.json().catch(() => null)
  if (res.ok) {
    const owner = copyFor(method, path)
    if (owner) void reads().then((m) => m.save(owner, path, data))
    return data as T
  }
  const error = toApiError(res.status, data)
  // A wrong password at sign-in is also a 401, but it is the form's business, not a lost session.
  const sessionEnded = res.status === 401 && path !== '/auth/login' && path !== '/auth/activate'
  const mustChange = res.status === 403 && error.code === 'password_change_required'
  if ((sessionEnded || mustChange) && sessionListener) sessionListener(error)
  throw error
}

function copyFor(method: string, path: string): string | null {
  return copies && method === 'GET' && !path.includes('cursor=') && copies.paths.test(path) ? copies.userId : null
}

export function toApiError(status: number, data: unknown): ApiError {
  const e = (data as { error?: { code?: unknown; message?: unknown; fields?: unknown; current?: unknown } } | null)?.error
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    const fields = e.fields && typeof e.fields === 'object' ? (e.fields as Record<string, string>) : {}
    return new ApiError(status, e.code, e.message, fields, e.current, e as Record<string, unknown>)
  }
  // Not our envelope: a proxy or gateway answered (502 page, captive portal).
  return new ApiError(status, 'unavailable', '服务暂时不可用，请稍后再试')
}

/** Plain GET, POST, PUT and PATCH for the feature clients (issues-api.ts), which live in the lazy chunks. */
export const http = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  /** A file as multipart form data, with a longer wait (a large roster takes a few seconds). */
  upload: <T>(path: string, form: FormData, timeout = 120_000) => request<T>('POST', path, form, timeout),
}

export const api = {
  me: () => request<Answer<'/me'>>('GET', '/me').then((r) => r.user),
  login: (phone: string, password: string) =>
    request<Answer<'/auth/login', 'post'>>('POST', '/auth/login', { phone, password } satisfies Body<'/auth/login', 'post'>).then((r) => r.user),
  /** First sign-in: phone + the code of the 开通通知单 + a password of one's own. */
  activate: (phone: string, code: string, newPassword: string) =>
    request<Answer<'/auth/activate', 'post'>>('POST', '/auth/activate', { phone, code, newPassword } satisfies Body<'/auth/activate', 'post'>).then((r) => r.user),
  logout: () => request<void>('POST', '/auth/logout'),
  reference: () => request<Reference>('GET', '/reference'),
}
