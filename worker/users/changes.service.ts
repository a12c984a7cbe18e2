// Changing accounts and roster entries: staff edit them, end them (a deputy's term ends, staff
// move, a unit is merged) and restore them, within their scope. Nothing is deleted: an ended
// account keeps every record it made, attributed to it; it only cannot sign in. Every change is
// kept in the account's history.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { can, canChangeAccount, canReadUser, requirePermission } from '../auth/access'
import { Conflict, Forbidden, NotFound } from '../core/errors'
import type { DeputyLevel } from '../core/taxonomy'
import { rosterEntry } from '../deputies/deputies.service'
import { isUniqueViolation, phoneTaken } from './accounts'
import { accountHistory, applyAccountChange, findAccountRow, hasOtherActiveCityStaff, type AccountChange, type AccountRow } from './changes.queries'
import { findUserView } from './users.queries'

export interface ChangeBody {
  version: number
  name?: string
  active?: boolean
  /** Roster entries only (PATCH /deputies/:id). */
  phone?: string
  level?: DeputyLevel
  group?: string
}

export type ChangeKind = 'account' | 'deputy'

const LAST_CITY_STAFF = '至少要保留一个在用的市人大工作人员账号，不能停用最后一个'
const PHONE_TAKEN = '该手机号已被其他账号使用'

async function currentOf(db: Db, kind: ChangeKind, id: string) {
  return kind === 'deputy' ? rosterEntry(db, id) : findUserView(db, id)
}

/** The target account if the actor may see it; a roster route only sees deputies. */
async function targetFor(db: Db, user: SessionUser, id: string, kind: ChangeKind): Promise<AccountRow> {
  const target = await findAccountRow(db, id)
  if (!target || !canReadUser(user, target) || (kind === 'deputy' && target.role !== 'deputy')) throw new NotFound()
  return target
}

/** What the body would change, field by field (before → after); fields it repeats are left out. */
function diff(target: AccountRow, body: ChangeBody) {
  const set: AccountChange['set'] = {}
  const changes: AccountChange['changes'] = {}
  const put = <K extends keyof AccountChange['set']>(key: K, field: string, from: AccountChange['set'][K], to: AccountChange['set'][K] | undefined) => {
    if (to === undefined || to === from) return
    set[key] = to
    changes[field] = { from, to }
  }
  put('name', 'name', target.name, body.name)
  put('phone', 'phone', target.phone, body.phone)
  put('level', 'level', target.level, body.level)
  put('deputyGroup', 'group', target.deputyGroup, body.group === undefined ? undefined : body.group || null)
  put('active', 'active', target.active, body.active)
  return { set, changes }
}

/** PATCH /users/:id and PATCH /deputies/:id: answers the record as it now stands. */
export async function changeAccount(db: Db, user: SessionUser, id: string, body: ChangeBody, kind: ChangeKind, now = new Date()) {
  requirePermission(user, 'account.manage')
  const target = await targetFor(db, user, id, kind)
  if (!canChangeAccount(user, target)) throw new Forbidden('县级人大工作人员只能修改本县（市、区）代表和责任单位的账号')
  if (body.active === false && target.id === user.id) throw new Forbidden('不能停用自己的账号')
  if (body.version !== target.version) throw new Conflict(undefined, await currentOf(db, kind, id))
  const { set, changes } = diff(target, body)
  if (Object.keys(set).length === 0) return (await currentOf(db, kind, id))!
  if (set.phone && (await phoneTaken(db, set.phone))) throw new Conflict(PHONE_TAKEN)
  if (set.active === false && target.role === 'city_staff' && !(await hasOtherActiveCityStaff(db, target.id))) throw new Conflict(LAST_CITY_STAFF)
  const action = set.active === false ? 'deactivate' : set.active === true ? 'reactivate' : 'update'
  let written: boolean
  try {
    written = await applyAccountChange(db, { target, set, changes, action, actorId: user.id, now })
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict(PHONE_TAKEN)
    throw e
  }
  const current = await currentOf(db, kind, id)
  if (!written) {
    // Either someone changed it first (stale version) or the other city staff account was ended meanwhile.
    if (current && current.version === target.version && set.active === false) throw new Conflict(LAST_CITY_STAFF)
    throw new Conflict(undefined, current ?? undefined)
  }
  return current!
}

/** The account's history, for staff who may read the account (GET /users/:id, GET /deputies/:id). */
export async function historyOf(db: Db, user: SessionUser, id: string) {
  if (!can(user, 'account.manage')) return undefined
  const rows = await accountHistory(db, id)
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as Record<string, { from: unknown; to: unknown }> }))
}

/** GET /deputies/:id: the roster entry and its history. */
export async function deputyWithHistory(db: Db, user: SessionUser, id: string) {
  requirePermission(user, 'account.manage')
  await targetFor(db, user, id, 'deputy')
  return { deputy: (await rosterEntry(db, id))!, history: (await historyOf(db, user, id))! }
}
