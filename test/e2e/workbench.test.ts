// The work bench and the deadline lights in a real browser: each role's home page counts what
// waits (each card opening exactly those records), staff press an item from its page and the
// unit finds it first on its to-do with 督办 N 次, a declined item tells staff why, and the 督办
// list groups the open items by unit on paper and on a phone.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser } from './browser'
import { apiAs, assignIssue, daysFromToday, reportIssue, uniqueTitle, type ApiIssue } from './issues-api'

const { baseURL, openAs } = setUpBrowser()
const UNIT_NAME = '平泉市住房和城乡建设局'

interface Summary {
  counts: Record<string, number>
  lists: Record<string, string>
}

/** The number on the bench card of this label. */
async function benchCount(page: Page, label: string): Promise<number> {
  const card = page.locator('.bench-card', { has: page.locator('.bench-label', { hasText: new RegExp(`^!?${label}$`) }) })
  return Number((await card.locator('.bench-count').textContent()) ?? 'NaN')
}

/** The font sizes (px) of the visible hints, counters and badges on the page that are under 14 px. */
async function smallHints(page: Page): Promise<string[]> {
  const sel = '.status, .mx-hint, .mx-legend, .mx-light, .stat-sub, .cell-sub, .issue-card-date, .issue-card-reporter, .tl-meta, .tl-status, .fact dt, .welcome-facts dt, .bench-label'
  return page.evaluate<string[]>(`[...document.querySelectorAll(${JSON.stringify(sel)})]
    .filter((e) => e.offsetParent !== null && Number.parseFloat(getComputedStyle(e).fontSize) < 14)
    .map((e) => e.className + ': ' + getComputedStyle(e).fontSize)`)
}

