// Opens a libSQL database on Node: a local file (WAL, synchronous=FULL by default so that an
// acknowledged write survives a power cut), or a libSQL/Turso server URL. Then applies migrations.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { createRequire } from 'node:module'
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

/**
 * A prepared-statement cache for embedded libSQL. @libsql/client prepares every statement afresh,
 * and the benchmarks show preparing costing about a sixth of a submission's CPU; the app issues
 * the same few dozen SQL texts over and over. Statements run synchronously to completion inside
 * the client, so one prepared statement per SQL text and connection can be reused safely.
 */
let cachingStatements = false
export function cacheStatements() {
  if (cachingStatements) return
  cachingStatements = true
  const Database = createRequire(import.meta.url)('libsql') as { prototype: { prepare(sql: string): unknown } }
  const prepare = Database.prototype.prepare
  const perConnection = new WeakMap<object, Map<string, unknown>>()
  Database.prototype.prepare = function (this: object, sql: string) {
    let cache = perConnection.get(this)
    if (!cache) perConnection.set(this, (cache = new Map()))
    let stmt = cache.get(sql)
    if (!stmt) {
      stmt = prepare.call(this, sql)
      // Generated SQL (bulk inserts, migrations) would grow it without end; the hot set is small.
      if (cache.size < 500) cache.set(sql, stmt)
    }
    return stmt
  }
}

export async function openNodeDatabase(url = DEFAULT_DATABASE_URL, authToken?: string): Promise<{ client: Client; db: Db }> {
  const isFile = url.startsWith('file:')
  if (isFile && !url.includes(':memory:')) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true })
  // Statements on an embedded file run synchronously, so one connection serves as well as many
  // and keeps per-connection settings in force.
  if (isFile) cacheStatements()
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
