import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import SwaggerParser from '@apidevtools/swagger-parser'
import { makeTestApp } from '../support/app'
import { PENDING } from '../support/contract'
import { serveWeb } from '../../worker/static-node'
import { lazyApi } from '../../worker/api-lazy'

type Doc = {
  openapi: string
  info: { title: string; version: string }
  servers: { url: string }[]
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { in: string; name: string }> }
}

async function documentOf() {
  const t = await makeTestApp()
  const res = await t.call('GET', '/api/v1/openapi.json')
  expect(res.status).toBe(200)
  return { t, res, doc: (await res.json()) as Doc }
}

/** The app's own routes under /api/v1 as "METHOD /path" (":id" form): handlers, not middleware or the catch-all. */
function appRoutes(routes: { method: string; path: string }[]): Set<string> {
  const out = new Set<string>()
  for (const r of routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/v1/') || r.path.includes('*')) continue
    out.add(`${r.method} ${r.path.slice('/api/v1'.length)}`)
  }
  return out
}

const asTemplate = (route: string) => route.replace(/:([A-Za-z0-9_]+)/g, '{$1}')

describe('the OpenAPI document', () => {
  it('is public JSON at /api/v1/openapi.json, built from the routes and their schemas', async () => {
    const { res, doc } = await documentOf()
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(doc.servers).toEqual([{ url: '/api/v1' }])
    expect(doc.components.securitySchemes.session).toMatchObject({ in: 'cookie', name: 'npc_session' })
    expect(Object.keys(doc.paths['/units']!).sort()).toEqual(['get', 'post'])
    expect(Object.keys(doc.paths['/units']!.post!.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '415']))
    expect(Object.keys(doc.paths['/units/{id}']!)).toEqual(['patch'])
    expect(Object.keys(doc.paths['/units/{id}']!.patch!.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']))
    expect(doc.components.schemas.Unit).toMatchObject({ required: ['id', 'name', 'countyCode', 'version'] })
  })

  it('passes an independent OpenAPI 3.1 validator (@apidevtools/swagger-parser)', async () => {
    const { doc } = await documentOf()
    // The parser dereferences in place; it checks the document against the OpenAPI 3.1 schema and its $refs.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy()
  })

  it('names every route of the app, and no route the app lacks', async () => {
    const { t, doc } = await documentOf()
    // With the sections the app loads on first use (worker/api-lazy.ts).
    const app = appRoutes([...t.app.routes, ...lazyApi.routes])
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)))
    const missing = [...app].filter((r) => !documented.has(`${r.split(' ')[0]} ${asTemplate(r.split(' ')[1]!)}`) && !PENDING.has(r))
    const extra = [...documented].filter((d) => ![...app].some((r) => `${r.split(' ')[0]} ${asTemplate(r.split(' ')[1]!)}` === d))
    expect(missing, 'app routes missing from the document').toEqual([])
    expect(extra, 'operations of the document the app does not have').toEqual([])
    // PENDING (test/support/contract.ts) holds only routes that exist and are not declared yet:
    // once one is declared it must leave the list, so the list ends empty.
    const declaredPending = [...PENDING].filter((r) => documented.has(`${r.split(' ')[0]} ${asTemplate(r.split(' ')[1]!)}`))
    expect(declaredPending, 'declared now: remove from PENDING').toEqual([])
    expect([...PENDING].filter((r) => !app.has(r)), 'PENDING names a route the app lacks').toEqual([])
  })
})

describe('the workerd suite', () => {
  it('asks the worker through fetchChecked, so each answer there is checked against the document too', () => {
    const dir = join(import.meta.dirname, '../workerd')
    const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts'))
    expect(files.length).toBeGreaterThan(5)
    const direct = files.filter((f) => /\bSELF\s*\.\s*fetch\b/.test(readFileSync(join(dir, f), 'utf8')))
    expect(direct).toEqual([])
  })
})

describe('the API reference page', () => {
  it('is HTML at /api/v1/docs whose scripts and styles are all files of this origin, each served', async () => {
    const t = await makeTestApp()
    // The built web (npm test builds it first), served beside the API as the Node server does.
    expect(serveWeb(t.app, 'web/dist')).toBe(true)
    const res = await t.call('GET', '/api/v1/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await res.text()
    // No inline script or style for the CSP to refuse.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
    expect(html).not.toMatch(/<style|\sstyle=/)
    const assets = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!)
    expect(assets).toEqual(expect.arrayContaining(['/api-docs/swagger-ui-bundle.js', '/api-docs/init.js', '/api-docs/swagger-ui.css']))
    for (const url of assets) {
      expect(url, url).toMatch(/^\/(?!\/)/)
      const asset = await t.app.request(url)
      expect(asset.status, url).toBe(200)
      expect(asset.headers.get('content-type'), url).toMatch(url.endsWith('.js') ? /javascript/ : url.endsWith('.svg') ? /^image\/svg/ : /^text\/css/)
      expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(100)
    }
    // The page reads the document from this origin too.
    expect(await (await t.app.request('/api-docs/init.js')).text()).toContain("url: '/api/v1/openapi.json'")
  })
})
