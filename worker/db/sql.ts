// Small SQL building blocks shared by the feature queries.
import { sql, type SQL } from 'drizzle-orm'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'

/** `col LIKE '%q%'` with the user's %, _ and \ taken literally. */
export function contains(col: AnySQLiteColumn, q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  return sql`${col} like ${pattern} escape '\\'`
}
