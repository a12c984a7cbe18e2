// The statistics counters are a cache of the truth: after any sequence of creates, actions,
// reviews, edits, group activities (their participants, edits and reviews), issues found by a
// group, deputies ended and restored, retries and stale writes, every counter equals a recount
// from the base tables.
import '../support/clock'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { sql } from 'drizzle-orm'
import { makeTestApp, LONGHUA, PINGQUAN, type TestApp } from '../support/app'
import { activityBody } from '../support/activities'
import { daysFromToday, issueBody, today } from '../support/issues'
import { ok } from '../support/clock'
import { RECOUNT, rebuildCounters } from '../../worker/stats/recount'
import { addYears, yearInShanghai } from '../../worker/core/dates'
import { availableActions } from '../../worker/core/workflow'
import type { IssueStatus } from '../../worker/core/taxonomy'

type Row = Record<string, unknown>

/** Rows of a counter table and of its recount, both without all-zero rows, in a stable order. */
async function compare(t: TestApp) {
  for (const [table, { columns, select }] of Object.entries(RECOUNT)) {
    const names = columns.split(',').map((c) => c.trim())
    const norm = (rows: unknown[][]) =>
      rows
        .map((r) => Object.fromEntries(names.map((n, i) => [n, typeof r[i] === 'bigint' ? Number(r[i]) : r[i]])) as Row)
        .filter((r) => names.some((n, i) => i >= keyCount(table) && r[n] !== 0))
        .map((r) => JSON.stringify(r))
        .sort()
    const stored = norm((await t.client.execute(`select ${columns} from ${table}`)).rows.map((r) => names.map((_, i) => r[i])))
    const truth = norm((await t.db.values(select)) as unknown[][])
    expect(stored, table).toEqual(truth)
  }
}
function keyCount(table: string) {
  return { issue_counts: 4, activity_counts: 2, deputy_year_counts: 2, deputy_counts: 1, five_one_counts: 3, deadline_counts: 5, group_activity_counts: 3 }[table]!
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('issue' as const), who: fc.nat(3), field: fc.constantFrom('rural_living', 'groundwater'), township: fc.constantFrom('平泉镇', '杨树岭镇'), retry: fc.boolean(), byGroup: fc.boolean() }),
  fc.record({ kind: fc.constant('action' as const), pick: fc.nat(), action: fc.constantFrom('assign', 'reject', 'accept', 'decline', 'progress', 'complete', 'verify', 'return', 'extend', 'comment', 'press'), days: fc.nat(12), other: fc.boolean(), stale: fc.boolean() }),
  fc.record({ kind: fc.constant('activity' as const), who: fc.nat(3), back: fc.nat(2), deed: fc.nat(3), funds: fc.boolean(), retry: fc.boolean() }),
  fc.record({ kind: fc.constant('review' as const), pick: fc.nat(), confirm: fc.boolean(), stale: fc.boolean() }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), back: fc.nat(2) }),
  fc.record({ kind: fc.constant('deputy' as const), county: fc.constantFrom(PINGQUAN, LONGHUA) }),
  fc.record({ kind: fc.constant('fiveOne' as const), type: fc.constantFrom('inspection', 'inquiry', 'exchange') }),
  fc.record({ kind: fc.constant('roster' as const), who: fc.nat(3), active: fc.boolean(), stale: fc.boolean() }),
  // A group activity of a county's group (its two members and an invited deputy, as the bits of `mask` pick them), by its leader or by staff.
  { arbitrary: fc.record({ kind: fc.constant('groupActivity' as const), county: fc.nat(1), byStaff: fc.boolean(), mask: fc.nat(7), deed: fc.nat(3), funds: fc.boolean(), retry: fc.boolean() }), weight: 2 },
  fc.record({ kind: fc.constant('groupEdit' as const), pick: fc.nat(), mask: fc.nat(7), stale: fc.boolean() }),
  { arbitrary: fc.record({ kind: fc.constant('groupReview' as const), pick: fc.nat(), confirm: fc.boolean(), stale: fc.boolean() }), weight: 2 },
)

