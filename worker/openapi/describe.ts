// How a route says what it answers, for the OpenAPI document (GET /api/v1/openapi.json). The
// declaration is plain data on a pass-through middleware; worker/openapi/document.ts reads it
// (with the request schemas of worker/validate.ts) only when the document is asked for.
//
// The pattern, one call per route, on the route's first line of the feature's chained router
// (so the handler below keeps its place), then the request middleware, then the handler:
//
//   const TAGS = ['责任单位']
//   export const unitRoutes = new Hono<AppEnv>()
//     .post('/units', route({ tags: TAGS, summary: '添加责任单位', responses: { 201: unitResponse, errors: [403, 409] } }), body(createUnitBody), async (c) => {
//       const body = c.req.valid('json')
//       …
//     })
//
// A declaration too long for that line is named above the router (`const createUnit = route({…})`).
//
// - Request: `body(schema)` (JSON), `querystring(schema)`, `idParams('id')` (path ids; any
//   other name too) from worker/validate.ts; put them after route(...). Handlers
//   read `c.req.valid('json' | 'query' | 'param')`. A multipart or CSV body is declared with
//   `requestBody` here and read by the handler itself.
// - Success responses: `{ 200: schema }` (a zod schema written in the feature's *.schemas.ts,
//   exact: every field the handler sends, `.nullable()` where it sends null), `{ 204: null }`
//   for no body, `{ 200: binary(CSV, XLSX) }` for files.
//   A schema named with `.meta({ id: 'Unit' })` becomes components.schemas.Unit: name response
//   schemas only (a request schema reads differently, zod's input side). For ids and times in
//   responses use `uuid()`, `dateTime()`, `day()` below (shapes, not zod's stricter checks).
// - Errors: `errors: [404, 409]` lists what the handler and its service can throw. Added on
//   their own: 401 and 403 (password change) for signed-in routes (not `public: true`), 403
//   (cross-site) for writes, 400/413/415 for a JSON body, 400 for a query, 404 for an id in the
//   path, 503 (database busy) and 500 everywhere. All use the one envelope `apiError`.
// - Checked: the API suite validates every response it receives against the document with ajv
//   (test/support/contract.ts); a route not yet declared is listed there in PENDING, and
//   test/api/openapi.test.ts fails for an app route missing from the document.
import type { MiddlewareHandler } from 'hono'
import * as z from 'zod'

/** The key under which declarations ride on their middleware. */
export const OPENAPI = Symbol('openapi')

export const CSV = 'text/csv'
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const HTML = 'text/html'

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503

/** A file answered in one of these media types. */
export interface Binary {
  binary: string[]
  description?: string
}
export const binary = (...media: string[]): Binary => ({ binary: media })

/** What one status answers: a JSON schema, a file, null for no body, or one with a description. */
export type ResponseSpec = z.ZodType | Binary | null | { schema: z.ZodType | Binary | null; description: string }

export interface RouteSpec {
  tags: string[]
  summary: string
  description?: string
  /** Reachable without signing in (the auth gate's PUBLIC list in worker/auth/middleware.ts). */
  public?: boolean
  /** A body that is not JSON (multipart, CSV): its media types, each with a schema or a file. */
  requestBody?: { description?: string; content: Record<string, z.ZodType | Binary> }
  responses: { [status: number]: ResponseSpec } & { errors?: ErrorStatus[] }
}

/** What a request middleware of worker/validate.ts declares. */
export interface InputSpec {
  target: 'json' | 'query' | 'param'
  schema: z.ZodType
}

export type Declaration = { kind: 'route'; spec: RouteSpec } | ({ kind: 'input' } & InputSpec)

/** Marks a middleware with its declaration; the document reads it off `app.routes`. */
export function declare<M extends MiddlewareHandler>(middleware: M, declaration: Declaration): M {
  return Object.assign(middleware, { [OPENAPI]: declaration })
}

/** The route's documentation: a middleware that does nothing but carry it. */
export function route(spec: RouteSpec): MiddlewareHandler {
  return declare(async (_c, next) => {
    await next()
  }, { kind: 'route', spec })
}

/** Response fields: what the server writes, described for readers and checked by the document's users. */
export const uuid = () => z.string().meta({ format: 'uuid' })
export const dateTime = () => z.string().meta({ format: 'date-time' })
export const day = () => z.string().meta({ format: 'date' })

/** The contract's error envelope (worker/core/errors.ts, app.ts onError), one schema for every error. */
export const apiError = z
  .object({
    error: z.object({
      code: z.enum([
        'validation_failed',
        'bad_request',
        'unauthenticated',
        'invalid_credentials',
        'account_inactive',
        'password_change_required',
        'forbidden',
        'not_found',
        'conflict',
        'invalid_transition',
        'payload_too_large',
        'unsupported_media_type',
        'rate_limited',
        'unavailable',
        'internal',
      ]),
      message: z.string().meta({ description: '给人看的中文说明' }),
      fields: z.record(z.string(), z.string()).optional().meta({ description: '逐项的中文提示（validation_failed）' }),
      current: z.unknown().optional().meta({ description: '记录的最新内容（conflict、invalid_transition）' }),
      rows: z.unknown().optional().meta({ description: '逐行的问题（导入）' }),
    }),
  })
  .meta({ id: 'Error', description: '错误信封：每个错误都是这个形状' })

export const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: '请求有误（bad_request、validation_failed 附 fields）',
  401: '未登录或登录已失效（unauthenticated、invalid_credentials）',
  403: '无权操作、跨站请求被拦截、需先修改密码或账号已停用',
  404: '记录不存在或不在您的范围内',
  409: '记录已被他人修改或状态不允许（conflict、invalid_transition 附 current）',
  413: '提交的内容过大',
  415: '请以 JSON 格式提交',
  429: '尝试过于频繁，请稍后再试（附 Retry-After）',
  500: '服务器内部错误',
  503: '系统正忙（数据库维护中），请稍后重试（附 Retry-After）',
}
