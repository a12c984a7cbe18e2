// The Node server as a process: demo data stays on loopback unless HOST says otherwise, the start
// line names the address really bound, `--demo` lists only the demo accounts that really sign in,
// each request is one JSON line on stdout, and a port in use stops the start before the database
// is touched.
import { mkdtempSync, existsSync, rmSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { openNodeDatabase } from '../../worker/db/open-node'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../worker/db/seed/demo'
import { freePort, startServer, type ServerProcess } from '../support/server'

const TIMEOUT = 180_000
const running: ServerProcess[] = []
const dirs: string[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()))
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chengde-node-'))
  dirs.push(dir)
  return dir
}

async function start(env: Record<string, string>, args = ['--demo']) {
  const server = startServer(env, args)
  running.push(server)
  await server.waitFor(/running at /)
  return server
}

/** Whether anything accepts a TCP connection there (127.0.0.2 is loopback too, but not 127.0.0.1). */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

async function signInStatus(port: number, phone: string, password: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  })
  return res.status
}

describe('npm start with demo data', () => {
  it('binds loopback only, says so, lists the demo accounts and logs each request as a JSON line', { timeout: TIMEOUT }, async () => {
    const port = await freePort()
    const url = `file:${join(tempDir(), 'app.db')}`
    const server = await start({ PORT: String(port), DATABASE_URL: url })
    await server.waitFor(/13800000006/)
    expect(server.stdout()).toContain(`running at http://127.0.0.1:${port}  (database: ${url})`)
    for (const a of DEMO_ACCOUNTS) expect(server.stdout()).toContain(a.phone)
    expect(await accepts('127.0.0.1', port)).toBe(true)
    expect(await accepts('127.0.0.2', port)).toBe(false)

    const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`)
    expect(res.status).toBe(200)
    const requestId = res.headers.get('x-request-id')!
    const [line] = await server.waitFor(new RegExp(`^\\{.*"requestId":"${requestId}".*\\}$`, 'm'))
    expect(JSON.parse(line)).toEqual({
      time: expect.any(String),
      level: 'info',
      msg: 'request',
      requestId,
      method: 'GET',
      route: '/api/v1/health',
      status: 200,
      ms: expect.any(Number),
      userId: null,
    })
  })

  it('binds every interface when HOST says so, and lists only the demo accounts that still sign in with the demo password', { timeout: TIMEOUT }, async () => {
    const port = await freePort()
    const url = `file:${join(tempDir(), 'app.db')}`
    const first = await start({ PORT: String(port), DATABASE_URL: url })
    await first.waitFor(/13800000006/)
    await first.stop()
    const { client, db } = await openNodeDatabase(url)
    await db.update(users).set({ passwordHash: await hashPassword('changed-2026') }).where(eq(users.phone, '13800000002'))
    client.close()

    const server = await start({ PORT: String(port), DATABASE_URL: url, HOST: '0.0.0.0' })
    await server.waitFor(/13800000006.*\n.*其余 1 个演示账号/)
    expect(server.stdout()).toContain(`running at http://0.0.0.0:${port}  — on every network interface of this machine`)
    expect(await accepts('127.0.0.2', port)).toBe(true)
    const listed = DEMO_ACCOUNTS.filter((a) => server.stdout().includes(a.phone)).map((a) => a.phone)
    expect(listed).toEqual(['13800000001', '13800000003', '13800000004', '13800000005', '13800000006'])
    expect(await signInStatus(port, '13800000002', DEMO_PASSWORD)).toBe(401)
  })

  it('on a database that already has accounts, loads no demo data and says no demo account signs in', { timeout: TIMEOUT }, async () => {
    const port = await freePort()
    const url = `file:${join(tempDir(), 'app.db')}`
    const { client, db } = await openNodeDatabase(url)
    const now = new Date().toISOString()
    await db.insert(users).values({
      id: crypto.randomUUID(), name: '管理员', phone: '13912340000', role: 'city_staff', countyCode: null,
      passwordHash: await hashPassword('admin-pass-2026'), mustChangePassword: false, createdAt: now, updatedAt: now,
    })
    client.close()

    const server = await start({ PORT: String(port), DATABASE_URL: url })
    await server.waitFor(/此数据库已有账号，未载入演示数据/)
    for (const a of DEMO_ACCOUNTS) expect(server.stdout()).not.toContain(a.phone)
    expect(server.stdout()).not.toContain(DEMO_PASSWORD)
    expect(await signInStatus(port, '13800000001', DEMO_PASSWORD)).toBe(401)
  })
})

describe('a port in use', () => {
  it('stops the start with one clear line and a non-zero exit, before the database is created', { timeout: TIMEOUT }, async () => {
    const holder = createServer()
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve))
    const { port } = holder.address() as { port: number }
    const dir = join(tempDir(), 'not-yet')
    try {
      const server = startServer({ PORT: String(port), DATABASE_URL: `file:${join(dir, 'app.db')}` }, ['--demo'])
      running.push(server)
      expect(await server.exited).toBe(1)
      const lines = server.stderr().trim().split('\n')
      expect(lines).toEqual([`端口 ${port} 已被占用（127.0.0.1:${port}），服务未启动：请停止占用它的程序，或用 PORT 另选端口。Port ${port} is already in use (127.0.0.1:${port}); the server did not start: stop what holds it or choose another PORT.`])
      expect(server.stdout()).not.toContain('running at')
      expect(existsSync(dir)).toBe(false)
    } finally {
      await new Promise((resolve) => holder.close(resolve))
    }
  })
})
