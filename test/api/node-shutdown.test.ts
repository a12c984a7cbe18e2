// Stopping the real Node server with SIGTERM or SIGINT: the requests under way are answered and
// stored, and the database file alone (without its -wal) then holds every acknowledged write.
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'libsql'
import { describe, expect, it } from 'vitest'
import { issueBody } from '../support/issues'
import { signIn, startServer } from '../support/processes'

const DEPUTY = '13800000004'
const DEMO_PASSWORD = 'chengde-2022'

describe.each(['SIGTERM', 'SIGINT'] as const)('the Node server stopped with %s', (signal) => {
  it('answers the submissions under way, and leaves a database file that is complete by itself', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'npc-shutdown-'))
    const server = await startServer(join(dir, 'app.db'), { demo: true })
    const cookie = await signIn(server.baseURL, DEPUTY, DEMO_PASSWORD)
    const post = (id: string) =>
      fetch(`${server.baseURL}/api/v1/issues`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(issueBody({ id })) }).then(
        (r) => r.status,
        () => 'refused' as const,
      )
    const first = crypto.randomUUID()
    expect(await post(first)).toBe(201)

    // A burst, and the signal while it is being answered.
    const ids = Array.from({ length: 40 }, () => crypto.randomUUID())
    const burst = ids.map(post)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const code = server.stop(signal)
    const statuses = await Promise.all(burst)
    expect(await code).toBe(0)
    // Each was answered 201, or (sent after the signal) refused at the door: never a 5xx.
    expect(statuses.filter((s) => s !== 201 && s !== 'refused')).toEqual([])
    expect(server.output()).toContain('数据库已写入并关闭')

    const copy = join(mkdtempSync(join(tmpdir(), 'npc-shutdown-copy-')), 'app.db')
    copyFileSync(join(dir, 'app.db'), copy)
    expect(existsSync(`${copy}-wal`)).toBe(false)
    const db = new Database(copy)
    const stored = new Set((db.prepare('select id from issues').all() as { id: string }[]).map((r) => r.id))
    db.close()
    expect(stored.has(first)).toBe(true)
    for (const [i, id] of ids.entries()) if (statuses[i] === 201) expect(stored.has(id)).toBe(true)
  })
})
