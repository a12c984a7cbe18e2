// Deputies' activities in a real browser, one person per browser context: a deputy records one on a
// phone (with funds brought in), county staff confirm it, and the deputy's yearly progress counts
// it; staff return one with a reason and the deputy fixes and resubmits it; the 履职档案 on a desk.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { todayInShanghai } from '../../worker/core/dates'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser, signIn } from './browser'
import { apiAs, uniqueTitle, type ApiSession } from './issues-api'

const { baseURL, open, openAs } = setUpBrowser()

interface Record {
  confirmed: number
  introductions: { funds: number; fundsAmount: number }
  targets: { fiveIntroductionsMet: string[] }
  confirmedActivities: { id: string; outcomes: { policy_talk: number; opinion: number; deed: number; mentoring: number } }[]
}

async function me(api: ApiSession): Promise<string> {
  return (await api.get<{ user: { id: string } }>('/me')).user.id
}

/** Records an activity through the API as the signed-in deputy. */
function recordActivity(api: ApiSession, title: string) {
  return api.post<{ id: string; title: string; version: number }>('/activities', {
    date: todayInShanghai(),
    venue: 'household',
    title,
    description: '走访困难群众，了解生活情况。',
    place: '河东村',
    outcomes: { policy_talk: 1, opinion: 1, deed: 0, mentoring: 0 },
  })
}

/** The queue card of one activity (an article named by its title). */
const card = (page: Page, title: string) => page.getByRole('article', { name: title })

describe('an activity from the deputy’s phone to the yearly progress', () => {
  it('is recorded with funds of 35.5 万元, confirmed by county staff, and counted in 年度进度', async () => {
    const title = uniqueTitle('走访低保户')
    const deputyApi = await apiAs(baseURL, '13800000004')
    const deputyId = await me(deputyApi)
    const year = Number(todayInShanghai().slice(0, 4))
    const before = await deputyApi.get<Record>(`/deputies/${deputyId}/record?year=${year}`)
    const deputy = await open(PHONE)
    const staff = await open(PHONE)

    // The deputy opens 记录履职 from home; the form says what is missing before anything is sent.
    const d = deputy.page
    await signIn(d, '13800000004')
    await d.getByRole('link', { name: /^记录履职/ }).click()
    await d.waitForURL((url) => url.pathname === '/activities/new')
    expect(await d.getByLabel('活动日期').inputValue()).toBe(todayInShanghai())
    await d.getByRole('button', { name: '提交', exact: true }).click()
    await d.getByText('请选择活动载体（九进）').waitFor()
    await d.getByText('请填写活动主题').waitFor()
    await d.getByRole('radio', { name: /^进农户/ }).check()
    await d.getByLabel('活动主题').fill(title)
    await d.getByLabel('简要情况').fill('入户了解生活困难，协调申请临时救助。')
    await d.getByLabel('地点').fill('河东村')
    await d.getByRole('button', { name: '反映民意加 1' }).click()
    await d.getByRole('button', { name: '反映民意加 1' }).click()
    await d.getByRole('button', { name: '办成实事加 1' }).click()
    expect(await d.getByLabel('反映民意', { exact: true }).inputValue()).toBe('2')
    await d.getByRole('button', { name: '＋ 添加引进事项' }).click()
    await d.getByLabel('第 1 项引进类别').selectOption({ label: '引进一笔发展资金' })
    await d.getByLabel('第 1 项引进名称').fill('困难户产业扶持资金')
    await d.getByLabel('第 1 项金额（万元）').fill('35.555')
    await d.getByRole('checkbox', { name: '三访三问' }).check()
    await d.getByRole('button', { name: '提交', exact: true }).click()
    await d.getByText('金额应为数字，最多保留两位小数').waitFor()
    await d.getByLabel('第 1 项金额（万元）').fill('35.5')
    await expectNoSidewaysScroll(d)
    await screenshot(d, 'act-new-phone')
    await d.getByRole('button', { name: '提交', exact: true }).click()
    await d.getByRole('heading', { name: '已提交' }).waitFor()
    await d.getByText(title).waitFor()
    await screenshot(d, 'act-sent-phone')

    // County staff find it in 履职审核 and confirm it.
    const s = staff.page
    await signIn(s, '13800000002')
    await s.getByRole('link', { name: /^履职审核/ }).click()
    await s.waitForURL((url) => url.pathname === '/activities/review')
    const item = card(s, title)
    await item.waitFor()
    const text = (await item.textContent()) ?? ''
    for (const part of ['刘海燕', '进农户', '反映民意 2', '办成实事 1', '困难户产业扶持资金 35.5 万元', '三访三问']) expect(text).toContain(part)
    await expectNoSidewaysScroll(s)
    await screenshot(s, 'act-review-phone')
    await item.getByRole('button', { name: '确认', exact: true }).click()
    await s.getByText(`已确认：${title}`).waitFor()
    expect(await card(s, title).count()).toBe(0)

    // The deputy's 年度进度 counts it: funds total up by 35.5 and the funds target met.
    await d.goto('/activities/progress')
    const funds = d.locator('.check-item', { hasText: '引进一笔发展资金' })
    await funds.waitFor()
    const total = (before.introductions.fundsAmount + 35.5).toLocaleString('zh-CN', { maximumFractionDigits: 2 })
    await expect.poll(() => funds.textContent()).toContain(`资金合计 ${total} 万元`)
    expect(await funds.textContent()).toContain('已完成')
    expect(await funds.getAttribute('class')).toContain('check-done')
    await expectNoSidewaysScroll(d)
    await screenshot(d, 'act-progress-phone')
    const after = await deputyApi.get<Record>(`/deputies/${deputyId}/record?year=${year}`)
    expect(after.confirmed).toBe(before.confirmed + 1)
    expect(after.targets.fiveIntroductionsMet).toContain('funds')

    for (const person of [deputy, staff]) {
      expectNoPageErrors(person.problems)
      await person.context.close()
    }
  })
})

