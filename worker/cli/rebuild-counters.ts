// Recomputes every statistics counter from the base tables (after a restore, a manual fix in
// the database, or a bug).
//   Node / libSQL / Turso:  DATABASE_URL=... npm run stats:rebuild
//   Cloudflare D1:          npm run -s stats:rebuild -- --sql > rebuild.sql
//                           npx wrangler d1 execute DB --remote --file rebuild.sql
import { parseArgs } from 'node:util'
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core'
import { openNodeDatabase, DEFAULT_DATABASE_URL } from '../db/open-node'
import { RECOUNT, rebuildCounters } from '../stats/recount'

async function main() {
  const { values } = parseArgs({ options: { sql: { type: 'boolean', default: false } } })
  if (values.sql) {
    const dialect = new SQLiteAsyncDialect()
    for (const [table, { columns, select }] of Object.entries(RECOUNT)) {
      process.stdout.write(`DELETE FROM ${table};\nINSERT INTO ${table} (${columns}) ${dialect.sqlToQuery(select).sql.replace(/\s+/g, ' ')};\n`)
    }
    return
  }
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const { db, client } = await openNodeDatabase(url, process.env.DATABASE_AUTH_TOKEN)
  await rebuildCounters(db)
  client.close()
  console.error(`已根据原始记录重新计算 ${url} 的全部统计数据`)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
