// Opens a libSQL database on Node: a local file (WAL, synchronous=FULL by default so that an
// acknowledged write survives a power cut), or a libSQL/Turso server URL. Then applies migrations.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { fromLibsql, type Db } from './client'
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

export async function openNodeDatabase(url = DEFAULT_DATABASE_URL, authToken?: string): Promise<{ client: Client; db: Db }> {
  const isFile = url.startsWith('file:')
  if (isFile && !url.includes(':memory:')) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true })
  // Statements on an embedded file run synchronously, so one connection serves as well as many
  // and keeps per-connection settings in force.
  const client = createClient({ url, authToken, concurrency: 1 })
  if (isFile) {
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute(`PRAGMA synchronous = ${synchronousMode()}`)
    await client.execute('PRAGMA busy_timeout = 5000')
    await client.execute('PRAGMA foreign_keys = ON')
  }
  await migrateLibsql(client)
  return { client, db: fromLibsql(client) }
}
