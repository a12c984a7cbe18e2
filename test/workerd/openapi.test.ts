// The OpenAPI document and its reference page on Workers: the generator loads lazily (dynamic
// import) inside workerd too, and the page's files are static assets outside /api/.
import { env, SELF, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'

const ORIGIN = 'http://example.com'

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
})

describe('the OpenAPI document on Workers', () => {
  it('serves /api/v1/openapi.json without signing in', async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/v1/openapi.json`)
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths['/units']!).sort()).toEqual(['get', 'post'])
    expect(doc.paths['/deputies/import']).toHaveProperty('post')
  })

  it('serves the reference page, and every file it names is a static asset', async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/v1/docs`)
    expect(res.status).toBe(200)
    const html = await res.text()
    const assets = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!)
    expect(assets).toContain('/api-docs/swagger-ui-bundle.js')
    for (const url of assets) {
      const asset = await env.ASSETS.fetch(`${ORIGIN}${url}`)
      expect(asset.status, url).toBe(200)
    }
  })
})
