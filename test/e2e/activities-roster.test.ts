// The roster, accounts and 五个一 in a real browser: a roster import with a bad row shows every bad
// row and imports nothing, then a good file imports and shows the temporary passwords once (and
// prints them as a sign-in sheet); staff open accounts and record 五个一.
import { describe, expect, it } from 'vitest'
import { todayInShanghai } from '../../worker/core/dates'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser } from './browser'
import { apiAs, uniqueTitle } from './issues-api'

const { baseURL, open, openAs } = setUpBrowser()

/** A phone number no demo account has (the demo roster is 139…, the demo staff 138…). */
function freshPhone(): string {
  return `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
}

const csv = (rows: string[]) => Buffer.from(`\uFEFF姓名,手机号,代表层级,县市区,代表小组\r\n${rows.join('\r\n')}\r\n`, 'utf8')

describe('importing a roster file', () => {
  it('shows every bad row and imports nothing, then imports a good file and shows the temporary passwords', async () => {
    const [good, other] = [freshPhone(), freshPhone()]
    const api = await apiAs(baseURL, '13800000002')
    const { context, page, problems } = await openAs(PHONE, '13800000002')
    await page.getByRole('link', { name: /^代表名册/ }).click()
    await page.waitForURL((url) => url.pathname === '/deputies')
    await page.getByRole('button', { name: '导入名册' }).click()
    const template = await page.getByRole('link', { name: '下载 CSV 模板' }).getAttribute('href')
    expect(decodeURIComponent(template ?? '')).toContain('姓名,手机号,代表层级,县市区,代表小组')

    const file = page.getByLabel('名册文件')
    await file.setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: csv([`孙立华,${good},乡,平泉市,平泉镇代表小组`, '钱明,1380000,镇,平泉市,', `周红,${other},县,不存在县,`]) })
    await page.getByRole('button', { name: '导入', exact: true }).click()
    await page.getByText('名册中有 2 行有误，未导入任何数据，请修改后重新导入').waitFor()
    const table = page.getByRole('table', { name: '有误的行' })
    await table.waitFor()
    expect(await table.locator('th').allTextContents()).toEqual(['行号', '问题'])
    const rows = await table.locator('tbody tr').allTextContents()
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('第 3 行')
    expect(rows[0]).toContain('手机号“1380000”格式不正确')
    expect(rows[1]).toContain('第 4 行')
    expect(rows[1]).toContain('县市区“不存在县”不存在')
    await expectNoSidewaysScroll(page)
    await screenshot(page, 'act-import-errors-phone')
    expect((await api.get<{ items: unknown[] }>(`/deputies?q=${good}`)).items).toEqual([])

    await file.setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: csv([`孙立华,${good},乡,平泉市,平泉镇代表小组`, `周红,${other},县,平泉市,`]) })
    await page.getByRole('button', { name: '导入', exact: true }).click()
    await page.getByText('导入完成').waitFor()
    await page.getByText('新增 2 名代表').waitFor()
    await page.getByText(/临时密码只显示这一次/).waitFor()
    const accounts = page.locator('table.accounts-table tbody tr')
    expect(await accounts.count()).toBe(2)
    const first = await accounts.first().locator('td').allTextContents()
    expect(first.slice(0, 2)).toEqual(['孙立华', good])
    const password = first[2] ?? ''
    expect(password.length).toBeGreaterThanOrEqual(8)
    expect(await page.getByRole('button', { name: '打印登录单' }).isVisible()).toBe(true)
    await screenshot(page, 'act-import-done-phone')
    expect((await api.get<{ items: { name: string }[] }>(`/deputies?q=${good}`)).items.map((d) => d.name)).toEqual(['孙立华'])

    // The sign-in sheet is what prints, with the system's address.
    await page.evaluate("document.body.classList.add('printing-sheet')")
    await page.emulateMedia({ media: 'print' })
    const sheet = page.locator('.sign-in-sheet')
    expect(await sheet.isVisible()).toBe(true)
    expect(await page.locator('.roster-result').isVisible()).toBe(false)
    const sheetText = (await sheet.textContent()) ?? ''
    for (const part of ['孙立华', good, password, baseURL]) expect(sheetText).toContain(part)
    await screenshot(page, 'act-sign-in-sheet-print')
    await page.emulateMedia({ media: 'screen' })
    await page.evaluate("document.body.classList.remove('printing-sheet')")

    // The new deputy signs in with it and is asked to change it first.
    const newcomer = await open(PHONE)
    await newcomer.page.goto('/login')
    await newcomer.page.getByLabel('手机号').fill(good)
    await newcomer.page.getByLabel('密码', { exact: true }).fill(password)
    await newcomer.page.getByRole('button', { name: '登录', exact: true }).click()
    await newcomer.page.waitForURL((url) => url.pathname === '/password')
    await newcomer.context.close()
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('a deputy added by hand', () => {
  it('gets a temporary password shown once, and a reset shows a new one', async () => {
    const phone = freshPhone()
    const { context, page, problems } = await openAs(DESKTOP, '13800000002')
    await page.goto('/deputies')
    await page.getByRole('button', { name: '添加代表' }).click()
    const form = page.getByRole('form', { name: '添加代表' })
    await form.getByLabel('姓名').fill('吴晓东')
    await form.getByLabel('手机号').fill(phone)
    await form.getByLabel('代表层级').selectOption({ label: '乡人大代表' })
    await form.getByRole('button', { name: '添加并生成临时密码' }).click()
    const secret = page.getByRole('status', { name: '已添加代表吴晓东' })
    await secret.waitFor()
    expect(await secret.textContent()).toContain('请立即告知本人，关闭后不再显示')
    await screenshot(page, 'act-deputy-added-desktop')
    await secret.getByRole('button', { name: '已告知，关闭' }).click()
    expect(await secret.count()).toBe(0)

    await page.getByRole('searchbox', { name: '搜索代表' }).fill(phone)
    await page.getByRole('button', { name: '搜索', exact: true }).click()
    await page.waitForURL((url) => url.searchParams.get('q') === phone)
    await expect.poll(() => page.locator('.roster-item').count()).toBe(1)
    await page.getByRole('button', { name: '重置吴晓东的密码' }).click()
    await page.getByRole('button', { name: '确定重置' }).click()
    await page.getByRole('status', { name: '已重置吴晓东的密码' }).waitFor()
    await screenshot(page, 'act-deputies-desktop')
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('accounts and 五个一', () => {
  it('lets city staff open a county staff account and see the city’s 五个一 as a matrix', async () => {
    const phone = freshPhone()
    const { context, page, problems } = await openAs(DESKTOP, '13800000001')
    await page.getByRole('link', { name: /^账号管理/ }).click()
    await page.waitForURL((url) => url.pathname === '/accounts')
    await page.getByRole('button', { name: '开通账号' }).click()
    const form = page.getByRole('form', { name: '开通县级人大工作人员账号' })
    await form.getByLabel('县市区').selectOption({ label: '滦平县' })
    await form.getByLabel('姓名').fill('郑立新')
    await form.getByLabel('手机号').fill(phone)
    await form.getByRole('button', { name: '开通并生成临时密码' }).click()
    await page.getByRole('status', { name: /郑立新的账号$/ }).waitFor()
    await page.getByText('请立即告知本人，关闭后不再显示', { exact: false }).waitFor()
    await screenshot(page, 'act-accounts-desktop')

    await page.goto('/five-ones')
    const matrix = page.locator('table.five-matrix')
    await matrix.waitFor()
    expect(await matrix.locator('tbody tr').count()).toBe(13)
    expect(await matrix.locator('tbody tr').first().textContent()).toContain('承德市')
    await screenshot(page, 'act-five-ones-city-desktop')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('lets county staff record one of the five on a phone, and shows it done', async () => {
    const title = uniqueTitle('优化营商环境专题询问')
    const { context, page, problems } = await openAs(PHONE, '13800000003')
    await page.getByRole('link', { name: /^五个一/ }).click()
    await page.waitForURL((url) => url.pathname === '/five-ones')
    await page.getByRole('button', { name: '登记专题询问' }).click()
    expect(await page.getByRole('radio', { name: '专题询问' }).isChecked()).toBe(true)
    expect(await page.getByLabel('日期').inputValue()).toBe(todayInShanghai())
    await page.getByLabel('标题').fill(title)
    await page.getByLabel('概述').fill('就营商环境开展专题询问，6 个部门负责人到会应询。')
    await expectNoSidewaysScroll(page)
    await screenshot(page, 'act-five-one-form-phone')
    await page.getByRole('button', { name: '登记', exact: true }).click()
    await page.getByText(`已登记：${title}`).waitFor()
    const item = page.locator('.five-item', { hasText: '专题询问' })
    expect(await item.textContent()).toContain('已完成')
    expect(await item.textContent()).toContain(title)
    await screenshot(page, 'act-five-ones-phone')
    expectNoPageErrors(problems)
    await context.close()
  })
})
