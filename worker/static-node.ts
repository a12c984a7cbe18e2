// Node only: serves the built web (web/dist) beside the API with the caching rules of
// static-rules.ts, the same as Workers static assets with web/public/_headers.
import { existsSync, readFileSync } from 'node:fs'
import type { Context, Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import type { AppEnv } from './env'
import { cacheControlFor, contentTypeFor, isScreenPath, NOT_FOUND_CACHE, REVALIDATE } from './static-rules'

/** Adds the web's files and the single-page fallback to `app`; false when `root` holds no build. */
export function serveWeb(app: Hono<AppEnv>, root: string): boolean {
  if (!existsSync(`${root}/index.html`)) return false
  const index = readFileSync(`${root}/index.html`, 'utf8')
  const notFound = (c: Context) => {
    c.header('Cache-Control', NOT_FOUND_CACHE)
    return c.text('Not Found', 404)
  }
  // _headers is the Workers assets header file, not a file to serve.
  app.get('/_headers', notFound)
  const files = serveStatic({ root })
  app.get('*', async (c, next) => {
    const res = await files(c, next)
    // A file was found (otherwise the fallback below answered): set its caching and type.
    if (res instanceof Response) {
      res.headers.set('Cache-Control', cacheControlFor(c.req.path))
      const type = contentTypeFor(c.req.path)
      if (type) res.headers.set('Content-Type', type)
    }
    return res
  })
  app.get('*', (c) => {
    if (!isScreenPath(c.req.path)) return notFound(c)
    c.header('Cache-Control', REVALIDATE)
    return c.html(index)
  })
  return true
}
