// The app's typed environment: Workers bindings, per-request variables, and the config parsed
// once from plain strings (env vars on Node, vars/secrets on Workers). Bad config fails loudly.
import type { Db } from './db/client'
import type { SessionUser } from './auth/sessions'
import type { FileStore } from './files/store'

export interface Bindings {
  DB?: D1Database
  /** The R2 bucket photos are kept in (wrangler.toml). */
  FILES?: R2Bucket
  ASSETS?: Fetcher
  DATABASE_URL?: string
  DATABASE_AUTH_TOKEN?: string
  COOKIE_SECURE?: string
  TRUST_PROXY?: string
  SESSION_IDLE_HOURS?: string
  SESSION_MAX_DAYS?: string
  DEMO_DATA?: string
}

export interface AppVariables {
  db: Db
  config: Config
  user: SessionUser | null
  /** The store of uploaded files; null when the runtime was given none. */
  files: FileStore | null
  /** The id of this request, as X-Request-Id names it (worker/log.ts). */
  requestId: string
  /** The route pattern that answered, when a section loaded on first use did (worker/api-lazy.ts). */
  routePattern?: string
}

export type AppEnv = { Bindings: Bindings; Variables: AppVariables }

export interface Config {
  /** 'auto' marks the cookie Secure when the request came over https. */
  cookieSecure: 'auto' | 'always' | 'never'
  /** Believe X-Forwarded-Proto (set only behind a reverse proxy that sets it). */
  trustProxy: boolean
  sessionIdleMs: number
  sessionMaxMs: number
  /** Largest request body accepted, in bytes. */
  bodyLimit: number
  /** Load the demo data set into an empty database (never on a deployment unless asked). */
  demoData: boolean
}

export class ConfigError extends Error {}

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`配置项 ${name} 必须是正数，现为 "${raw}"`)
  return n
}

function flag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false
  if (raw === '1' || raw === 'true') return true
  throw new ConfigError(`配置项 ${name} 只能是 true/false，现为 "${raw}"`)
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const secure = env.COOKIE_SECURE ?? 'auto'
  if (secure !== 'auto' && secure !== 'always' && secure !== 'never') {
    throw new ConfigError(`配置项 COOKIE_SECURE 只能是 auto/always/never，现为 "${secure}"`)
  }
  return {
    cookieSecure: secure,
    trustProxy: flag('TRUST_PROXY', env.TRUST_PROXY),
    sessionIdleMs: positive('SESSION_IDLE_HOURS', env.SESSION_IDLE_HOURS, 7 * 24) * 3600_000,
    sessionMaxMs: positive('SESSION_MAX_DAYS', env.SESSION_MAX_DAYS, 30) * 86400_000,
    bodyLimit: 1024 * 1024,
    demoData: flag('DEMO_DATA', env.DEMO_DATA),
  }
}
