// Small SQL building blocks shared by the feature queries.
import { getTableColumns, SQL, sql } from 'drizzle-orm'
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
  // drizzle wants every column, in table order; a column the row leaves out takes its default.
  const given = row as Record<string, unknown>
  const fields = Object.fromEntries(
    Object.entries(getTableColumns(table) as Record<string, AnySQLiteColumn>).map(([key, col]) => {
      const v = given[key] !== undefined ? given[key] : col.default !== undefined ? col.default : null
      return [key, (v instanceof SQL ? v : sql`${v}`).as(col.name)]
    }),
  )
  return db.insert(table).select(db.select(fields).from(sql`(select 1)`).where(condition) as never)
}
