// Puts a backup made by `npm run db:backup` back in place, with the server stopped:
//   DATABASE_URL=file:/var/lib/npc/app.db npm run db:restore -- /var/backups/npc/2026-12-01
// Refuses while the database is in use. The database it replaces is set aside beside it, not
// deleted. Then brings the schema up to this release and recounts the statistics.
import { parseArgs } from 'node:util'
import { DEFAULT_FILES_DIR, restoreBackup } from '../db/backup'
import { DEFAULT_DATABASE_URL, embeddedPath, openNodeDatabase } from '../db/open-node'
import { EmbeddedClient } from '../db/embedded'
import { rebuildCounters } from '../stats/recount'

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) throw new Error('用法：npm run db:restore -- <备份目录>')
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const path = embeddedPath(url)
  if (path === null || path === ':memory:') throw new Error(`db:restore 只恢复本机数据库文件；${url} 请用其服务自带的恢复（见 docs/operations.md）`)
  const { manifest, setAside, filesSetAside } = restoreBackup(dir, path, process.env.FILES_DIR || DEFAULT_FILES_DIR)
  if (setAside) console.error(`原数据库已移到 ${setAside}（确认无误后可删除）`)
  if (filesSetAside) console.error(`原附件目录已移到 ${filesSetAside}`)
  // A backup from an earlier release is brought up to this one's schema here.
  const { client, db } = await openNodeDatabase(`file:${path}`)
  await rebuildCounters(db)
  if (client instanceof EmbeddedClient) client.checkpoint()
  client.close()
  const rows = Object.entries(manifest.database.tables)
    .map(([t, n]) => `${t} ${n}`)
    .join('，')
  console.error(`已将 ${manifest.createdAt} 的备份恢复到 ${path}，并重新计算了统计数据`)
  console.error(`各表行数：${rows}${manifest.files ? `；附件 ${manifest.files.count} 个` : ''}`)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
