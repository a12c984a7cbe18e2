// The real Node server (worker/node.ts, started as its own process) under mixed large bodies on
// real keep-alive sockets: every request gets an HTTP answer, an oversized one a 413 in the
// envelope, including those answered before their body was read (401, 404, 415).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { prepareFile, startServer, type Running } from '../../bench/lib/server'

let server: Running
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-bodies-'))
  const file = join(dir, 'app.db')
  ;(await prepareFile(file)).close()
  server = await startServer(file)
}, 60_000)

afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

type Outcome = { status: number; body: string } | { error: string }

function post(agent: Agent, path: string, size: number, type: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(`${server.url}${path}`, { method: 'POST', agent, headers: { 'content-type': type, 'content-length': size } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
      res.on('error', (e) => resolve({ error: e.message }))
    })
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }))
    req.end(Buffer.alloc(size, 'a'))
  })
}

describe('large request bodies on the Node server', () => {
  it('answers every one of 400 mixed 10 B–1.2 MB POSTs at concurrency 8, with no socket closed', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 8 })
    const sizes = [10, 1_000, 50_000, 300_000, 600_000, 900_000, 1_200_000]
    const targets: [string, string][] = [
      ['/api/v1/auth/login', 'application/json'],
      ['/api/v1/issues', 'application/json'],
      ['/api/v1/deputies/import', 'text/csv'],
      ['/api/v1/auth/login', 'text/plain'],
    ]
    const jobs = Array.from({ length: 400 }, (_, i) => ({ size: sizes[i % sizes.length]!, target: targets[Math.floor(i / sizes.length) % targets.length]! }))
    const outcomes: { size: number; outcome: Outcome }[] = []
    let next = 0
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++]!
          outcomes.push({ size: job.size, outcome: await post(agent, job.target[0], job.size, job.target[1]) })
        }
      }),
    )
    agent.destroy()
    expect(outcomes.filter((o) => 'error' in o.outcome).map((o) => `${o.size}: ${(o.outcome as { error: string }).error}`)).toEqual([])
    for (const { size, outcome } of outcomes) {
      if (!('status' in outcome)) continue
      expect(outcome.status).toBeGreaterThanOrEqual(400)
      expect(outcome.status).toBeLessThan(500)
      if (size > 1024 * 1024) {
        expect(outcome.status).toBe(413)
        expect(JSON.parse(outcome.body)).toMatchObject({ error: { code: 'payload_too_large' } })
      }
    }
  }, 120_000)
})
