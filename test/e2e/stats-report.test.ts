// The yearly summary report in a real browser: the city's and a county's, every section, the
// overdue and closed lists in full, the statistics workbook, and print emulation without the
// app's frame and buttons.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { yearInShanghai } from '../../worker/core/dates'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser } from './browser'
import { apiAs, type ApiSession } from './issues-api'

const { baseURL, openAs } = setUpBrowser()
const YEAR = yearInShanghai()
const SECTIONS = ['一、总体情况', '二、问题整改情况', '三、代表履职情况', '四、“五个一”完成情况', '五、逾期未整改问题清单', '六、已销号问题清单']

/** How many issues a ledger filter holds, following every page. */
async function countIssues(api: ApiSession, query: string): Promise<number> {
  let n = 0
  let cursor: string | null = null
  do {
    const page: { items: unknown[]; nextCursor: string | null } = await api.get(`/issues?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`)
    n += page.items.length
    cursor = page.nextCursor
  } while (cursor)
  return n
}

async function rowsOf(page: Page, captionId: string): Promise<number> {
  return page.locator(`table[aria-labelledby="${captionId}"] tbody tr`).count()
}

describe('the summary report', () => {
  it('sets out the city’s year in sentences and tables, lists every overdue and closed issue, and links the workbook', async () => {
    const api = await apiAs(baseURL, '13800000001')
    const overdue = await countIssues(api, `year=${YEAR}&overdue=true`)
    const closed = await countIssues(api, `year=${YEAR}&status=closed`)
    const { context, page, problems } = await openAs(DESKTOP, '13800000001')
    await page.goto(`/dashboard?year=${YEAR}`)
    await page.getByRole('link', { name: '总结报告' }).click()
    await page.waitForURL((url) => url.pathname === '/report' && url.searchParams.get('year') === String(YEAR))
    await page.getByRole('heading', { level: 1, name: `承德市${YEAR}年“5+2”联动监督和代表履职情况总结报告` }).waitFor()
    expect(await page.locator('.report h2').allTextContents()).toEqual(SECTIONS)
    expect(await page.locator('.report-meta').textContent()).toMatch(/生成日期：\d{4}年\d{1,2}月\d{1,2}日/)
    expect(await page.locator('.report-p').first().textContent()).toMatch(/共发现问题\d+件/)
    for (const caption of ['表1　主要指标', '表2　问题整改情况（按监督领域）', '表3　问题整改情况（按县市区）', '表7　“五个一”完成情况']) await page.getByText(caption, { exact: true }).waitFor()
    expect(await rowsOf(page, 'report-overdue')).toBe(overdue)
    expect(await rowsOf(page, 'report-closed')).toBe(closed)
    expect(overdue).toBeGreaterThan(0)

    const href = await page.getByRole('link', { name: '导出统计表（Excel）' }).getAttribute('href')
    expect(href).toBe(`/api/v1/stats/export.xlsx?year=${YEAR}`)
    const file = await page.request.get(href ?? '')
    expect(file.status()).toBe(200)
    expect(file.headers()['content-type']).toContain('spreadsheetml')
    await screenshot(page, 'stats-report-desktop')

    // Printed: the document alone, no top bar, footer or buttons.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.topbar').isVisible()).toBe(false)
    expect(await page.locator('.footer').isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false)
    expect(await page.getByLabel('年度').isVisible()).toBe(false)
    expect(await page.locator('.report h1').isVisible()).toBe(true)
    const colours = await page.evaluate<[string, string]>("[getComputedStyle(document.querySelector('.report-p')).color, getComputedStyle(document.body).backgroundColor]")
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)'])
    await page.setViewportSize({ width: 688, height: 1000 })
    await screenshot(page, 'stats-report-print')
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('gives county staff their own county’s report on a phone, with a print button', async () => {
    const api = await apiAs(baseURL, '13800000002')
    const overdue = await countIssues(api, `year=${YEAR}&overdue=true`)
    const { context, page, problems } = await openAs(PHONE, '13800000002')
    await page.goto(`/report?year=${YEAR}&countyCode=130825`)
    await page.getByRole('heading', { level: 1, name: `平泉市${YEAR}年“5+2”联动监督和代表履职情况总结报告` }).waitFor()
    expect(await page.locator('.report h2').allTextContents()).toEqual(SECTIONS)
    expect(await page.getByText('表3　问题整改情况（按县市区）').count()).toBe(0)
    expect(await page.locator('.report table.five tbody tr').count()).toBe(1)
    expect(await rowsOf(page, 'report-overdue')).toBe(overdue)
    expect(await page.getByRole('link', { name: '导出统计表（Excel）' }).getAttribute('href')).toBe(`/api/v1/stats/export.xlsx?year=${YEAR}&countyCode=130881`)
    expect(await page.getByRole('button', { name: '打印' }).isEnabled()).toBe(true)
    await expectNoSidewaysScroll(page)
    await screenshot(page, 'stats-report-phone')
    expectNoPageErrors(problems)
    await context.close()
  })
})
