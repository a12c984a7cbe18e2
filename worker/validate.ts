// The one wrapper between raw input and typed values: reads a JSON body or a query string,
// checks it with zod, and throws the contract's errors (415, 400 bad_request, 400
// validation_failed with a Chinese message per field). Handlers never see unvalidated input.
import type { Context, MiddlewareHandler } from 'hono'
import * as z from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.js'
import { AppError, BadRequest, NotFound, ValidationFailed } from './core/errors'
import { recordId } from './core/schemas'
import type { AppEnv } from './env'
import { declare } from './openapi/describe'

// Fallback messages in Chinese for any rule a schema did not word itself.
z.config(zhCN())

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_'
    fields[key] ??= issue.message
  }
  return fields
}

export function check<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value)
  if (!result.success) {
    const fields = fieldsOf(result.error)
    const first = Object.values(fields)[0]
    throw new ValidationFailed(fields, first ? `提交的内容有误：${first}` : undefined)
  }
  return result.data
}

export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError(415, 'unsupported_media_type', '请以 JSON 格式提交（Content-Type: application/json）')
  }
  let raw: unknown
  try {
    raw = JSON.parse(await c.req.text())
  } catch {
    throw new BadRequest('提交的内容不是有效的 JSON')
  }
  return check(schema, raw)
}

const pathId = recordId()

/** A record id from the path, in canonical (lower) case; anything that is not an id is not found. */
export function idParam(c: Context, name = 'id'): string {
  const result = pathId.safeParse(c.req.param(name))
  if (!result.success) throw new NotFound()
  return result.data
}

export function query<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return check(schema, c.req.query())
}

// Route middleware: each validates one part of the request as the functions above do (same
// errors), hands the typed value to the handler as `c.req.valid(target)`, and declares its
// schema for the OpenAPI document (worker/openapi/describe.ts).

type Validated<T extends 'json' | 'query' | 'param', S extends z.ZodType> = {
  in: { [K in T]: z.input<S> }
  out: { [K in T]: z.output<S> }
}

/** The JSON body: 415 when not JSON, 400 bad_request when unreadable, 400 validation_failed per field. */
export function body<S extends z.ZodType>(schema: S): MiddlewareHandler<AppEnv, string, Validated<'json', S>> {
  return declare<MiddlewareHandler<AppEnv, string, Validated<'json', S>>>(
    async (c, next) => {
      c.req.addValidatedData('json', (await jsonBody(c, schema)) as object)
      await next()
    },
    { kind: 'input', target: 'json', schema },
  )
}

/** The query string: 400 validation_failed per field. */
export function querystring<S extends z.ZodType>(schema: S): MiddlewareHandler<AppEnv, string, Validated<'query', S>> {
  return declare<MiddlewareHandler<AppEnv, string, Validated<'query', S>>>(
    async (c, next) => {
      c.req.addValidatedData('query', query(c, schema) as object)
      await next()
    },
    { kind: 'input', target: 'query', schema },
  )
}

/** Path parameters that are record ids: anything that is not an id is not found (404). */
export function idParams<N extends string>(...names: N[]) {
  const schema = z.object(Object.fromEntries(names.map((n) => [n, pathId])) as Record<N, typeof pathId>)
  return declare<MiddlewareHandler<AppEnv, string, Validated<'param', typeof schema>>>(
    async (c, next) => {
      c.req.addValidatedData('param', Object.fromEntries(names.map((n) => [n, idParam(c, n)])))
      await next()
    },
    { kind: 'input', target: 'param', schema },
  )
}
