// Builds the OpenAPI 3.1 document by walking the app's routes: each route's declaration
// (describe.ts) and request schemas (validate.ts) are read off its middleware, and zod's own
// toJSONSchema writes them as JSON Schema 2020-12 (requests as zod reads them, responses as the
// server writes them). Loaded only by GET /api/v1/openapi.json (dynamic import), so the writer is
// not part of the worker's start.
import type { Hono, MiddlewareHandler } from 'hono'
import { findTargetHandler } from 'hono/utils/handler'
import * as z from 'zod'
import { APP_VERSION } from '../core/version'
import { lazyApi } from '../api-lazy'
import { SESSION_COOKIE } from '../auth/sessions'
import { apiError, ERROR_DESCRIPTIONS, OPENAPI, type Binary, type Declaration, type ErrorStatus, type InputSpec, type ResponseSpec, type RouteSpec } from './describe'

type Json = Record<string, unknown>

export const TAGS: { name: string; description: string }[] = [
  { name: '基础', description: '运行状态、参考目录与本文档' },
  { name: '登录与账号', description: '登录、退出、当前用户、修改密码' },
  { name: '开通', description: '开通码与首次登录' },
  { name: '账号管理', description: '工作人员管理各类账号' },
  { name: '责任单位', description: '各县（市、区）的责任单位' },
  { name: '代表名册', description: '人大代表名册与导入' },
  { name: '问题清单', description: '"5+2" 联动监督问题台账' },
  { name: '履职活动', description: '代表履职活动的填报与审核' },
  { name: '五个一', description: '"五个一" 活动' },
  { name: '统计', description: '统计与报表' },
  { name: '照片', description: '问题与履职活动的照片佐证' },
  { name: '代表小组', description: '各县（市、区）每年度的代表小组与领域覆盖' },
]

const PREFIX = '/api/v1'
const isBinary = (s: unknown): s is Binary => typeof s === 'object' && s !== null && 'binary' in s
const isZod = (s: unknown): s is z.ZodType => typeof s === 'object' && s !== null && '_zod' in s
const FILE = { type: 'string', format: 'binary' }

/** The document under construction: named schemas (`.meta({ id })`) become components. */
class Builder {
  readonly components: Record<string, Json> = {}

  schema(schema: z.ZodType, io: 'input' | 'output'): Json {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json
    delete json.$schema
    const defs = (json.$defs ?? {}) as Record<string, Json>
    delete json.$defs
    for (const [id, def] of Object.entries(defs)) this.components[id] = relink(def)
    return relink(json)
  }

  content(schema: z.ZodType | Binary | null, io: 'input' | 'output') {
    if (schema === null) return undefined
    if (isBinary(schema)) return Object.fromEntries(schema.binary.map((m) => [m, { schema: FILE }]))
    return { 'application/json': { schema: this.schema(schema, io) } }
  }

  response(spec: ResponseSpec, fallback: string) {
    const inner = spec !== null && !isZod(spec) && !isBinary(spec) ? spec : { schema: spec, description: fallback }
    return { description: inner.description, content: this.content(inner.schema, 'output') }
  }

  parameters(input: InputSpec) {
    const json = this.schema(input.schema, 'input')
    const required = new Set((json.required ?? []) as string[])
    return Object.entries((json.properties ?? {}) as Record<string, Json>).map(([name, schema]) => {
      const { description, ...rest } = schema
      return {
        in: input.target === 'param' ? 'path' : 'query',
        name,
        ...(input.target === 'param' || required.has(name) ? { required: true } : {}),
        ...(typeof description === 'string' ? { description } : {}),
        schema: rest,
      }
    })
  }
}

/** zod names its definitions #/$defs/…; in the document they live under components. */
const relink = (json: Json): Json => JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json

