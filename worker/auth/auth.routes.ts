// POST /auth/login, POST /auth/activate (first sign-in with an activation code), POST /auth/logout,
// GET /me, POST /me/password (api.md "Reference and session").
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../env'
import { activateBody, changePasswordBody, loginBody } from '../core/schemas'
import { NotFound } from '../core/errors'
import { body } from '../validate'
import { route } from '../openapi/describe'
import { userResponse } from '../users/users.schemas'
import { accountView } from '../users/users.service'
import { activate, changePassword, login } from './auth.service'
import { clientAddress } from './client-address'
import { currentUser, sessionCookieOptions, sessionTimes } from './middleware'
import { endSession, SESSION_COOKIE } from './sessions'

const TAGS = ['登录与账号']
const describeLogin = route({
  tags: TAGS,
  summary: '用手机号和密码登录',
  description: '成功后设置会话 Cookie；此前这个浏览器的会话结束。错误的密码与不存在的手机号答复相同；尝试过多时 429。',
  public: true,
  responses: { 200: userResponse, errors: [401, 403, 404, 429] },
})
const describeActivate = route({
  tags: ['开通'],
  summary: '首次登录：手机号 + 开通码 + 新密码',
  description: '开通码核对无误后设置密码、作废开通码并登录；开通码已用或过期时 400，不正确时 401。',
  public: true,
  responses: { 200: userResponse, errors: [400, 401, 404, 429] },
})

export const authRoutes = new Hono<AppEnv>()
  .post('/auth/login', describeLogin, body(loginBody), async (c) => {
    const body = c.req.valid('json')
    // A new token at every sign-in; any session this browser had before ends.
    const previous = getCookie(c, SESSION_COOKIE)
    if (previous) await endSession(c.var.db, previous)
    const { token, userId } = await login(c.var.db, body, clientAddress(c), sessionTimes(c))
    setCookie(c, SESSION_COOKIE, token, sessionCookieOptions(c))
    const user = await accountView(c.var.db, userId)
    if (!user) throw new NotFound()
    return c.json({ user })
  })
  .post('/auth/activate', describeActivate, body(activateBody), async (c) => {
    const body = c.req.valid('json')
    const previous = getCookie(c, SESSION_COOKIE)
    if (previous) await endSession(c.var.db, previous)
    const { token, userId } = await activate(c.var.db, body, clientAddress(c), sessionTimes(c))
    setCookie(c, SESSION_COOKIE, token, sessionCookieOptions(c))
    const user = await accountView(c.var.db, userId)
    if (!user) throw new NotFound()
    return c.json({ user })
  })
  .post('/auth/logout', route({ tags: TAGS, summary: '退出登录', public: true, responses: { 204: null } }), async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) await endSession(c.var.db, token)
    deleteCookie(c, SESSION_COOKIE, { ...sessionCookieOptions(c), maxAge: 0 })
    return c.body(null, 204)
  })
  .get('/me', route({ tags: TAGS, summary: '当前登录的用户（须先改密码时也可调用）', responses: { 200: userResponse, errors: [404] } }), async (c) => {
    const user = await accountView(c.var.db, currentUser(c).id)
    if (!user) throw new NotFound()
    return c.json({ user })
  })
  .post('/me/password', route({ tags: TAGS, summary: '修改自己的密码（其他会话随之结束）', responses: { 204: null } }), body(changePasswordBody), async (c) => {
    const user = currentUser(c)
    const body = c.req.valid('json')
    await changePassword(c.var.db, user.id, body, getCookie(c, SESSION_COOKIE))
    return c.body(null, 204)
  })
