// GET /openapi.json (public): the OpenAPI 3.1 document of this app, built on first request from
// the routes' own declarations and kept for the life of the app. GET /docs (public): the page
// that reads it, Swagger UI served from this origin (/api-docs/, put there by the web build).
import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../env'
import { binary, HTML, route } from './describe'

const TAGS = ['基础']
const openApiDocument = z.record(z.string(), z.unknown()).meta({ description: 'OpenAPI 3.1 文档' })

// Every asset is a file of this origin (the CSP allows no inline script or style, and no CDN).
const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>接口文档 · 承德市人大台账</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/api-docs/swagger-ui.css">
<link rel="stylesheet" href="/api-docs/docs.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api-docs/swagger-ui-bundle.js"></script>
<script src="/api-docs/init.js"></script>
</body>
</html>
`

export function openApiRoutes(app: Hono<AppEnv>) {
  let document: Promise<unknown> | null = null
  return new Hono<AppEnv>()
    .get('/openapi.json', route({ tags: TAGS, summary: '本接口的 OpenAPI 3.1 文档', public: true, responses: { 200: openApiDocument } }), async (c) => {
      // The generator is loaded only here, so it is not part of the worker's start.
      document ??= import('./document').then(({ buildDocument }) => buildDocument(app as unknown as Hono<never>))
      return c.json((await document) as object)
    })
    .get('/docs', route({ tags: TAGS, summary: '接口文档页面（读取 openapi.json）', public: true, responses: { 200: binary(HTML) } }), (c) => c.html(PAGE))
}
