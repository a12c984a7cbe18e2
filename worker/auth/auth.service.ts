// Sign-in rules: password checks behind the throttle (./throttle.ts), the forced first change.
import type { Db } from '../db/client'
import { InvalidCredentials, ValidationFailed } from '../core/errors'
import type { LoginBody } from '../core/schemas'
import { hashPassword, verifyPassword } from './passwords'
import { createSession, endOtherSessions, type SessionTimes } from './sessions'
import { findUserByPhone, passwordHashOf, setPassword } from './auth.queries'
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
  const ok = await verifyPassword(body.password, user?.active ? user.passwordHash : null)
  if (!user || !ok) throw new InvalidCredentials()
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
