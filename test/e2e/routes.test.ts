// The routes table in a real browser: each role's home menu as it was, the role guard (a deputy on
// staff screens, staff and a unit on a deputy's, each with a way home and without the screen's
// data being asked for), the same addresses opening for the roles they are for, and a deep link
// with its :param and ?query surviving the back and forward buttons.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DESKTOP, PHONE, expectNoPageErrors, screenshot, setUpBrowser } from './browser'
import { apiAs, reportIssue, uniqueTitle } from './issues-api'

const { baseURL, openAs } = setUpBrowser()

/** Each role's home menu (title → address, in order), as the screens were before the table. */
const MENUS: [string, string, [string, string][]][] = [
  ['deputy', '13800000004', [['反映问题', '/issues/new'], ['我反映的问题', '/issues/mine'], ['记录履职', '/activities/new'], ['我的履职', '/activities/mine'], ['年度进度', '/activities/progress']]],
  ['unit', '13800000006', [['待办整改', '/issues/todo']]],
  ['county_staff', '13800000002', [['问题台账', '/issues'], ['履职审核', '/activities/review'], ['代表名册', '/deputies'], ['责任单位', '/units'], ['五个一', '/five-ones'], ['统计台账', '/dashboard'], ['代表小组', '/groups'], ['一年一表彰', '/commendation'], ['账号管理', '/accounts']]],
  ['city_staff', '13800000001', [['统计总览', '/dashboard'], ['问题台账', '/issues'], ['责任单位', '/units'], ['履职审核', '/activities/review'], ['代表名册', '/deputies'], ['五个一', '/five-ones'], ['代表小组', '/groups'], ['一年一表彰', '/commendation'], ['账号管理', '/accounts']]],
]

/** The screens only staff open, with the tab title each shows to county staff of 平泉市. */
const STAFF_SCREENS: [string, string][] = [
  ['/issues', '问题台账'],
  ['/deputies', '代表名册'],
  ['/units', '责任单位'],
  ['/accounts', '账号管理'],
  ['/activities/review', '履职审核'],
  ['/five-ones', '五个一'],
  ['/dashboard', '平泉市统计台账'],
  ['/slips', '开通通知单'],
  ['/groups', '代表小组'],
  ['/commendation', '一年一表彰'],
]

const GUARD = '此功能不适用于您的账号'

async function menuOf(page: Page): Promise<[string, string][]> {
  const cards = page.getByRole('main').locator('a.nav-card')
  await cards.first().waitFor()
  return Promise.all((await cards.all()).map(async (c) => [(await c.locator('.nav-card-title').textContent()) ?? '', (await c.getAttribute('href')) ?? ''] as [string, string]))
}

/** Waits until the tab's title (set by each screen) contains `part`. */
async function waitForTitle(page: Page, part: string): Promise<void> {
  await page.waitForFunction((p) => (globalThis as unknown as { document: { title: string } }).document.title.includes(p), part)
}

/** Opens `path` by address and waits for the guard screen, then for its way home. */
async function expectGuard(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await page.getByText(GUARD).waitFor()
  expect(new URL(page.url()).pathname).toBe(path)
  await page.getByRole('link', { name: '返回首页' }).waitFor()
}

/** The API requests the page makes from now on, without the ones every screen makes. */
function apiRequests(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.pathname.startsWith('/api/') && !/^\/api\/v1\/(me|reference)$/.test(url.pathname)) seen.push(url.pathname)
  })
  return seen
}

describe('each role’s home menu', () => {
  it.each(MENUS)('shows %s the same screens in the same order, each opening for them', async (_role, phone, menu) => {
    const { context, page, problems } = await openAs(PHONE, phone)
    expect(await menuOf(page)).toEqual(menu)
    for (const [title, path] of menu) {
      await page.goto(path)
      await waitForTitle(page, title)
      expect(await page.getByText(GUARD).count(), path).toBe(0)
      expect(await page.getByRole('heading', { name: '没有找到这个页面' }).count(), path).toBe(0)
    }
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('the role guard', () => {
  it('shows a deputy the guard screen on every staff screen, asks for none of its data, and leads home', async () => {
    const { context, page, problems } = await openAs(PHONE, '13800000004')
    // Home's work bench asks for its counts: once they are in, every request is the guard's.
    await page.getByRole('list', { name: '待办事项计数' }).waitFor()
    const requests = apiRequests(page)
    for (const [path] of STAFF_SCREENS) await expectGuard(page, path)
    await expectGuard(page, '/issues/todo')
    expect(requests).toEqual([])
    await screenshot(page, 'guard-deputy-phone')
    await page.getByRole('link', { name: '返回首页' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    expect(await menuOf(page)).toEqual(MENUS[0]![2])
    expectNoPageErrors(problems)
    await context.close()
  })

  it('opens the same addresses for county staff, and shows them the guard on a deputy’s own screens', async () => {
    const { context, page, problems } = await openAs(DESKTOP, '13800000002')
    for (const [path, title] of STAFF_SCREENS) {
      await page.goto(path)
      await waitForTitle(page, `${title} - `)
      expect(await page.getByText(GUARD).count(), path).toBe(0)
    }
    for (const path of ['/issues/mine', '/activities/mine', '/activities/progress', '/issues/todo']) await expectGuard(page, path)
    await screenshot(page, 'guard-county-staff-desktop')
    await page.getByRole('link', { name: '返回首页' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    expect(await menuOf(page)).toEqual(MENUS[2]![2])
    expectNoPageErrors(problems)
    await context.close()
  })

  it('keeps a unit to its to-do list: activities and the issue form are not for it', async () => {
    const { context, page, problems } = await openAs(PHONE, '13800000006')
    for (const path of ['/activities', '/activities/new', '/activities/act-1', '/deputies/u-1/record', '/issues/new', '/issues']) await expectGuard(page, path)
    await page.goto('/issues/todo')
    await page.getByRole('heading', { level: 1, name: '待办整改' }).waitFor()
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('addresses', () => {
  it('opens a deep link to a list with its ?query and to a record by its :id, and back and forward keep both', async () => {
    const title = uniqueTitle('路由深链接测试')
    const issue = await reportIssue(await apiAs(baseURL, '13800000004'), title)
    const { context, page, problems } = await openAs(PHONE, '13800000002')
    await page.goto(`/issues?q=${encodeURIComponent(title)}`)
    expect(await page.getByRole('searchbox', { name: '搜索问题' }).inputValue()).toBe(title)
    await page.getByRole('link', { name: title }).click()
    await page.waitForURL((url) => url.pathname === `/issues/${issue.id}`)
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    await page.goBack()
    await page.waitForURL((url) => url.pathname === '/issues' && url.searchParams.get('q') === title)
    expect(await page.getByRole('searchbox', { name: '搜索问题' }).inputValue()).toBe(title)
    await page.getByRole('link', { name: title }).waitFor()
    await page.goForward()
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    // A trailing slash is the same address; a segment too many is no address at all.
    await page.goto(`/issues/${issue.id}/`)
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    await page.goto(`/issues/${issue.id}/more`)
    await page.getByRole('heading', { name: '没有找到这个页面' }).waitFor()
    expectNoPageErrors(problems)
    await context.close()
  })
})
