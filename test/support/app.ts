// Test harness for the API suite: a fresh migrated in-memory libSQL database per call, the real
// app over it, domain builders (makeUnit, makeUser) and a small request helper with cookies.
// Every response the app gives a test is checked against the OpenAPI document (./contract.ts).
import { createApp } from '../../worker/app'
import { fromLibsql, type Db } from '../../worker/db/client'
import { migrateLibsql } from '../../worker/db/migrate'
import { openEmbedded } from '../../worker/db/open-node'
import { seedReference } from '../../worker/db/seed/reference'
import { parseConfig, type Config } from '../../worker/env'
import { units, users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import type { DeputyLevel, Role } from '../../worker/core/taxonomy'
import type { LogRecord, LogSink } from '../../worker/log'
import { checkResponse } from './contract'
import { dirStore } from '../../worker/files/dir-store'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const PASSWORD = 'test-pass-2022'
export const PINGQUAN = '130881'
export const LONGHUA = '130825'

// Hashing is deliberately slow; tests reuse one hash per password.
const hashCache = new Map<string, Promise<string>>()
function cachedHash(password: string) {
  let h = hashCache.get(password)
  if (!h) hashCache.set(password, (h = hashPassword(password)))
  return h
}

export interface TestUserInput {
  role: Role
  countyCode?: string | null
  unitId?: string
  level?: DeputyLevel
  name?: string
  phone?: string
  password?: string | null
  mustChangePassword?: boolean
  group?: string
  createdAt?: string
}

let phoneSeq = 0
function nextPhone() {
  phoneSeq++
  return `137${String(phoneSeq).padStart(8, '0')}`
}

export async function makeTestApp(env: Record<string, string> = {}) {
  // The same embedded client as the Node server (statement cache, group commit), so the suite
  // runs what production runs.
  const client = openEmbedded(':memory:')
  await migrateLibsql(client)
  const db: Db = fromLibsql(client)
  await seedReference(db)
  const config: Config = parseConfig(env)
  // Every log record is kept for the tests to read; errors are also shown, as they were before.
  const logs: LogRecord[] = []
  const log: LogSink = (record) => {
    logs.push(record)
    if (record.level === 'error') console.error(record)
  }
  // Photos go to a directory of this app's own, made on the first upload.
  const filesDir = join(tmpdir(), `npc-files-${crypto.randomUUID()}`)
  const app = createApp({ db, config, log, files: dirStore(filesDir) })
  // Whatever a test asks the app (through call() or app.request directly) must be what the
  // document promises for that operation and status.
  const request = app.request.bind(app)
  app.request = (async (input: RequestInfo | URL, init?: RequestInit, ...rest: unknown[]) => {
    const res = await request(input, init, ...(rest as []))
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
    const url = input instanceof Request ? input.url : String(input)
    await checkResponse(app as never, method, url, res)
    return res
  }) as typeof app.request

  async function makeUnit(countyCode = PINGQUAN, name = `测试单位${crypto.randomUUID().slice(0, 6)}`) {
    const [row] = await db.insert(units).values({ id: crypto.randomUUID(), countyCode, name, createdAt: new Date().toISOString() }).returning()
    return row!
  }

  async function makeUser(input: TestUserInput) {
    const now = input.createdAt ?? new Date().toISOString()
    let unitId = input.unitId ?? null
    if (input.role === 'unit' && !unitId) unitId = (await makeUnit(input.countyCode ?? PINGQUAN)).id
    const password = input.password === undefined ? PASSWORD : input.password
    const [row] = await db
      .insert(users)
      .values({
        id: crypto.randomUUID(),
        name: input.name ?? `测试${input.role}`,
        phone: input.phone ?? nextPhone(),
        role: input.role,
        countyCode: input.role === 'city_staff' ? (input.countyCode ?? null) : (input.countyCode ?? PINGQUAN),
        unitId,
        level: input.role === 'deputy' ? (input.level ?? 'county') : (input.level ?? null),
        deputyGroup: input.group ?? null,
        passwordHash: password === null ? null : await cachedHash(password),
        mustChangePassword: input.mustChangePassword ?? false,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    return row!
  }

  /**
   * Any request; `cookie` is a session cookie from signIn. It comes from the client address
   * `address` (TEST_ADDRESS unless given), handed over as the Node server does: as the socket of
   * the incoming request in the env.
   */
  async function call(
    method: string,
    path: string,
    opts: { cookie?: string; body?: unknown; headers?: Record<string, string>; address?: string } = {},
  ) {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.cookie) headers.cookie = opts.cookie
    let body: string | undefined
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)
      headers['content-type'] ??= 'application/json'
    }
    return app.request(path, { method, headers, body }, nodeServerEnv(opts.address ?? TEST_ADDRESS))
  }

  /** Signs in and answers the cookie to send with later requests. */
  async function signIn(phone: string, password = PASSWORD) {
    const res = await call('POST', '/api/v1/auth/login', { body: { phone, password } })
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
    return cookieFrom(res)
  }

  /** Makes a user and signs them in. */
  async function actor(input: TestUserInput) {
    const user = await makeUser(input)
    return { user, cookie: await signIn(user.phone, input.password ?? PASSWORD) }
  }

  return { app, db, client, config, logs, filesDir, makeUnit, makeUser, call, signIn, actor }
}

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>

/** The client address of test requests that name none. */
export const TEST_ADDRESS = '192.0.2.10'

/** The env @hono/node-server gives the app for a request from `address` (its socket). */
export function nodeServerEnv(address: string) {
  return { incoming: { socket: { remoteAddress: address, remotePort: 50000, remoteFamily: address.includes(':') ? 'IPv6' : 'IPv4' } } } as Record<string, unknown>
}

export function cookieFrom(res: Response): string {
  const set = res.headers.get('set-cookie')
  if (!set) throw new Error('no set-cookie header')
  return set.split(';')[0]!
}

export async function errorOf(res: Response): Promise<{ code: string; message: string; fields?: Record<string, string>; current?: unknown }> {
  const body = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }
  return body.error
}
