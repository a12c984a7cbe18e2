// The work bench's rules: which counts each role sees, worked out for today (Asia/Shanghai) with
// each year's N, and the list behind each count. Every count is one counter sum or one indexed
// count on a narrow range, all in one batch.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { scopeOf, staffCountyFilter } from '../auth/access'
import { todayInShanghai } from '../core/dates'
import { addDays, deadlineRange } from '../core/lights'
import { allCounties } from '../reference/reference.service'
import { daysFor, dueSoonRule, type DueSoonRule } from '../settings/settings.service'
import {
  countyDeadlineBuckets,
  declinedCount,
  issuesSeenAt,
  markIssuesSeen,
  progressCount,
  returnedActivities,
  statusTotals,
  submittedActivities,
  unitDeadlineBuckets,
} from './me.queries'
import type { Summary } from './me.schemas'
import { unitKey } from '../stats/counters'

/** Before a deputy first looks, every change after filing is new. */
const NEVER = '1970-01-01T00:00:00.000Z'

/** The widest yellow range any year has: buckets past it are never yellow. */
const widest = (rule: DueSoonRule) => Math.max(rule.defaultDays, ...rule.byYear.values())

/** Sums the yellow buckets, each with its own year's N. */
function dueSoonOf(rows: { year: number; deadline: string; n: number }[], today: string, rule: DueSoonRule) {
  return rows.filter((r) => r.deadline <= addDays(today, daysFor(rule, r.year))).reduce((s, r) => s + r.n, 0)
}
const total = (rows: { n: number }[]) => rows.reduce((s, r) => s + r.n, 0)
const first = (rows: { n: number }[]) => rows[0]?.n ?? 0

export async function workSummary(db: Db, user: SessionUser, now = new Date()): Promise<Summary> {
  const today = todayInShanghai(now)
  const rule = await dueSoonRule(db)
  const red = deadlineRange('red', today, 0)
  const yellow = deadlineRange('yellow', today, widest(rule))

  const scope = scopeOf(user)
  if (scope.kind === 'city' || scope.kind === 'county') {
    const f = staffCountyFilter(scope)
    const counties = 'all' in f ? null : f.codes
    const [totals, reds, yellows, declined, review] = await db.batch([
      statusTotals(db, counties),
      countyDeadlineBuckets(db, counties, red),
      countyDeadlineBuckets(db, counties, yellow),
      declinedCount(db, counties),
      submittedActivities(db, counties),
    ])
    const out: Summary = {
      role: user.role,
      counts: {
        toAssign: totals[0]?.reported ?? 0,
        declined: first(declined),
        toVerify: totals[0]?.rectified ?? 0,
        overdue: total(reds),
        dueSoon: dueSoonOf(yellows, today, rule),
        toReview: first(review),
      },
      lists: {
        toAssign: '/issues?status=reported',
        declined: '/issues?declined=true',
        toVerify: '/issues?status=rectified',
        overdue: '/issues?light=red',
        dueSoon: '/issues?light=yellow',
        toReview: '/activities?status=submitted',
      },
    }
    if (scope.kind === 'city') {
      const byCounty = new Map<string, number>()
      for (const r of reds) byCounty.set(r.countyCode, (byCounty.get(r.countyCode) ?? 0) + r.n)
      out.overdueByCounty = (await allCounties(db)).map((c) => ({ countyCode: c.code, overdue: byCounty.get(c.code) ?? 0 }))
    }
    return out
  }

  if (scope.kind === 'unit') {
    const unitId = scope.unitId
    // Every open item has a deadline and so a bucket: the unit's buckets give its statuses, its presses and its lights.
    const buckets = await unitDeadlineBuckets(db, unitId, {})
    const of = (key: 'assigned' | 'rectifying' | 'pressed') => total(buckets.filter((b) => b.key === unitKey(key, unitId)))
    const open = buckets.filter((b) => b.key !== unitKey('pressed', unitId))
    const reds = open.filter((b) => b.deadline <= red.to!)
    const yellows = open.filter((b) => b.deadline >= yellow.from! && b.deadline <= yellow.to!)
    return {
      role: 'unit',
      counts: { toAccept: of('assigned'), rectifying: of('rectifying'), dueSoon: dueSoonOf(yellows, today, rule), overdue: total(reds), pressed: of('pressed') },
      lists: {
        toAccept: '/issues?status=assigned',
        rectifying: '/issues?status=rectifying',
        dueSoon: '/issues?light=yellow',
        overdue: '/issues?light=red',
        pressed: '/issues?status=assigned,rectifying&pressed=true',
      },
    }
  }

  const seen = await issuesSeenAt(db, user.id)
  const since = seen ?? NEVER
  const [returned, progress] = await db.batch([returnedActivities(db, user.id), progressCount(db, user.id, since)])
  return {
    role: 'deputy',
    counts: { returned: first(returned), newProgress: first(progress) },
    lists: { returned: '/activities?status=returned', newProgress: `/issues?updatedAfter=${since}` },
    issuesSeenAt: seen,
  }
}

/** The deputy opened their issues: what changed before now is no longer new. */
export async function issuesSeen(db: Db, user: SessionUser, now = new Date()): Promise<{ issuesSeenAt: string }> {
  const at = now.toISOString()
  await markIssuesSeen(db, user.id, at)
  return { issuesSeenAt: at }
}
