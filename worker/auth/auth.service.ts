// Sign-in rules: throttling per phone, password checks, ended accounts, the forced first change.
import type { Db } from '../db/client'
import { AccountInactive, InvalidCredentials, RateLimited, ValidationFailed } from '../core/errors'
import type { LoginBody } from '../core/schemas'
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
  const ok = await verifyPassword(body.password, user?.passwordHash ?? null)
  if (!user || !ok) {
    await recordFailure(db, body.phone, now, FAILURE_WINDOW_MS, MAX_FAILURES, LOCK_MS)
    throw new InvalidCredentials()
  }
  // Said only to whoever knows the password, so that it reveals nothing about which phones exist.
  if (!user.active) throw new AccountInactive()
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
