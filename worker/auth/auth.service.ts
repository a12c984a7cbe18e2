// Sign-in rules: password checks behind the throttle (./throttle.ts), the forced first change,
// and the first sign-in with a one-time activation code that sets the account's password.
import type { Db } from '../db/client'
import { AccountInactive, BadRequest, InvalidActivationCode, InvalidCredentials, ValidationFailed } from '../core/errors'
import type { ActivateBody, LoginBody } from '../core/schemas'
import { hashActivationCode } from './activation-codes'
import { hashPassword, verifyPassword } from './passwords'
import { createSession, endOtherSessions, type SessionTimes } from './sessions'
import { activationByPhone, findUserByPhone, passwordHashOf, setPassword, spendActivationCode } from './auth.queries'
import { admitAttempt, attemptSucceeded } from './throttle'

/**
 * Checks a phone and password from a client address; answers the new session's token and the
 * user's id. The attempt is admitted (and counted) before the hash runs; unknown phones take the
 * same path and the same time, so answers cannot tell which phones have accounts.
 */
export async function login(db: Db, body: LoginBody, address: string, times: SessionTimes, now = new Date()) {
  const who = { phone: body.phone, address }
  await admitAttempt(db, who, now)
  const user = await findUserByPhone(db, body.phone)
  const ok = await verifyPassword(body.password, user?.passwordHash ?? null)
  if (!user || !ok) throw new InvalidCredentials()
  // Said only to whoever knows the password, so that it reveals nothing about which phones exist.
  if (!user.active) throw new AccountInactive()
  await attemptSucceeded(db, who)
  const token = await createSession(db, user.id, times, now)
  return { token, userId: user.id }
}

/** Changes one's own password; other sessions of the same user end, this one stays. */
export async function changePassword(
  db: Db,
  userId: string,
  body: { currentPassword: string; newPassword: string },
  keepToken: string | undefined,
  now = new Date(),
) {
  if (!(await verifyPassword(body.currentPassword, await passwordHashOf(db, userId)))) {
    throw new ValidationFailed({ currentPassword: '当前密码不正确' }, '当前密码不正确')
  }
  await setPassword(db, userId, await hashPassword(body.newPassword), false, now)
  await endOtherSessions(db, userId, keepToken)
}

/**
 * First sign-in (or the one after a reset): phone + the activation code from the slip + a new
 * password. The code is checked (a fast hash) before the password is hashed, so a wrong code
 * costs nothing; on success the password is set and the code spent in one atomic write, the
 * account's other sessions end, and a new session starts. Answers its token and the user's id.
 */
export async function activate(db: Db, body: ActivateBody, address: string, times: SessionTimes, now = new Date()) {
  // Wrong codes count against the same throttle as wrong passwords, admitted before any check.
  const who = { phone: body.phone, address }
  await admitAttempt(db, who, now)
  const found = await activationByPhone(db, body.phone)
  const codeHash = await hashActivationCode(body.code)
  if (!found || !found.active || found.codeHash !== codeHash) {
    throw new InvalidActivationCode()
  }
  if (found.usedAt) {
    throw new BadRequest('该开通码已经使用过。已设置密码的，请直接用手机号和密码登录；忘记密码请联系所在人大机关重新打印开通通知单')
  }
  if (Date.parse(found.expiresAt!) <= now.getTime()) {
    throw new BadRequest('开通码已过期（有效期 30 天），请联系所在人大机关重新打印开通通知单')
  }
  const passwordHash = await hashPassword(body.newPassword)
  if (!(await spendActivationCode(db, found.userId, codeHash, passwordHash, now))) {
    // Another sign-in spent the same code a moment ago.
    throw new BadRequest('该开通码已经使用过。已设置密码的，请直接用手机号和密码登录')
  }
  await attemptSucceeded(db, who)
  await endOtherSessions(db, found.userId)
  const token = await createSession(db, found.userId, times, now)
  return { token, userId: found.userId }
}