describe('statistics counters', () => {
  it('equal a recount after every step of any sequence of writes', async () => {
    const year = yearInShanghai()
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        const t = await makeTestApp()
        const pqUnit = await t.makeUnit(PINGQUAN, '平泉市水务局')
        const lhUnit = await t.makeUnit(LONGHUA, '隆化县水务局')
        // A second unit per county: a re-assignment moves the item's deadline buckets to another unit.
        const others: Record<string, { id: string }> = { [PINGQUAN]: await t.makeUnit(PINGQUAN, '平泉市住建局'), [LONGHUA]: await t.makeUnit(LONGHUA, '隆化县住建局') }
        const staff: Record<string, { cookie: string }> = { [PINGQUAN]: await t.actor({ role: 'county_staff', countyCode: PINGQUAN }), [LONGHUA]: await t.actor({ role: 'county_staff', countyCode: LONGHUA }) }
        const units: Record<string, { cookie: string }> = { [PINGQUAN]: await t.actor({ role: 'unit', unitId: pqUnit.id }), [LONGHUA]: await t.actor({ role: 'unit', unitId: lhUnit.id }) }
        const deputies = [
          await t.actor({ role: 'deputy', countyCode: PINGQUAN }),
          await t.actor({ role: 'deputy', countyCode: PINGQUAN }),
          await t.actor({ role: 'deputy', countyCode: LONGHUA }),
          await t.actor({ role: 'deputy', countyCode: LONGHUA }),
        ]
        const guests = [await t.makeUser({ role: 'deputy', countyCode: PINGQUAN }), await t.makeUser({ role: 'deputy', countyCode: LONGHUA })]
        await rebuildCounters(t.db) // the actors above were written directly
        // A group a county of this year: deputies 0 and 1 (led by 0) in 平泉, 2 and 3 (led by 2) in 隆化.
        const groups: { id: string; leader: number; people: string[] }[] = []
        for (const [county, first] of [[PINGQUAN, 0], [LONGHUA, 2]] as const) {
          const members = [deputies[first]!.user.id, deputies[first + 1]!.user.id]
          const res = await ok(t.call('POST', '/api/v1/groups', { cookie: staff[county]!.cookie, body: { name: '代表小组', year, fieldCodes: ['rural_living'], leaderId: members[0], memberIds: members } }), 201)
          groups.push({ id: ((await res.json()) as { id: string }).id, leader: first, people: [...members, guests[first / 2]!.id] })
        }
        const pick = (g: (typeof groups)[number], mask: number) => g.people.filter((_, i) => mask & (1 << i))
        const issues: { id: string; county: string }[] = []
        const acts: { id: string; who: number; group?: number }[] = []
        let phone = 13955550000
        const version = async (table: string, id: string) => Number((await t.db.values(sql`select version from ${sql.raw(table)} where id = ${id}`))[0]![0])

        for (const o of ops) {
          if (o.kind === 'issue') {
            const d = deputies[o.who]!
            const id = crypto.randomUUID()
            // Found by the filer's group (every deputy here is a member of their county's), or not.
            const body = { ...issueBody({ fieldCode: o.field, township: o.township, ...(o.byGroup ? { groupId: groups[o.who < 2 ? 0 : 1]!.id } : {}) }), id }
            // An ended deputy's session is gone (401); anything else is filed, or answered as the same issue.
            const made = await ok(t.call('POST', '/api/v1/issues', { cookie: d.cookie, body }), 201, 401)
            if (o.retry) await ok(t.call('POST', '/api/v1/issues', { cookie: d.cookie, body }), made.status === 201 ? 200 : 401)
            if (made.status === 201) issues.push({ id, county: o.who < 2 ? PINGQUAN : LONGHUA })
          } else if (o.kind === 'action' && issues.length) {
            const i = issues[o.pick % issues.length]!
            const isUnit = ['accept', 'decline', 'progress', 'complete'].includes(o.action)
            const cookie = (isUnit ? units : staff)[i.county]!.cookie
            const v = (await version('issues', i.id)) - (o.stale ? 1 : 0)
            const unitId = o.other && o.action === 'assign' ? others[i.county]!.id : i.county === PINGQUAN ? pqUnit.id : lhUnit.id
            // Done, or refused by the workflow, the rules, the version or the unit's scope (an issue not
            // assigned to it is not found): never a failure of the server.
            await ok(t.call('POST', `/api/v1/issues/${i.id}/actions`, {
              cookie,
              body: { action: o.action, version: v, note: '说明', unitId, requirement: '整改', deadline: daysFromToday(o.action === 'extend' ? 30 + o.days : o.days), progress: 50 },
            }), 200, 400, 403, 404, 409)
          } else if (o.kind === 'activity') {
            const d = deputies[o.who]!
            const id = crypto.randomUUID()
            const body = activityBody({
              id,
              date: addYears(today(), -o.back), // today, or the same day one or two years back
              outcomes: { deed: o.deed },
              introductions: o.funds ? [{ type: 'funds', name: '资金', amount: 12.34 }] : [{ type: 'talent', name: '人才' }],
            })
            const made = await ok(t.call('POST', '/api/v1/activities', { cookie: d.cookie, body }), 201, 401)
            if (o.retry) await ok(t.call('POST', '/api/v1/activities', { cookie: d.cookie, body }), made.status === 201 ? 200 : 401)
            if (made.status === 201) acts.push({ id, who: o.who })
          } else if (o.kind === 'review' && acts.length) {
            const a = acts[o.pick % acts.length]!
            const v = (await version('activities', a.id)) - (o.stale ? 1 : 0)
            await ok(t.call('POST', `/api/v1/activities/${a.id}/review`, { cookie: staff[a.who < 2 ? PINGQUAN : LONGHUA]!.cookie, body: { decision: o.confirm ? 'confirm' : 'return', note: '退回', version: v } }), 200, 409)
          } else if (o.kind === 'groupActivity') {
            const g = groups[o.county]!
            const id = crypto.randomUUID()
            const participantIds = pick(g, o.mask)
            const body = activityBody({ id, groupId: g.id, participantIds, outcomes: { deed: o.deed }, introductions: o.funds ? [{ type: 'funds', name: '资金', amount: 8.5 }] : [{ type: 'technology', name: '技术' }] })
            const cookie = o.byStaff ? staff[o.county === 0 ? PINGQUAN : LONGHUA]!.cookie : deputies[g.leader]!.cookie
            // Recorded; or refused for no participants or one ended since (400), or an ended leader's session (401).
            const made = await ok(t.call('POST', '/api/v1/activities', { cookie, body }), 201, 400, 401)
            if (o.retry) await ok(t.call('POST', '/api/v1/activities', { cookie, body }), made.status === 201 ? 200 : made.status)
            if (made.status === 201) acts.push({ id, who: g.leader, group: o.county })
          } else if (o.kind === 'groupReview' && acts.some((a) => a.group !== undefined)) {
            const ofGroups = acts.filter((a) => a.group !== undefined)
            const a = ofGroups[o.pick % ofGroups.length]!
            const v = (await version('activities', a.id)) - (o.stale ? 1 : 0)
            await ok(t.call('POST', `/api/v1/activities/${a.id}/review`, { cookie: staff[a.who < 2 ? PINGQUAN : LONGHUA]!.cookie, body: { decision: o.confirm ? 'confirm' : 'return', note: '退回', version: v } }), 200, 409)
          } else if (o.kind === 'groupEdit' && acts.some((a) => a.group !== undefined)) {
            const ofGroups = acts.filter((a) => a.group !== undefined)
            const a = ofGroups[o.pick % ofGroups.length]!
            const body = { ...activityBody({ outcomes: { mentoring: 2 } }), participantIds: pick(groups[a.group!]!, o.mask), version: (await version('activities', a.id)) - (o.stale ? 1 : 0) }
            await ok(t.call('PUT', `/api/v1/activities/${a.id}`, { cookie: staff[a.who < 2 ? PINGQUAN : LONGHUA]!.cookie, body }), 200, 400, 409)
          } else if (o.kind === 'edit' && acts.length) {
            const a = acts[o.pick % acts.length]!
            // A group activity stays in its group's year.
            const back = a.group === undefined ? o.back : 0
            const body = { ...activityBody({ date: addYears(today(), -back), outcomes: { opinion: 4 } }), version: await version('activities', a.id) }
            await ok(t.call('PUT', `/api/v1/activities/${a.id}`, { cookie: deputies[a.who]!.cookie, body }), 200, 401, 409)
          } else if (o.kind === 'deputy') {
            await ok(t.call('POST', '/api/v1/deputies', { cookie: staff[o.county]!.cookie, body: { name: '新代表', phone: String(phone++), level: 'township' } }), 201)
          } else if (o.kind === 'roster') {
            // A deputy ended or restored (their sessions end with it, so their later writes are refused).
            const d = deputies[o.who]!
            const v = (await version('users', d.user.id)) - (o.stale ? 1 : 0)
            await ok(t.call('PATCH', `/api/v1/deputies/${d.user.id}`, { cookie: staff[o.who < 2 ? PINGQUAN : LONGHUA]!.cookie, body: { version: v, active: o.active } }), 200, 409)
          } else if (o.kind === 'fiveOne') {
            await ok(t.call('POST', '/api/v1/five-ones', { cookie: staff[PINGQUAN]!.cookie, body: { countyCode: PINGQUAN, year, type: o.type, date: today(), title: '五个一' } }), 201)
          }
          await compare(t)
        }
      }),
      { numRuns: 15 },
    )
  }, 120_000)

  it('keep the deadline buckets exact through any sequence of issue actions', async () => {
    // Issue actions only, each one of those the item's status allows (so that most of them happen):
    // assignments to two units with deadlines over two weeks, extensions, declines, presses, closures.
    let done = 0
    const step = fc.record({ file: fc.boolean(), pick: fc.nat(), choice: fc.nat(), days: fc.nat(14), other: fc.boolean(), stale: fc.boolean() })
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 40 }), async (steps) => {
        const t = await makeTestApp()
        const unitA = await t.makeUnit(PINGQUAN, '平泉市水务局')
        const unitB = await t.makeUnit(PINGQUAN, '平泉市住建局')
        const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
        const unitActors = { [unitA.id]: await t.actor({ role: 'unit', unitId: unitA.id }), [unitB.id]: await t.actor({ role: 'unit', unitId: unitB.id }) }
        const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
        await rebuildCounters(t.db) // the actors above were written directly
        const ids: string[] = []
        for (const s of steps) {
          if (s.file || ids.length === 0) {
            const made = await ok(t.call('POST', '/api/v1/issues', { cookie: deputy.cookie, body: issueBody({ township: s.other ? '平泉镇' : '杨树岭镇', fieldCode: s.other ? 'rural_living' : 'groundwater' }) }), 201)
            ids.push(((await made.json()) as { id: string }).id)
            continue
          }
          const id = ids[s.pick % ids.length]!
          const { rows } = await t.client.execute({ sql: 'select status, unit_id, version from issues where id = ?', args: [id] })
          const status = String(rows[0]!.status)
          const unitId = rows[0]!.unit_id === null ? null : String(rows[0]!.unit_id)
          const version = Number(rows[0]!.version)
          const unitActions = unitId ? availableActions('assigned_unit', status as IssueStatus) : []
          const staffActions = availableActions('staff', status as IssueStatus)
          const all = [...staffActions.map((a) => ['staff', a] as const), ...unitActions.map((a) => ['unit', a] as const)].filter(([, a]) => a !== 'comment')
          if (!all.length) continue
          const [who, action] = all[s.choice % all.length]!
          const cookie = who === 'staff' ? staff.cookie : unitActors[unitId!]!.cookie
          const res = await ok(t.call('POST', `/api/v1/issues/${id}/actions`, {
            cookie,
            body: { action, version: version - (s.stale ? 1 : 0), note: '说明', unitId: s.other ? unitB.id : unitA.id, requirement: '整改', deadline: daysFromToday(action === 'extend' ? 15 + s.days : s.days), progress: 50 },
          }), 200, 400, 409)
          if (res.status === 200) done++
          await compare(t)
        }
      }),
      { numRuns: 15 },
    )
    expect(done, 'actions that happened').toBeGreaterThan(20)
  }, 120_000)

  it('are rebuilt from the base tables by the recount, whatever they held', async () => {
    const t = await makeTestApp()
    const d = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    await ok(t.call('POST', '/api/v1/issues', { cookie: d.cookie, body: issueBody() }), 201)
    await t.client.execute('update issue_counts set reported = 99')
    await t.client.execute("insert into activity_counts (year, county_code, activities) values (2023, '130881', 7)")
    await rebuildCounters(t.db)
    await compare(t)
  })
})
