// 五个一 rules: county staff record and read their own congress's; city staff any county's or
// the city's own. The date falls in the year (not before the ledger's first year) and not in the future.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { canManageCounty, requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { Conflict, Forbidden, ValidationFailed } from '../core/errors'
import { requestHash } from '../core/hash'
import { todayInShanghai, yearOf } from '../core/dates'
import { FIRST_YEAR } from '../core/limits'
import type { FiveOne } from '../core/taxonomy'
import { findFiveOne, insertFiveOne, listFiveOnes, placeExists } from './five-ones.queries'
import type { FiveOneRecord } from './five-ones.schemas'

export interface FiveOneBody {
  id?: string
  countyCode: string
  year: number
  type: FiveOne
  date: string
  title: string
  summary: string
}

/**
 * Records a 五个一 under the client's id: a retry of the same request answers the stored record
 * (created: false), the id reused for other content or by someone else is 409.
 */
export async function recordFiveOne(db: Db, user: SessionUser, body: FiveOneBody, now = new Date()): Promise<{ record: FiveOneRecord; created: boolean }> {
  requirePermission(user, 'five_one.write')
  if (!canManageCounty(scopeOf(user), body.countyCode)) throw new Forbidden('只能登记本县（市、区）人大的“五个一”')
  if (!(await placeExists(db, body.countyCode))) throw new ValidationFailed({ countyCode: '没有这个县市区' })
  if (body.year < FIRST_YEAR) throw new ValidationFailed({ year: `年度不能早于台账首年（${FIRST_YEAR} 年）` })
  if (yearOf(body.date) !== body.year) throw new ValidationFailed({ date: `日期应在 ${body.year} 年内` })
  if (body.date > todayInShanghai(now)) throw new ValidationFailed({ date: '日期不能晚于今天' })
  const at = now.toISOString()
  const { id: clientId, ...content } = body
  const id = clientId ?? crypto.randomUUID()
  const hash = await requestHash(content)
  const created = await insertFiveOne(db, {
    id,
    placeCode: body.countyCode,
    year: body.year,
    type: body.type,
    date: body.date,
    title: body.title,
    summary: body.summary,
    createdBy: user.id,
    requestHash: hash,
    createdAt: at,
    updatedAt: at,
  })
  const stored = await findFiveOne(db, id)
  if (!stored) throw new Error('五个一 vanished after insert')
  const { createdBy, requestHash: storedHash, ...record } = stored
  if (!created && (createdBy !== user.id || storedHash !== hash)) throw new Conflict('该编号已被另一条记录使用，请刷新后重新填写')
  return { record, created }
}

export async function fiveOnesInScope(db: Db, user: SessionUser, q: { year?: number; countyCode?: string }): Promise<FiveOneRecord[]> {
  requirePermission(user, 'five_one.read')
  // Another county asked for gives nothing, never that county's records.
  const places = staffCountyFilter(scopeOf(user), q.countyCode)
  if ('all' in places) return listFiveOnes(db, { year: q.year })
  if (places.codes.length === 0) return []
  return listFiveOnes(db, { year: q.year, placeCode: places.codes[0] })
}
