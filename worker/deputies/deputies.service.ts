// Staff manage the deputies roster: add one, or import a CSV/XLSX roster where every row is
// checked first and nothing is applied unless all rows are good. Re-importing changes nothing.
// New deputies get no credential here: staff print activation slips for them (worker/activation/).
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { canManageCounty, requirePermission, scopeOf } from '../auth/access'
import { AppError, Conflict, Forbidden, ValidationFailed } from '../core/errors'
import type { DeputyLevel } from '../core/taxonomy'
import { allCounties, requireCounty } from '../reference/reference.service'
import { isUniqueViolation, newAccountRow, phoneTaken, usersByPhone, type NewUser } from '../users/accounts'
import { findDeputyView, insertDeputies, updateRosterEntry } from './deputies.queries'
import { reporterRenamed } from '../issues/names'
import { readRoster, type RosterRow, type RowError } from './roster'
import { deputiesAdded } from '../stats/counters'

/** A roster entry as the API shows it, or null when the id is not a deputy's. */
export function rosterEntry(db: Db, id: string) {
  return findDeputyView(db, id)
}

export async function createDeputy(
  db: Db,
  user: SessionUser,
  body: { name: string; phone: string; level: DeputyLevel; countyCode?: string; group?: string },
  now = new Date(),
) {
  requirePermission(user, 'roster.manage')
  const countyCode = body.countyCode ?? user.countyCode
  if (!countyCode) throw new ValidationFailed({ countyCode: '请选择县市区' })
  if (!canManageCounty(scopeOf(user), countyCode)) throw new Forbidden('只能为本县（市、区）添加代表')
  await requireCounty(db, countyCode)
  if (await phoneTaken(db, body.phone)) throw new Conflict('该手机号已登记，请勿重复添加')
  const row = newAccountRow({ name: body.name, phone: body.phone, role: 'deputy', countyCode, level: body.level, deputyGroup: body.group || null }, now)
  try {
    await db.batch([insertDeputies(db, [row])[0]!, deputiesAdded(db, countyCode, 1)])
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict('该手机号已登记，请勿重复添加')
    throw e
  }
  return { id: row.id!, name: row.name, phone: row.phone, level: body.level, countyCode, group: row.deputyGroup ?? null, activated: false }
}

function rowsFailed(errors: RowError[]): never {
  const sorted = [...errors].sort((a, b) => a.row - b.row)
  throw new AppError(400, 'validation_failed', `名册中有 ${sorted.length} 行有误，未导入任何数据，请修改后重新导入`, { fields: {}, rows: sorted })
}

export async function importRoster(db: Db, user: SessionUser, cells: string[][], now = new Date()) {
  requirePermission(user, 'roster.manage')
  const { rows, errors, missingColumns } = readRoster(cells, await allCounties(db))
  if (missingColumns.length) {
    throw new ValidationFailed({ file: `缺少列：${missingColumns.join('、')}` }, `名册缺少列：${missingColumns.join('、')}（应有 姓名、手机号、代表层级、县市区、代表小组）`)
  }
  if (rows.length === 0 && errors.length === 0) throw new ValidationFailed({ file: '文件中没有代表数据' }, '文件中没有代表数据')
  const scope = scopeOf(user)
  for (const r of rows) {
    if (!canManageCounty(scope, r.countyCode)) errors.push({ row: r.row, message: '只能导入本县（市、区）的代表' })
  }
  const existing = new Map((await usersByPhone(db, rows.map((r) => r.phone))).map((u) => [u.phone, u]))
  for (const r of rows) {
    const u = existing.get(r.phone)
    if (u && (u.role !== 'deputy' || u.countyCode !== r.countyCode)) errors.push({ row: r.row, message: '该手机号已被其他账号使用' })
  }
  if (errors.length) rowsFailed(errors)

  const fresh = rows.filter((r) => !existing.has(r.phone))
  const updates = rows
    .filter((r) => {
      const u = existing.get(r.phone)
      return u && (u.name !== r.name || u.level !== r.level || (u.deputyGroup ?? null) !== r.group)
    })
    .map((r): BatchItem<'sqlite'>[] => {
      const u = existing.get(r.phone)!
      // A new spelling of the name reaches the issues they reported, in the same batch.
      return [updateRosterEntry(db, u.id, { name: r.name, level: r.level, deputyGroup: r.group }, now), ...(u.name !== r.name ? [reporterRenamed(db, u.id, r.name)] : [])]
    })
  const created = await writeInParts(db, fresh, updates, now)
  return { created, updated: updates.length }
}

/** Rows (new deputies and updates) in one batch of this size, with their counters beside them. */
const ROWS_PER_BATCH = 100

/**
 * Writes an import in atomic batches of a few hundred rows, each with the counter updates of its
 * own rows, and lets other requests run between them: on Node, SQLite runs on the server's one
 * thread, and one batch of 5,000 rows would hold every other request for its whole length. Every
 * row was checked before the first batch; should a batch still fail (a phone added meanwhile),
 * the batches before it stand and the message says so: importing the same file again completes
 * it, as a re-import skips the deputies already there.
 */
async function writeInParts(db: Db, fresh: RosterRow[], updates: BatchItem<'sqlite'>[][], now: Date): Promise<number> {
  let written = 0
  const parts = Math.ceil((fresh.length + updates.length) / ROWS_PER_BATCH)
  for (let p = 0; p < parts; p++) {
    // Each part's rows are made when it is written, so that no step runs for long in one go.
    const rowsHere: NewUser[] = fresh
      .slice(p * ROWS_PER_BATCH, (p + 1) * ROWS_PER_BATCH)
      .map((r) => newAccountRow({ name: r.name, phone: r.phone, role: 'deputy', countyCode: r.countyCode, level: r.level, deputyGroup: r.group }, now))
    const updatesFrom = Math.max(0, p * ROWS_PER_BATCH - fresh.length)
    const updatesHere = updates.slice(updatesFrom, Math.max(updatesFrom, (p + 1) * ROWS_PER_BATCH - fresh.length))
    const perCounty = new Map<string, number>()
    for (const r of rowsHere) perCounty.set(r.countyCode!, (perCounty.get(r.countyCode!) ?? 0) + 1)
    const writes: BatchItem<'sqlite'>[] = [
      ...insertDeputies(db, rowsHere),
      ...updatesHere.flat(),
      ...[...perCounty].map(([county, n]) => deputiesAdded(db, county, n)),
    ]
    if (!writes.length) continue
    try {
      await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
    } catch (e) {
      if (!isUniqueViolation(e)) throw e
      throw new Conflict(
        written
          ? `导入期间名册有变动，已导入前 ${written} 名代表，其余未导入。请重新导入同一文件，已导入的代表不会重复添加`
          : '导入期间名册有变动，未导入任何数据，请重新导入',
      )
    }
    written += rowsHere.length
    if (p + 1 < parts) await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return written
}
