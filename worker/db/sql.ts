// Small SQL building blocks shared by the feature queries.
import { getTableColumns, SQL, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from './client'
import type { Keyset } from './cursor'

/** `col LIKE '%q%'` with the user's %, _ and \ taken literally. */
export function contains(col: AnySQLiteColumn, q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  return sql`${col} like ${pattern} escape '\\'`
}

/**
 * `INSERT INTO table (…) SELECT <row> WHERE <condition>`: a row written only if
 * the condition holds when the statement runs. Inside a db.batch this ties a dependent write (an
 * event, a child row, a counter) to the state its parent write checks, without an interactive
 * transaction, which D1 does not have. Built as one SQL template: these run on every submission,
 * and drizzle's query builder costs more CPU than the database does for them.
 */
export function insertWhere<T extends SQLiteTable>(db: Db, table: T, row: T['$inferInsert'], condition: SQL) {
  // drizzle inserts a raw SELECT into every column in table order; one the row leaves out takes
  // its default.
  const given = row as Record<string, unknown>
  const values = sql.join(
    Object.entries(getTableColumns(table) as Record<string, AnySQLiteColumn>).map(([key, c]) => {
      const v = given[key] !== undefined ? given[key] : c.default !== undefined ? c.default : null
      return v instanceof SQL ? v : sql`${v === null ? null : c.mapToDriverValue(v)}`
    }),
    sql`, `,
  )
  return db.insert(table).select(sql`select ${values} where ${condition}`)
}

/**
 * The rows after a keyset cursor: `(key, id)` past `(after.key, after.id)` in the list's order —
 * smaller for a newest-first list, larger for a soonest-first one. The id breaks ties, so rows
 * sharing a key are neither skipped nor repeated across pages.
 */
export function keysetAfter(key: AnySQLiteColumn | SQL, id: AnySQLiteColumn, after: Keyset, order: 'asc' | 'desc'): SQL {
  const past = sql.raw(order === 'desc' ? '<' : '>')
  return sql`(${key} ${past} ${after.key} or (${key} = ${after.key} and ${id} ${past} ${after.id}))`
}

/** A row with an `id` and the `created_by_request` column an idempotent create marks it with. */
type CreatedOnce = SQLiteTable & { id: AnySQLiteColumn; createdByRequest: AnySQLiteColumn }

/**
 * An idempotent create of one row by its client-chosen id: `insert` writes it unless the id
 * exists (a retry writes nothing), and `ours` holds, inside the same batch, only if the stored row
 * is the one this very request wrote — it carries this request's fresh token. Dependent writes
 * (children, events, counters) are tied to `ours`, so a retry, even one arriving in the same
 * millisecond with the same content, doubles nothing. `insert` returns the inserted id, so
 * `createdNow(result)` tells the caller whether this request created it. `computed` columns take
 * their value from SQL evaluated by the insert itself (a number from a counter bumped earlier in
 * the same batch).
 */
export function createOnce<T extends CreatedOnce>(db: Db, table: T, row: T['$inferInsert'], computed: Partial<Record<keyof T['$inferInsert'], SQL>> = {}) {
  const token = crypto.randomUUID()
  const id = (row as { id: string }).id
  return {
    insert: db
      .insert(table)
      .values({ ...row, ...computed, createdByRequest: token })
      .onConflictDoNothing()
      .returning({ id: table.id }),
    ours: sql`exists (select 1 from ${table} where ${table.id} = ${id} and ${table.createdByRequest} = ${token})`,
  }
}

/** Whether a `returning({ id })` statement's result in a batch touched a row. */
export function createdNow(result: unknown): boolean {
  return (result as unknown[]).length === 1
}

/**
 * Runs dependent writes and then a guarded update in one atomic batch, answering whether the
 * update (the statement the writes' conditions mirror: "still at the version the actor saw")
 * touched its row. The update goes last so that the writes' conditions see the row before it.
 */
export async function writesThenUpdate(db: Db, writes: BatchItem<'sqlite'>[], update: BatchItem<'sqlite'>): Promise<boolean> {
  const batch: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [writes[0] ?? update, ...writes.slice(1), ...(writes.length ? [update] : [])]
  const results = await db.batch(batch)
  return createdNow(results[results.length - 1])
}
