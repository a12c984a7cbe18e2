// Request logs: one structured record per request (and one per unhandled error), each carrying the
// request id that the response names in X-Request-Id. Records hold only what is safe to keep:
// never a body, a password, a token, a cookie or a phone number — the route pattern is logged,
// not the path, and the user by id.
import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes, routePath } from 'hono/route'
import type { AppEnv } from './env'

interface BaseRecord {
  time: string
  requestId: string
  method: string
  /** The route pattern that answered (`/api/v1/issues/:id`), never the path with its values. */
  route: string
}
export interface RequestRecord extends BaseRecord {
  level: 'info'
  msg: 'request'
  status: number
  ms: number
  userId: string | null
}
export interface ErrorRecord extends BaseRecord {
  level: 'error'
  msg: 'unhandled error'
  error: string
  stack?: string
}
export type LogRecord = RequestRecord | ErrorRecord
export type LogSink = (record: LogRecord) => void

/** Workers: console is the log; an object (not a string) keeps its fields searchable. */
export const consoleSink: LogSink = (record) => (record.level === 'error' ? console.error(record) : console.info(record))

/** Node: one JSON line per record, requests to `out`, errors to `err` (stdout/stderr). */
export function lineSink(out: { write(s: string): unknown }, err: { write(s: string): unknown } = out): LogSink {
  return (record) => (record.level === 'error' ? err : out).write(`${JSON.stringify(record)}\n`)
}

export const REQUEST_ID_HEADER = 'X-Request-Id'
/** An incoming id is kept only if it looks like one (nginx's $request_id, a UUID, …). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/

/** The pattern of the handler that answers (the first matched route that is not a middleware). */
export function routeOf(c: Context<AppEnv>): string {
  if (c.var.routePattern) return c.var.routePattern
  const endpoint = matchedRoutes(c).find((r) => r.handler.length < 2)
  return endpoint?.path ?? routePath(c)
}

/**
 * The first middleware: takes the proxy's request id when TRUST_PROXY says the proxy is ours,
 * else makes one; names it on the response, whatever the response (errors included); logs.
 */
export function requestLog(log: LogSink, trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now()
    const incoming = trustProxy ? c.req.header(REQUEST_ID_HEADER) : undefined
    const requestId = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID()
    c.set('requestId', requestId)
    await next()
    c.res.headers.set(REQUEST_ID_HEADER, requestId)
    log({
      time: new Date(started).toISOString(),
      level: 'info',
      msg: 'request',
      requestId,
      method: c.req.method,
      route: routeOf(c),
      status: c.res.status,
      ms: Date.now() - started,
      userId: c.var.user?.id ?? null,
    })
  }
}

/** The record of an error that became a 500: the request id ties it to its request line. */
export function logError(log: LogSink, c: Context<AppEnv>, err: unknown): void {
  log({
    time: new Date().toISOString(),
    level: 'error',
    msg: 'unhandled error',
    requestId: c.var.requestId ?? '',
    method: c.req.method,
    route: routeOf(c),
    error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    stack: err instanceof Error ? err.stack : undefined,
  })
}
