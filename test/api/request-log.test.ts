// Request logs and X-Request-Id: every answer names its request, every request leaves one record
// with the route pattern, status, time taken and user, and no record holds a phone, a password,
// a token, a cookie or a body.
import { describe, expect, it, vi } from 'vitest'
import { makeTestApp, cookieFrom, PASSWORD } from '../support/app'
import type { ErrorRecord, RequestRecord } from '../../worker/log'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function requestLines(logs: { level: string }[]): RequestRecord[] {
  return logs.filter((r): r is RequestRecord => r.level === 'info')
}

describe('X-Request-Id', () => {
  it('names every answer, success, 4xx and 500 alike, each with its own id', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy' })
    const answers = [
      await t.call('GET', '/api/v1/health'),
      await t.call('GET', '/api/v1/me', { cookie }),
      await t.call('GET', '/api/v1/me'),
      await t.call('GET', '/api/v1/no-such-thing', { cookie }),
      await t.call('POST', '/api/v1/auth/login', { body: '{"phone":', headers: { 'content-type': 'application/json' } }),
    ]
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 404, 400])
    await t.client.execute('drop table sessions')
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failed = await t.call('GET', '/api/v1/me', { cookie })
    quiet.mockRestore()
    expect(failed.status).toBe(500)
    answers.push(failed)
    const ids = answers.map((r) => r.headers.get('x-request-id'))
    for (const id of ids) expect(id).toMatch(UUID)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('ignores an incoming id unless TRUST_PROXY is set, and then takes only a sane one', async () => {
    const direct = await makeTestApp()
    const res = await direct.call('GET', '/api/v1/health', { headers: { 'x-request-id': 'proxy-id-0123456789' } })
    expect(res.headers.get('x-request-id')).toMatch(UUID)

    const proxied = await makeTestApp({ TRUST_PROXY: 'true' })
    const kept = await proxied.call('GET', '/api/v1/health', { headers: { 'x-request-id': 'proxy-id-0123456789' } })
    expect(kept.headers.get('x-request-id')).toBe('proxy-id-0123456789')
    for (const bad of ['short', 'x'.repeat(129), 'has space in it', 'semi;colon-0123456', '{"json":true}']) {
      const answer = await proxied.call('GET', '/api/v1/health', { headers: { 'x-request-id': bad } })
      expect(answer.headers.get('x-request-id')).toMatch(UUID)
    }
  })
})

describe('the request log', () => {
  it('writes one record per request with the route pattern, status, time taken and user', async () => {
    const t = await makeTestApp()
    const { user, cookie } = await t.actor({ role: 'county_staff' })
    t.logs.length = 0
    const id = crypto.randomUUID()
    const res = await t.call('GET', `/api/v1/issues/${id}`, { cookie })
    expect(res.status).toBe(404)
    await t.call('GET', '/api/v1/me')

    const [found, anonymous, ...rest] = requestLines(t.logs)
    expect(rest).toEqual([])
    expect(found).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'info',
      msg: 'request',
      requestId: res.headers.get('x-request-id'),
      method: 'GET',
      route: '/api/v1/issues/:id',
      status: 404,
      ms: expect.any(Number),
      userId: user.id,
    })
    expect(JSON.stringify(found)).not.toContain(id)
    expect(anonymous).toMatchObject({ route: '/api/v1/me', status: 401, userId: null })
  })

  it('never holds a phone, a password, a token, a cookie or a body', async () => {
    const t = await makeTestApp()
    const { user, cookie } = await t.actor({ role: 'county_staff' })
    const login = await t.call('POST', '/api/v1/auth/login', { body: { phone: user.phone, password: PASSWORD } })
    const token = decodeURIComponent(cookieFrom(login).split('=')[1]!)
    await t.call('POST', '/api/v1/auth/login', { body: { phone: user.phone, password: 'wrong-pass-99' } })
    await t.call('POST', '/api/v1/me/password', { cookie, body: { currentPassword: PASSWORD, newPassword: 'new-secret-2026' } })
    const deputy = await t.call('POST', '/api/v1/deputies', {
      cookie,
      body: { name: '记录测试', phone: '13912345678', level: 'county', countyCode: '130881' },
    })
    expect(deputy.status).toBe(201)
    await t.call('GET', `/api/v1/deputies?q=${user.phone}`, { cookie })

    const lines = requestLines(t.logs)
    expect(lines.map((r) => r.route)).toEqual(['/api/v1/auth/login', '/api/v1/auth/login', '/api/v1/auth/login', '/api/v1/me/password', '/api/v1/deputies', '/api/v1/deputies'])
    const text = JSON.stringify(t.logs)
    for (const secret of [user.phone, '13912345678', PASSWORD, 'wrong-pass-99', 'new-secret-2026', token, cookie, '记录测试', 'npc_session']) {
      expect(text).not.toContain(secret)
    }
  })

  it('logs an unhandled error once, with the request id of its 500 and no trace of it in the answer', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy' })
    await t.client.execute('drop table sessions')
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await t.call('GET', '/api/v1/me', { cookie })
    quiet.mockRestore()
    const requestId = res.headers.get('x-request-id')
    const errors = t.logs.filter((r): r is ErrorRecord => r.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ msg: 'unhandled error', requestId, method: 'GET', route: '/api/v1/me' })
    expect(errors[0]!.error).toMatch(/sessions/)
    expect(requestLines(t.logs).at(-1)).toMatchObject({ requestId, status: 500 })
    expect(await res.text()).not.toMatch(/sessions|SQLITE|at /)
  })
})
