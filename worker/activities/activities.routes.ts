// Activity routes (api.md "Activities"): record, list, read, edit, review, and a deputy's yearly
// record (履职档案).
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { activityScope, staffCountyFilter, scopeOf } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { yearInShanghai } from '../core/dates'
import { decodeCursor, page } from '../db/cursor'
import { idParam, jsonBody, query } from '../validate'
import { createActivityBody, listActivitiesQuery, recordQuery, reviewBody, updateActivityBody } from './activities.schemas'
import { createActivity, deputyRecord, reviewActivity, updateActivity, visibleActivity, withChildren } from './activities.service'
import { listActivities } from './activities.queries'

export const activityRoutes = new Hono<AppEnv>()
  .post('/activities', async (c) => {
    const body = await jsonBody(c, createActivityBody)
    const { activity, created } = await createActivity(c.var.db, currentUser(c), body)
    return c.json(activity, created ? 201 : 200)
  })
  .get('/activities', async (c) => {
    const user = currentUser(c)
    const scope = activityScope(user)
    const qs = query(c, listActivitiesQuery)
    // A county asked for outside a county staff member's scope yields nothing, never widens it.
    if (qs.countyCode) {
      const f = staffCountyFilter(scopeOf(user), qs.countyCode)
      if ('codes' in f && f.codes.length === 0) return c.json({ items: [], nextCursor: null })
    }
    const rows = await listActivities(c.var.db, { scope, ...qs, after: decodeCursor(qs.cursor) })
    const { items, nextCursor } = page(rows, qs.limit, (a) => a.createdAt)
    return c.json({ items: await withChildren(c.var.db, items), nextCursor })
  })
  .get('/activities/:id', async (c) => {
    const row = await visibleActivity(c.var.db, currentUser(c), idParam(c))
    return c.json((await withChildren(c.var.db, [row]))[0])
  })
  .put('/activities/:id', async (c) => {
    const body = await jsonBody(c, updateActivityBody)
    return c.json(await updateActivity(c.var.db, currentUser(c), idParam(c), body))
  })
  .post('/activities/:id/review', async (c) => {
    const body = await jsonBody(c, reviewBody)
    return c.json(await reviewActivity(c.var.db, currentUser(c), idParam(c), body))
  })
  .get('/deputies/:id/record', async (c) => {
    const qs = query(c, recordQuery)
    return c.json(await deputyRecord(c.var.db, currentUser(c), idParam(c), qs.year ?? yearInShanghai()))
  })
