// Sign-in rules: throttling per phone, password checks, the forced first change, and the first
// sign-in with a one-time activation code that sets the account's password.
import type { Db } from '../db/client'
import { BadRequest, InvalidActivationCode, InvalidCredentials, RateLimited, ValidationFailed } from '../core/errors'
import type { ActivateBody, LoginBody } from '../core/schemas'
import { activationByPhone, spendActivationCode } from '../activation/activation.queries'
import { hashActivationCode } from './activation-codes'
import { hashPassword, verifyPassword } from './passwords'
import { createSession, endOtherSessions, type SessionTimes } from './sessions'
import { clearFailures, findUserByPhone, lockedUntil, passwordHashOf, recordFailure, setPassword } from './auth.queries'

export const MAX_FAILURES = 5
export const FAILURE_WINDOW_MS = 15 * 60_000
export const LOCK_MS = 15 * 60_000

/** Checks a phone and password; answers the new session's token and the user's id. */
export async function login(db: Db, body: LoginBody, times: SessionTimes, now = new Date()) {
  const locked = await lockedUntil(db, body.phone)
  if (locked && Date.parse(locked) > now.getTime()) {
    const seconds = Math.ceil((Date.parse(locked) - now.getTime()) / 1000)
    throw new RateLimited(`登录失败次数过多，该手机号已暂停登录，请 ${Math.ceil(seconds / 60)} 分钟后再试`, seconds)
  }
  const user = await findUserByPhone(db, body.phone)
  const ok = await verifyPassword(body.password, user?.active ? user.passwordHash : null)
  if (!user || !ok) {
    await recordFailure(db, body.phone, now, FAILURE_WINDOW_MS, MAX_FAILURES, LOCK_MS)
    throw new InvalidCredentials()
  }
  await clearFailures(db, body.phone)
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
 * The sign-in throttle as activation uses it, in one place: throws 429 while the phone is locked,
 * else answers how to record the attempt's outcome. Wrong activation codes count against the
 * same per-phone limit as wrong passwords.
 */
async function signInThrottle(db: Db, phone: string, now: Date) {
  const locked = await lockedUntil(db, phone)
  if (locked && Date.parse(locked) > now.getTime()) {
    const seconds = Math.ceil((Date.parse(locked) - now.getTime()) / 1000)
    throw new RateLimited(`尝试次数过多，该手机号已暂停登录，请 ${Math.ceil(seconds / 60)} 分钟后再试`, seconds)
  }
  return {
    failed: () => recordFailure(db, phone, now, FAILURE_WINDOW_MS, MAX_FAILURES, LOCK_MS),
    succeeded: () => clearFailures(db, phone),
  }
}

/**
 * First sign-in (or the one after a reset): phone + the activation code from the slip + a new
 * password. The code is checked (a fast hash) before the password is hashed, so a wrong code
 * costs nothing; on success the password is set and the code spent in one atomic write, the
 * account's other sessions end, and a new session starts. Answers its token and the user's id.
 */
export async function activate(db: Db, body: ActivateBody, times: SessionTimes, now = new Date()) {
  const attempt = await signInThrottle(db, body.phone, now)
  const found = await activationByPhone(db, body.phone)
  const codeHash = await hashActivationCode(body.code)
  if (!found || !found.active || found.codeHash !== codeHash) {
    await attempt.failed()
    throw new InvalidActivationCode()
  }
  if (found.usedAt) {
    await attempt.failed()
    throw new BadRequest('该开通码已经使用过。已设置密码的，请直接用手机号和密码登录；忘记密码请联系所在人大机关重新打印开通通知单')
  }
  if (Date.parse(found.expiresAt!) <= now.getTime()) {
    await attempt.failed()
    throw new BadRequest('开通码已过期（有效期 30 天），请联系所在人大机关重新打印开通通知单')
  }
  const passwordHash = await hashPassword(body.newPassword)
  if (!(await spendActivationCode(db, found.userId, codeHash, passwordHash, now))) {
    // Another sign-in spent the same code a moment ago.
    throw new BadRequest('该开通码已经使用过。已设置密码的，请直接用手机号和密码登录')
  }
  await attempt.succeeded()
  await endOtherSessions(db, found.userId)
  const token = await createSession(db, found.userId, times, now)
  return { token, userId: found.userId }
}
