// Responsible units (api.md "Units"): staff list and add the units of their county.
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { canManageCounty, requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { currentUser } from '../auth/middleware'
import { Conflict, Forbidden, ValidationFailed } from '../core/errors'
import { body, querystring } from '../validate'
import { route } from '../openapi/describe'
import { insertUnit, listUnits } from './units.queries'
import { isCounty } from '../reference/reference.queries'
import { createUnitBody, unitList, unitResponse, unitsQuery } from './units.schemas'

const TAGS = ['责任单位']

export const unitRoutes = new Hono<AppEnv>()
  .get('/units', route({ tags: TAGS, summary: '责任单位列表（县级只见本县）', responses: { 200: unitList, errors: [403] } }), querystring(unitsQuery), async (c) => {
    const user = currentUser(c)
    requirePermission(user, 'unit.manage')
    const qs = c.req.valid('query')
    const counties = staffCountyFilter(scopeOf(user), qs.countyCode)
    if ('codes' in counties && counties.codes.length === 0) return c.json({ items: [] })
    return c.json({ items: await listUnits(c.var.db, 'codes' in counties ? counties.codes[0]! : null) })
  })
  .post('/units', route({ tags: TAGS, summary: '添加责任单位', responses: { 201: unitResponse, errors: [403, 409] } }), body(createUnitBody), async (c) => {
    const user = currentUser(c)
    requirePermission(user, 'unit.manage')
    const body = c.req.valid('json')
    const county = body.countyCode ?? user.countyCode
    if (!county) throw new ValidationFailed({ countyCode: '请选择县市区' })
    if (!canManageCounty(scopeOf(user), county)) throw new Forbidden('只能为本县（市、区）添加责任单位')
    if (!(await isCounty(c.var.db, county))) throw new ValidationFailed({ countyCode: '没有这个县市区' })
    const unit = await insertUnit(c.var.db, county, body.name, new Date())
    if (!unit) throw new Conflict('本县（市、区）已有同名的责任单位')
    return c.json(unit, 201)
  })
