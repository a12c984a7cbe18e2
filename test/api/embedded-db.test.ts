// The embedded database client of the Node server (worker/db/embedded.ts): batches that arrive
// together share one commit, and each still succeeds or fails on its own, durably.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LibsqlBatchError } from '@libsql/client'
import { embeddedPath, openEmbedded, openNodeDatabase } from '../../worker/db/open-node'
import type { EmbeddedClient } from '../../worker/db/embedded'
import { createApp } from '../../worker/app'
import { parseConfig } from '../../worker/env'
import { users } from '../../worker/db/schema'
import { createSession } from '../../worker/auth/sessions'
import { seedReference } from '../../worker/db/seed/reference'
import { issueBody } from '../support/issues'
import { activityBody } from '../support/activities'
import { PINGQUAN } from '../support/app'

const open: EmbeddedClient[] = []
afterEach(() => {
  for (const c of open.splice(0)) c.close()
})

function tempFile() {
  return join(mkdtempSync(join(tmpdir(), 'npc-embedded-')), 'app.db')
}

async function clientWithTable(path = ':memory:') {
  const client = openEmbedded(path)
  open.push(client)
  await client.executeMultiple(`
    create table items (id text primary key, note text not null check (length(note) > 0));
    create table parents (id text primary key);
    create table children (id text primary key, parent_id text references parents (id) deferrable initially deferred);
    create trigger no_boom before insert on items when new.note = 'boom' begin select raise(rollback, 'boom'); end;
  `)
  return client
}

const insert = (id: string, note = 'ok') => ({ sql: 'insert into items (id, note) values (?, ?)', args: [id, note] })
const ids = async (client: EmbeddedClient) => (await client.execute('select id from items order by id')).rows.map((r) => r.id)

