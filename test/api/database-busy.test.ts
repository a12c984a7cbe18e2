// Another process holding the database (an admin command, a backup) never freezes the Node
// server: its writes wait off the event loop, and one that cannot get the database in time is
// answered 503 with Retry-After, never 500.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'libsql'
import { afterEach, describe, expect, it } from 'vitest'
import { openEmbedded } from '../../worker/db/open-node'
import type { EmbeddedClient } from '../../worker/db/embedded'
import { migrateLibsql } from '../../worker/db/migrate'
import { fromLibsql } from '../../worker/db/client'
import { seedReference } from '../../worker/db/seed/reference'
import { createApp } from '../../worker/app'
import { parseConfig } from '../../worker/env'
import { users } from '../../worker/db/schema'
import { createSession } from '../../worker/auth/sessions'
import { issueBody } from '../support/issues'
import { PINGQUAN } from '../support/app'

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f()
})

function tempFile() {
  return join(mkdtempSync(join(tmpdir(), 'npc-busy-')), 'app.db')
}

/** A second connection, as another process would have, that takes the write lock and keeps it. */
function holdWriteLock(path: string) {
  const other = new Database(path)
  other.exec('PRAGMA busy_timeout = 0')
  other.exec('BEGIN IMMEDIATE')
  other.exec(`insert into items (id) values ('other-${crypto.randomUUID()}')`)
  let held = true
  const release = () => {
    if (held) other.exec('COMMIT')
    held = false
  }
  cleanup.push(() => {
    release()
    other.close()
  })
  return release
}

async function fileClient(busyWaitMs?: number) {
  const path = tempFile()
  const client = openEmbedded(path, { busyWaitMs })
  cleanup.push(() => client.close())
  await client.executeMultiple('create table items (id text primary key)')
  return { path, client }
}

const count = async (client: EmbeddedClient) => Number((await client.execute('select count(*) as n from items')).rows[0]!.n)

describe('a database another process holds', () => {
  it('keeps serving while the lock is held, and stores the writes once it is let go', async () => {
    const { path, client } = await fileClient()
    const release = holdWriteLock(path)
    // The lock is let go from a timer: it can only fire if the server's event loop keeps turning.
    setTimeout(release, 300)
    const writes = Array.from({ length: 10 }, (_, i) => client.batch([{ sql: 'insert into items (id) values (?)', args: [`w${i}`] }]))
    const single = client.execute({ sql: 'insert into items (id) values (?)', args: ['single'] })
    await expect(Promise.all([...writes, single])).resolves.toHaveLength(11)
    expect(await count(client)).toBe(12)
  })

  it('fails a write that cannot get the database in time as busy, and stores nothing of it', async () => {
    const { path, client } = await fileClient(200)
    holdWriteLock(path)
    const results = await Promise.allSettled([client.batch([{ sql: `insert into items (id) values ('a')`, args: [] }]), client.batch([{ sql: `insert into items (id) values ('b')`, args: [] }])])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' })
    await expect(client.execute(`insert into items (id) values ('c')`)).rejects.toMatchObject({ code: 'SQLITE_BUSY' })
  })

  it('answers a submission it cannot store in time with 503 and Retry-After; sent again later it is stored once', async () => {
    const path = tempFile()
    const client = openEmbedded(path, { busyWaitMs: 200 })
    cleanup.push(() => client.close())
    await migrateLibsql(client)
    const db = fromLibsql(client)
    await seedReference(db)
    await client.executeMultiple('create table items (id text primary key)')
    const app = createApp({ db, config: parseConfig({}) })
    const now = new Date().toISOString()
    const deputy = { id: crypto.randomUUID(), name: '代表甲', phone: '13900000001', role: 'deputy' as const, countyCode: PINGQUAN, level: 'township' as const, mustChangePassword: false, createdAt: now, updatedAt: now }
    await db.insert(users).values(deputy)
    const cookie = `npc_session=${await createSession(db, deputy.id, { idleMs: 86400_000, maxMs: 86400_000 })}`
    const body = issueBody({ id: crypto.randomUUID() })
    const post = () => app.request('/api/v1/issues', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    await app.request('/api/v1/health')

    const release = holdWriteLock(path)
    const busy = await post()
    expect(busy.status).toBe(503)
    expect(busy.headers.get('retry-after')).toBe('2')
    const error = ((await busy.json()) as { error: { code: string; message: string } }).error
    expect(error.code).toBe('unavailable')
    expect(error.message).toMatch(/稍后重试/)

    release()
    expect((await post()).status).toBe(201)
    expect((await post()).status).toBe(200)
    expect((await client.execute('select count(*) as n from issues')).rows[0]!.n).toBe(1)
  })
})
