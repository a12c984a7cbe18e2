// Responsible units' rules: staff list, add and rename the units of their county; other features
// look a unit up here (assigning an issue, opening a unit account).
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { canManageCounty, requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../core/errors'
import { requireCounty } from '../reference/reference.service'
import { isUniqueViolation } from '../users/accounts'
import { findUnit, insertUnit, listUnits, renameUnit } from './units.queries'

const SAME_NAME = '本县（市、区）已有同名的责任单位'
const shown = (u: { id: string; name: string; countyCode: string; version: number }) => ({ id: u.id, name: u.name, countyCode: u.countyCode, version: u.version })

/** The unit of this id (any county), or null: callers check it against their own scope. */
export function unitById(db: Db, id: string) {
  return findUnit(db, id)
}

/** The units a staff member may see: their county's, or the city's (optionally one county's). */
export async function unitsFor(db: Db, user: SessionUser, countyCode?: string) {
  requirePermission(user, 'unit.manage')
  const counties = staffCountyFilter(scopeOf(user), countyCode)
  // A county outside the scope is a filter that matches nothing.
  if ('codes' in counties && counties.codes.length === 0) return []
  return listUnits(db, 'codes' in counties ? counties.codes[0]! : null)
}

export async function createUnit(db: Db, user: SessionUser, body: { name: string; countyCode?: string }, now = new Date()) {
  requirePermission(user, 'unit.manage')
  const county = body.countyCode ?? user.countyCode
  if (!county) throw new ValidationFailed({ countyCode: '请选择县市区' })
  if (!canManageCounty(scopeOf(user), county)) throw new Forbidden('只能为本县（市、区）添加责任单位')
  await requireCounty(db, county)
  const unit = await insertUnit(db, county, body.name, now)
  if (!unit) throw new Conflict(SAME_NAME)
  return unit
}

/**
 * Renames a unit (机构改革, a corrected spelling): the issues assigned to it show the new name at
 * once; their timelines keep the name they were handed over under. Another county's unit is 404,
 * as if it did not exist; a stale version is 409 with the unit as it is now, a name the county
 * already has 409 as when adding.
 */
export async function changeUnit(db: Db, user: SessionUser, id: string, body: { name: string; version: number }) {
  requirePermission(user, 'unit.manage')
  const unit = await findUnit(db, id)
  if (!unit || !canManageCounty(scopeOf(user), unit.countyCode)) throw new NotFound('责任单位不存在')
  const current = shown(unit)
  if (body.version !== unit.version) throw new Conflict(undefined, current)
  if (body.name === unit.name) return current
  let renamed: boolean
  try {
    renamed = await renameUnit(db, { id, version: unit.version, name: body.name })
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict(SAME_NAME)
    throw e
  }
  if (!renamed) {
    throw new Conflict(undefined, shown((await findUnit(db, id))!))
  }
  return { ...current, name: body.name, version: unit.version + 1 }
}

/** A county's units, for matching names (an imported ledger's 责任单位); no scope check: callers hold the county. */
export function unitsOfCounty(db: Db, countyCode: string) {
  return listUnits(db, countyCode)
}

/** Adds the named units to a county; a name it already has (also one added meanwhile) is kept as it is. */
export async function ensureUnits(db: Db, countyCode: string, names: string[], now = new Date()) {
  const created: { id: string; name: string; countyCode: string }[] = []
  for (const name of names) {
    const unit = await insertUnit(db, countyCode, name, now)
    if (unit) created.push(unit)
  }
  return created
}
