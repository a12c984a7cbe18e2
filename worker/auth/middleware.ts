// Loads the signed-in user from the session cookie, and the one gate that decides which API
// routes are public and which a user with a temporary password may still reach.
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'
import type { AppEnv } from '../env'
import { PasswordChangeRequired, Unauthenticated } from '../core/errors'
import { SESSION_COOKIE, userForToken, type SessionUser } from './sessions'

/** Routes anyone may call. */
const PUBLIC = new Set(['GET /api/v1/health', 'GET /api/v1/reference', 'POST /api/v1/auth/login', 'POST /api/v1/auth/activate', 'POST /api/v1/auth/logout', 'GET /api/v1/openapi.json', 'GET /api/v1/docs'])
/** Routes a user who must first change their password may still call. */
const BEFORE_PASSWORD_CHANGE = new Set(['GET /api/v1/me', 'POST /api/v1/me/password'])

export function sessionTimes(c: Context<AppEnv>) {
  return { idleMs: c.var.config.sessionIdleMs, maxMs: c.var.config.sessionMaxMs }
}

export const loadUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE)
  c.set('user', token ? await userForToken(c.var.db, token, sessionTimes(c)) : null)
  await next()
}

export const authGate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = `${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${c.req.path.replace(/\/+$/, '')}`
  if (!PUBLIC.has(key)) {
    const user = c.var.user
    if (!user) throw new Unauthenticated()
    if (user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(key)) throw new PasswordChangeRequired()
  }
  await next()
}

/** The signed-in user of a route behind the gate. */
export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.var.user
  if (!user) throw new Unauthenticated()
  return user
}

function isHttps(c: Context<AppEnv>): boolean {
  if (c.var.config.trustProxy) {
    const proto = c.req.header('x-forwarded-proto')
    if (proto) return proto.split(',')[0]!.trim() === 'https'
  }
  return new URL(c.req.url).protocol === 'https:'
}

export function sessionCookieOptions(c: Context<AppEnv>): CookieOptions {
  const mode = c.var.config.cookieSecure
  return {
    httpOnly: true,
    sameSite: 'Lax',
    secure: mode === 'always' || (mode === 'auto' && isHttps(c)),
    path: '/',
    maxAge: Math.floor(c.var.config.sessionMaxMs / 1000),
  }
}
