// The issue ledger in a real browser, one person per browser context: a deputy reports on a
// phone, county staff assign, the unit rectifies, staff close, the deputy sees it closed; a stale
// version shows the "已被他人更新" notice; a unit's to-do is one request in deadline order; a unit
// renamed while signed in still acts on its issues; the ledger on a desk screen is a table with filters.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser, signIn } from './browser'
import { apiAs, assignIssue, daysFromToday, renameUnit, reportIssue, uniqueTitle, type ApiIssue } from './issues-api'

const { baseURL, open, openAs } = setUpBrowser()
const UNIT = '平泉市住房和城乡建设局'
const STALE = '该问题已被他人更新，以下是最新情况，请确认后再操作'

/** Waits until the detail's header shows this status. */
async function expectStatus(page: Page, label: string): Promise<void> {
  await page.locator('.page-head .status', { hasText: new RegExp(`^${label}$`) }).waitFor()
}

async function actionButtons(page: Page): Promise<string[]> {
  return page.locator('.action-buttons button').allTextContents()
}

async function timeline(page: Page): Promise<string[]> {
  return page.locator('.tl-item .tl-action').allTextContents()
}

/** Opens an action's form, fills what is given, and confirms. */
async function act(page: Page, action: string, fill: (page: Page) => Promise<void> = async () => {}): Promise<void> {
  await page.locator('.action-buttons').getByRole('button', { name: action, exact: true }).click()
  await fill(page)
  await page.getByRole('button', { name: action === '备注' ? '添加备注' : `确认${action}`, exact: true }).click()
}

