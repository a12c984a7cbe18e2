// A county's ledger with something in every column, and the three office exports of it (issue
// ledger, statistics ledger, activities ledger), for the tests that open them as an office
// program would: test/api/exports-office.test.ts (read back by exceljs) and test/office (LibreOffice).
import { makeTestApp, PINGQUAN } from './app'
import { daysFromToday, fileIssue, putInStatus } from './issues'
import { recordActivity, review } from './activities'
import { yearInShanghai } from '../../worker/core/dates'

export interface OfficeExport {
  name: string
  path: string
  /** The file name the server gives (from filename*=). */
  fileName: string
  bytes: Buffer
}

const LONG = '村委会西侧主干道旁堆放生活垃圾约 3 立方米，已有一周未清运，群众反映强烈；雨天污水漫流至农户院内，存在卫生和安全隐患。'

export async function officeExports(issueCount = 40) {
  const t = await makeTestApp()
  const unit = await t.makeUnit(PINGQUAN, '平泉市住房和城乡建设局')
  const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
  const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕' })
  const year = yearInShanghai()
  for (let i = 0; i < issueCount; i++) {
    const issue = await fileIssue(t, deputy.cookie, { title: `第${i + 1}件：村内主干道垃圾堆放未及时清运`, description: LONG.repeat(1 + (i % 3)) })
    if (i % 3 === 1) await putInStatus(t, issue.id, 'rectifying', unit.id, daysFromToday(i % 2 ? -3 : 20))
    if (i % 3 === 2) await putInStatus(t, issue.id, 'closed', unit.id, daysFromToday(5))
  }
  for (let i = 0; i < 6; i++) {
    const a = await recordActivity(t, deputy.cookie, { title: `走访第${i + 1}村了解食用菌产业发展`, description: LONG })
    const res = await review(t, staff.cookie, a, 'confirm')
    if (res.status !== 200) throw new Error(`review failed: ${res.status}`)
  }
  const paths = {
    issues: `/api/v1/issues/export.xlsx?year=${year}`,
    stats: `/api/v1/stats/export.xlsx?year=${year}`,
    activities: `/api/v1/activities/export.xlsx?year=${year}`,
  }
  const files: Record<keyof typeof paths, OfficeExport> = {} as never
  for (const [name, path] of Object.entries(paths) as [keyof typeof paths, string][]) {
    const res = await t.call('GET', path, { cookie: staff.cookie })
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    const disposition = res.headers.get('content-disposition') ?? ''
    files[name] = { name, path, fileName: decodeURIComponent(disposition.split("UTF-8''")[1] ?? ''), bytes: Buffer.from(await res.arrayBuffer()) }
  }
  return { t, staff, deputy, year, files }
}
