// GET /health (release, schema level) and GET /reference (public): the catalogue every screen labels its codes with.
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { pingDatabase, readReference } from './reference.queries'
import { migrationLevel } from '../db/migration-level'
import { APP_VERSION } from '../core/version'
import { apiError, route } from '../openapi/describe'
import { healthDown, healthUp, reference } from './reference.schemas'

const TAGS = ['基础']
const describeHealth = route({
  tags: TAGS,
  summary: '运行状态：版本与数据库迁移级别',
  public: true,
  responses: { 200: healthUp, 503: { schema: healthDown.or(apiError), description: '数据库不可用（或正忙）' } },
})

export const referenceRoutes = new Hono<AppEnv>()
  .get('/health', describeHealth, async (c) => {
    try {
      await pingDatabase(c.var.db)
      // Which release runs on which schema: an upgrade is done when pendingMigrations is 0.
      const level = await migrationLevel(c.var.db)
      return c.json({ ok: true, db: 'ok', version: APP_VERSION, migration: level.migration, pendingMigrations: level.pending })
    } catch (e) {
      console.error('health: database check failed', e)
      return c.json({ ok: false, db: 'error', version: APP_VERSION }, 503)
    }
  })
  .get('/reference', route({ tags: TAGS, summary: '参考目录：县市区、领域与各类代码', public: true, responses: { 200: reference } }), async (c) => {
    const { placeRows, fieldRows, catalogRows } = await readReference(c.var.db)
    const city = placeRows.find((p) => p.kind === 'city')
    const of = (kind: string) => catalogRows.filter((r) => r.kind === kind)
    const plain = (kind: string) => of(kind).map(({ code, name }) => ({ code, name }))
    c.header('Cache-Control', 'public, max-age=300')
    return c.json({
      counties: placeRows.filter((p) => p.kind === 'county').map(({ code, name }) => ({ code, name })),
      city: city ? { code: city.code, name: city.name } : null,
      years: [...new Set(fieldRows.map((f) => f.year))],
      fields: fieldRows.map(({ code, name, origin, year }) => ({ code, name, origin, year })),
      issueSources: plain('issue_source'),
      issueKinds: plain('issue_kind'),
      venues: of('venue').map(({ code, name, extra }) => ({ code, name, focus: extra ?? '' })),
      outcomes: of('outcome').map(({ code, name, extra }) => ({ code, name, group: extra ?? '' })),
      fiveOnes: plain('five_one'),
      deputyLevels: plain('deputy_level'),
      issueStatuses: plain('issue_status'),
      activityStatuses: plain('activity_status'),
      activityTags: plain('activity_tag'),
    })
  })
