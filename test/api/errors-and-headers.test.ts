import { describe, expect, it, vi } from 'vitest'
import { makeTestApp, errorOf, PASSWORD } from '../support/app'

describe('errors in the contract\'s envelope', () => {
  it('answers an unknown API path with a JSON 404 once signed in, and 401 before', async () => {
    const t = await makeTestApp()
    expect((await t.call('GET', '/api/v1/no-such-thing')).status).toBe(401)
    const { cookie } = await t.actor({ role: 'deputy' })
    const res = await t.call('GET', '/api/v1/no-such-thing', { cookie })
    expect(res.status).toBe(404)
    expect(await errorOf(res)).toEqual({ code: 'not_found', message: '接口不存在' })
  })

  it('answers malformed JSON with 400 bad_request, not 500', async () => {
    const t = await makeTestApp()
    const res = await t.call('POST', '/api/v1/auth/login', { body: '{"phone": "138', headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toEqual({ code: 'bad_request', message: '提交的内容不是有效的 JSON' })
  })

  it('answers a body that is not JSON with 415', async () => {
    const t = await makeTestApp()
    const res = await t.call('POST', '/api/v1/auth/login', { body: 'phone=1&password=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(res.status).toBe(415)
    expect((await errorOf(res)).code).toBe('unsupported_media_type')
  })

  it('answers a body over the size limit with 413', async () => {
    const t = await makeTestApp()
    const huge = JSON.stringify({ phone: '13800000001', password: 'x'.repeat(1_100_000) })
    const res = await t.call('POST', '/api/v1/auth/login', { body: huge })
    expect(res.status).toBe(413)
    expect((await errorOf(res)).code).toBe('payload_too_large')
  })

  it('answers an unexpected failure with a generic 500 that leaks no SQL or stack', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy' })
    await t.client.execute('drop table sessions')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await t.call('GET', '/api/v1/me', { cookie })
    expect(logged).toHaveBeenCalled()
    logged.mockRestore()
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: '服务器内部错误，请稍后再试' } })
    expect(text).not.toMatch(/sessions|SQLITE|at /)
  })
})

describe('cross-site request protection', () => {
  it('refuses a state-changing request from another origin', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    const res = await t.app.request('http://localhost/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', host: 'localhost' },
      body: JSON.stringify({ phone: u.phone, password: PASSWORD }),
    })
    expect(res.status).toBe(403)
    expect((await errorOf(res)).code).toBe('forbidden')
  })

  it('refuses a request the browser marks cross-site', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy' })
    const res = await t.call('POST', '/api/v1/auth/logout', { cookie, headers: { 'sec-fetch-site': 'cross-site' } })
    expect(res.status).toBe(403)
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(200)
  })

  it('accepts the same request from the app\'s own origin', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    const res = await t.app.request('http://localhost:8787/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:8787', host: 'localhost:8787', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ phone: u.phone, password: PASSWORD }),
    })
    expect(res.status).toBe(200)
  })
})

describe('security headers', () => {
  it('sends a CSP without inline script, and forbids framing, plugins and <base>', async () => {
    const t = await makeTestApp()
    const res = await t.call('GET', '/api/v1/health')
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('keeps signed-in answers out of shared caches', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy' })
    expect((await t.call('GET', '/api/v1/me', { cookie })).headers.get('cache-control')).toBe('no-store')
  })
})
