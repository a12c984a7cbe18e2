// The API's desk sections — accounts, activation codes, the roster, 五个一, statistics, deputy
// groups and the commendation — as one Hono app that app.ts loads on the first request no other
// route answered: a chunk of its own on Workers (worker/build/build.ts), so a cold isolate does not
// evaluate their schemas and rules to serve sign-in, the ledger, activities and photos, which make
// most requests from phones. Its routes are in the OpenAPI document (openapi/document.ts reads
// them from `lazyApi`), and each request runs behind the same middleware as every other: the
// variables app.ts set (database, config, files, the signed-in user) are handed over with it.
import { Hono, type Context, type Next } from 'hono'
import type { AppEnv } from './env'
import { routeOf } from './log'
import { userRoutes } from './users/users.routes'
import { activationRoutes } from './activation/activation.routes'
import { deputyRoutes } from './deputies/deputies.routes'
import { fiveOneRoutes } from './five-ones/five-ones.routes'
import { statsRoutes } from './stats/stats.routes'
import { groupRoutes } from './groups/groups.routes'
import { commendationRoutes } from './commendation/commendation.routes'

/** The outer request's variables, by the request object both apps see. */
const handedOver = new WeakMap<Request, AppEnv['Variables']>()
/** The route pattern that answered each request, for app.ts's request log. */
const answeredBy = new WeakMap<Request, string>()
/** Marks the answer for a path none of these routes has, so the outer app goes on to its 404. */
const MISS = 'x-lazy-api-miss'

export const lazyApi = new Hono<AppEnv>()
  .use('/api/v1/*', async (c, next) => {
    for (const [key, value] of Object.entries(handedOver.get(c.req.raw) ?? {})) c.set(key as keyof AppEnv['Variables'], value as never)
    // As app.ts says of every API answer.
    c.header('Cache-Control', 'no-store')
    try {
      await next()
    } finally {
      answeredBy.set(c.req.raw, routeOf(c))
    }
  })
  .route('/api/v1', userRoutes)
  .route('/api/v1', activationRoutes)
  .route('/api/v1', deputyRoutes)
  .route('/api/v1', fiveOneRoutes)
  .route('/api/v1', statsRoutes)
  .route('/api/v1', groupRoutes)
  .route('/api/v1', commendationRoutes)

lazyApi.notFound(() => new Response(null, { status: 404, headers: { [MISS]: '1' } }))
// Errors go back to app.ts, whose handler gives every error its Chinese answer.
lazyApi.onError((err) => {
  throw err
})

/** Serves a request under /api/v1 that app.ts's own routes did not answer, or passes it on. */
export async function serveLazily(c: Context<AppEnv>, next: Next): Promise<Response | void> {
  handedOver.set(c.req.raw, c.var)
  let ctx: ExecutionContext | undefined
  try {
    ctx = c.executionCtx
  } catch {
    // Node has no ExecutionContext.
  }
  let res: Response
  try {
    res = await lazyApi.fetch(c.req.raw, c.env, ctx)
  } finally {
    // Errors too: app.ts's handler logs them with the route that failed.
    const pattern = answeredBy.get(c.req.raw)
    if (pattern) c.set('routePattern', pattern)
  }
  if (res.headers.get(MISS)) return next()
  return res
}
