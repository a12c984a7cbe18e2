import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../support/app'

type Doc = { openapi: string; info: { title: string; version: string }; servers: { url: string }[]; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { in: string; name: string }> } }

describe('the OpenAPI document', () => {
  it('is public JSON at /api/v1/openapi.json, built from the routes and their schemas', async () => {
    const t = await makeTestApp()
    const res = await t.call('GET', '/api/v1/openapi.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const doc = (await res.json()) as Doc
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(doc.servers).toEqual([{ url: '/api/v1' }])
    expect(doc.components.securitySchemes.session).toMatchObject({ in: 'cookie', name: 'npc_session' })
    expect(Object.keys(doc.paths['/units']!).sort()).toEqual(['get', 'post'])
    expect(Object.keys(doc.paths['/units']!.post!.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '415']))
    expect(doc.components.schemas.Unit).toMatchObject({ required: ['id', 'name', 'countyCode'] })
  })
})
