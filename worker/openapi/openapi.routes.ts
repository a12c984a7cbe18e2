// GET /openapi.json (public): the OpenAPI 3.1 document of this app, built on first request from
// the routes' own declarations and kept for the life of the app.
import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../env'
import { route } from './describe'

const openApiDocument = z.record(z.string(), z.unknown()).meta({ description: 'OpenAPI 3.1 文档' })

export function openApiRoutes(app: Hono<AppEnv>) {
  let document: Promise<unknown> | null = null
  return new Hono<AppEnv>().get(
    '/openapi.json',
    route({ tags: ['基础'], summary: '本接口的 OpenAPI 3.1 文档', public: true, responses: { 200: openApiDocument } }),
    async (c) => {
      // The generator is loaded only here, so it is not part of the worker's start.
      document ??= import('./document').then(({ buildDocument }) => buildDocument(app as unknown as Hono<never>))
      return c.json((await document) as object)
    },
  )
}
