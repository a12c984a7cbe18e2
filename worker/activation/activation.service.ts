// Staff issue activation codes (开通码) for the 开通通知单 they print: one fresh code per chosen
// account, in their scope, answered once; a fresh code replaces the account's last one. Because
// staff can issue again at any time, no credential is ever lost with one answer.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { can, canReadUser, requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { activationExpiry, formatActivationCode, hashActivationCode, newActivationCode } from '../auth/activation-codes'
import { Forbidden, NotFound, ValidationFailed } from '../core/errors'
import { accountsByIds, deputiesNotActivated, writeCodes, type CodeTarget, type NewCode } from './activation.queries'

/** The most codes one request issues (a county's whole roster; the slips print 6 to a page). */
export const MAX_CODES_PER_REQUEST = 2000
/** Code rows per atomic batch; other requests run between batches. */
const CODES_PER_BATCH = 400

export type IssueBody = { userIds: string[] } | { notActivated: true; countyCode?: string }

export async function issueActivationCodes(db: Db, user: SessionUser, body: IssueBody, now = new Date()) {
  requirePermission(user, 'account.manage')
  const targets = 'userIds' in body ? await chosenAccounts(db, user, body.userIds) : await notActivatedDeputies(db, user, body.countyCode)
  const issuedAt = now.toISOString()
  const expiresAt = activationExpiry(now).toISOString()
  const codes = targets.map(() => newActivationCode())
  const rows: NewCode[] = await Promise.all(
    targets.map(async (t, i) => ({ userId: t.id, codeHash: await hashActivationCode(codes[i]!), issuedBy: user.id, issuedAt, expiresAt })),
  )
  for (let i = 0; i < rows.length; i += CODES_PER_BATCH) {
    const writes = writeCodes(db, rows.slice(i, i + CODES_PER_BATCH))
    await db.batch(writes as [(typeof writes)[number], ...(typeof writes)[number][]])
    if (i + CODES_PER_BATCH < rows.length) await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return {
    expiresAt,
    items: targets.map((t, i) => ({
      userId: t.id,
      name: t.name,
      phone: t.phone,
      role: t.role,
      countyCode: t.countyCode,
      unitName: t.unitName,
      level: t.level,
      code: formatActivationCode(codes[i]!),
    })),
  }
}

/** The accounts asked for, in the order asked: all in scope (else 404) and open to this staff member. */
async function chosenAccounts(db: Db, user: SessionUser, ids: string[]): Promise<CodeTarget[]> {
  const unique = [...new Set(ids)]
  const found = new Map((await accountsByIds(db, unique)).map((t) => [t.id, t]))
  const out: CodeTarget[] = []
  for (const id of unique) {
    const t = found.get(id)
    if (!t || !canReadUser(user, t)) throw new NotFound('所选账号不存在或不在您的管理范围内')
    if (t.id === user.id) throw new Forbidden('不能为自己生成开通码，请在“修改密码”中修改自己的密码')
    if (!can(user, `account.credential.${t.role}`)) throw new Forbidden('只能为本县代表和责任单位生成开通码')
    if (!t.active) throw new ValidationFailed({ userIds: `${t.name}的账号已停用，不能生成开通码` }, `${t.name}的账号已停用，不能生成开通码`)
    out.push(t)
  }
  return out
}

/** Every active deputy in scope (or in one county of it) who has not set a password yet. */
async function notActivatedDeputies(db: Db, user: SessionUser, countyCode?: string): Promise<CodeTarget[]> {
  const counties = staffCountyFilter(scopeOf(user), countyCode)
  if ('codes' in counties && counties.codes.length === 0) throw new NotFound('该县市区不在您的管理范围内')
  const rows = await deputiesNotActivated(db, 'codes' in counties ? counties.codes : null, MAX_CODES_PER_REQUEST + 1)
  if (rows.length > MAX_CODES_PER_REQUEST) {
    throw new ValidationFailed(
      { countyCode: `未开通的代表超过 ${MAX_CODES_PER_REQUEST} 名，请按县市区分批打印` },
      `未开通的代表超过 ${MAX_CODES_PER_REQUEST} 名，请按县市区分批打印`,
    )
  }
  return rows
}
