// The database handle the app is given: one drizzle type over D1 and libSQL alike. Each runtime
// opens its own (worker/index.ts, worker/node.ts, the tests) and hands it to createApp; nothing
// here runs at import time.
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch'
import { drizzle as drizzleD1 } from 'drizzle-orm/d1'
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import type { Client } from '@libsql/client'
import { schema } from './schema'

export type Schema = typeof schema

/** What every query and service takes: drizzle over D1 or libSQL, with atomic `batch`. */
export type Db = BaseSQLiteDatabase<'async', unknown, Schema> & {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<BatchResponse<T>>
}

export function fromD1(binding: D1Database): Db {
  return drizzleD1(binding, { schema }) as unknown as Db
}

/** Wraps any @libsql/client Client (file, memory, http, Turso). */
export function fromLibsql(client: Client): Db {
  return drizzleLibsql(client, { schema }) as unknown as Db
}
