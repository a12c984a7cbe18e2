// 记录履职's parts that only some need (staff's roster search, 集体活动) ride in the activity page's
// chunk: a deputy's form opens without downloading it, staff get the search once it has loaded,
// and a download that fails says so and is retried by reloading. The service worker is blocked so
// that every request reaches the page's own network, where the test can watch and refuse it (with
// it blocked, the app's registration meets Playwright's stand-in, so page errors are not checked).
import { describe, expect, it } from 'vitest'
import { DESKTOP, PHONE, screenshot, setUpBrowser } from './browser'

const { openAs } = setUpBrowser()
const ACTIVITY_PAGE_CHUNK = '**/assets/activity-detail-*.js'

describe('记录履职 loads the parts only some need when they are needed', () => {
  it("opens a deputy's form without the staff's roster search, and loads 集体活动 when chosen", async () => {
    const { page } = await openAs({ ...PHONE, serviceWorkers: 'block' }, '13800000004')
    const chunks: string[] = []
    page.on('request', (r) => r.url().includes('/assets/activity-detail-') && chunks.push(r.url()))
    await page.goto('/activities/new')
    await page.getByRole('heading', { name: '记录履职' }).waitFor()
    await page.getByLabel('活动主题').waitFor()
    expect(await page.getByRole('searchbox', { name: '为哪位代表记录' }).count()).toBe(0)
    expect(chunks).toEqual([])

    await page.getByRole('button', { name: '记录集体活动' }).click()
    await page.getByRole('button', { name: '改为个人活动' }).waitFor()
    expect(chunks.length).toBeGreaterThan(0)
  })

  it('gives staff the roster search, and says so when its download fails, with 重新加载', async () => {
    const { page } = await openAs({ ...DESKTOP, serviceWorkers: 'block' }, '13800000002')
    await page.route(ACTIVITY_PAGE_CHUNK, (route) => route.abort('internetdisconnected'))
    await page.goto('/activities/new')
    await page.getByRole('heading', { name: '代记履职' }).waitFor()
    await page.getByText('加载失败，请检查网络连接后重试。').waitFor()
    await screenshot(page, 'act-form-parts-failed-desktop')

    await page.unroute(ACTIVITY_PAGE_CHUNK)
    await page.getByRole('button', { name: '重新加载' }).click()
    await page.getByRole('searchbox', { name: '为哪位代表记录' }).waitFor()
    expect(await page.getByText('加载失败，请检查网络连接后重试。').count()).toBe(0)
  })
})
