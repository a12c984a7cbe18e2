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
