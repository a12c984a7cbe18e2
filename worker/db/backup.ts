// Backups of the Node server's database file, taken while it runs, and restoring one.
//
// A backup is a directory:
//   manifest.json   what it holds: when, the app version, the migration, row counts per table
//   app.db          a consistent copy of the database (VACUUM INTO: one read transaction, so the
//                   server keeps writing meanwhile; it never takes the write lock)
//   files/          the stored files (FILES_DIR), when there are any
// Stored files are written once and never changed, and they are copied after the database, so
// every file the copied database names is in the backup.
import { cpSync, existsSync, fsyncSync, closeSync, openSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'libsql'
import { APP_VERSION } from '../core/version'
import { tagOfDrizzleMigration } from './migration-level'

export const BACKUP_FORMAT = 1
export const DEFAULT_FILES_DIR = 'data/files'

export interface DatabaseCheck {
  /** `ok`, or what PRAGMA integrity_check found. */
  integrity: string
  /** Rows in each table. */
  tables: Record<string, number>
  migration: string | null
}

export interface Manifest {
  format: number
  createdAt: string
  appVersion: string
  database: { file: 'app.db'; bytes: number } & DatabaseCheck
  files: { dir: 'files'; count: number; bytes: number } | null
}

/** How long a CLI's own connection waits for the server's lock; it takes it only briefly. */
const CLI_BUSY_TIMEOUT_MS = 5000

function openExisting(path: string): InstanceType<typeof Database> {
  // `new Database` would create a missing file: an empty database is never what was meant.
  if (!existsSync(path)) throw new Error(`数据库文件不存在：${path}`)
  const db = new Database(path)
  db.exec(`PRAGMA busy_timeout = ${CLI_BUSY_TIMEOUT_MS}`)
  return db
}

function fsyncFile(path: string) {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** integrity_check, row counts per table, and the migration level of a database file. */
export function checkDatabase(path: string): DatabaseCheck {
  const db = openExisting(path)
  try {
    const problems = (db.prepare('PRAGMA integrity_check').raw(true).all() as unknown[][]).map((r) => String(r[0]))
    const names = (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).raw(true).all() as unknown[][]).map((r) => String(r[0]))
    const tables: Record<string, number> = {}
    for (const name of names) tables[name] = Number((db.prepare(`select count(*) from "${name.replace(/"/g, '""')}"`).raw(true).get() as unknown[])[0])
    let migration: string | null = null
    if (names.includes('__drizzle_migrations')) {
      const row = db.prepare('select created_at from __drizzle_migrations order by created_at desc limit 1').raw(true).get() as unknown[] | undefined
      if (row) migration = tagOfDrizzleMigration(Number(row[0])) ?? `unknown-${String(row[0])}`
    }
    return { integrity: problems.join('; '), tables, migration }
  } finally {
    db.close()
  }
}

function treeSize(dir: string): { count: number; bytes: number } {
  let count = 0
  let bytes = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    count++
    bytes += statSync(join(entry.parentPath, entry.name)).size
  }
  return { count, bytes }
}

/** Takes a backup of the database at `source` (and of `filesDir`, when it exists) into `dir`. */
export function backupDatabase(source: string, dir: string, filesDir = DEFAULT_FILES_DIR): Manifest {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`备份目录已存在且不为空：${dir}（请换一个新目录）`)
  mkdirSync(dir, { recursive: true })
  const target = join(dir, 'app.db')
  const db = openExisting(source)
  try {
    db.exec(`VACUUM INTO '${target.replace(/'/g, "''")}'`)
  } finally {
    db.close()
  }
  fsyncFile(target)
  const check = checkDatabase(target)
  let files: Manifest['files'] = null
  if (existsSync(filesDir)) {
    cpSync(filesDir, join(dir, 'files'), { recursive: true, preserveTimestamps: true })
    files = { dir: 'files', ...treeSize(join(dir, 'files')) }
  }
  const manifest: Manifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), appVersion: APP_VERSION, database: { file: 'app.db', bytes: statSync(target).size, ...check }, files }
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  fsyncFile(join(dir, 'manifest.json'))
  if (check.integrity !== 'ok') throw new Error(`备份文件完整性检查未通过：${check.integrity}`)
  return manifest
}

/** Reads a backup directory's manifest and checks its database against it. */
export function verifyBackup(dir: string): Manifest {
  const manifestPath = join(dir, 'manifest.json')
  if (!existsSync(manifestPath) || !existsSync(join(dir, 'app.db'))) throw new Error(`${dir} 不是备份目录（应含 manifest.json 与 app.db，由 npm run db:backup 生成）`)
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`不认识的备份格式 ${String(manifest.format)}`)
  const check = checkDatabase(join(dir, 'app.db'))
  if (check.integrity !== 'ok') throw new Error(`备份中的数据库完整性检查未通过：${check.integrity}`)
  for (const [table, rows] of Object.entries(manifest.database.tables)) {
    if (check.tables[table] !== rows) throw new Error(`备份中的表 ${table} 有 ${check.tables[table] ?? 0} 行，与备份记录的 ${rows} 行不符：备份已损坏`)
  }
  return manifest
}

/**
 * Refuses while any process has the database open: leaving WAL mode needs every other
 * connection gone (the server keeps one for as long as it runs). Leaving it also folds the
 * -wal file into the database, so the file alone is what is set aside.
 */
function assertNotInUse(path: string) {
  const db = new Database(path)
  try {
    db.exec('PRAGMA busy_timeout = 0')
    const mode = String((db.prepare('PRAGMA journal_mode = DELETE').raw(true).get() as unknown[])[0])
    if (mode.toLowerCase() !== 'delete') throw new Error('busy')
  } catch {
    throw new Error(`数据库 ${path} 正在被使用（服务器或其他命令仍在运行）：请先停止服务器，再恢复备份`)
  } finally {
    db.close()
  }
}

export interface Restored {
  manifest: Manifest
  /** Where the database that was replaced was set aside, if there was one. */
  setAside: string | null
  filesSetAside: string | null
}

/** Puts a backup's database (and files) in place of `target`; the caller then migrates and recounts. */
export function restoreBackup(dir: string, target: string, filesDir = DEFAULT_FILES_DIR, now = new Date()): Restored {
  const manifest = verifyBackup(dir)
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  mkdirSync(dirname(target), { recursive: true })
  let setAside: string | null = null
  if (existsSync(target)) {
    assertNotInUse(target)
    setAside = `${target}.before-restore-${stamp}`
    renameSync(target, setAside)
  }
  for (const leftover of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) rmSync(leftover, { force: true })
  const incoming = `${target}.restoring`
  cpSync(join(dir, 'app.db'), incoming)
  fsyncFile(incoming)
  renameSync(incoming, target)
  let filesSetAside: string | null = null
  if (manifest.files && existsSync(join(dir, 'files'))) {
    if (existsSync(filesDir)) {
      filesSetAside = `${filesDir}.before-restore-${stamp}`
      renameSync(filesDir, filesSetAside)
    }
    cpSync(join(dir, 'files'), filesDir, { recursive: true, preserveTimestamps: true })
  }
  return { manifest, setAside, filesSetAside }
}
