// Every response the API suite receives is checked against the OpenAPI document by ajv (JSON
// Schema 2020-12), not by the zod schemas the document was written from: a status the operation
// does not declare, or a body that does not match its declared schema, fails the test that got it.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { Hono } from 'hono'
import { buildDocument } from '../../worker/openapi/document'

/**
 * Routes of the app not declared in the document yet, as "METHOD /path" (the app's own paths,
 * under /api/v1). Temporary: the route-coverage test (test/api/openapi.test.ts) fails when one
 * of them IS declared, so the list shrinks to empty as the declarations land.
 */
export const PENDING = new Set<string>([
])

type Operation = { responses: Record<string, { content?: Record<string, unknown> }> }
export type OpenApiDocument = ReturnType<typeof buildDocument>

interface Contract {
  document: OpenApiDocument
  /** Finds the operation of a request path, as the router would: fixed segments before {params}. */
  match(method: string, path: string): { template: string; operation: Operation } | null
  validator(template: string, method: string, status: string): ValidateFunction
  errorValidator: ValidateFunction
}

let contract: Contract | null = null

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')

function load(app: Hono<never>): Contract {
  const document = buildDocument(app)
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  // The whole document is one schema resource, so its #/components/schemas/… references resolve.
  ajv.addSchema(document, 'openapi.json')
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    fixed: template.split('/').filter((s) => !s.startsWith('{')).length,
    re: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
  }))
  templates.sort((a, b) => b.fixed - a.fixed)
  const validators = new Map<string, ValidateFunction>()
  return {
    document,
    match(method, path) {
      for (const t of templates) {
        const operation = (document.paths[t.template] as Record<string, Operation>)[method.toLowerCase()]
        if (operation && t.re.test(path)) return { template: t.template, operation }
      }
      return null
    },
    validator(template, method, status) {
      const ref = `openapi.json#/${pointer('paths', template, method.toLowerCase(), 'responses', status, 'content', 'application/json', 'schema')}`
      let v = validators.get(ref)
      if (!v) validators.set(ref, (v = ajv.compile({ $ref: ref })))
      return v
    },
    errorValidator: ajv.compile({ $ref: 'openapi.json#/components/schemas/Error' }),
  }
}

/** The document and its validators, built once from the first app (every app has the same routes). */
export function contractOf(app: Hono<never>): Contract {
  return (contract ??= load(app))
}

/** The app's route (":id" form) that a request path reaches, if it is one of the pending ones. */
function pendingRoute(app: Hono<never>, method: string, path: string): string | null {
  for (const r of app.routes) {
    if (r.method !== method || !r.path.startsWith('/api/v1/')) continue
    const route = r.path.slice('/api/v1'.length)
    if (!PENDING.has(`${method} ${route}`)) continue
    if (new RegExp(`^${route.replace(/:[^/]+/g, '[^/]+').replace(/\./g, '\\.')}$`).test(path)) return route
  }
  return null
}

/** Throws, naming method, path, status and ajv's errors, when `res` is not what the document says. */
export async function checkResponse(app: Hono<never>, method: string, url: string, res: Response): Promise<void> {
  const { pathname } = new URL(url, 'http://localhost')
  if (!pathname.startsWith('/api/v1/')) return
  const path = pathname.slice('/api/v1'.length).replace(/\/+$/, '') || '/'
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase()
  const c = contractOf(app)
  const type = res.headers.get('content-type') ?? ''
  const where = `${method} ${pathname} → ${res.status}`
  const found = c.match(verb, path)
  if (!found) {
    if (pendingRoute(app, verb, path)) return
    // No such operation: the app answers with its error envelope (unknown route, or the gate).
    if (res.status < 400) throw new Error(`${where}: the OpenAPI document has no operation ${verb} ${path}`)
    if (!/^application\/json/.test(type)) throw new Error(`${where}: an error answered as ${type || 'no content type'}, not the JSON envelope`)
    const body: unknown = await res.clone().json()
    if (!c.errorValidator(body)) throw new Error(`${where}: not the error envelope: ${JSON.stringify(c.errorValidator.errors)}`)
    return
  }
  const declared = found.operation.responses[String(res.status)]
  if (!declared) {
    throw new Error(`${where}: status ${res.status} is not declared for ${verb} ${found.template} (declared: ${Object.keys(found.operation.responses).join(', ')})`)
  }
  const media = Object.keys(declared.content ?? {})
  if (media.length === 0) {
    if ((await res.clone().arrayBuffer()).byteLength > 0) throw new Error(`${where}: declared without a body, but answered one (${type})`)
    return
  }
  if (!media.some((m) => type.startsWith(m))) throw new Error(`${where}: answered ${type || 'no content type'}, declared ${media.join(', ')}`)
  if (!media.includes('application/json') || method.toUpperCase() === 'HEAD') return
  const body: unknown = await res.clone().json()
  const validate = c.validator(found.template, verb, String(res.status))
  if (!validate(body)) {
    throw new Error(`${where}: the body does not match the OpenAPI document (${verb} ${found.template} ${res.status}): ${JSON.stringify(validate.errors, null, 1)}`)
  }
}
