// 开通通知单 and first sign-in in a real browser: county staff import deputies, tick one on the
// roster and print their slip (the code, the sign-in address and its QR code; A4 print layout),
// and the deputy opens that address on a phone, activates with the code and lands on home.
import { describe, expect, it } from 'vitest'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser } from './browser'
import { apiAs } from './issues-api'

const { baseURL, open, openAs } = setUpBrowser()

function freshPhone(): string {
  return `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
}

const csv = (rows: string[]) => Buffer.from(`\uFEFF姓名,手机号,代表层级,县市区,代表小组\r\n${rows.join('\r\n')}\r\n`, 'utf8')

describe('开通通知单 and first sign-in', () => {
  it('prints a slip for a deputy picked on the roster, and the deputy activates with it on a phone', async () => {
    const [first, second] = [freshPhone(), freshPhone()]
    const staff = await openAs(DESKTOP, '13800000003')
    const { page } = staff
    await page.goto('/deputies')
    await page.getByRole('button', { name: '导入名册' }).click()
    await page.getByLabel('名册文件').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: csv([`韩春生,${first},乡,隆化县,隆化镇代表小组`, `白玉兰,${second},县,隆化县,`]) })
    await page.getByRole('button', { name: '导入', exact: true }).click()
    await page.getByText('新增 2 名代表').waitFor()
    await page.getByRole('button', { name: '关闭' }).click()

    await page.getByRole('searchbox', { name: '搜索代表' }).fill(first)
    await page.getByRole('button', { name: '搜索', exact: true }).click()
    await page.waitForURL((url) => url.searchParams.get('q') === first)
    await expect.poll(() => page.locator('.roster-item').count()).toBe(1)
    expect(await page.locator('.roster-item').textContent()).toContain('未开通')
    await page.getByLabel('韩春生（选择以打印开通通知单）').check()
    await page.getByRole('button', { name: '打印所选（1）' }).click()
    await page.waitForURL((url) => url.pathname === '/slips')
    await page.getByText('生成后，这些人此前打印的开通码立即作废', { exact: false }).waitFor()
    await screenshot(page, 'slips-ask-desktop')
    await page.getByRole('button', { name: '生成开通码' }).click()
    const slip = page.getByRole('article', { name: '韩春生的开通通知单' })
    await slip.waitFor()
    const code = (await slip.locator('.slip-code').textContent()) ?? ''
    expect(code).toMatch(/^\d{4}( \d{4}){4}$/)
    const address = `${baseURL}/activate`
    expect(await slip.textContent()).toContain(first)
    expect(await slip.textContent()).toContain(`登录地址：${address}`)
    expect(await slip.textContent()).toContain('隆化县 · 乡人大代表')
    const qr = slip.getByRole('img', { name: `登录地址二维码：${address}` })
    expect(((await qr.locator('path').getAttribute('d')) ?? '').length).toBeGreaterThan(500)
    await screenshot(page, 'slips-desktop')

    // Printed: only the slips, A4-sized, no app chrome and no buttons.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.topbar').isVisible()).toBe(false)
    expect(await page.locator('.slips-bar').isVisible()).toBe(false)
    expect(await slip.isVisible()).toBe(true)
    const box = await slip.boundingBox()
    // 97 × 93 mm at 96 px per inch: six to an A4 page.
    expect(Math.round(box!.width)).toBe(Math.round((97 / 25.4) * 96))
    expect(Math.round(box!.height)).toBe(Math.round((93 / 25.4) * 96))
    await screenshot(page, 'slips-print')
    await page.emulateMedia({ media: 'screen' })
    expectNoPageErrors(staff.problems)
    await staff.context.close()

    // The slip on a phone (the second deputy, printed by the same staff member).
    const onPhone = await openAs(PHONE, '13800000003')
    await onPhone.page.goto(`/deputies?q=${second}`)
    await onPhone.page.getByLabel('白玉兰（选择以打印开通通知单）').check()
    await onPhone.page.getByRole('button', { name: '打印所选（1）' }).click()
    await onPhone.page.getByRole('button', { name: '生成开通码' }).click()
    await onPhone.page.getByRole('article', { name: '白玉兰的开通通知单' }).waitFor()
    await expectNoSidewaysScroll(onPhone.page)
    await screenshot(onPhone.page, 'slips-phone')
    expectNoPageErrors(onPhone.problems)
    await onPhone.context.close()

    // The deputy opens the address of the slip (its QR code) on a phone.
    const deputy = await open(PHONE)
    await deputy.page.goto('/activate')
    await deputy.page.getByRole('heading', { name: '首次登录' }).waitFor()
    await deputy.page.getByLabel('手机号').fill(first)
    await deputy.page.getByLabel('开通码').fill('1111 2222 3333 4444 5555')
    await deputy.page.getByLabel('设置登录密码', { exact: true }).fill('hanchun2026')
    await deputy.page.getByLabel('确认登录密码', { exact: true }).fill('hanchun2026')
    await deputy.page.getByRole('button', { name: '开通并登录' }).click()
    await deputy.page.getByText('手机号或开通码不正确，请按开通通知单核对').waitFor()
    await deputy.page.getByLabel('开通码').fill(code)
    await expectNoSidewaysScroll(deputy.page)
    await screenshot(deputy.page, 'activate-phone')
    await deputy.page.getByRole('button', { name: '开通并登录' }).click()
    await deputy.page.waitForURL((url) => url.pathname === '/')
    await deputy.page.getByText('账号已开通，欢迎使用').waitFor()
    await deputy.page.getByRole('heading', { level: 1 }).waitFor()
    expect(await deputy.page.locator('body').textContent()).toContain('韩春生')
    expectNoPageErrors(deputy.problems)
    await deputy.context.close()

    // The roster now shows them as activated, and the new password signs in.
    const api = await apiAs(baseURL, '13800000003')
    expect((await api.get<{ items: { activated: boolean }[] }>(`/deputies?q=${first}`)).items).toEqual([expect.objectContaining({ activated: true })])
    const login = await fetch(`${baseURL}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: first, password: 'hanchun2026' }) })
    expect(login.status).toBe(200)
  })

  it('offers 首次登录 from the sign-in screen, on a desk screen too', async () => {
    const { context, page, problems } = await open(DESKTOP)
    await page.goto('/login')
    await page.getByRole('button', { name: '首次登录（使用开通码）' }).click()
    await page.waitForURL((url) => url.pathname === '/activate')
    await page.getByText('通知单上的 20 位数字，空格可以不输').waitFor()
    await page.getByRole('button', { name: '开通并登录' }).click()
    await page.getByText('请填写开通通知单上的开通码').waitFor()
    await screenshot(page, 'activate-desktop')
    await page.getByRole('button', { name: '已设置过密码，返回登录' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    expectNoPageErrors(problems)
    await context.close()
  })
})
