// Every Programme 2 screen on a 390×844 phone and a 1280×800 desk screen, for the person it is
// for: nothing wider than the screen, no page errors, and a screenshot of each to look at. Also
// staff recording for a deputy they pick, and the activity list filtered from a dashboard link.
import type { BrowserContextOptions, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { todayInShanghai } from '../../worker/core/dates'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser } from './browser'
import { apiAs, uniqueTitle } from './issues-api'

const { baseURL, openAs } = setUpBrowser()
const SIZES: [string, BrowserContextOptions][] = [

  ['phone', PHONE],
  ['desktop', DESKTOP],
]

/** The hints, counters, dates and badges on the page (visible ones) set under 14 px. */
async function smallText(page: Page): Promise<string[]> {
  const sel = '.status, .field-hint, .field-count, .field-aside, .venue-focus, .stepper-label, .picker-item-meta, .act-card-date, .review-note-label, .tile-label, .secret-facts dt, .five-n'
  return page.evaluate<string[]>(`[...document.querySelectorAll(${JSON.stringify(sel)})]
    .filter((e) => e.offsetParent !== null && Number.parseFloat(getComputedStyle(e).fontSize) < 14)
    .map((e) => e.className + ': ' + getComputedStyle(e).fontSize)`)
}

/** Opens a path, waits for what shows it is ready, checks the width (and on a phone, 14 px text at least) and takes the screenshot. */
async function visit(page: Page, path: string, ready: string, name: string, size: string): Promise<void> {
  await page.goto(path)
  await page.getByText(ready, { exact: false }).first().waitFor()
  await page.locator('.loading').waitFor({ state: 'detached' })
  await expectNoSidewaysScroll(page)
  if (size === 'phone') expect(await smallText(page), path).toEqual([])
  await screenshot(page, `act-${name}-${size}`)
}

describe.each(SIZES)('the Programme 2 screens on a %s', (size, options) => {
  it('shows the deputy’s screens: record, mine, progress, one activity and the 履职档案', async () => {
    const api = await apiAs(baseURL, '13800000005')
    const activity = await api.post<{ id: string }>('/activities', { date: todayInShanghai(), venue: 'village', title: uniqueTitle('宣讲乡村振兴政策'), outcomes: { policy_talk: 3 } })
    const { user } = await api.get<{ user: { id: string } }>('/me')
    const { context, page, problems } = await openAs(options, '13800000005')
    await visit(page, '/activities/new', '活动载体（九进九关注）', 'new-blank', size)
    await visit(page, '/activities/mine', '审核确认后计入', 'mine', size)
    await visit(page, '/activities/progress', '五个引进', 'progress', size)
    await visit(page, `/activities/${activity.id}`, '活动成效', 'detail', size)
    expect(await page.getByRole('link', { name: '修改记录' }).isVisible()).toBe(true)
    await visit(page, `/deputies/${user.id}/record`, '已确认的履职活动', 'record', size)
    expectNoPageErrors(problems)
    await context.close()
  })

  it('shows county staff’s screens: review, the list, the roster, accounts and 五个一', async () => {
    const { context, page, problems } = await openAs(options, '13800000003')
    await visit(page, '/activities/review', '先交先审', 'review', size)
    await visit(page, '/activities?status=confirmed', '范围：隆化县', 'list', size)
    await visit(page, '/deputies', '范围：隆化县', 'deputies', size)
    await visit(page, '/accounts', '隆化县责任单位的登录账号', 'accounts-county', size)
    await page.getByRole('button', { name: '开通账号' }).click()
    await page.getByLabel('责任单位').locator('option', { hasText: '隆化县水务局' }).waitFor({ state: 'attached' })
    await screenshot(page, `act-accounts-form-${size}`)
    await visit(page, '/five-ones', '隆化县人大', 'five-ones-county', size)
    expectNoPageErrors(problems)
    await context.close()
  })

  it('shows city staff’s screens: review across counties, the 五个一 matrix and accounts', async () => {
    const { context, page, problems } = await openAs(options, '13800000001')
    await visit(page, '/activities/review?countyCode=130825', '先交先审', 'review-city', size)
    await visit(page, '/five-ones', '全市及各县市区人大', 'five-ones-city', size)
    await visit(page, '/accounts', '开通和管理县级人大工作人员', 'accounts', size)
    await visit(page, '/deputies?countyCode=130802', '范围：承德市（全市）', 'deputies-city', size)
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('staff recording for a deputy', () => {
  it('picks the deputy from the roster and records the activity in their name', async () => {
    const title = uniqueTitle('代表之家接待选民')
    const { context, page, problems } = await openAs(PHONE, '13800000002')
    await page.goto('/activities/new')
    await page.getByRole('heading', { name: '代记履职' }).waitFor()
    await page.getByRole('button', { name: '提交', exact: true }).click()
    await page.getByText('请选择代表').waitFor()
    await page.getByLabel('为哪位代表记录').fill('刘海燕')
    await page.getByRole('button', { name: /^刘海燕/ }).click()
    await page.locator('.picked-name', { hasText: '刘海燕' }).waitFor()
    await page.getByRole('radio', { name: /^进家站/ }).check()
    await page.getByLabel('活动主题').fill(title)
    await page.getByRole('button', { name: '反映民意加 1' }).click()
    await screenshot(page, 'act-new-staff-phone')
    await page.getByRole('button', { name: '提交', exact: true }).click()
    await page.getByRole('heading', { name: '已提交' }).waitFor()
    await page.getByText('已为刘海燕登记').waitFor()
    const api = await apiAs(baseURL, '13800000004')
    const { items } = await api.get<{ items: { title: string; deputyName: string; status: string }[] }>('/activities?status=submitted&limit=200')
    expect(items.find((a) => a.title === title)).toMatchObject({ deputyName: '刘海燕', status: 'submitted' })
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('the activity list from a dashboard link', () => {
  it('applies year, county and status from the address and keeps them when a filter changes', async () => {
    const year = todayInShanghai().slice(0, 4)
    const { context, page, problems } = await openAs(DESKTOP, '13800000002')
    await page.goto(`/activities?year=${year}&countyCode=130881&status=confirmed`)
    const table = page.locator('table.act-table')
    await table.waitFor()
    expect(await page.getByLabel('年度').inputValue()).toBe(year)
    expect(await page.getByLabel('状态').inputValue()).toBe('confirmed')
    const statuses = await table.locator('tbody tr td:first-child').allTextContents()
    expect(statuses.length).toBeGreaterThan(0)
    expect(new Set(statuses)).toEqual(new Set(['已确认']))
    await page.getByLabel('活动载体').selectOption({ label: '进农户' })
    await page.waitForURL((url) => url.searchParams.get('venue') === 'household')
    const url = new URL(page.url())
    expect([url.searchParams.get('year'), url.searchParams.get('countyCode'), url.searchParams.get('status')]).toEqual([year, '130881', 'confirmed'])
    await page.locator('table.act-table, .empty-boxed').first().waitFor()
    await screenshot(page, 'act-list-filtered-desktop')
    expectNoPageErrors(problems)
    await context.close()
  })
})
