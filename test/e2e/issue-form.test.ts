// The report form under a weak signal and for staff: a lost answer leaves the report in the outbox,
// which sends it again with the same client id (one record, never two); the draft outlives the
// tab; the form refuses what the server would (the rules of worker/core); server field messages
// land under their fields, and city staff must say which county.
import { describe, expect, it } from 'vitest'
import { FIRST_YEAR } from '../../worker/core/limits'
import { DESKTOP, PHONE, expectNoPageErrors, screenshot, setUpBrowser } from './browser'
import { apiAs, uniqueTitle } from './issues-api'

const { baseURL, openAs } = setUpBrowser()

describe('reporting on a weak signal', () => {
  it('keeps the report in the outbox when the answer is lost, sends it again by itself when the signal returns, and files it once', async () => {
    const title = uniqueTitle('信号中断重试')
    const { context, page, problems } = await openAs(PHONE, '13800000004')
    await page.goto('/issues/new')
    await page.getByRole('radio', { name: '地下水超采综合治理' }).check()
    await page.getByLabel('标题', { exact: true }).fill(title)
    await page.getByLabel('具体情况').fill('废弃机井未封填。')

    // The first send reaches the server but its answer never reaches the phone; the second goes through.
    const ids: string[] = []
    await page.route('**/api/v1/issues', async (route) => {
      ids.push((route.request().postDataJSON() as { id: string }).id)
      if (ids.length === 1) {
        await route.fetch()
        await route.abort('internetdisconnected')
      } else await route.continue()
    })
    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
    await page.locator('.topbar-outbox', { hasText: '1 条待发送' }).waitFor()
    await screenshot(page, 'issue-new-offline-phone')

    // The signal comes back: no tap, the outbox sends it again under the same id.
    await context.setOffline(true)
    await context.setOffline(false)
    await expect.poll(() => ids.length, { timeout: 30_000 }).toBe(2)
    await expect.poll(() => page.locator('.topbar-outbox').count()).toBe(0)
    expect(new Set(ids).size).toBe(1)
    const api = await apiAs(baseURL, '13800000004')
    const { items } = await api.get<{ items: { id: string }[] }>(`/issues?q=${encodeURIComponent(title)}`)
    expect(items.map((i) => i.id)).toEqual([ids[0]])
    // Filed: the next visit starts from an empty form.
    await page.goto('/issues/new')
    await page.getByRole('heading', { name: '反映问题' }).waitFor()
    expect(await page.getByLabel('标题', { exact: true }).inputValue()).toBe('')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('refuses a title of invisible characters in the form, as the server would, before anything is sent', async () => {
    const { context, page, problems } = await openAs(PHONE, '13800000004')
    await page.goto('/issues/new')
    await page.getByRole('radio', { name: '地下水超采综合治理' }).check()
    await page.getByLabel('标题', { exact: true }).fill('\u200b\u200b\u200b')
    await page.getByLabel('具体情况').fill('废弃机井未封填\u202e。')
    let sent = 0
    await page.route('**/api/v1/issues', async (route) => {
      sent++
      await route.continue()
    })
    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.getByText('请填写问题标题').waitFor()
    await page.getByText('问题描述不能包含文字方向控制符').waitFor()
    expect(sent).toBe(0)
    expectNoPageErrors(problems)
    await context.close()
  })

  it('refuses a found-on date before the ledger’s first year in the form, in the server’s words', async () => {
    const { context, page, problems } = await openAs(PHONE, '13800000004')
    await page.goto('/issues/new')
    await page.getByLabel('标题', { exact: true }).fill(uniqueTitle('首年之前'))
    await page.getByLabel('具体情况').fill('废弃机井未封填。')
    await page.getByLabel('发现日期').fill(`${FIRST_YEAR - 1}-12-31`)
    let sent = 0
    await page.route('**/api/v1/issues', async (route) => {
      sent++
      await route.continue()
    })
    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.getByText(`发现日期不能早于台账首年（${FIRST_YEAR} 年）`).waitFor()
    expect(await page.getByLabel('发现日期').getAttribute('min')).toBe(`${FIRST_YEAR}-01-01`)
    expect(sent).toBe(0)
    expectNoPageErrors(problems)
    await context.close()
  })

  it('keeps what was typed over a reload and after the tab is closed', async () => {
    const title = uniqueTitle('关闭浏览器后')
    const { context, page, problems } = await openAs(PHONE, '13800000004')
    await page.goto('/issues/new')
    await page.getByRole('radio', { name: '地下水超采综合治理' }).check()
    await page.getByLabel('标题', { exact: true }).fill(title)
    await page.getByLabel('具体情况').fill('废弃机井未封填。')
    await page.reload()
    await page.getByText('已恢复您上次未报送的内容').waitFor()
    expect(await page.getByLabel('标题', { exact: true }).inputValue()).toBe(title)
    expect(await page.getByRole('radio', { name: '地下水超采综合治理' }).isChecked()).toBe(true)
    // Closing the tab: a new one in the same profile finds the draft in IndexedDB.
    await page.close()
    const again = await context.newPage()
    await again.goto('/issues/new')
    await again.getByText('已恢复您上次未报送的内容').waitFor()
    expect(await again.getByLabel('标题', { exact: true }).inputValue()).toBe(title)
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('the report form', () => {
  it('shows the server’s field messages under the fields and keeps what was typed', async () => {
    const { context, page, problems } = await openAs(PHONE, '13800000004')
    await page.goto('/issues/new')
    await page.getByRole('radio', { name: '乡村产业发展' }).check()
    await page.getByLabel('标题', { exact: true }).fill('冷链设施不足')
    await page.getByLabel('具体情况').fill('旺季鲜菇积压。')
    await page.route('**/api/v1/issues', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'validation_failed', message: '提交的内容有误，请按提示修改', fields: { location: '具体位置不能超过 100 字' } } }),
      }),
    )
    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.getByText('具体位置不能超过 100 字').waitFor()
    expect(await page.getByLabel('具体位置').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('标题', { exact: true }).inputValue()).toBe('冷链设施不足')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('asks city staff for the county, then files the issue there', async () => {
    const title = uniqueTitle('市级登记')
    const { context, page, problems } = await openAs(DESKTOP, '13800000001')
    await page.goto('/issues/new')
    await page.getByRole('heading', { name: '登记问题' }).waitFor()
    await page.getByRole('radio', { name: '开发区（高新区）提升' }).check()
    await page.getByLabel('标题', { exact: true }).fill(title)
    await page.getByLabel('具体情况').fill('园区道路路灯长期不亮。')
    await page.getByRole('radio', { name: '实地检查' }).check()
    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.locator('.field-error', { hasText: '请选择县市区' }).waitFor()
    await page.getByLabel('县市区').selectOption({ label: '隆化县' })
    await screenshot(page, 'issue-new-desktop')
    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.getByRole('heading', { name: '已报送' }).waitFor()
    const api = await apiAs(baseURL, '13800000003')
    const { items } = await api.get<{ items: { countyCode: string; source: string }[] }>(`/issues?q=${encodeURIComponent(title)}`)
    expect(items.map((i) => [i.countyCode, i.source])).toEqual([['130825', 'inspection']])
    expectNoPageErrors(problems)
    await context.close()
  })
})
