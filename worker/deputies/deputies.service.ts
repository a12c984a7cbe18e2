// Staff manage the deputies roster: add one, or import a CSV/XLSX roster where every row is
// checked first and nothing is applied unless all rows are good. Re-importing changes nothing.
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { places, users } from '../db/schema'
import type { SessionUser } from '../auth/sessions'
import { canManageCounty, requireRole, scopeOf } from '../auth/access'
import { AppError, Conflict, Forbidden, ValidationFailed } from '../core/errors'
import type { DeputyLevel } from '../core/taxonomy'
import { chunk } from '../db/seed/reference'
import { isUniqueViolation, phoneTaken, usersByPhone, withTemporaryPassword, type NewUser } from '../users/accounts'
import { readRoster, type RowError } from './roster'
import { deputiesAdded } from '../stats/counters'

export async function createDeputy(
  db: Db,
  user: SessionUser,
  body: { name: string; phone: string; level: DeputyLevel; countyCode?: string; group?: string },
  now = new Date(),
) {
  requireRole(user, 'county_staff', 'city_staff')
  const countyCode = body.countyCode ?? user.countyCode
  if (!countyCode) throw new ValidationFailed({ countyCode: '请选择县市区' })
  if (!canManageCounty(scopeOf(user), countyCode)) throw new Forbidden('只能为本县（市、区）添加代表')
  if (await phoneTaken(db, body.phone)) throw new Conflict('该手机号已登记，请勿重复添加')
  const { row, temporaryPassword } = await withTemporaryPassword(
    { name: body.name, phone: body.phone, role: 'deputy', countyCode, level: body.level, deputyGroup: body.group || null },
    now,
  )
  try {
    await db.batch([db.insert(users).values(row), deputiesAdded(db, countyCode, 1)])
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict('该手机号已登记，请勿重复添加')
    throw e
  }
  return { id: row.id!, name: row.name, phone: row.phone, level: body.level, countyCode, group: row.deputyGroup ?? null, temporaryPassword }
}

function rowsFailed(errors: RowError[]): never {
  const sorted = [...errors].sort((a, b) => a.row - b.row)
  throw new AppError(400, 'validation_failed', `名册中有 ${sorted.length} 行有误，未导入任何数据，请修改后重新导入`, { fields: {}, rows: sorted })
}

export async function importRoster(db: Db, user: SessionUser, cells: string[][], now = new Date()) {
  requireRole(user, 'county_staff', 'city_staff')
  const counties = await db.select({ code: places.code, name: places.name }).from(places).where(eq(places.kind, 'county'))
  const { rows, errors, missingColumns } = readRoster(cells, counties)
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
  // Hashing is the slow part of an import; WebCrypto runs these in parallel.
  const made = await Promise.all(
    fresh.map((r) => withTemporaryPassword({ name: r.name, phone: r.phone, role: 'deputy', countyCode: r.countyCode, level: r.level, deputyGroup: r.group }, now)),
  )
  const inserts: NewUser[] = made.map((m) => m.row)
  const accounts = made.map((m) => ({ name: m.row.name, phone: m.row.phone, temporaryPassword: m.temporaryPassword }))
  const updates = rows
    .filter((r) => {
      const u = existing.get(r.phone)
      return u && (u.name !== r.name || u.level !== r.level || (u.deputyGroup ?? null) !== r.group)
    })
    .map((r) =>
      db
        .update(users)
        .set({ name: r.name, level: r.level, deputyGroup: r.group, updatedAt: now.toISOString(), version: sql`${users.version} + 1` })
        .where(eq(users.id, existing.get(r.phone)!.id)),
    )
  const perCounty = new Map<string, number>()
  for (const r of inserts) perCounty.set(r.countyCode!, (perCounty.get(r.countyCode!) ?? 0) + 1)
  const writes = [
    ...chunk(inserts, 14).map((part) => db.insert(users).values(part)),
    ...updates,
    ...[...perCounty].map(([county, n]) => deputiesAdded(db, county, n)),
  ]
  if (writes.length) {
    try {
      await db.batch(writes as [(typeof writes)[number], ...(typeof writes)[number][]])
    } catch (e) {
      if (isUniqueViolation(e)) throw new Conflict('导入期间名册有变动，未导入任何数据，请重新导入')
      throw e
    }
  }
  return { created: inserts.length, updated: updates.length, accounts }
}
