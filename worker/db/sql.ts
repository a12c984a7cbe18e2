// Small SQL building blocks shared by the feature queries.
import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from './client'

/** `col LIKE '%q%'` with the user's %, _ and \ taken literally. */
export function contains(col: AnySQLiteColumn, q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  return sql`${col} like ${pattern} escape '\\'`
}

/**
 * `INSERT INTO table (…) SELECT <row> WHERE <condition>`: a row written only if the condition
 * holds when the statement runs. Inside a db.batch this ties a dependent write (an event, a
 * child row) to the state its parent write checks, without an interactive transaction, which D1
 * does not have.
 */
export function insertWhere<T extends SQLiteTable>(db: Db, table: T, row: T['$inferInsert'], condition: SQL) {
  const columns = getTableColumns(table) as Record<string, AnySQLiteColumn>
  const fields = Object.fromEntries(
    Object.entries(row as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([key, v]) => [key, sql`${v}`.as(columns[key]!.name)]),
  )
  return db.insert(table).select(db.select(fields).from(sql`(select 1)`).where(condition) as never)
}
