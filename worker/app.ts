// createApp(): the one Hono app both runtimes serve. It takes its database and config from the
// caller, wires the middleware (request id and log, headers, CSRF, body limit, session, the auth
// gate), mounts each feature's router under /api/v1, and turns every thrown error into the
// contract's envelope.
import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv, Config } from './env'
import type { Db } from './db/client'
import { AppError, Forbidden, NotFound, RateLimited, Unavailable, type ErrorCode } from './core/errors'
import { isDatabaseBusy } from './db/busy'
import { authGate, loadUser } from './auth/middleware'
import { authRoutes } from './auth/auth.routes'
import { referenceRoutes } from './reference/reference.routes'
import { issueRoutes } from './issues/issues.routes'
import { unitRoutes } from './units/units.routes'
import { activityRoutes } from './activities/activities.routes'
import { openApiRoutes } from './openapi/openapi.routes'
import { photoHeaders, photoRoutes } from './photos/photos.routes'
import { isImageUpload } from './photos/upload'
import type { FileStore } from './files/store'
import { settingsRoutes } from './settings/settings.routes'
import { meRoutes } from './me/me.routes'
import { prepareDatabase } from './db/prepare'
import { consoleSink, logError, requestLog, type LogSink } from './log'

export interface AppDeps {
  db: Db
  config: Config
  /** Where request and error records go (worker/log.ts); console when not given. */
  log?: LogSink
  /** Where uploaded photos are kept (worker/files/): R2 on Workers, a directory on Node. */
  files?: FileStore
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** CSP for every response; the built web has no inline script or style. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

function requestHost(c: Context<AppEnv>): string {
  const forwarded = c.var.config.trustProxy ? c.req.header('x-forwarded-host') : undefined
  return forwarded?.split(',')[0]?.trim() || c.req.header('host') || new URL(c.req.url).host
}

/**
 * CSRF: a browser always sends Origin (and Sec-Fetch-Site) with a state-changing request, so one
 * from another site is refused. Clients that send neither are not browsers and carry no
 * ambient cookie risk. JSON-only bodies (415 otherwise) close the form-post route as well.
 */
function csrfCheck(c: Context<AppEnv>): void {
  if (SAFE_METHODS.has(c.req.method)) return
  const origin = c.req.header('origin')
  if (origin) {
    let host: string | null = null
    try {
      host = new URL(origin).host
    } catch {
      host = null
    }
    if (host !== requestHost(c)) throw new Forbidden('请求来源不被允许，已拦截跨站请求')
    return
  }
  if (c.req.header('sec-fetch-site') === 'cross-site') throw new Forbidden('请求来源不被允许，已拦截跨站请求')
}

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
}

export function createApp({ db, config, log = consoleSink, files }: AppDeps) {
  const app = new Hono<AppEnv>()
  let ready: Promise<void> | null = null

  app.use('*', requestLog(log, config.trustProxy))
  app.use('/api/v1/photos/*', photoHeaders)
  app.use('*', secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, referrerPolicy: 'same-origin' }))

  app.use('/api/*', async (c, next) => {
    c.set('db', db)
    c.set('config', config)
    c.set('files', files ?? null)
    c.header('Cache-Control', 'no-store')
    csrfCheck(c)
    // Reference data (and, when asked, demo data) is in place before the first request is served.
    ready ??= prepareDatabase(db, config).catch((e: unknown) => {
      ready = null
      throw e
    })
    await ready
    await next()
  })
  const limitBody = bodyLimit({
    maxSize: config.bodyLimit,
    onError: () => {
      throw new AppError(413, 'payload_too_large', `提交的内容过大（上限 ${Math.round(config.bodyLimit / 1024)} KB）`)
    },
  })
  // A photo's bytes have their own, larger cap (worker/photos/upload.ts).
  app.use('/api/*', (c, next) => (isImageUpload(c.req.method, c.req.path) ? next() : limitBody(c, next)))
  app.use('/api/v1/*', loadUser, authGate)

  app.route('/api/v1', referenceRoutes)
  app.route('/api/v1', authRoutes)
  app.route('/api/v1', issueRoutes)
  app.route('/api/v1', unitRoutes)
  app.route('/api/v1', activityRoutes)
  app.route('/api/v1', photoRoutes)
  app.route('/api/v1', settingsRoutes)
  app.route('/api/v1', meRoutes)
  app.route('/api/v1', openApiRoutes(app))
  // Accounts, activation codes, the roster, 五个一, statistics, groups and the commendation load
  // on the first request that reaches them (worker/api-lazy.ts), after every route above.
  app.all('/api/v1/*', async (c, next) => (await import('./api-lazy')).serveLazily(c, next))

  app.all('/api/*', () => {
    throw new NotFound('接口不存在')
  })

  app.onError((thrown, c) => {
    const err = isDatabaseBusy(thrown) ? new Unavailable() : thrown
    if (err instanceof AppError) {
      if (err instanceof RateLimited || err instanceof Unavailable) c.header('Retry-After', String(err.retryAfterSeconds))
      return c.json({ error: { code: err.code, message: err.message, ...err.extra } }, err.status)
    }
    if (err instanceof HTTPException && HTTP_CODES[err.status]) {
      return c.json({ error: { code: HTTP_CODES[err.status], message: '请求无法处理' } }, err.status)
    }
    logError(log, c, err)
    return c.json({ error: { code: 'internal', message: '服务器内部错误，请稍后再试' } }, 500)
  })

  return app
}

export type App = ReturnType<typeof createApp>