/** The errors every route of this kind can answer, beside the ones it names. */
function errorsOf(spec: RouteSpec, method: string, inputs: InputSpec[]): ErrorStatus[] {
  const errors = new Set<ErrorStatus>(spec.responses.errors ?? [])
  const targets = new Set(inputs.map((i) => i.target))
  if (!spec.public) errors.add(401).add(403)
  if (method !== 'GET') errors.add(403).add(413)
  if (targets.has('json')) errors.add(400).add(415)
  if (targets.has('query')) errors.add(400)
  if (targets.has('param')) errors.add(404)
  errors.add(500).add(503)
  return [...errors].sort((a, b) => a - b)
}

function operation(b: Builder, method: string, path: string, spec: RouteSpec, inputs: InputSpec[]) {
  const responses: Record<string, unknown> = {}
  for (const [status, r] of Object.entries(spec.responses)) {
    if (status !== 'errors') responses[status] = b.response(r as ResponseSpec, status === '204' ? '无内容' : '成功')
  }
  // A status the route declares itself (GET /health's 503) keeps its own schema.
  for (const status of errorsOf(spec, method, inputs)) {
    responses[status] ??= { description: ERROR_DESCRIPTIONS[status], content: b.content(apiError, 'output') }
  }
  const json = inputs.find((i) => i.target === 'json')
  const requestBody = json
    ? { required: true, content: b.content(json.schema, 'input') }
    : spec.requestBody && {
        required: true,
        description: spec.requestBody.description,
        content: Object.fromEntries(
          Object.entries(spec.requestBody.content).map(([media, s]) => [media, { schema: isBinary(s) ? FILE : b.schema(s, 'input') }]),
        ),
      }
  const parameters = inputs.filter((i) => i.target !== 'json').flatMap((i) => b.parameters(i))
  return {
    operationId: operationId(method, path),
    tags: spec.tags,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  }
}

/** `/users/:id/end` → `/users/{id}/end` (a `:name{regex}` keeps its name). */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?\??/g, '{$1}')

const operationId = (method: string, path: string) =>
  method.toLowerCase() +
  path
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith('{') ? `By-${s.slice(1, -1)}` : s))
    .join('-')
    .replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))
    .replace(/^./, (ch) => ch.toUpperCase())

const declarationOf = (handler: unknown): Declaration | undefined =>
  (findTargetHandler(handler as MiddlewareHandler) as unknown as Record<symbol, Declaration | undefined>)[OPENAPI]

export function buildDocument(app: Hono<never>) {
  const routes = new Map<string, { method: string; path: string; spec?: RouteSpec; inputs: InputSpec[] }>()
  // The app's own routes, then those it loads on first use (worker/api-lazy.ts).
  for (const r of [...app.routes, ...lazyApi.routes]) {
    const d = declarationOf(r.handler)
    if (!d || r.method === 'ALL' || !r.path.startsWith(`${PREFIX}/`)) continue
    const key = `${r.method} ${r.path}`
    const entry = routes.get(key) ?? { method: r.method, path: r.path, inputs: [] }
    if (d.kind === 'route') entry.spec = d.spec
    else entry.inputs.push({ target: d.target, schema: d.schema })
    routes.set(key, entry)
  }
  const b = new Builder()
  const paths: Record<string, Record<string, unknown>> = {}
  for (const { method, path, spec, inputs } of routes.values()) {
    // A route is in the document when it says what it answers; inputs alone do not make one.
    if (!spec) continue
    const p = openApiPath(path.slice(PREFIX.length))
    ;(paths[p] ??= {})[method.toLowerCase()] = operation(b, method, p, spec, inputs)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '承德市人大 "5+2" 联动监督与代表展风采台账系统 接口',
      version: APP_VERSION,
      description: '所有接口在 /api/v1 之下。请求与应答均为 JSON（导入、导出另注）；错误一律为 `{ error: { code, message, fields?, current?, rows? } }`。',
    },
    servers: [{ url: PREFIX }],
    tags: TAGS,
    security: [{ session: [] }],
    paths,
    components: {
      schemas: b.components,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: '登录（POST /auth/login）后由服务器设置的会话 Cookie（HttpOnly）' },
      },
    },
  }
}
