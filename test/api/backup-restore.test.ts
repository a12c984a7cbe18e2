// db:backup and db:restore on their own: what a backup directory holds, and what restoring
// refuses (a database in use, a damaged or foreign backup) without touching anything.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../worker/db/open-node'
import { backupDatabase, checkDatabase, restoreBackup, type Manifest } from '../../worker/db/backup'
import { seedReference } from '../../worker/db/seed/reference'
import { units } from '../../worker/db/schema'
import { APP_VERSION } from '../../worker/core/version'
import { PINGQUAN } from '../support/app'

const open: { close(): void }[] = []
afterEach(() => {
  for (const c of open.splice(0)) c.close()
})

async function databaseWithUnit(path: string) {
  const { client, db } = await openNodeDatabase(`file:${path}`)
  open.push(client)
  await seedReference(db)
  await db.insert(units).values({ id: crypto.randomUUID(), countyCode: PINGQUAN, name: '平泉市住建局', createdAt: new Date().toISOString() })
  return { client, db }
}

const temp = () => mkdtempSync(join(tmpdir(), 'npc-backup-'))

describe('a backup', () => {
  it('holds a checked copy of the database, its row counts and the stored files', async () => {
    const dir = temp()
    const { client } = await databaseWithUnit(join(dir, 'app.db'))
    mkdirSync(join(dir, 'files', '2026'), { recursive: true })
    writeFileSync(join(dir, 'files', '2026', 'photo.jpg'), 'jpeg bytes')
    // Taken with the database open and its last writes still in the -wal file.
    const manifest = backupDatabase(join(dir, 'app.db'), join(dir, 'backup'), join(dir, 'files'))
    expect(manifest).toMatchObject({ format: 1, appVersion: APP_VERSION, database: { file: 'app.db', integrity: 'ok', migration: expect.stringMatching(/^\d{4}_/) }, files: { dir: 'files', count: 1, bytes: 10 } })
    expect(manifest.database.tables.units).toBe(1)
    expect(manifest.database.tables.places).toBe(13)
    expect(JSON.parse(readFileSync(join(dir, 'backup', 'manifest.json'), 'utf8'))).toEqual(manifest)
    expect(readFileSync(join(dir, 'backup', 'files', '2026', 'photo.jpg'), 'utf8')).toBe('jpeg bytes')
    expect(checkDatabase(join(dir, 'backup', 'app.db')).tables).toEqual(manifest.database.tables)
    client.close()
  })

  it('is never written into a directory that already holds something', async () => {
    const dir = temp()
    await databaseWithUnit(join(dir, 'app.db'))
    mkdirSync(join(dir, 'backup'))
    writeFileSync(join(dir, 'backup', 'keep.txt'), 'x')
    expect(() => backupDatabase(join(dir, 'app.db'), join(dir, 'backup'))).toThrow(/已存在且不为空/)
  })

  it('of a database file that does not exist is refused, and creates none', () => {
    const dir = temp()
    expect(() => backupDatabase(join(dir, 'nope.db'), join(dir, 'backup'))).toThrow(/不存在/)
    expect(existsSync(join(dir, 'nope.db'))).toBe(false)
  })
})

describe('restoring', () => {
  it('is refused while the database is in use, and leaves it as it was', async () => {
    const dir = temp()
    await databaseWithUnit(join(dir, 'source.db'))
    backupDatabase(join(dir, 'source.db'), join(dir, 'backup'))
    const { client } = await databaseWithUnit(join(dir, 'live.db'))
    expect(() => restoreBackup(join(dir, 'backup'), join(dir, 'live.db'))).toThrow(/正在被使用.*请先停止服务器/)
    expect((await client.execute('select count(*) as n from units')).rows[0]!.n).toBe(1)
    expect(existsSync(join(dir, 'live.db.restoring'))).toBe(false)
  })

  it('sets the database it replaces aside instead of deleting it', async () => {
    const dir = temp()
    await databaseWithUnit(join(dir, 'source.db'))
    backupDatabase(join(dir, 'source.db'), join(dir, 'backup'))
    // The database to replace: one this process never opened (a closed connection lingers here
    // until its statements are collected, and would rightly count as "in use").
    copyFileSync(join(dir, 'backup', 'app.db'), join(dir, 'app.db'))
    const { setAside } = restoreBackup(join(dir, 'backup'), join(dir, 'app.db'), join(dir, 'files'), new Date('2026-12-01T08:00:00Z'))
    expect(setAside).toBe(join(dir, 'app.db.before-restore-2026-12-01T08-00-00-000Z'))
    expect(checkDatabase(setAside!).tables.units).toBe(1)
    expect(checkDatabase(join(dir, 'app.db')).tables.units).toBe(1)
  })

  it('refuses a backup whose database no longer matches its manifest', async () => {
    const dir = temp()
    await databaseWithUnit(join(dir, 'source.db'))
    backupDatabase(join(dir, 'source.db'), join(dir, 'backup'))
    const manifestPath = join(dir, 'backup', 'manifest.json')
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, database: { ...manifest.database, tables: { ...manifest.database.tables, units: 7 } } }))
    expect(() => restoreBackup(join(dir, 'backup'), join(dir, 'new.db'))).toThrow(/units 有 1 行，与备份记录的 7 行不符/)
    expect(existsSync(join(dir, 'new.db'))).toBe(false)
    expect(() => restoreBackup(dir, join(dir, 'new.db'))).toThrow(/不是备份目录/)
  })
})
