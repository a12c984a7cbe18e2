// Which migration a database's schema is at, and how many of this release's migrations it still
// lacks: from drizzle's __drizzle_migrations on libSQL (each row's created_at is the journal's
// `when`) or wrangler's d1_migrations on D1 (each row names the file). GET /health reports it.
import { sql } from 'drizzle-orm'
import { entries } from '../../migrations/meta/_journal.json'
import type { Db } from './client'

export interface MigrationLevel {
  /** The tag of the last migration applied (e.g. `0005_queue_and_todo_indexes`), null when none is. */
  migration: string | null
  /** This release's migrations not yet applied; null when the database is at one this release does not know (a newer one). */
  pending: number | null
}

/** The tag of the migration drizzle recorded with this created_at, or null for one this release lacks. */
export function tagOfDrizzleMigration(createdAt: number): string | null {
  return entries.find((e) => e.when === createdAt)?.tag ?? null
}

export function levelOf(tag: string | null): MigrationLevel {
  if (tag === null) return { migration: null, pending: entries.length }
  const index = entries.findIndex((e) => e.tag === tag)
  return { migration: tag, pending: index < 0 ? null : entries.length - 1 - index }
}

export async function migrationLevel(db: Db): Promise<MigrationLevel> {
  const tables = await db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name in ('d1_migrations', '__drizzle_migrations')`)
  const names = new Set(tables.map((t) => t.name))
  if (names.has('d1_migrations')) {
    const [row] = await db.all<{ name: string }>(sql`select name from d1_migrations order by id desc limit 1`)
    return levelOf(row ? row.name.replace(/\.sql$/, '') : null)
  }
  if (names.has('__drizzle_migrations')) {
    const [row] = await db.all<{ created_at: number }>(sql`select created_at from __drizzle_migrations order by created_at desc limit 1`)
    if (!row) return levelOf(null)
    return levelOf(tagOfDrizzleMigration(Number(row.created_at)) ?? `unknown-${row.created_at}`)
  }
  return levelOf(null)
}
