// Opens a libSQL database on Node: a local file (WAL, synchronous=FULL by default so that an
// acknowledged write survives a power cut) on the embedded client of ./embedded.ts, or a
// libSQL/Turso server URL on @libsql/client. Then applies migrations.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { fromLibsql, type Db } from './client'
import { EmbeddedClient } from './embedded'
import { migrateLibsql } from './migrate'

export const DEFAULT_DATABASE_URL = 'file:data/app.db'

/**
 * FULL (the default) makes every acknowledged write survive a power cut; NORMAL is faster and may
 * lose the last commits on power loss (never on a process crash). DB_SYNCHRONOUS chooses.
 */
function synchronousMode(): 'FULL' | 'NORMAL' {
  const v = (process.env.DB_SYNCHRONOUS ?? 'full').toUpperCase()
  if (v !== 'FULL' && v !== 'NORMAL') throw new Error(`DB_SYNCHRONOUS 只能是 full 或 normal，现为 "${process.env.DB_SYNCHRONOUS}"`)
  return v
}

/** The path of a `file:` URL (`file:data/app.db`, `file:/abs`, `file:///abs`, `:memory:`), or null. */
export function embeddedPath(url: string): string | null {
  if (url === ':memory:' || url === 'file::memory:') return ':memory:'
  if (!url.startsWith('file:')) return null
  const rest = url.slice('file:'.length)
  if (rest.includes('?')) throw new Error(`DATABASE_URL 的文件地址不能带参数：${url}`)
  if (rest.startsWith('//')) {
    const path = rest.replace(/^\/\/(localhost)?/, '')
    if (!path.startsWith('/')) throw new Error(`DATABASE_URL 的文件地址应为 file:/绝对路径 或 file:///绝对路径：${url}`)
    return path
  }
  return rest
}

/**
 * How long one native call may block the event loop waiting for a lock another process holds.
 * Longer waits happen between tries, off the event loop (./embedded.ts).
 */
export const BUSY_TIMEOUT_MS = 20

/** An embedded database on the group-committing client, with the server's file settings. */
export function openEmbedded(path: string, options: { busyWaitMs?: number } = {}): EmbeddedClient {
  if (path === ':memory:') return new EmbeddedClient(path, { pragmas: ['foreign_keys = ON'] })
  mkdirSync(dirname(path), { recursive: true })
  return new EmbeddedClient(path, {
    ...options,
    pragmas: ['journal_mode = WAL', `synchronous = ${synchronousMode()}`, `busy_timeout = ${BUSY_TIMEOUT_MS}`, 'foreign_keys = ON'],
  })
}

export async function openNodeDatabase(url = DEFAULT_DATABASE_URL, authToken?: string): Promise<{ client: Client; db: Db }> {
  const path = embeddedPath(url)
  const client = path === null ? createClient({ url, authToken }) : openEmbedded(path)
  await migrateLibsql(client)
  return { client, db: fromLibsql(client) }
}
