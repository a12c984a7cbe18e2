// A retried create that arrives in the same millisecond as the first (same client id, same body,
// same created_at) still creates one record and moves the statistics counters once: the batch
// knows its own row by a token fresh for each request, not by what a retry shares with it.
import '../support/clock'
import { describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { makeTestApp, PINGQUAN, type TestApp } from '../support/app'
import { activityBody, type ActivityJson } from '../support/activities'
import { issueBody, type IssueJson } from '../support/issues'
import { inOneMillisecond } from '../support/clock'
import { activities, activityIntroductions, activityTags, issueEvents, issues } from '../../worker/db/schema'
import { RECOUNT } from '../../worker/stats/recount'

/** A counter table's rows and its recount from the base tables (npm run stats:rebuild's truth). */
async function counters(t: TestApp, table: keyof typeof RECOUNT) {
  const { columns, select } = RECOUNT[table]
  const norm = (rows: unknown[][]) => rows.map((r) => JSON.stringify(Array.from(r, (v) => (typeof v === 'bigint' ? Number(v) : v)))).sort()
  const stored = norm((await t.client.execute(`select ${columns} from ${table}`)).rows.map((r) => columns.split(',').map((_, i) => r[i])))
  return { stored, recount: norm((await t.db.values(select)) as unknown[][]) }
}

describe('a create retried in the same millisecond', () => {
  it('files one issue and counts it once, one retry after the other or a burst at once', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const body = issueBody({ id: crypto.randomUUID() })
    const [first, again] = await inOneMillisecond(async () => [await t.call('POST', '/api/v1/issues', { cookie, body }), await t.call('POST', '/api/v1/issues', { cookie, body })])
    expect([first!.status, again!.status]).toEqual([201, 200])
    const a = (await first!.json()) as IssueJson
    const b = (await again!.json()) as IssueJson
    expect(b).toEqual(a)

    const burst = issueBody({ id: crypto.randomUUID(), fieldCode: 'groundwater' })
    const answers = await inOneMillisecond(() => Promise.all(Array.from({ length: 5 }, () => t.call('POST', '/api/v1/issues', { cookie, body: burst }))))
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201])

    expect((await t.db.select({ n: count() }).from(issues))[0]!.n).toBe(2)
    expect((await t.db.select({ n: count() }).from(issueEvents))[0]!.n).toBe(2)
    const { stored, recount } = await counters(t, 'issue_counts')
    expect(stored).toEqual(recount)
    // One issue a field, each counted once by field and once by township.
    const reported = await t.client.execute(`select dimension, key, reported from issue_counts where dimension = 'field' order by key`)
    expect(reported.rows.map((r) => [r[1], Number(r[2])])).toEqual([
      ['groundwater', 1],
      ['rural_living', 1],
    ])
  })

  it('records one activity with its introductions and tags once, and counts it once', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const id = crypto.randomUUID()
    const body = activityBody({ id, tags: ['three_visits', 'four_must_visits'] })
    const [first, again] = await inOneMillisecond(async () => [await t.call('POST', '/api/v1/activities', { cookie, body }), await t.call('POST', '/api/v1/activities', { cookie, body })])
    expect([first!.status, again!.status]).toEqual([201, 200])
    expect(((await again!.json()) as ActivityJson).introductions).toHaveLength(1)

    const bare = activityBody({ id: crypto.randomUUID(), tags: [], introductions: [] })
    const answers = await inOneMillisecond(() => Promise.all(Array.from({ length: 5 }, () => t.call('POST', '/api/v1/activities', { cookie, body: bare }))))
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201])

    expect((await t.db.select({ n: count() }).from(activities))[0]!.n).toBe(2)
    expect((await t.db.select({ n: count() }).from(activityIntroductions).where(eq(activityIntroductions.activityId, id)))[0]!.n).toBe(1)
    expect((await t.db.select({ n: count() }).from(activityTags))[0]!.n).toBe(2)
    const { stored, recount } = await counters(t, 'activity_counts')
    expect(stored).toEqual(recount)
    const [row] = (await t.client.execute(`select activities from activity_counts where county_code = '${PINGQUAN}'`)).rows
    expect(Number(row![0])).toBe(2)
  })
})
