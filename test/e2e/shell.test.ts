// The web shell in a real browser: sign-in, each role's home, sign-out, the route guard, the
// password change and the not-found screen, on a phone and on a desk screen.
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ACCOUNTS, DESKTOP, PASSWORD, PHONE, expectNoPageErrors, screenshot, setUpBrowser, signIn, type DemoAccount } from './browser'

const { baseURL, open, openAs } = setUpBrowser()

/** The home screen shows who this is, where they serve, and their role's features, each a link. */
async function expectHomeOf(page: Page, account: DemoAccount): Promise<void> {
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(account.name)
  await main.getByText(account.roleLabel, { exact: true }).waitFor()
  await main.getByText(account.place, { exact: true }).waitFor()
  const card = main.locator('.nav-card').filter({ has: page.getByText(account.navItem, { exact: true }) })
  await card.waitFor()
  expect(await card.getAttribute('href')).toMatch(/^\//)
  expect(await main.locator('.nav-card:not(a)').count()).toBe(0)
}

describe('on a 390×844 phone', () => {
  it.each(ACCOUNTS.map((a) => [a.name, a.roleLabel, a] as const))('%s (%s) signs in and sees the home of that role', async (_name, _label, account) => {
    const { context, page, problems } = await open(PHONE)
    await signIn(page, account.phone)
    await expectHomeOf(page, account)
    await screenshot(page, `home-${account.role}-${account.phone}-phone`)
    expectNoPageErrors(problems)
    await context.close()
  })

  it('shows the sign-in page with who the system is for, and loads at most 30 KB of gzipped JS', async () => {
    const { context, page, problems } = await open(PHONE)
    const scripts: Promise<number>[] = []
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push(r.body().then((b) => gzipSync(b, { level: 9 }).length))
    })
    await page.goto('/login')
    await page.getByRole('button', { name: '登录', exact: true }).waitFor()
    await page.getByText('承德市人大系统“5+2”联动监督与代表履职台账').waitFor()
    const total = (await Promise.all(scripts)).reduce((a, b) => a + b, 0)
    expect(scripts.length).toBeGreaterThan(0)
    expect(total).toBeLessThanOrEqual(30 * 1024)
    await screenshot(page, 'login-phone')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('says 手机号或密码不正确 when the password is wrong, and stays on the sign-in page', async () => {
    const { context, page, problems } = await open(PHONE)
    await page.goto('/login')
    await page.getByLabel('手机号').fill('13800000003')
    await page.getByLabel('密码', { exact: true }).fill('not-the-password-1')
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'))
    await page.getByRole('button', { name: '登录', exact: true }).click()
    expect((await answer).status()).toBe(401)
    await page.getByRole('alert').getByText('手机号或密码不正确').waitFor()
    expect(new URL(page.url()).pathname).toBe('/login')
    await screenshot(page, 'login-wrong-password-phone')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('shows field messages beside the fields: empty ones at once, a malformed phone from the server', async () => {
    const { context, page } = await open(PHONE)
    await page.goto('/login')
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await page.getByText('请填写手机号').waitFor()
    await page.getByText('请填写密码').waitFor()
    await page.getByLabel('手机号').fill('12345')
    await page.getByLabel('密码', { exact: true }).fill('whatever1')
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await page.getByText('请填写 11 位手机号').waitFor()
    expect(await page.getByLabel('手机号').getAttribute('aria-invalid')).toBe('true')
    await context.close()
  })

  it('signs out back to the sign-in page, after which / redirects to /login', async () => {
    const { context, page, problems } = await openAs(PHONE, '13800000002')
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await page.getByText('您已退出登录').waitFor()
    await page.goto('/')
    await page.waitForURL((url) => url.pathname === '/login')
    await page.getByRole('button', { name: '登录', exact: true }).waitFor()
    expectNoPageErrors(problems)
    await context.close()
  })

  it('sends a visitor who is not signed in from any address to /login', async () => {
    const { context, page } = await open(PHONE)
    await page.goto('/password')
    await page.waitForURL((url) => url.pathname === '/login')
    await page.getByLabel('手机号').waitFor()
    await context.close()
  })

  it('shows a not-found page for an unknown address, with a way home', async () => {
    const { context, page, problems } = await openAs(PHONE, '13800000004')
    await page.goto('/no-such-page')
    await page.getByRole('heading', { name: '没有找到这个页面' }).waitFor()
    await page.getByRole('link', { name: '返回首页' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await expectHomeOf(page, ACCOUNTS[3]!)
    expectNoPageErrors(problems)
    await context.close()
  })

  it('offers a retry when the server cannot be reached, and carries on once it can', async () => {
    const { context, page } = await open(PHONE)
    await page.route('**/api/v1/me', (route) => route.abort('internetdisconnected'))
    await page.goto('/')
    await page.getByText('暂时无法连接系统').waitFor()
    await page.unroute('**/api/v1/me')
    await page.getByRole('button', { name: '重试' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await page.getByLabel('手机号').waitFor()
    await context.close()
  })

  it('serves a page with no inline script or style, under the strict CSP', async () => {
    const res = await fetch(`${baseURL}/login`)
    const html = await res.text()
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/<style/)
  })
})
