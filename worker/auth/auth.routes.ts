// POST /auth/login, POST /auth/activate (first sign-in with an activation code), POST /auth/logout,
// GET /me, POST /me/password (api.md "Reference and session").
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../env'
import { activateBody, changePasswordBody, loginBody } from '../core/schemas'
import { NotFound } from '../core/errors'
import { jsonBody } from '../validate'
import { findUserView } from '../users/users.queries'
import { activate, changePassword, login } from './auth.service'
import { clientAddress } from './client-address'
import { currentUser, sessionCookieOptions, sessionTimes } from './middleware'
import { endSession, SESSION_COOKIE } from './sessions'

export const authRoutes = new Hono<AppEnv>()
  .post('/auth/login', async (c) => {
    const body = await jsonBody(c, loginBody)
    // A new token at every sign-in; any session this browser had before ends.
    const previous = getCookie(c, SESSION_COOKIE)
    if (previous) await endSession(c.var.db, previous)
    const { token, userId } = await login(c.var.db, body, clientAddress(c), sessionTimes(c))
    setCookie(c, SESSION_COOKIE, token, sessionCookieOptions(c))
    const user = await findUserView(c.var.db, userId)
    if (!user) throw new NotFound()
    return c.json({ user })
  })
  .post('/auth/activate', async (c) => {
    const body = await jsonBody(c, activateBody)
    const previous = getCookie(c, SESSION_COOKIE)
    if (previous) await endSession(c.var.db, previous)
    const { token, userId } = await activate(c.var.db, body, clientAddress(c), sessionTimes(c))
    setCookie(c, SESSION_COOKIE, token, sessionCookieOptions(c))
    const user = await findUserView(c.var.db, userId)
    if (!user) throw new NotFound()
    return c.json({ user })
  })
  .post('/auth/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) await endSession(c.var.db, token)
    deleteCookie(c, SESSION_COOKIE, { ...sessionCookieOptions(c), maxAge: 0 })
    return c.body(null, 204)
  })
  .get('/me', async (c) => {
    const user = await findUserView(c.var.db, currentUser(c).id)
    if (!user) throw new NotFound()
    return c.json({ user })
  })
  .post('/me/password', async (c) => {
    const user = currentUser(c)
    const body = await jsonBody(c, changePasswordBody)
    await changePassword(c.var.db, user.id, body, getCookie(c, SESSION_COOKIE))
    return c.body(null, 204)
  })
