import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../support/app'
import { seedDemoIfEmpty, DEMO_PASSWORD } from '../../worker/db/seed/demo'
import type { IssueJson } from '../support/issues'
import { yearInShanghai } from '../../worker/core/dates'
import { ok } from '../support/clock'

describe('the demo data set', () => {
  it('loads once into an empty database, and the demo accounts sign in with the documented password', async () => {
    const t = await makeTestApp()
    expect(await seedDemoIfEmpty(t.db)).toBe(true)
    expect(await seedDemoIfEmpty(t.db)).toBe(false)
    for (const phone of ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005', '13800000006']) {
      await t.signIn(phone, DEMO_PASSWORD)
    }
  })

  it('holds issues in every status, some overdue, with timelines that match them', async () => {
    const t = await makeTestApp()
    await seedDemoIfEmpty(t.db)
    const cookie = await t.signIn('13800000002', DEMO_PASSWORD)
    const { items } = (await (await t.call('GET', '/api/v1/issues?limit=200', { cookie })).json()) as { items: IssueJson[] }
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['reported', 'assigned', 'rectifying', 'rectified', 'closed', 'rejected']))
    expect(items.some((i) => i.overdue)).toBe(true)
    expect(items.some((i) => i.closedOnTime === false)).toBe(true)
    for (const issue of items) {
      const { events } = (await (await t.call('GET', `/api/v1/issues/${issue.id}`, { cookie })).json()) as { events: { toStatus: string }[] }
      expect(events.at(-1)!.toStatus).toBe(issue.status)
      expect(events).toHaveLength(issue.version)
    }
  })

  it("gives the demo deputy and the demo unit work of their own", async () => {
    const t = await makeTestApp()
    await seedDemoIfEmpty(t.db)
    for (const phone of ['13800000004', '13800000006']) {
      const cookie = await t.signIn(phone, DEMO_PASSWORD)
      const { items } = (await (await t.call('GET', '/api/v1/issues', { cookie })).json()) as { items: IssueJson[] }
      expect(items.length).toBeGreaterThan(0)
    }
  })
})

describe('the demo activities and 五个一', () => {
  it('hold deputies of all five levels, activities in every status and venue, and 五个一 partly done', async () => {
    const t = await makeTestApp()
    await seedDemoIfEmpty(t.db)
    const cookie = await t.signIn('13800000001', DEMO_PASSWORD)
    const deputies = (await (await t.call('GET', '/api/v1/deputies?limit=200', { cookie })).json()) as { items: { level: string; countyCode: string }[] }
    expect(new Set(deputies.items.map((d) => d.level))).toEqual(new Set(['national', 'provincial', 'city', 'county', 'township']))
    expect(new Set(deputies.items.map((d) => d.countyCode)).size).toBeGreaterThanOrEqual(4)
    const acts = (await (await t.call('GET', '/api/v1/activities?limit=200', { cookie })).json()) as { items: { status: string; venue: string }[] }
    expect(new Set(acts.items.map((a) => a.status))).toEqual(new Set(['submitted', 'confirmed', 'returned']))
    expect(new Set(acts.items.map((a) => a.venue)).size).toBe(9)
  })

  it('has, by the end of a year, 五个一 of that year partly done', async () => {
    // The demo dates a year's 五个一 from March on, never after the day it is loaded: loaded on the
    // last day of last year (its clock injected), a whole year's worth is there, whatever today is.
    const year = yearInShanghai() - 1
    const t = await makeTestApp()
    await seedDemoIfEmpty(t.db, new Date(`${year}-12-31T12:00:00+08:00`))
    const cookie = await t.signIn('13800000001', DEMO_PASSWORD)
    const five = (await (await ok(t.call('GET', `/api/v1/five-ones?year=${year}`, { cookie }), 200)).json()) as { items: { countyCode: string; date: string }[] }
    const perPlace = new Map<string, number>()
    for (const f of five.items) perPlace.set(f.countyCode, (perPlace.get(f.countyCode) ?? 0) + 1)
    expect([...perPlace.values()].some((n) => n === 5)).toBe(true)
    expect([...perPlace.values()].some((n) => n < 5)).toBe(true)
    expect(five.items.every((f) => f.date.startsWith(`${year}-`))).toBe(true)
  })
})
