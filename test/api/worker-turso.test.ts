// The built worker (dist/worker) without a D1 binding, in workerd through Miniflare: it loads the
// libSQL client, a chunk of its own that a D1 deployment never loads, and talks to DATABASE_URL
// with DATABASE_AUTH_TOKEN. The server here only records what reaches it and refuses it, so the
// app answers with its own error envelope (a chunk that failed to load would leave workerd's
// bare 500 instead).
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { WORKER_OUT } from '../../worker/build/build'

const seen: { method: string; url: string; auth: string | undefined }[] = []
const server = createServer((req: IncomingMessage, res) => {
  seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization })
  req.resume()
  res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable')
})
let mf: Miniflare

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  mf = new Miniflare({
    modules: true,
    scriptPath: `${WORKER_OUT}/index.js`,
    modulesRoot: WORKER_OUT,
    modulesRules: [{ type: 'ESModule', include: ['**/*.js'] }],
    compatibilityDate: '2026-04-01',
    bindings: { DATABASE_URL: `http://127.0.0.1:${port}`, DATABASE_AUTH_TOKEN: 'turso-token' },
  })
  await mf.ready
}, 60_000)

afterAll(async () => {
  await mf?.dispose()
  server.close()
})

it('loads the libSQL client when there is no D1 binding and sends its queries to DATABASE_URL', async () => {
  const res = await mf.dispatchFetch('http://example.com/api/v1/reference')
  const body = (await res.json()) as { error?: { code: string; message: string } }
  expect(res.status).toBeGreaterThanOrEqual(500)
  expect(body.error?.message).toMatch(/[\u4e00-\u9fff]/)
  expect(seen.length).toBeGreaterThan(0)
  expect(seen[0]).toMatchObject({ method: 'POST', url: expect.stringMatching(/^\/v\d\/pipeline$/), auth: 'Bearer turso-token' })
}, 60_000)
