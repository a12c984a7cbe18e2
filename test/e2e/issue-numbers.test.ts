// Register numbers (挂号) where people look for them: on the ledger's cards (phone) and rows
// (desk), on the issue page, and found by typing the number or its sequence part in the search box.
import { describe, expect, it } from 'vitest'
import { DESKTOP, PHONE, expectNoPageErrors, screenshot, setUpBrowser } from './browser'
import { apiAs, reportIssue, uniqueTitle } from './issues-api'

const { baseURL, openAs } = setUpBrowser()

describe('register numbers on screen', () => {
  it('shows the number on the card and the issue page, and finds the issue by its number on a phone', async () => {
    const title = uniqueTitle('按编号查找的问题')
    const issue = await reportIssue(await apiAs(baseURL, '13800000004'), title)
    expect(issue.number).toMatch(/^平泉-\d{4}-\d{4}$/)
    const number = issue.number!
    const seq = number.slice(-4)
    const { context, page, problems } = await openAs(PHONE, '13800000002')
    await page.goto(`/issues?q=${seq}`)
    const card = page.locator('.issue-card', { hasText: title })
    await card.locator('.issue-card-number', { hasText: number }).waitFor()
    await page.getByLabel('搜索问题').fill(number)
    await page.getByRole('button', { name: '搜索', exact: true }).click()
    await page.waitForURL((url) => url.searchParams.get('q') === number)
    await page.locator('.issue-card').first().waitFor()
    expect(await page.locator('.issue-card').count()).toBe(1)
    await card.click()
    await page.waitForURL((url) => url.pathname === `/issues/${issue.id}`)
    await page.locator('.page-head .issue-number', { hasText: number }).waitFor()
    await page.locator('.fact', { hasText: '编号' }).getByText(number).waitFor()
    await screenshot(page, 'issue-number-phone')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('shows the number under the title in the desk table', async () => {
    const title = uniqueTitle('桌面表格中的编号')
    const issue = await reportIssue(await apiAs(baseURL, '13800000004'), title)
    const number = issue.number!
    const { context, page, problems } = await openAs(DESKTOP, '13800000002')
    await page.goto(`/issues?q=${encodeURIComponent(number)}`)
    const row = page.locator('.issue-table tbody tr', { hasText: title })
    await row.locator('.issue-number', { hasText: number }).waitFor()
    await screenshot(page, 'issue-number-desktop')
    expectNoPageErrors(problems)
    await context.close()
  })
})
