// Starts the real Node server (worker/node.ts) on a database file of the bench's own, on a free
// loopback port, as a separate process; and signs people in without the slow password hash by
// writing sessions the way the app does.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { createClient, type Client } from '@libsql/client'
import { fromLibsql } from '../../worker/db/client'
import { createSession } from '../../worker/auth/sessions'
import { openNodeDatabase } from '../../worker/db/open-node'
import { seedReference } from '../../worker/db/seed/reference'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

export interface Running {
  url: string
  process: ChildProcess
  stop(): Promise<void>
}

export async function startServer(dbFile: string, env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/node.ts'], {
    env: { ...process.env, ...env, DATABASE_URL: `file:${dbFile}`, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** A migrated, reference-seeded database file, and a client on it. */
export async function prepareFile(dbFile: string): Promise<Client> {
  const { client, db } = await openNodeDatabase(`file:${dbFile}`)
  await seedReference(db)
  return client
}

/** Session cookies for existing users, written directly (no password hashing in the bench). */
export async function sessionsFor(client: Client, userIds: string[]): Promise<string[]> {
  const db = fromLibsql(client)
  const times = { idleMs: 7 * 86400_000, maxMs: 30 * 86400_000 }
  const out: string[] = []
  for (const id of userIds) out.push(`npc_session=${await createSession(db, id, times)}`)
  return out
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits

export { createClient }
