import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../support/app'
import { seedDemoIfEmpty, DEMO_PASSWORD } from '../../worker/db/seed/demo'
import type { IssueJson } from '../support/issues'

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
