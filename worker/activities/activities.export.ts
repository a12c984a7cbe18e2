// The confirmed activities of a county (or the city) and year as the 履职活动台账 to print, in the
// same office layout as the issue ledger (worker/core/office-sheet.ts): one row per activity, in
// date order, with its outcomes and introductions.
import type { Db } from '../db/client'
import type { SessionUser } from '../auth/sessions'
import { activityScope, requirePermission, scopeOf, staffCountyFilter } from '../auth/access'
import { ACTIVITY_TAGS, FOUR_BATCHES, OUTCOMES, VENUES, labelOf } from '../core/taxonomy'
import type { OfficeColumn } from '../core/office-sheet'
import { decodeCursor, page } from '../db/cursor'
import { exportNames, scopePlace } from '../issues/issues.export'
import { listActivities } from './activities.queries'
import { withChildren, type Activity } from './activities.service'

/** The most rows one export carries, as for the issue ledger. */
const EXPORT_MAX = 20_000
const EXPORT_PAGE = 500

/** Confirmed activities of the year in the caller's scope (a county outside it yields none). */
async function confirmedInScope(db: Db, user: SessionUser, year: number, countyCode?: string): Promise<Activity[]> {
  if (countyCode) {
    const f = staffCountyFilter(scopeOf(user), countyCode)
    if ('codes' in f && f.codes.length === 0) return []
  }
  const out: Activity[] = []
  let after: ReturnType<typeof decodeCursor>
  while (out.length < EXPORT_MAX) {
    const rows = await listActivities(db, { scope: activityScope(user), year, countyCode, status: 'confirmed', sort: 'oldest', limit: EXPORT_PAGE, after })
    const { items, nextCursor } = page(rows, EXPORT_PAGE, (a) => a.createdAt)
    out.push(...(await withChildren(db, items)))
    if (!nextCursor) break
    after = decodeCursor(nextCursor)
  }
  return out
}

export async function activitiesWorkbook(db: Db, user: SessionUser, year: number, countyCode?: string, now = new Date()): Promise<{ blob: Blob; place: string }> {
  requirePermission(user, 'activity.review', '只有工作人员可以导出履职活动台账')
  const [items, names] = await Promise.all([confirmedInScope(db, user, year, countyCode), exportNames(db)])
  const place = scopePlace(names, user.countyCode ?? countyCode)
  const county = (code: string) => names.county.get(code) ?? code
  items.sort((a, b) => a.countyCode.localeCompare(b.countyCode) || a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt))

  const columns: OfficeColumn[] = [
    { header: '序号', width: 5, kind: 'int' },
    { header: '县市区', width: 8 },
    { header: '代表', width: 8 },
    { header: '活动日期', width: 11, kind: 'date' },
    { header: '活动载体', width: 8 },
    { header: '活动名称', width: 18 },
    { header: '活动内容', width: 32 },
    { header: '活动地点', width: 12 },
    { header: '活动形式', width: 10 },
    ...FOUR_BATCHES.map((k) => ({ header: labelOf(OUTCOMES, k), width: 7, kind: 'int' as const })),
    { header: '五个引进', width: 18 },
    { header: '引进资金（万元）', width: 9, kind: 'amount' },
  ]
  const rows = items.map((a, i) => [
    i + 1,
    county(a.countyCode),
    a.deputyName,
    a.date,
    a.venue ? labelOf(VENUES, a.venue) : '',
    a.title,
    a.description,
    a.place,
    a.tags.map((t) => labelOf(ACTIVITY_TAGS, t)).join('、'),
    ...FOUR_BATCHES.map((k) => a.outcomes[k]),
    a.introductions.map((x) => `${labelOf(OUTCOMES, x.type)}：${x.name}`).join('\n'),
    a.introductions.reduce((sum, x) => sum + ('amount' in x ? x.amount : 0), 0),
  ])
  const sum = (k: (typeof FOUR_BATCHES)[number]) => items.reduce((n, a) => n + a.outcomes[k], 0)
  const funds = rows.reduce((n, r) => n + (r.at(-1) as number), 0)
  const totals = ['合计', `${items.length} 次`, '', '', '', '', '', '', '', ...FOUR_BATCHES.map(sum), '', funds]
  const { exportedAt, officeWorkbook } = await import('../core/office-sheet')
  const blob = await officeWorkbook([
    {
      name: '履职活动台账',
      title: `${place}“高质量发展惠民生，人大代表展风采”代表履职活动台账（${year}年）`,
      note: `${exportedAt(now)}　已确认的活动共 ${items.length} 次`,
      columns,
      rows,
      totals,
    },
  ])
  return { blob, place }
}
