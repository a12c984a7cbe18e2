// Behind a real proxy: nginx terminates TLS (a self-signed certificate made here) in front of the
// Node server started with TRUST_PROXY=true, both configured from the examples in
// docs/operations.md. Sign-in gets a Secure cookie, the Origin check takes the proxied host and
// refuses another, forged X-Forwarded-* headers do not get through, and nginx's request id is
// the one the server logs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../worker/db/open-node'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { seedReference } from '../../worker/db/seed/reference'
import { freePort, startServer, type ServerProcess } from '../support/server'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const HOST = 'ledger.test'
const PHONE = '13912345670'
const PASSWORD = 'proxy-pass-2026'
/**
 * The address the test's requests come from: not 127.0.0.1, which is where nginx connects to the
 * server from, so that the client's address (X-Forwarded-For) and the proxy's (the server's
 * socket) differ.
 */
const CLIENT_ADDRESS = '127.0.0.3'

let dir = ''
let ca = ''
let proxyPort = 0
let serverPort = 0
let server: ServerProcess
let nginx: ChildProcess | undefined
let nginxLog = ''

/** The fenced block of a language in docs/operations.md (there is one of each). */
function docBlock(lang: string): string {
  const doc = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8')
  const m = doc.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'))
  if (!m) throw new Error(`docs/operations.md has no \`\`\`${lang} block`)
  return m[1]!
}

