// The Workers entry logs through console: one record per request with the same fields as on
// Node, and X-Request-Id on every answer. Console is the Workers log, so it is what is watched.
import { applyD1Migrations, env } from 'cloudflare:test'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { fetchChecked } from './contract'

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('request logs on Workers', () => {
  it('names each answer with X-Request-Id and logs its record through console', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    const ok = await fetchChecked('http://example.com/api/v1/health')
    const refused = await fetchChecked('http://example.com/api/v1/me')
    expect([ok.status, refused.status]).toEqual([200, 401])
    const records = info.mock.calls.map(([r]) => r as Record<string, unknown>)
    expect(records).toEqual([
      expect.objectContaining({ level: 'info', msg: 'request', method: 'GET', route: '/api/v1/health', status: 200, userId: null, requestId: ok.headers.get('x-request-id') }),
      expect.objectContaining({ route: '/api/v1/me', status: 401, requestId: refused.headers.get('x-request-id') }),
    ])
    for (const r of records) expect(Object.keys(r).sort()).toEqual(['level', 'method', 'ms', 'msg', 'requestId', 'route', 'status', 'time', 'userId'])
    expect(ok.headers.get('x-request-id')).not.toBe(refused.headers.get('x-request-id'))
  })
})
