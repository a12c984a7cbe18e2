// 修改密码 through the voluntary route (/password from the home screen): the form's checks, the
// server's, and signing in with the new password. The demo account is restored afterwards.
import { describe, expect, it } from 'vitest'
import { DESKTOP, PASSWORD, PHONE, expectNoPageErrors, screenshot, setUpBrowser, signIn } from './browser'

const { baseURL, open, openAs } = setUpBrowser()
const ACCOUNT = '13800000005'
const NEW_PASSWORD = 'longhua2024x'

/** Puts the demo password back through the API, so other tests can sign in as before. */
async function restorePassword(current: string): Promise<void> {
  const headers = { 'Content-Type': 'application/json' }
  const login = await fetch(`${baseURL}/api/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ phone: ACCOUNT, password: current }) })
  if (!login.ok) return
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const change = await fetch(`${baseURL}/api/v1/me/password`, {
    method: 'POST',
    headers: { ...headers, Cookie: cookie },
    body: JSON.stringify({ currentPassword: current, newPassword: PASSWORD }),
  })
  expect(change.status).toBe(204)
}

describe('changing one’s password', () => {
  it('checks the form, then signs in with the new password once it is saved', async () => {
    const { context, page, problems } = await open(PHONE)
    try {
      await signIn(page, ACCOUNT)
      await page.getByRole('link', { name: '修改密码' }).click()
      await page.waitForURL((url) => url.pathname === '/password')
      await page.getByText('至少 8 位，须同时包含字母和数字').waitFor()
      await screenshot(page, 'password-phone')

      await page.getByLabel('当前密码', { exact: true }).fill(PASSWORD)
      await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD)
      await page.getByLabel('确认新密码', { exact: true }).fill('something-else1')
      await page.getByRole('button', { name: '保存新密码' }).click()
      await page.getByText('两次输入的新密码不一致').waitFor()

      await page.getByLabel('当前密码', { exact: true }).fill('wrong-password1')
      await page.getByLabel('确认新密码', { exact: true }).fill(NEW_PASSWORD)
      await page.getByRole('button', { name: '保存新密码' }).click()
      await page.getByText('当前密码不正确').waitFor()

      await page.getByLabel('当前密码', { exact: true }).fill(PASSWORD)
      await page.getByLabel('新密码', { exact: true }).fill('short1')
      await page.getByLabel('确认新密码', { exact: true }).fill('short1')
      await page.getByRole('button', { name: '保存新密码' }).click()
      await page.getByText('新密码至少 8 位').waitFor()
      await screenshot(page, 'password-errors-phone')

      await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD)
      await page.getByLabel('确认新密码', { exact: true }).fill(NEW_PASSWORD)
      await page.getByRole('button', { name: '保存新密码' }).click()
      await page.waitForURL((url) => url.pathname === '/')
      await page.getByRole('status').getByText('密码已修改').waitFor()

      await page.getByRole('button', { name: '退出登录' }).click()
      await page.waitForURL((url) => url.pathname === '/login')
      await signIn(page, ACCOUNT, NEW_PASSWORD)
      await page.getByRole('main').getByText('赵永福').first().waitFor()
      expectNoPageErrors(problems)
    } finally {
      await context.close()
      await restorePassword(NEW_PASSWORD)
    }
  })

  it('lays the password page out in a centred column at 1280×800', async () => {
    const { context, page, problems } = await openAs(DESKTOP, '13800000002')
    await page.goto('/password')
    const form = page.locator('form')
    await form.waitFor()
    const box = await form.boundingBox()
    expect(box).not.toBeNull()
    // Centred and narrow: a desk screen should not stretch a three-field form across 1280px.
    expect(box!.width).toBeLessThanOrEqual(560)
    expect(Math.abs(box!.x + box!.width / 2 - 640)).toBeLessThan(24)
    await screenshot(page, 'password-desktop')
    expectNoPageErrors(problems)
    await context.close()
  })
})