/** Replaces one exact string of the documented config, failing if the document no longer has it. */
function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the documented config no longer contains "${from}"`)
  return text.replace(from, to)
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  if (r.error) throw new Error(`${cmd} is not available (${r.error.message}); install it: apt-get install -y nginx-light openssl`)
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`)
  return r
}

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One HTTPS request through nginx, as a browser on https://ledger.test:<port> would send it. */
function viaProxy(method: string, path: string, headers: Record<string, string> = {}, body?: unknown, from = CLIENT_ADDRESS): Promise<Answer> {
  const data = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: proxyPort,
        localAddress: from,
        servername: HOST,
        ca,
        method,
        path,
        headers: { host: `${HOST}:${proxyPort}`, ...(data ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

const ORIGIN = () => `https://${HOST}:${proxyPort}`
const signIn = (headers: Record<string, string> = {}) => viaProxy('POST', '/api/v1/auth/login', { origin: ORIGIN(), ...headers }, { phone: PHONE, password: PASSWORD })
const setCookie = (a: Answer) => [a.headers['set-cookie'] ?? []].flat().join('\n')

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chengde-proxy-'))
  run('nginx', ['-v'])
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${HOST}`,
    '-addext', `subjectAltName=DNS:${HOST}`, '-keyout', join(dir, 'ledger.key'), '-out', join(dir, 'ledger.crt')])
  ca = readFileSync(join(dir, 'ledger.crt'), 'utf8')

  // The server as the documented systemd unit runs it, on a free port and a fresh database.
  const env: Record<string, string> = {}
  for (const [, name, value] of docBlock('ini').matchAll(/^Environment=([A-Z_]+)=(.*)$/gm)) env[name!] = value!
  expect(env).toMatchObject({ TRUST_PROXY: 'true', HOST: '127.0.0.1' })
  serverPort = await freePort()
  const url = `file:${join(dir, 'app.db')}`
  const { client, db } = await openNodeDatabase(url)
  await seedReference(db)
  const now = new Date().toISOString()
  await db.insert(users).values({
    id: crypto.randomUUID(), name: '代理测试', phone: PHONE, role: 'county_staff', countyCode: '130881',
    passwordHash: await hashPassword(PASSWORD), mustChangePassword: false, createdAt: now, updatedAt: now,
  })
  client.close()
  server = startServer({ ...env, PORT: String(serverPort), DATABASE_URL: url })
  await server.waitFor(/running at /)

  // nginx with the documented server block, on a free port, everything in the temporary folder.
  proxyPort = await freePort()
  let site = docBlock('nginx')
  site = replaceOnce(site, 'listen 443 ssl;', `listen 127.0.0.1:${proxyPort} ssl;`)
  site = replaceOnce(site, 'server_name ledger.example.gov.cn;', `server_name ${HOST};`)
  site = replaceOnce(site, '/etc/nginx/tls/ledger.crt', join(dir, 'ledger.crt'))
  site = replaceOnce(site, '/etc/nginx/tls/ledger.key', join(dir, 'ledger.key'))
  site = replaceOnce(site, `http://127.0.0.1:${env.PORT}`, `http://127.0.0.1:${serverPort}`)
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, t)};`).join('\n')
  writeFileSync(join(dir, 'nginx.conf'), [
    // Run as root, workers would become nobody and could not use the 0700 temporary folder.
    process.getuid?.() === 0 ? 'user root;' : '',
    'daemon off;', 'worker_processes 1;', `pid ${join(dir, 'nginx.pid')};`, `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 64; }',
    `http {\n  access_log ${join(dir, 'access.log')};\n${temp}\n${site}\n}`,
  ].join('\n'))
  run('nginx', ['-t', '-q', '-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'nginx.conf')])
  nginx = spawn('nginx', ['-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] })
  nginx.stderr!.on('data', (chunk: Buffer) => (nginxLog += chunk.toString()))
  const deadline = Date.now() + 30_000
  for (;;) {
    const ok = await viaProxy('GET', '/api/v1/health').then((a) => a.status === 200, () => false)
    if (ok) break
    if (nginx.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not answer:\n${nginxLog}\n${readFileSync(join(dir, 'error.log'), 'utf8')}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
})

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once('exit', resolve))
    nginx.kill('SIGQUIT')
    await exited
  }
  await server?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('the Node server behind nginx with TLS', () => {
  it('gives a sign-in a Secure, HttpOnly cookie that then works through the proxy', async () => {
    const res = await signIn()
    expect(res.status).toBe(200)
    expect(setCookie(res)).toMatch(/^npc_session=[^;]+;.*\bHttpOnly\b/)
    expect(setCookie(res)).toMatch(/;\s*Secure\b/)
    const cookie = setCookie(res).split(';')[0]!
    const me = await viaProxy('GET', '/api/v1/me', { cookie })
    expect(me.status).toBe(200)
    expect(JSON.parse(me.body).user.phone).toBe(PHONE)
  })

  it('keeps the cookie Secure when the client claims plain http, and plain over http without the proxy', async () => {
    const forged = await signIn({ 'x-forwarded-proto': 'http' })
    expect(forged.status).toBe(200)
    expect(setCookie(forged)).toMatch(/;\s*Secure\b/)

    const direct = await fetch(`http://127.0.0.1:${serverPort}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${serverPort}` },
      body: JSON.stringify({ phone: PHONE, password: PASSWORD }),
    })
    expect(direct.status).toBe(200)
    expect(direct.headers.get('set-cookie')).not.toMatch(/Secure/)
  })

  it('passes the Origin check for the proxied host and refuses another, even with a forged X-Forwarded-Host', async () => {
    const cookie = setCookie(await signIn()).split(';')[0]!
    const others: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }, { origin: `https://${HOST}` }]
    for (const headers of others) {
      const refused = await viaProxy('POST', '/api/v1/auth/logout', { cookie, ...headers })
      expect(refused.status).toBe(403)
      expect(JSON.parse(refused.body).error.code).toBe('forbidden')
    }
    expect((await viaProxy('GET', '/api/v1/me', { cookie })).status).toBe(200)
    expect((await viaProxy('POST', '/api/v1/auth/logout', { cookie, origin: ORIGIN() })).status).toBe(204)
    expect((await viaProxy('GET', '/api/v1/me', { cookie })).status).toBe(401)
  })

  it("answers with nginx's request id, which is the one in the server's log line", async () => {
    const res = await viaProxy('GET', '/api/v1/reference', { 'x-request-id': 'forged-by-the-client-0001' })
    expect(res.status).toBe(200)
    const id = res.headers['x-request-id']
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    const [line] = await server.waitFor(new RegExp(`^\\{.*"requestId":"${id}".*\\}$`, 'm'))
    expect(JSON.parse(line)).toMatchObject({ method: 'GET', route: '/api/v1/reference', status: 200, userId: null })
    // nginx saw the client at CLIENT_ADDRESS, the address it appends to X-Forwarded-For. nginx
    // writes its access line once the answer is sent, so the line may come a moment later.
    const seen = /^127\.0\.0\.3 .*"GET \/api\/v1\/reference /m
    for (let i = 0; i < 100 && !seen.test(readFileSync(join(dir, 'access.log'), 'utf8')); i++) await new Promise((r) => setTimeout(r, 50))
    expect(readFileSync(join(dir, 'access.log'), 'utf8')).toMatch(seen)
  })

  it('throttles the real client address behind nginx, whatever X-Forwarded-For the client forges', async () => {
    // Requests come from CLIENT_ADDRESS (127.0.0.3) while nginx reaches the server from
    // 127.0.0.1; with TRUST_PROXY=true the throttle takes the rightmost X-Forwarded-For entry,
    // the one nginx appends. A client rotating forged entries to the left stays one address.
    const wrong = (i: number, from = CLIENT_ADDRESS) =>
      viaProxy('POST', '/api/v1/auth/login', { origin: ORIGIN(), 'x-forwarded-for': `198.51.100.${i}` }, { phone: PHONE, password: 'wrong-pass-1' }, from)
    const statuses: number[] = []
    for (let i = 1; i <= 6; i++) statuses.push((await wrong(i)).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    // Even the right password from that address waits now…
    expect((await signIn()).status).toBe(429)
    // …while the owner on another client address signs in.
    const owner = await viaProxy('POST', '/api/v1/auth/login', { origin: ORIGIN() }, { phone: PHONE, password: PASSWORD }, '127.0.0.4')
    expect(owner.status).toBe(200)
  })
})
