// Per-year settings (api.md "Settings"): N, the days before a deadline that turn an item yellow.
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { currentUser } from '../auth/middleware'
import { route } from '../openapi/describe'
import { body, querystring } from '../validate'
import { putYearSettingsBody, yearSettingsAnswer, yearSettingsQuery } from './settings.schemas'
import { putYearSettings, readYearSettings } from './settings.service'

const TAGS = ['设置']
const read = route({ tags: TAGS, summary: '一个年度的亮灯设置（黄灯天数，未设置为默认 3 天）', responses: { 200: yearSettingsAnswer } })
const write = route({
  tags: TAGS,
  summary: '设置一个年度的黄灯天数（市级工作人员）',
  description: '首次设置带 version 0；version 过时为 409 conflict，附 current（最新的设置）。',
  responses: { 200: yearSettingsAnswer, errors: [403, 409] },
})

export const settingsRoutes = new Hono<AppEnv>()
  .get('/year-settings', read, querystring(yearSettingsQuery), async (c) => {
    currentUser(c)
    return c.json(await readYearSettings(c.var.db, c.req.valid('query').year))
  })
  .put('/year-settings', write, body(putYearSettingsBody), async (c) => {
    return c.json(await putYearSettings(c.var.db, currentUser(c), c.req.valid('json')))
  })
