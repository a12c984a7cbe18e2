// Account administration: staff create unit and staff accounts (city staff alone create county
// and city staff accounts) and reset passwords, each within their scope. Neither makes a
// credential: a new or reset account signs in first with an activation code from a printed slip
// (worker/activation/). A reset ends every session.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { can, canManageCounty, canReadUser, requirePermission, scopeOf } from '../auth/access'
import { endOtherSessions } from '../auth/sessions'
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../core/errors'
import { requireCounty } from '../reference/reference.service'
import { unitById } from '../units/units.service'
import { isUniqueViolation, newAccountRow, phoneTaken } from './accounts'
import { clearCredential, findUserView, insertAccount } from './users.queries'

/** An account as the API shows it (GET /me, the accounts list), or null. */
export function accountView(db: Db, id: string) {
  return findUserView(db, id)
}

export interface NewAccountBody {
  role: 'unit' | 'county_staff' | 'city_staff'
  name: string
  phone: string
  countyCode?: string
  unitId?: string
}

export async function createAccount(db: Db, user: SessionUser, body: NewAccountBody, now = new Date()) {
  requirePermission(user, 'account.manage')
  if (body.role === 'county_staff') requirePermission(user, 'account.create.county_staff', '只有市人大工作人员可以开通县级人大工作人员账号')
  if (body.role === 'city_staff') requirePermission(user, 'account.create.city_staff', '只有市人大工作人员可以开通市人大工作人员账号')
  requirePermission(user, `account.create.${body.role}`)
  // City staff stand outside any county.
  let countyCode = body.role === 'city_staff' ? undefined : (body.countyCode ?? user.countyCode ?? undefined)
  let unitId: string | null = null
  if (body.role === 'unit') {
    if (!body.unitId) throw new ValidationFailed({ unitId: '请选择责任单位' })
    const unit = await unitById(db, body.unitId)
    if (!unit || !canManageCounty(scopeOf(user), unit.countyCode)) throw new ValidationFailed({ unitId: '没有这个责任单位，或不属于本县（市、区）' })
    unitId = unit.id
    countyCode = unit.countyCode
  }
  if (body.role !== 'city_staff') {
    if (!countyCode) throw new ValidationFailed({ countyCode: '请选择县市区' })
    await requireCounty(db, countyCode)
    if (!canManageCounty(scopeOf(user), countyCode)) throw new Forbidden('只能为本县（市、区）开通账号')
  }
  if (await phoneTaken(db, body.phone)) throw new Conflict('该手机号已有账号')
  const row = newAccountRow({ name: body.name, phone: body.phone, role: body.role, countyCode, unitId }, now)
  try {
    await insertAccount(db, row)
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict('该手机号已有账号')
    throw e
  }
  return { user: (await findUserView(db, row.id!))! }
}

/**
 * Takes away an account's password (and any activation code printed before) and ends its
 * sessions: it signs in again only with a fresh activation code that staff print for it.
 */
export async function resetPassword(db: Db, user: SessionUser, id: string, now = new Date()) {
  requirePermission(user, 'account.manage')
  const target = await findUserView(db, id)
  if (!target || !canReadUser(user, target)) throw new NotFound()
  if (target.id === user.id) throw new Forbidden('请在“修改密码”中修改自己的密码')
  if (!can(user, `account.credential.${target.role}`)) throw new Forbidden('只能重置本县代表和责任单位的密码')
  await clearCredential(db, id, now)
  await endOtherSessions(db, id)
  return { user: (await findUserView(db, id))! }
}