describe('an issue from report to closure', () => {
  it('goes from the deputy through county staff and the unit back to the deputy, each seeing its state', async () => {
    const title = uniqueTitle('河东村垃圾未清运')
    const deputy = await open(PHONE)
    const staff = await open(PHONE)
    const unit = await open(PHONE)

    // The deputy reports it on a phone; the form checks required fields first.
    const d = deputy.page
    await signIn(d, '13800000004')
    await d.getByRole('link', { name: /^反映问题/ }).click()
    await d.waitForURL((url) => url.pathname === '/issues/new')
    await d.getByRole('button', { name: '报送', exact: true }).click()
    await d.getByText('请选择监督领域').waitFor()
    await d.getByText('请填写问题标题').waitFor()
    await d.getByText('请填写问题描述').waitFor()
    expect(await d.getByRole('radio', { name: '代表反映' }).isChecked()).toBe(true)
    expect(await d.getByRole('radio', { name: '问题', exact: true }).isChecked()).toBe(true)
    await d.getByRole('radio', { name: '农村人居环境整治提升' }).check()
    await d.getByLabel('标题', { exact: true }).fill(title)
    await d.getByLabel('具体情况').fill('村委会西侧主干道旁堆放生活垃圾约 3 立方米，已有一周未清运。')
    await d.getByLabel('乡镇（街道）').fill('平泉镇')
    await d.getByLabel('具体位置').fill('河东村村委会西侧')
    await expectNoSidewaysScroll(d)
    await screenshot(d, 'issue-new-phone')
    await d.getByRole('button', { name: '报送', exact: true }).click()
    await d.getByRole('heading', { name: '已报送' }).waitFor()
    await d.getByText(title).waitFor()
    await screenshot(d, 'issue-sent-phone')
    await d.getByRole('link', { name: '查看进展' }).click()
    await expectStatus(d, '已上报')
    expect(await actionButtons(d)).toEqual(['备注'])

    // County staff find it in the ledger and assign it.
    const s = staff.page
    await signIn(s, '13800000002')
    await s.getByRole('link', { name: '问题台账' }).click()
    await s.waitForURL((url) => url.pathname === '/issues')
    await s.getByRole('searchbox', { name: '搜索问题' }).fill(title)
    await s.getByRole('button', { name: '搜索', exact: true }).click()
    await s.waitForURL((url) => url.searchParams.get('q') === title)
    const card = s.getByRole('link', { name: title })
    await card.waitFor()
    expect(await card.textContent()).toContain('已上报')
    await expectNoSidewaysScroll(s)
    await screenshot(s, 'issues-ledger-phone')
    await card.click()
    await expectStatus(s, '已上报')
    expect(await actionButtons(s)).toEqual(['交办', '不予受理', '备注'])
    await act(s, '交办', async (p) => {
      await p.getByLabel('责任单位').selectOption({ label: UNIT })
      await p.getByLabel('整改要求').fill('一周内清运完毕，建立长效保洁机制。')
      await p.getByLabel('整改时限').fill(daysFromToday(30))
      await screenshot(p, 'issue-assign-phone')
    })
    await expectStatus(s, '已交办')
    await s.getByText('已交办，责任单位将收到整改任务。').waitFor()
    await expect.poll(() => timeline(s)).toEqual(['上报', '交办'])
    expect(await s.locator('.tl-item').last().textContent()).toContain(UNIT)

    // The deputy sees who has it.
    await d.goto('/issues/mine')
    const mine = d.getByRole('link', { name: title })
    await mine.waitFor()
    await expect.poll(() => mine.textContent()).toContain('已交办')
    expect(await mine.textContent()).toContain(UNIT)

    // The unit accepts it, reports progress and reports it done.
    const u = unit.page
    await signIn(u, '13800000006')
    await u.getByRole('link', { name: '待办整改' }).click()
    await u.waitForURL((url) => url.pathname === '/issues/todo')
    await u.locator('.todo-summary').getByText(/逾期|暂无逾期/).waitFor()
    const task = u.getByRole('link', { name: title })
    await task.waitFor()
    expect(await task.textContent()).toContain('已交办')
    await expectNoSidewaysScroll(u)
    await screenshot(u, 'issues-todo-phone')
    await task.click()
    await expectStatus(u, '已交办')
    expect(await actionButtons(u)).toEqual(['接收', '退办', '备注'])
    await act(u, '接收')
    await expectStatus(u, '整改中')
    expect(await actionButtons(u)).toEqual(['报告进展', '报告完成', '备注'])
    await act(u, '报告进展', async (p) => {
      await p.getByLabel('整改进展').fill('已清运垃圾 2 立方米，正在联系保洁公司。')
      await p.getByLabel('整改进度（%）', { exact: true }).fill('60')
      await screenshot(p, 'issue-progress-phone')
    })
    await u.getByText('整改进展已报告。').waitFor()
    await u.locator('.assignment').getByText('60%').waitFor()
    await expect.poll(() => timeline(u)).toEqual(['上报', '交办', '接收', '报告进展'])
    expect(await u.locator('.tl-item').last().textContent()).toContain('整改进度：60%')
    await expectNoSidewaysScroll(u)
    await screenshot(u, 'issue-detail-unit-phone')
    await act(u, '报告完成', (p) => p.getByLabel('整改完成情况').fill('垃圾已全部清运，保洁员每日巡查。'))
    await expectStatus(u, '已整改待验收')
    expect(await actionButtons(u)).toEqual(['备注'])

    // Staff verify and close it.
    await s.reload()
    await expectStatus(s, '已整改待验收')
    expect(await actionButtons(s)).toEqual(['验收销号', '退回重改', '备注'])
    await act(s, '验收销号', (p) => p.getByLabel('验收意见').fill('现场核查，整改到位。'))
    await expectStatus(s, '已销号')
    expect(await actionButtons(s)).toEqual(['备注'])

    // The deputy sees it closed, with the whole story.
    await d.goto('/issues/mine')
    await expect.poll(() => d.getByRole('link', { name: title }).textContent()).toContain('已销号')
    await expectNoSidewaysScroll(d)
    await screenshot(d, 'issues-mine-phone')
    await d.getByRole('link', { name: title }).click()
    await expectStatus(d, '已销号')
    await expect.poll(() => timeline(d)).toEqual(['上报', '交办', '接收', '报告进展', '报告完成', '验收销号'])
    const story = (await d.locator('.timeline').textContent()) ?? ''
    for (const part of ['刘海燕', '李秀梅', '陈立军', UNIT, '已上报 → 已交办', '已整改待验收 → 已销号', '现场核查，整改到位。']) expect(story).toContain(part)
    expect(await d.locator('.tl-meta time').first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    await d.locator('.assignment').getByText('按期整改', { exact: false }).waitFor()
    await expectNoSidewaysScroll(d)
    await screenshot(d, 'issue-detail-phone')

    for (const person of [deputy, staff, unit]) {
      expectNoPageErrors(person.problems)
      await person.context.close()
    }
  })
})

describe('two people acting on the same issue', () => {
  it('tells the one who acted on an old version that it changed, and shows the latest state', async () => {
    const title = uniqueTitle('两人同时办理')
    const issue = await reportIssue(await apiAs(baseURL, '13800000004'), title)
    const first = await open(PHONE)
    const second = await open(PHONE)
    await signIn(first.page, '13800000002')
    await signIn(second.page, '13800000001')
    for (const p of [first.page, second.page]) {
      await p.goto(`/issues/${issue.id}`)
      await expectStatus(p, '已上报')
    }

    await act(first.page, '备注', (p) => p.getByLabel('备注内容').fill('已电话联系代表核实情况。'))
    await first.page.getByText('备注已添加。').waitFor()

    await act(second.page, '不予受理', (p) => p.getByLabel('不予受理的理由').fill('与已有问题重复。'))
    await second.page.getByText(STALE).waitFor()
    await expect.poll(() => timeline(second.page)).toEqual(['上报', '备注'])
    await second.page.getByText('已电话联系代表核实情况。').waitFor()
    await screenshot(second.page, 'issue-conflict-phone')

    // Having read it, they go ahead: what they typed is still there.
    await second.page.locator('.action-buttons').getByRole('button', { name: '不予受理', exact: true }).click()
    expect(await second.page.getByLabel('不予受理的理由').inputValue()).toBe('与已有问题重复。')
    await second.page.getByRole('button', { name: '确认不予受理' }).click()
    await expectStatus(second.page, '不予受理')
    for (const person of [first, second]) {
      expectNoPageErrors(person.problems)
      await person.context.close()
    }
  })
})

describe('a unit that declines', () => {
  it('hands the issue back with its reason, and it leaves the unit’s list', async () => {
    const title = uniqueTitle('非本单位职责')
    const staffApi = await apiAs(baseURL, '13800000002')
    const issue = await assignIssue(staffApi, await reportIssue(staffApi, title), UNIT)
    const { context, page, problems } = await openAs(PHONE, '13800000006')
    await page.goto(`/issues/${issue.id}`)
    await expectStatus(page, '已交办')
    await page.locator('.action-buttons').getByRole('button', { name: '退办', exact: true }).click()
    await page.getByRole('button', { name: '确认退办' }).click()
    await page.getByText('请填写退办理由').waitFor()
    await page.getByLabel('退办理由').fill('属供水管网问题，应由水务局办理。')
    await page.getByRole('button', { name: '确认退办' }).click()
    await page.waitForURL((url) => url.pathname === '/issues/todo')
    await page.getByText(`已退办：${title}`).waitFor()
    await page.locator('.issue-cards, .empty-boxed').first().waitFor()
    expect(await page.getByRole('link', { name: title }).count()).toBe(0)
    const { issue: after, events } = await staffApi.get<{ issue: { status: string; unitName: string | null }; events: { action: string; note: string | null }[] }>(`/issues/${issue.id}`)
    expect([after.status, after.unitName]).toEqual(['reported', null])
    expect(events.at(-1)).toMatchObject({ action: 'decline', note: '属供水管网问题，应由水务局办理。' })
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('a unit’s to-do', () => {
  it('lists assigned and rectifying work in one request, soonest deadline first', async () => {
    const staffApi = await apiAs(baseURL, '13800000002')
    const unitApi = await apiAs(baseURL, '13800000006')
    const later = await assignIssue(staffApi, await reportIssue(staffApi, uniqueTitle('待办后到期')), UNIT, daysFromToday(2))
    const accepted = await unitApi.post<ApiIssue>(`/issues/${later.id}/actions`, { action: 'accept', version: later.version })
    expect(accepted.status).toBe('rectifying')
    const sooner = await assignIssue(staffApi, await reportIssue(staffApi, uniqueTitle('待办先到期')), UNIT, daysFromToday(1))
    const { context, page, problems } = await openAs(PHONE, '13800000006')
    const lists: URLSearchParams[] = []
    page.on('request', (r) => {
      const url = new URL(r.url())
      if (url.pathname === '/api/v1/issues' && !url.searchParams.has('overdue')) lists.push(url.searchParams)
    })
    await page.getByRole('link', { name: '待办整改' }).click()
    await page.getByRole('link', { name: later.title }).waitFor()
    const titles = await page.locator('.issue-cards a').allTextContents()
    const at = (title: string) => titles.findIndex((t) => t.includes(title))
    expect(at(sooner.title)).toBeGreaterThanOrEqual(0)
    expect(at(sooner.title)).toBeLessThan(at(later.title))
    expect(lists.map((q) => [q.get('status'), q.get('sort')])).toEqual([['assigned,rectifying', 'deadline']])
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('a unit renamed while its account is signed in', () => {
  it('still offers the actions on an issue assigned to it: the unit is known by its id, not its name', async () => {
    const title = uniqueTitle('单位更名后办理')
    const staffApi = await apiAs(baseURL, '13800000002')
    const issue = await assignIssue(staffApi, await reportIssue(staffApi, title), UNIT)
    const { context, page, problems } = await openAs(PHONE, '13800000006')
    // County staff rename the unit (机构改革) while its account has the app open.
    const renamed = `${UNIT}（更名）`
    expect((await renameUnit(staffApi, UNIT, renamed)).name).toBe(renamed)
    try {
      await page.getByRole('link', { name: '待办整改' }).click()
      await page.getByRole('link', { name: title }).click()
      await page.waitForURL((url) => url.pathname === `/issues/${issue.id}`)
      await expectStatus(page, '已交办')
      expect(await page.locator('.assignment').textContent()).toContain(renamed)
      expect(await actionButtons(page)).toEqual(['接收', '退办', '备注'])
      await act(page, '接收')
      await expectStatus(page, '整改中')
      // The timeline keeps the name the issue was assigned under.
      expect(await page.locator('.tl-assign .tl-data').first().textContent()).toBe(`责任单位：${UNIT}`)
    } finally {
      await renameUnit(staffApi, renamed, UNIT)
    }
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('the ledger on a 1280×800 desk screen', () => {
  it('shows a table with its filters, pages with 加载更多, and exports what the filters show', async () => {
    const token = uniqueTitle('台账筛选')
    const api = await apiAs(baseURL, '13800000002')
    await reportIssue(api, `${token}甲`, { fieldCode: 'groundwater' })
    await reportIssue(api, `${token}乙`)
    await reportIssue(api, `${token}丙`)
    const { context, page, problems } = await openAs(DESKTOP, '13800000002')
    await page.goto(`/issues?q=${encodeURIComponent(token)}&limit=2`)
    const table = page.getByRole('table')
    await table.waitFor()
    const headers = await table.locator('th').allTextContents()
    expect(headers).toEqual(['状态', '问题', '监督领域', '乡镇 · 位置', '责任单位', '整改时限', '发现日期', '反映人'])
    for (const label of ['年度', '监督领域', '状态', '责任单位']) expect(await page.getByLabel(label, { exact: true }).isVisible()).toBe(true)
    expect(await page.getByLabel('只看逾期').isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: /^筛选/ }).isVisible()).toBe(false)
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2)
    await page.getByRole('button', { name: '加载更多' }).click()
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3)
    await page.getByText('已显示全部 3 条').waitFor()

    await page.getByLabel('监督领域', { exact: true }).selectOption({ label: '地下水超采综合治理' })
    await page.waitForURL((url) => url.searchParams.get('fieldCode') === 'groundwater')
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1)
    expect(await table.locator('tbody').textContent()).toContain(`${token}甲`)
    await page.getByLabel('状态', { exact: true }).selectOption({ label: '已上报' })
    await page.waitForURL((url) => url.searchParams.get('status') === 'reported')
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1)
    await screenshot(page, 'issues-ledger-desktop')

    const csv = await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href')
    const xlsx = await page.getByRole('link', { name: '导出 Excel' }).getAttribute('href')
    for (const href of [csv, xlsx]) {
      const qs = new URL(href ?? '', baseURL).searchParams
      expect([qs.get('q'), qs.get('fieldCode'), qs.get('status')]).toEqual([token, 'groundwater', 'reported'])
    }
    const file = await page.request.get(csv ?? '')
    expect(file.status()).toBe(200)
    const text = await file.text()
    expect(text).toContain(`${token}甲`)
    expect(text).not.toContain(`${token}乙`)
    expectNoPageErrors(problems)
    await context.close()
  })
})
