// 责任单位 (list, add, duplicate name, rename and a rename made meanwhile) for county and city staff, and every issue screen laid out
// on a 1280×800 desk screen and on a phone, screenshotted for a person to look at.
import { describe, expect, it } from 'vitest'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser, signIn } from './browser'
import { apiAs, assignIssue, reportIssue, uniqueTitle } from './issues-api'

const { baseURL, open, openAs } = setUpBrowser()

describe('责任单位', () => {
  it('lets county staff add a unit to their county and refuses the same name twice', async () => {
    const name = `平泉市${uniqueTitle('测试局')}`
    const { context, page, problems } = await openAs(PHONE, '13800000002')
    await page.getByRole('link', { name: '责任单位' }).click()
    await page.waitForURL((url) => url.pathname === '/units')
    await page.locator('.unit-list li').first().waitFor()
    await page.getByLabel('添加责任单位').fill(name)
    await page.getByRole('button', { name: '添加', exact: true }).click()
    await page.getByText(`已添加“${name}”`).waitFor()
    await page.locator('.unit-list li', { hasText: name }).waitFor()
    await page.getByLabel('添加责任单位').fill(name)
    await page.getByRole('button', { name: '添加', exact: true }).click()
    await page.getByText('本县（市、区）已有同名的责任单位').waitFor()
    expect(await page.getByLabel('添加责任单位').getAttribute('aria-invalid')).toBe('true')
    await expectNoSidewaysScroll(page)
    await screenshot(page, 'units-phone')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('lets county staff rename a unit in place, and shows a rename made meanwhile by someone else', async () => {
    const api = await apiAs(baseURL, '13800000002')
    const before = await api.post<{ id: string; name: string; version: number }>('/units', { name: `平泉市${uniqueTitle('更名局')}` })
    const after = `${before.name}（新）`
    const { context, page, problems } = await openAs(PHONE, '13800000002')
    await page.goto('/units')
    const row = page.locator('.unit-list li', { hasText: before.name })
    // The button names its unit for a screen reader: 更名：<name>.
    await row.getByRole('button', { name: new RegExp(`^更名\\s?：${before.name}$`) }).click()
    const field = page.getByLabel(`“${before.name}”更名为`)
    await field.fill(after)
    await screenshot(page, 'units-rename-phone')
    // Someone else renames it first: the row shows their name and this rename waits for a second 保存.
    const meanwhile = `${before.name}（他人）`
    await api.patch(`/units/${before.id}`, { name: meanwhile, version: before.version })
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await page.getByText(`该单位刚被他人修改，现名“${meanwhile}”。如仍需更名，请再点保存。`).waitFor()
    await page.getByLabel(`“${meanwhile}”更名为`).waitFor()
    await screenshot(page, 'units-rename-stale-phone')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await page.getByText(`已将“${meanwhile}”更名为“${after}”`).waitFor()
    await page.locator('.unit-list li .unit-name', { hasText: after }).waitFor()
    const { items } = await api.get<{ items: { id: string; name: string }[] }>('/units')
    expect(items.find((u) => u.id === before.id)?.name).toBe(after)
    await expectNoSidewaysScroll(page)
    expectNoPageErrors(problems)
    await context.close()
  })

  it('lets city staff pick the county first', async () => {
    const name = `隆化县${uniqueTitle('测试局')}`
    const { context, page, problems } = await openAs(DESKTOP, '13800000001')
    await page.getByRole('link', { name: '责任单位' }).click()
    await page.locator('.empty-title', { hasText: '请选择县市区' }).waitFor()
    await page.getByLabel('县市区').selectOption({ label: '隆化县' })
    await page.waitForURL((url) => url.searchParams.get('countyCode') === '130825')
    await page.getByLabel('添加责任单位').fill(name)
    await page.getByRole('button', { name: '添加', exact: true }).click()
    await page.locator('.unit-list li', { hasText: name }).waitFor()
    const api = await apiAs(baseURL, '13800000003')
    const { items } = await api.get<{ items: { name: string }[] }>('/units')
    expect(items.map((u) => u.name)).toContain(name)
    await screenshot(page, 'units-desktop')
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('every issue screen', () => {
  it('lays out on a desk screen and on a phone for each role', async () => {
    const title = uniqueTitle('屏幕截图用问题')
    const staffApi = await apiAs(baseURL, '13800000002')
    const issue = await assignIssue(staffApi, await reportIssue(await apiAs(baseURL, '13800000004'), title), '平泉市住房和城乡建设局')
    const screens: [string, string, string][] = [
      ['13800000004', '/issues/new', 'issue-new'],
      ['13800000004', '/issues/mine', 'issues-mine'],
      ['13800000006', '/issues/todo', 'issues-todo'],
      ['13800000006', `/issues/${issue.id}`, 'issue-detail-unit'],
      ['13800000002', `/issues/${issue.id}`, 'issue-detail-staff'],
      ['13800000002', '/issues', 'issues-ledger'],
      ['13800000001', '/issues', 'issues-ledger-city'],
      ['13800000002', '/units', 'units-county'],
    ]
    for (const [viewport, options] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      let signedIn = ''
      const { context, page, problems } = await open(options)
      for (const [phone, path, name] of screens) {
        if (signedIn !== phone) {
          await context.clearCookies()
          await signIn(page, phone)
          signedIn = phone
        }
        await page.goto(path)
        await page.locator('h1').first().waitFor()
        await page.locator('.loading').waitFor({ state: 'detached' })
        if (path === '/issues' && viewport === 'desktop') await page.getByRole('table').waitFor()
        await expectNoSidewaysScroll(page)
        await screenshot(page, `screen-${name}-${viewport}`)
        if (path === '/issues' && viewport === 'phone') {
          await page.getByRole('button', { name: /^筛选/ }).click()
          await page.getByLabel('只看逾期').waitFor()
          await screenshot(page, `screen-${name}-filters-phone`)
        }
      }
      expectNoPageErrors(problems)
      await context.close()
    }
  })
})
