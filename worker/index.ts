// Workers entry: picks the database (the D1 binding DB when bound, else libSQL/Turso over HTTP)
// and hands it to createApp, once per isolate. Static assets are served by Workers itself; what
// none of them matches gets the single-page fallback of static-workers.ts. The Turso client is
// loaded only when there is no D1 binding, so a D1 deployment never starts it.
import { createApp, type App } from './app'
import { fromD1, fromLibsql, type Db } from './db/client'
import { parseConfig, ConfigError, type Bindings } from './env'
import { webFallback } from './static-workers'
import { r2Store } from './files/r2-store'

async function openDb(env: Bindings): Promise<Db> {
  if (env.DB) return fromD1(env.DB)
  if (env.DATABASE_URL) {
    const { createClient } = await import('@libsql/client/web')
    return fromLibsql(createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }))
  }
  throw new ConfigError('没有可用的数据库：请绑定 D1 数据库 DB，或设置 DATABASE_URL 与 DATABASE_AUTH_TOKEN')
}

async function start(env: Bindings): Promise<App> {
  return createApp({ db: await openDb(env), config: parseConfig(env as Record<string, string | undefined>), files: env.FILES ? r2Store(env.FILES) : undefined })
}

let app: Promise<App> | undefined

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    // Only what no static asset matched reaches here besides /api/*.
    if (env.ASSETS && !new URL(request.url).pathname.startsWith('/api/')) return webFallback(request, env.ASSETS)
    // A start that failed (no database, a bad variable) is tried again by the next request.
    app ??= start(env).catch((e: unknown) => {
      app = undefined
      throw e
    })
    return app.then((a) => a.fetch(request, env, ctx))
  },
} satisfies ExportedHandler<Bindings>