describe('the embedded database', () => {
  it('stores every answered batch of a burst, and they are still there after a restart', async () => {
    const path = tempFile()
    const client = await clientWithTable(path)
    const sent = Array.from({ length: 300 }, (_, i) => client.batch([insert(`a${String(i).padStart(3, '0')}`), insert(`b${String(i).padStart(3, '0')}`)]))
    await Promise.all(sent)
    client.close()
    const again = openEmbedded(path)
    open.push(again)
    expect((await again.execute('select count(*) as n from items')).rows[0]!.n).toBe(600)
  })

  it('commits batches sent together in one commit', async () => {
    const client = await clientWithTable()
    const before = { ...client.stats }
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.batch([insert(`x${i}`)])))
    expect(client.stats.batches - before.batches).toBe(20)
    expect(client.stats.commits - before.commits).toBe(1)
  })

  it('fails only the batch that breaks a rule; the others sent with it are stored', async () => {
    const client = await clientWithTable()
    const results = await Promise.allSettled([client.batch([insert('a')]), client.batch([insert('b'), insert('b2', '')]), client.batch([insert('c')])])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const error = (results[1] as PromiseRejectedResult).reason
    expect(error).toBeInstanceOf(LibsqlBatchError)
    expect((error as LibsqlBatchError).statementIndex).toBe(1)
    // Nothing of the failed batch is kept, not even its first statement, which succeeded.
    expect(await ids(client)).toEqual(['a', 'c'])
  })

  it('runs batches sent together in the order they were sent', async () => {
    const client = await clientWithTable()
    const second = { sql: `insert into items (id, note) select 'second', 'after ' || id from items where id = 'first'`, args: [] }
    await Promise.all([client.batch([insert('first')]), client.batch([second])])
    expect((await client.execute(`select note from items where id = 'second'`)).rows[0]?.note).toBe('after first')
  })

  it('keeps the other batches when one of them ends the whole shared transaction', async () => {
    const client = await clientWithTable()
    const results = await Promise.allSettled([client.batch([insert('a')]), client.batch([insert('boom', 'boom')]), client.batch([insert('c')])])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(await ids(client)).toEqual(['a', 'c'])
  })

  it('keeps the other batches when the shared commit fails because of one of them', async () => {
    const client = await clientWithTable()
    const orphan = { sql: `insert into children (id, parent_id) values ('c1', 'no-such-parent')`, args: [] }
    const results = await Promise.allSettled([client.batch([insert('a')]), client.batch([orphan]), client.batch([insert('c')])])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(await ids(client)).toEqual(['a', 'c'])
    expect((await client.execute('select count(*) as n from children')).rows[0]!.n).toBe(0)
  })

  it('commits the batches still waiting when it is closed', async () => {
    const path = tempFile()
    const client = await clientWithTable(path)
    const pending = client.batch([insert('late')])
    client.close()
    await expect(pending).resolves.toHaveLength(1)
    const again = openEmbedded(path)
    open.push(again)
    expect(await ids(again)).toEqual(['late'])
  })

  it('takes every submission of many deputies at once exactly once, retries included', async () => {
    const path = tempFile()
    const { client, db } = await openNodeDatabase(`file:${path}`)
    open.push(client as EmbeddedClient)
    await seedReference(db)
    const app = createApp({ db, config: parseConfig({}) })
    const now = new Date().toISOString()
    const deputies = Array.from({ length: 30 }, (_, i) => ({ id: crypto.randomUUID(), name: `代表${i}`, phone: `1390000${String(i).padStart(4, '0')}`, role: 'deputy' as const, countyCode: PINGQUAN, level: 'township' as const, mustChangePassword: false, createdAt: now, updatedAt: now }))
    await db.insert(users).values(deputies)
    const times = { idleMs: 86400_000, maxMs: 86400_000 }
    const cookies = await Promise.all(deputies.map(async (d) => `npc_session=${await createSession(db, d.id, times)}`))
    const post = (path: string, cookie: string, body: unknown) => app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const bodies = deputies.flatMap((_, i) => [
      { path: '/api/v1/issues', cookie: cookies[i]!, body: issueBody({ id: crypto.randomUUID() }) },
      { path: '/api/v1/activities', cookie: cookies[i]!, body: activityBody({ id: crypto.randomUUID() }) },
    ])
    const first = await Promise.all(bodies.map((b) => post(b.path, b.cookie, b.body)))
    expect(first.map((r) => r.status)).toEqual(bodies.map(() => 201))
    // A flaky phone sends each again while the first answers are still arriving.
    const retried = await Promise.all(bodies.map((b) => post(b.path, b.cookie, b.body)))
    expect(retried.map((r) => r.status)).toEqual(bodies.map(() => 200))
    client.close()
    const again = openEmbedded(path)
    open.push(again)
    const n = (await again.execute('select (select count(*) from issues) as issues, (select count(*) from activities) as activities, (select count(*) from issue_events) as events')).rows[0]!
    expect({ issues: n.issues, activities: n.activities, events: n.events }).toEqual({ issues: 30, activities: 30, events: 30 })
  })

  it('never leaves a transaction open after a single statement', async () => {
    const client = await clientWithTable()
    await client.execute('begin')
    await client.execute({ sql: 'insert into items (id, note) values (?, ?)', args: ['stray', 'x'] })
    await expect(Promise.all([client.batch([insert('a')]), client.batch([insert('b')])])).resolves.toHaveLength(2)
    expect(await ids(client)).toEqual(['a', 'b', 'stray'])
  })

  it('opens the file each form of DATABASE_URL names, and leaves server URLs to the libSQL client', () => {
    expect(embeddedPath('file:data/app.db')).toBe('data/app.db')
    expect(embeddedPath('file:/var/lib/npc/app.db')).toBe('/var/lib/npc/app.db')
    expect(embeddedPath('file:///var/lib/npc/app.db')).toBe('/var/lib/npc/app.db')
    expect(embeddedPath('file://localhost/var/lib/npc/app.db')).toBe('/var/lib/npc/app.db')
    expect(embeddedPath(':memory:')).toBe(':memory:')
    expect(embeddedPath('libsql://ledger-chengde.turso.io')).toBeNull()
    expect(() => embeddedPath('file://server/app.db')).toThrow(/绝对路径/)
    expect(() => embeddedPath('file:app.db?mode=ro')).toThrow(/不能带参数/)
  })
})