describe('the work bench', () => {
  it("shows county staff their counts on a phone, and 逾期 opens the ledger of exactly those items", async () => {
    const staff = await apiAs(baseURL, '13800000002')
    const summary = await staff.get<Summary>('/me/summary')
    const { context, page, problems } = await openAs(PHONE, '13800000002')
    await page.locator('.bench-card').first().waitFor()
    const labels = { toAssign: '待交办', declined: '被退办待重新交办', toVerify: '待验收', overdue: '逾期', dueSoon: '即将到期', toReview: '待审核履职' }
    for (const [name, label] of Object.entries(labels)) expect(await benchCount(page, label), label).toBe(summary.counts[name])
    await expectNoSidewaysScroll(page)
    expect(await smallHints(page)).toEqual([])
    await screenshot(page, 'workbench-county-phone')
    await page.locator('.bench-card', { hasText: '逾期' }).click()
    await page.waitForURL((url) => url.pathname === '/issues' && url.search === '?light=red')
    const shown = summary.counts.overdue!
    if (shown > 0) await page.getByText(`已显示全部 ${shown} 条`).waitFor()
    expect(await page.locator('.issue-card').count()).toBe(shown)
    expect(await page.locator('.issue-card .light-red').count()).toBe(shown)
    expect(await smallHints(page)).toEqual([])
    await page.goto('/dashboard')
    await page.locator('.stat-card').first().waitFor()
    expect(await smallHints(page)).toEqual([])
    expectNoPageErrors(problems)
    await context.close()
  })

  it('lets staff press an item from its page; the unit then finds it first on its to-do with 督办 1 次', async () => {
    const deputy = await apiAs(baseURL, '13800000004')
    const staffApi = await apiAs(baseURL, '13800000002')
    const title = uniqueTitle('督办测试')
    const issue = await assignIssue(staffApi, await reportIssue(deputy, title), UNIT_NAME, daysFromToday(2))

    const staff = await openAs(DESKTOP, '13800000002')
    await staff.page.goto(`/issues/${issue.id}`)
    await staff.page.locator('.light-yellow').first().waitFor() // due in 2 days: 即将到期
    await staff.page.getByRole('button', { name: '督办', exact: true }).click()
    await staff.page.getByLabel('督办意见').fill('请于本周内完成清运并报送照片')
    await staff.page.getByRole('button', { name: '确认督办' }).click()
    await staff.page.locator('.press-badge', { hasText: '督办 1 次' }).first().waitFor()
    await staff.page.locator('.detail-timeline').getByText('请于本周内完成清运并报送照片').waitFor() // on the timeline
    await screenshot(staff.page, 'workbench-pressed-issue-desktop')
    expectNoPageErrors(staff.problems)
    await staff.context.close()

    const unit = await openAs(PHONE, '13800000006')
    const bench = await (await apiAs(baseURL, '13800000006')).get<Summary>('/me/summary')
    expect(await benchCount(unit.page, '被督办')).toBe(bench.counts.pressed)
    await unit.page.locator('.bench-card', { hasText: '被督办' }).click()
    await unit.page.waitForURL((url) => url.pathname === '/issues/todo' && url.search === '?list=pressed')
    await unit.page.getByText('正在查看：').waitFor()
    await unit.page.locator('.issue-card', { hasText: title }).locator('.press-badge', { hasText: '督办 1 次' }).waitFor()
    expect(await unit.page.locator('.issue-card').count()).toBe(bench.counts.pressed)
    await unit.page.goto('/issues/todo')
    const pressedBlock = unit.page.locator('.pressed-block')
    await pressedBlock.locator('.issue-card', { hasText: title }).waitFor()
    await expectNoSidewaysScroll(unit.page)
    await screenshot(unit.page, 'workbench-unit-todo-phone')
    expectNoPageErrors(unit.problems)
    await unit.context.close()
  })

  it('offers 7, 15, 30 and 60 days as the deadline when staff assign', async () => {
    const deputy = await apiAs(baseURL, '13800000004')
    const issue = await reportIssue(deputy, uniqueTitle('时限快捷'))
    const { context, page, problems } = await openAs(PHONE, '13800000002')
    await page.goto(`/issues/${issue.id}`)
    await page.getByRole('button', { name: '交办', exact: true }).click()
    const choices = page.getByRole('group', { name: '常用时限' })
    for (const days of [7, 15, 30, 60]) {
      await choices.getByRole('button', { name: `${days} 天` }).click()
      expect(await page.locator('#assign-deadline').inputValue()).toBe(daysFromToday(days))
      expect(await choices.getByRole('button', { name: `${days} 天` }).getAttribute('aria-pressed')).toBe('true')
    }
    expectNoPageErrors(problems)
    await context.close()
  })

  it("tells staff why a unit declined an item, and the deputy that it waits for a new unit", async () => {
    const deputyApi = await apiAs(baseURL, '13800000004')
    const staffApi = await apiAs(baseURL, '13800000002')
    const unitApi = await apiAs(baseURL, '13800000006')
    const title = uniqueTitle('退办测试')
    const assigned: ApiIssue = await assignIssue(staffApi, await reportIssue(deputyApi, title), UNIT_NAME)
    await unitApi.post(`/issues/${assigned.id}/actions`, { action: 'decline', version: assigned.version, note: '该路段由交通运输局管养' })

    const staff = await openAs(PHONE, '13800000002')
    await staff.page.goto(`/issues/${assigned.id}`)
    await staff.page.locator('.declined-notice', { hasText: '责任单位已退办：该路段由交通运输局管养' }).waitFor()
    await screenshot(staff.page, 'workbench-declined-phone')
    await staff.context.close()

    const deputy = await openAs(PHONE, '13800000004')
    await deputy.page.goto(`/issues/${assigned.id}`)
    await deputy.page.getByText('责任单位已退办，人大机关将重新交办。').waitFor()
    expect(await deputy.page.getByText('尚未交办').count()).toBe(0)
    expectNoPageErrors(deputy.problems)
    await deputy.context.close()
  })

  it('lists the open items by unit on the 督办 list, at 1280×800 and on a phone', async () => {
    const staffApi = await apiAs(baseURL, '13800000002')
    let open = 0
    let cursor: string | null = null
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await staffApi.get(`/issues?status=assigned,rectifying&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      open += page.items.length
      cursor = page.nextCursor
    } while (cursor)
    for (const [options, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']] as const) {
      const { context, page, problems } = await openAs(options, '13800000002')
      await page.goto('/issues')
      await page.getByRole('link', { name: '督办清单' }).click()
      await page.waitForURL((url) => url.search === '?view=press')
      await page.locator('.press-unit').first().waitFor()
      expect(await page.locator('.press-table tbody tr').count()).toBe(open)
      expect(await page.locator('.press-unit-title', { hasText: UNIT_NAME }).count()).toBe(1)
      expect(await page.getByRole('link', { name: '导出 Excel' }).getAttribute('href')).toBe('/api/v1/issues/export.xlsx?status=assigned%2Crectifying')
      await expectNoSidewaysScroll(page)
      await screenshot(page, `workbench-press-list-${name}`)
      expectNoPageErrors(problems)
      await context.close()
    }
  })
})
