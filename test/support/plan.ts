// Reads SQLite's query plan for a drizzle query, to prove a list uses an index instead of
// scanning a table (D1 bills every row scanned).
import type { Client } from '@libsql/client'

export async function queryPlan(client: Client, query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = query.toSQL()
  const res = await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params as never[] })
  return res.rows.map((r) => String(r.detail))
}
