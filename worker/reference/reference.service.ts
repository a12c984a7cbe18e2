// What other features ask of the reference data: that a county or a year's field exists, and the
// list of counties. Their queries stay in reference.queries.ts.
import type { Db } from '../db/client'
import { ValidationFailed } from '../core/errors'
import { countyRows, fieldRows, isCounty, isFieldOfYear } from './reference.queries'

/** Throws 400 on `countyCode` unless the code is one of the city's county-level units. */
export async function requireCounty(db: Db, code: string): Promise<void> {
  if (!(await isCounty(db, code))) throw new ValidationFailed({ countyCode: '没有这个县市区' })
}

/** Throws 400 on `fieldCode` unless the field is configured for the year. */
export async function requireFieldOfYear(db: Db, year: number, code: string): Promise<void> {
  if (!(await isFieldOfYear(db, year, code))) throw new ValidationFailed({ fieldCode: `${year} 年没有这个监督领域` })
}

/** Every county-level unit (code and name), in the reference order. */
export function allCounties(db: Db): Promise<{ code: string; name: string }[]> {
  return countyRows(db)
}

/** Every year's fields (year, code, name). */
export function allFields(db: Db): Promise<{ year: number; code: string; name: string }[]> {
  return fieldRows(db)
}