describe('a returned activity', () => {
  it('shows the deputy why, and goes back to the queue once fixed and resubmitted', async () => {
    const title = uniqueTitle('看望留守老人')
    const deputyApi = await apiAs(baseURL, '13800000004')
    const activity = await recordActivity(deputyApi, title)
    const staff = await open(PHONE)
    const deputy = await open(PHONE)

    const s = staff.page
    await signIn(s, '13800000002')
    await s.goto('/activities/review')
    const item = card(s, title)
    await item.getByRole('button', { name: '退回', exact: true }).click()
    await item.getByRole('button', { name: '确认退回' }).click()
    await item.getByText('请填写退回原因').waitFor()
    await item.getByLabel('退回原因').fill('请补充走访人数和解决的具体问题')
    await screenshot(s, 'act-return-phone')
    await item.getByRole('button', { name: '确认退回' }).click()
    await s.getByText(`已退回：${title}`).waitFor()

    // The deputy sees the reason on the list and on the form, fixes it and resubmits.
    const d = deputy.page
    await signIn(d, '13800000004')
    await d.getByRole('link', { name: /^我的履职/ }).click()
    await d.waitForURL((url) => url.pathname === '/activities/mine')
    const mine = card(d, title)
    await mine.waitFor()
    expect(await mine.textContent()).toContain('请补充走访人数和解决的具体问题')
    expect(await mine.textContent()).toContain('已退回')
    await d.getByText(/条记录被退回/).waitFor()
    await expectNoSidewaysScroll(d)
    await screenshot(d, 'act-mine-phone')
    await mine.getByRole('link', { name: '修改后重新提交' }).click()
    await d.waitForURL((url) => url.pathname === `/activities/${activity.id}/edit`)
    await d.getByText('请补充走访人数和解决的具体问题').waitFor()
    expect(await d.getByLabel('活动主题').inputValue()).toBe(title)
    expect(await d.getByRole('radio', { name: /^进农户/ }).isChecked()).toBe(true)
    await d.getByLabel('简要情况').fill('走访留守老人 6 户，帮助 2 户申请临时救助。')
    await d.getByRole('button', { name: '办成实事加 1' }).click()
    await expectNoSidewaysScroll(d)
    await screenshot(d, 'act-edit-phone')
    await d.getByRole('button', { name: '重新提交' }).click()
    await d.waitForURL((url) => url.pathname === '/activities/mine')
    await d.getByText(`已重新提交“${title}”，等待审核。`).waitFor()
    await expect.poll(() => card(d, title).textContent()).toContain('待审核')

    const now = await deputyApi.get<{ status: string; version: number; outcomes: { deed: number }; reviewNote: string | null }>(`/activities/${activity.id}`)
    expect([now.status, now.version, now.outcomes.deed]).toEqual(['submitted', 3, 1])
    await s.reload()
    await card(s, title).waitFor()

    for (const person of [staff, deputy]) {
      expectNoPageErrors(person.problems)
      await person.context.close()
    }
  })
})

describe('the 履职档案 on a 1280×800 desk screen', () => {
  it('shows the year’s figures with every confirmed activity behind them, and prints without the app around it', async () => {
    const deputyApi = await apiAs(baseURL, '13800000004')
    const deputyId = await me(deputyApi)
    const year = Number(todayInShanghai().slice(0, 4))
    const record = await deputyApi.get<Record>(`/deputies/${deputyId}/record?year=${year}`)
    const { context, page, problems } = await openAs(DESKTOP, '13800000002')
    await page.goto('/deputies?q=13800000004')
    await page.getByRole('link', { name: '刘海燕的履职档案' }).click()
    await page.waitForURL((url) => url.pathname === `/deputies/${deputyId}/record` && url.searchParams.get('year') === String(year))
    await page.getByRole('heading', { name: '刘海燕的履职档案' }).waitFor()
    const table = page.locator('table.record-table')
    await table.waitFor()
    expect(await table.locator('tbody tr').count()).toBe(record.confirmed)
    const sums = record.confirmedActivities.reduce((n, a) => n + a.outcomes.opinion, 0)
    const foot = (await table.locator('tfoot td').allTextContents()).map((t) => t.trim())
    expect(foot[1]).toBe(String(sums))
    await page.getByText(`合计 ${record.confirmed} 次`).waitFor()
    for (const heading of ['九进九关注', '四个一批', '五个引进']) await page.getByRole('heading', { name: new RegExp(`^${heading}`) }).waitFor()
    await screenshot(page, 'act-record-desktop')

    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.topbar').isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: '打印档案' }).isVisible()).toBe(false)
    const head = page.locator('.print-head')
    expect(await head.isVisible()).toBe(true)
    expect(await head.textContent()).toContain(`刘海燕 · 县人大代表 · 平泉市`)
    expect(await head.textContent()).toContain(`${year} 年度履职档案`)
    expect(await head.textContent()).toContain(`打印日期：${todayInShanghai()}`)
    await screenshot(page, 'act-record-print')
    await page.emulateMedia({ media: 'screen' })

    await page.getByLabel('年度').selectOption(String(year - 1))
    await page.waitForURL((url) => url.searchParams.get('year') === String(year - 1))
    await page.getByText(`县人大代表 · 平泉市 · 平泉镇代表小组 · ${year - 1} 年度`, { exact: true }).waitFor()
    expectNoPageErrors(problems)
    await context.close()
  })
})
