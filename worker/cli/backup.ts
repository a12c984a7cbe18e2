// Backs up the Node server's database file (and its stored files) while the server runs:
//   DATABASE_URL=file:/var/lib/npc/app.db npm run db:backup -- /var/backups/npc/2026-12-01
// The directory it makes (docs/operations.md) is checked before it says so: integrity_check on
// the copy and its row counts, recorded in manifest.json. Turso and D1 keep their own backups.
import { parseArgs } from 'node:util'
import { backupDatabase, DEFAULT_FILES_DIR } from '../db/backup'
import { DEFAULT_DATABASE_URL, embeddedPath } from '../db/open-node'

function main() {
  const { positionals } = parseArgs({ allowPositionals: true })
  const dir = positionals[0]
  if (!dir || positionals.length > 1) throw new Error('用法：npm run db:backup -- <新的备份目录>')
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const path = embeddedPath(url)
  if (path === null || path === ':memory:') throw new Error(`db:backup 只备份本机数据库文件；${url} 请用其服务自带的备份（Turso 按时间点恢复，D1 Time Travel，见 docs/operations.md）`)
  const started = Date.now()
  const manifest = backupDatabase(path, dir, process.env.FILES_DIR || DEFAULT_FILES_DIR)
  const rows = Object.entries(manifest.database.tables)
    .map(([t, n]) => `${t} ${n}`)
    .join('，')
  console.error(`已备份 ${path} 到 ${dir}（${Math.round(manifest.database.bytes / 1024)} KB，用时 ${Date.now() - started} ms）`)
  console.error(`完整性检查通过；迁移版本 ${manifest.database.migration ?? '无'}；各表行数：${rows}`)
  console.error(manifest.files ? `附件 ${manifest.files.count} 个（${Math.round(manifest.files.bytes / 1024)} KB）已一并备份` : '没有附件目录，未备份附件')
}

try {
  main()
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
}
