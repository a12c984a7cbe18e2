// Responsible units (api.md "Units"): staff list and add the units of their county.
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { body, querystring } from '../validate'
import { route } from '../openapi/describe'
import { createUnit, unitsFor } from './units.service'
import { createUnitBody, unitList, unitResponse, unitsQuery } from './units.schemas'

const TAGS = ['责任单位']

export const unitRoutes = new Hono<AppEnv>()
  .get('/units', route({ tags: TAGS, summary: '责任单位列表（县级只见本县）', responses: { 200: unitList, errors: [403] } }), querystring(unitsQuery), async (c) => {
    return c.json({ items: await unitsFor(c.var.db, currentUser(c), c.req.valid('query').countyCode) })
  })
  .post('/units', route({ tags: TAGS, summary: '添加责任单位', responses: { 201: unitResponse, errors: [403, 409] } }), body(createUnitBody), async (c) => {
    return c.json(await createUnit(c.var.db, currentUser(c), c.req.valid('json')), 201)
  })
