import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../support/app'
import { yearInShanghai } from '../../worker/core/dates'
import { seedReference } from '../../worker/db/seed/reference'
import { fields } from '../../worker/db/schema'
import { eq } from 'drizzle-orm'
import { readFileSync } from 'node:fs'
import { APP_VERSION } from '../../worker/core/version'

// What the health check must report: package.json's version and the last file in migrations/.
const LATEST_MIGRATION = JSON.parse(readFileSync(new URL('../../migrations/meta/_journal.json', import.meta.url), 'utf8')).entries.at(-1).tag as string

interface Reference {
  counties: { code: string; name: string }[]
  city: { code: string; name: string }
  years: number[]
  fields: { code: string; name: string; origin: string; year: number }[]
  issueSources: { code: string; name: string }[]
  venues: { code: string; name: string; focus: string }[]
  outcomes: { code: string; name: string; group: string }[]
  fiveOnes: { code: string }[]
  deputyLevels: { code: string; name: string }[]
  issueStatuses: { code: string }[]
  activityTags: { code: string; name: string }[]
}

describe('health and reference', () => {
  it('reports health without signing in: the release and the schema level', async () => {
    const t = await makeTestApp()
    const res = await t.call('GET', '/api/v1/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, db: 'ok', version: APP_VERSION, migration: LATEST_MIGRATION, pendingMigrations: 0 })
  })

  it('lists Chengde, its 12 county-level units and the taxonomy, cacheable and public', async () => {
    const t = await makeTestApp()
    const res = await t.call('GET', '/api/v1/reference')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('max-age')
    const ref = (await res.json()) as Reference
    expect(ref.city).toEqual({ code: '130800', name: '承德市' })
    expect(ref.counties).toHaveLength(12)
    expect(ref.counties).toContainEqual({ code: '130881', name: '平泉市' })
    expect(ref.counties).toContainEqual({ code: '130871', name: '承德高新技术产业开发区' })
    expect(ref.issueSources.map((s) => s.code)).toEqual(['inspection', 'interview', 'survey', 'spot_check', 'public_report', 'petition', 'deputy'])
    expect(ref.venues.find((v) => v.code === 'station')).toEqual({ code: 'station', name: '进家站', focus: '社情民意、阵地建设' })
    expect(ref.outcomes.filter((o) => o.group === 'five_introductions').map((o) => o.code)).toEqual([
      'market_entity',
      'green_project',
      'funds',
      'talent',
      'technology',
    ])
    expect(ref.fiveOnes.map((f) => f.code)).toEqual(['inspection', 'inquiry', 'resolution', 'evaluation', 'exchange'])
    expect(ref.deputyLevels.map((l) => l.name)).toEqual(['全国', '省', '市', '县', '乡'])
    expect(ref.issueStatuses).toHaveLength(6)
    expect(ref.activityTags.map((a) => a.name)).toEqual(['三访三问', '五送', '三解', '四必访'])
  })

  it('configures the seven fields of 2022 for every year up to this one', async () => {
    const t = await makeTestApp()
    const ref = (await (await t.call('GET', '/api/v1/reference')).json()) as Reference
    const thisYear = yearInShanghai()
    expect(ref.years[0]).toBe(2022)
    expect(ref.years[ref.years.length - 1]).toBe(thisYear)
    const of2022 = ref.fields.filter((f) => f.year === 2022)
    expect(of2022.map((f) => f.code)).toEqual(['key_projects', 'business_env', 'groundwater', 'rural_living', 'waste_sorting', 'rural_industry', 'dev_zones'])
    expect(of2022.filter((f) => f.origin === 'city').map((f) => f.name)).toEqual(['乡村产业发展', '开发区（高新区）提升'])
  })

  it('carries a changed list of fields into a new year, and seeding twice changes nothing', async () => {
    const t = await makeTestApp()
    const thisYear = yearInShanghai()
    await t.db.delete(fields).where(eq(fields.code, 'groundwater'))
    await seedReference(t.db, new Date(`${thisYear + 1}-01-01T00:00:00+08:00`))
    await seedReference(t.db, new Date(`${thisYear + 1}-01-01T00:00:00+08:00`))
    const next = await t.db.select().from(fields).where(eq(fields.year, thisYear + 1))
    expect(next).toHaveLength(6)
  })
})
