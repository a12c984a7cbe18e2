// The workflow as a table: every (actor, action, status) either works and lands in the status
// api.md names, or is refused (403 for a role that may never do it, 409 invalid_transition for
// the wrong status) and changes nothing.
import { beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { makeTestApp, errorOf, PINGQUAN, type TestApp } from '../support/app'
import { act, daysFromToday, fileIssue, putInStatus } from '../support/issues'
import { issueEvents, issues } from '../../worker/db/schema'
import type { IssueStatus } from '../../worker/core/taxonomy'

const STATUSES: IssueStatus[] = ['reported', 'assigned', 'rectifying', 'rectified', 'closed', 'rejected']
const ACTIONS = ['assign', 'reject', 'accept', 'decline', 'progress', 'complete', 'verify', 'return', 'extend', 'comment'] as const
type Actor = 'staff' | 'unit' | 'reporter'

// Written out from api.md, independently of worker/core/workflow.ts.
const ALLOWED: Record<Actor, Partial<Record<(typeof ACTIONS)[number], Partial<Record<IssueStatus, IssueStatus>>>>> = {
  staff: {
    assign: { reported: 'assigned', assigned: 'assigned', rectifying: 'assigned' },
    reject: { reported: 'rejected' },
    verify: { rectified: 'closed' },
    return: { rectified: 'rectifying' },
    extend: { assigned: 'assigned', rectifying: 'rectifying' },
    comment: Object.fromEntries(STATUSES.map((s) => [s, s])),
  },
  unit: {
    accept: { assigned: 'rectifying' },
    decline: { assigned: 'reported' },
    progress: { rectifying: 'rectifying' },
    complete: { rectifying: 'rectified' },
    comment: Object.fromEntries(STATUSES.map((s) => [s, s])),
  },
  reporter: { comment: Object.fromEntries(STATUSES.map((s) => [s, s])) },
}

let t: TestApp
let cookies: Record<Actor, string>
let unitId: string
let otherUnitId: string
const deputyReporter = { cookie: '' }

beforeAll(async () => {
  t = await makeTestApp()
  const unit = await t.makeUnit(PINGQUAN, '平泉市住房和城乡建设局')
  unitId = unit.id
  otherUnitId = (await t.makeUnit(PINGQUAN, '平泉市农业农村局')).id
  const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
  const unitUser = await t.actor({ role: 'unit', unitId })
  const reporter = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
  deputyReporter.cookie = reporter.cookie
  cookies = { staff: staff.cookie, unit: unitUser.cookie, reporter: reporter.cookie }
})

function bodyFor(action: string, status: IssueStatus): Record<string, unknown> {
  switch (action) {
    case 'assign':
      return { unitId: status === 'reported' ? unitId : otherUnitId, requirement: '限期整改', deadline: daysFromToday(20) }
    case 'extend':
      return { deadline: daysFromToday(30), note: '需协调资金，申请延期' }
    case 'progress':
      return { note: '已清运一半', progress: 50 }
    case 'accept':
    case 'verify':
      return {}
    default:
      return { note: '说明' }
  }
}

const cases = (['staff', 'unit', 'reporter'] as Actor[]).flatMap((actor) =>
  ACTIONS.flatMap((action) => STATUSES.map((status) => ({ actor, action, status, to: ALLOWED[actor][action]?.[status] }))),
)

describe.each(cases)('$actor $action from $status', ({ actor, action, status, to }) => {
  it(to ? `moves the issue to ${to} with one new event` : 'is refused and changes nothing', async () => {
    const issue = await fileIssue(t, deputyReporter.cookie)
    await putInStatus(t, issue.id, status, unitId)
    const [before] = await t.db.select().from(issues).where(eq(issues.id, issue.id))
    const eventsBefore = await t.db.select().from(issueEvents).where(eq(issueEvents.issueId, issue.id))

    const res = await act(t, cookies[actor], issue.id, action, bodyFor(action, status))
    const [after] = await t.db.select().from(issues).where(eq(issues.id, issue.id))
    const eventsAfter = await t.db.select().from(issueEvents).where(eq(issueEvents.issueId, issue.id))

    if (to) {
      expect(res.status, await res.clone().text()).toBe(200)
      expect(((await res.json()) as { status: string }).status).toBe(to)
      expect(after!.status).toBe(to)
      expect(after!.version).toBe(before!.version + 1)
      expect(eventsAfter).toHaveLength(eventsBefore.length + 1)
      expect(eventsAfter.at(-1)).toMatchObject({ action, fromStatus: status, toStatus: to })
    } else {
      const mayEver = Object.keys(ALLOWED[actor]).includes(action)
      expect(res.status).toBe(mayEver ? 409 : 403)
      expect((await errorOf(res)).code).toBe(mayEver ? 'invalid_transition' : 'forbidden')
      expect(after).toEqual(before)
      expect(eventsAfter).toHaveLength(eventsBefore.length)
    }
  })
})
