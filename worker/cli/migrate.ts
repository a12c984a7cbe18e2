// Applies this release's migrations (migrations/) to a database and says where it stands:
//   Node file / libSQL / Turso:  DATABASE_URL=... [DATABASE_AUTH_TOKEN=...] npm run db:migrate
//   Cloudflare D1:               npm run db:migrate -- --remote   (or --local for wrangler dev)
// D1 goes through `wrangler d1 migrations apply DB`, which lists what it will apply. On Node
// stop the server first: a server of the previous release must not run on the new schema.
import { spawnSync } from 'node:child_process'
import { createClient, type Client } from '@libsql/client'
import { DEFAULT_DATABASE_URL, embeddedPath, openEmbedded } from '../db/open-node'
import { fromLibsql } from '../db/client'
import { migrateLibsql } from '../db/migrate'
import { migrationLevel, type MigrationLevel } from '../db/migration-level'

const describe = (l: MigrationLevel) => `${l.migration ?? '（空数据库）'}${l.pending === null ? '（比本版本新）' : l.pending > 0 ? `，待执行 ${l.pending} 个` : '，已是最新'}`

/** `wrangler d1 migrations apply DB --remote|--local`, with its output; returns its exit code. */
function applyD1Migrations(where: '--remote' | '--local', extra: string[] = []): number {
  const run = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', where, ...extra], { stdio: 'inherit' })
  return run.status ?? 1
}

async function main() {
  const args = process.argv.slice(2)
  const remote = args.includes('--remote')
  const local = args.includes('--local')
  if (remote && local) throw new Error('--remote 与 --local 只能选一个')
  // Everything else (e.g. --persist-to DIR) goes to wrangler as it is.
  if (remote || local) process.exit(applyD1Migrations(remote ? '--remote' : '--local', args.filter((a) => a !== '--remote' && a !== '--local')))
  if (args.length > 0) throw new Error(`不认识的参数：${args.join(' ')}（D1 请用 --remote 或 --local）`)

  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const path = embeddedPath(url)
  const client: Client = path === null ? createClient({ url, authToken: process.env.DATABASE_AUTH_TOKEN }) : openEmbedded(path)
  try {
    const db = fromLibsql(client)
    const before = await migrationLevel(db)
    console.error(`${url}：当前迁移版本 ${describe(before)}`)
    await migrateLibsql(client)
    const after = await migrationLevel(db)
    console.error(before.migration === after.migration ? '没有需要执行的迁移' : `已迁移到 ${describe(after)}`)
  } finally {
    client.close()
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
