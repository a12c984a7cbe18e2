// Responsible units (api.md "Units"): staff list, add and rename the units of their county.
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { body, idParams, querystring } from '../validate'
import { route } from '../openapi/describe'
import { changeUnit, createUnit, unitsFor } from './units.service'
import { changeUnitBody, createUnitBody, unitList, unitResponse, unitsQuery } from './units.schemas'

const TAGS = ['责任单位']

export const unitRoutes = new Hono<AppEnv>()
  .get('/units', route({ tags: TAGS, summary: '责任单位列表（县级只见本县）', responses: { 200: unitList, errors: [403] } }), querystring(unitsQuery), async (c) => {
    return c.json({ items: await unitsFor(c.var.db, currentUser(c), c.req.valid('query').countyCode) })
  })
  .post('/units', route({ tags: TAGS, summary: '添加责任单位', responses: { 201: unitResponse, errors: [403, 409] } }), body(createUnitBody), async (c) => {
    return c.json(await createUnit(c.var.db, currentUser(c), c.req.valid('json')), 201)
  })
  .patch(
    '/units/:id',
    route({
      tags: TAGS,
      summary: '责任单位更名（带 version；已被他人修改时 409 附 current，与本县已有单位同名时 409）',
      description: '交办给该单位的问题随即显示新名称；问题的办理记录保留交办时的名称。别县的单位为 404。',
      responses: { 200: unitResponse, errors: [403, 409] },
    }),
    body(changeUnitBody),
    idParams('id'),
    async (c) => c.json(await changeUnit(c.var.db, currentUser(c), c.req.valid('param').id, c.req.valid('json'))),
  )
