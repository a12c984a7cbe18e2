// Responsible units' rules: staff list and add the units of their county; other features look a
// unit up here (assigning an issue, opening a unit account).
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { canManageCounty, requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { Conflict, Forbidden, ValidationFailed } from '../core/errors'
import { requireCounty } from '../reference/reference.service'
import { findUnit, insertUnit, listUnits } from './units.queries'

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
  if (!unit) throw new Conflict('本县（市、区）已有同名的责任单位')
  return unit
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
