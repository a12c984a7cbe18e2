// The client address as the real Node server sees it: the app served by @hono/node-server on a
// loopback socket, as worker/node.ts serves it, so the address comes from getConnInfo.
import { afterEach, describe, expect, it } from 'vitest'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { makeTestApp, PASSWORD, type TestApp } from '../support/app'

let server: ServerType | undefined

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

async function listen(t: TestApp): Promise<string> {
  return new Promise((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`))
  })
}

async function signIn(url: string, phone: string, password: string, forwardedFor: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ phone, password }),
  })
  await res.body?.cancel()
  return res.status
}

async function throttleKeys(t: TestApp, phone: string) {
  const rows = await t.client.execute({ sql: 'select key from sign_in_throttle where key like ?', args: [`pair:${phone}@%`] })
  return rows.rows.map((r) => String(r.key))
}

describe('the client address on the Node server', () => {
  it('is the socket’s address; a forged X-Forwarded-For neither escapes the throttle nor is recorded', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    const url = await listen(t)
    for (let i = 0; i < 5; i++) expect(await signIn(url, u.phone, 'bad-password1', `10.0.0.${i}`)).toBe(401)
    expect(await signIn(url, u.phone, PASSWORD, '10.0.0.99')).toBe(429)
    expect(await throttleKeys(t, u.phone)).toEqual([`pair:${u.phone}@127.0.0.1`])
  })

  it('with TRUST_PROXY=true is the rightmost X-Forwarded-For entry', async () => {
    const t = await makeTestApp({ TRUST_PROXY: 'true' })
    const u = await t.makeUser({ role: 'deputy' })
    const url = await listen(t)
    expect(await signIn(url, u.phone, 'bad-password1', '203.0.113.5, 198.51.100.66')).toBe(401)
    expect(await throttleKeys(t, u.phone)).toEqual([`pair:${u.phone}@198.51.100.66`])
  })
})
