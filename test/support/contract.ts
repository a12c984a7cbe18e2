// Every response the API suite receives is checked against the OpenAPI document by ajv (JSON
// Schema 2020-12), not by the zod schemas the document was written from: a status the operation
// does not declare, or a body that does not match its declared schema, fails the test that got it.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { Hono } from 'hono'
import { buildDocument } from '../../worker/openapi/document'
import { checkAgainst, pointer, templatesOf, type CheckedContract } from './contract-check'

/**
 * Routes of the app not declared in the document yet, as "METHOD /path" (the app's own paths,
 * under /api/v1). Temporary: the route-coverage test (test/api/openapi.test.ts) fails when one
 * of them IS declared, so the list shrinks to empty as the declarations land.
 */
export const PENDING = new Set<string>([
])

type Operation = { responses: Record<string, { content?: Record<string, unknown> }> }
export type OpenApiDocument = ReturnType<typeof buildDocument>

interface Contract extends CheckedContract {
  document: OpenApiDocument
}

let contract: Contract | null = null

function load(app: Hono<never>): Contract {
  const document = buildDocument(app)
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  // The whole document is one schema resource, so its #/components/schemas/… references resolve.
  ajv.addSchema(document, 'openapi.json')
  const templates = templatesOf(Object.keys(document.paths))
  const validators = new Map<string, ValidateFunction>()
  return {
    document,
    match(method, path) {
      for (const t of templates) {
        const operation = (document.paths[t.template] as Record<string, Operation>)[method.toLowerCase()]
        if (operation && t.re.test(path)) {
          const responses = Object.fromEntries(Object.entries(operation.responses).map(([status, r]) => [status, { media: Object.keys(r.content ?? {}) }]))
          return { template: t.template, responses }
        }
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
    pending: (method, path) => pendingRoute(app, method, path) !== null,
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
export function checkResponse(app: Hono<never>, method: string, url: string, res: Response): Promise<void> {
  return checkAgainst(contractOf(app), method, url, res)
}
