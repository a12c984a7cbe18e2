// Applies migrations/ to a libSQL database (file, memory or server) with drizzle's migrator, the
// same folder wrangler applies to D1.
import { fileURLToPath } from 'node:url'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { drizzle } from 'drizzle-orm/libsql'
import type { Client } from '@libsql/client'

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url))

export async function migrateLibsql(client: Client): Promise<void> {
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR })
}
