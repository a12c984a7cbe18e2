// The OpenAPI document and its reference page on Workers: the generator loads lazily (dynamic
// import) inside workerd too, and the page's files are static assets outside /api/.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkCompiled, fetchChecked } from './contract'

const ORIGIN = 'http://example.com'

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
})

describe('the OpenAPI document on Workers', () => {
  it('serves /api/v1/openapi.json without signing in', async () => {
    const res = await fetchChecked(`${ORIGIN}/api/v1/openapi.json`)
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths['/units']!).sort()).toEqual(['get', 'post'])
    expect(doc.paths['/deputies/import']).toHaveProperty('post')
  })

  it('serves the reference page, and every file it names is a static asset', async () => {
    const res = await fetchChecked(`${ORIGIN}/api/v1/docs`)
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

describe('answers checked against the document inside workerd', () => {
  it('passes what the document declares and fails a wrong body, an undeclared status or media type', async () => {
    const health = await fetchChecked(`${ORIGIN}/api/v1/health`)
    expect(health.status).toBe(200)
    const declared = await health.json()
    await expect(checkCompiled('GET', `${ORIGIN}/api/v1/health`, Response.json(declared))).resolves.toBeUndefined()
    await expect(checkCompiled('GET', `${ORIGIN}/api/v1/health`, Response.json({ ...(declared as object), status: 42 }))).rejects.toThrow(/does not match the OpenAPI document/)
    await expect(checkCompiled('GET', `${ORIGIN}/api/v1/health`, Response.json(declared, { status: 201 }))).rejects.toThrow(/status 201 is not declared/)
    await expect(checkCompiled('GET', `${ORIGIN}/api/v1/health`, new Response('ok', { headers: { 'content-type': 'text/plain' } }))).rejects.toThrow(/answered text\/plain/)
    await expect(checkCompiled('GET', `${ORIGIN}/api/v1/no-such-route`, Response.json({ error: 'no' }, { status: 404 }))).rejects.toThrow(/not the error envelope/)
  })
})
