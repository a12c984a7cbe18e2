// The shell on a 1280×800 desk screen: the sign-in page side by side, and every role's home with
// its features as a grid of cards.
import { describe, expect, it } from 'vitest'
import { ACCOUNTS, DESKTOP, expectNoPageErrors, screenshot, setUpBrowser, signIn } from './browser'

const { open } = setUpBrowser()

describe('on a 1280×800 desk screen', () => {
  it('shows the sign-in form beside the system’s name', async () => {
    const { context, page, problems } = await open(DESKTOP)
    await page.goto('/login')
    const title = page.getByRole('heading', { name: '承德市人大履职监督台账' })
    const form = page.locator('form')
    await form.waitFor()
    const [t, f] = [await title.boundingBox(), await form.boundingBox()]
    expect(t && f && t.x + t.width <= f.x).toBe(true)
    await screenshot(page, 'login-desktop')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('gives every role a home whose features sit three to a row', async () => {
    const { context, page, problems } = await open(DESKTOP)
    for (const account of ACCOUNTS) {
      await signIn(page, account.phone)
      await page.getByRole('main').getByText(account.place, { exact: true }).waitFor()
      // The work bench above the menu fills in after the page shows: measure once it has.
      await page.getByRole('list', { name: '待办事项计数' }).waitFor()
      const cards = page.locator('.nav-card')
      const count = await cards.count()
      if (count >= 2) {
        const [a, b] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()]
        expect(a?.y).toBe(b?.y)
      }
      await screenshot(page, `home-${account.role}-${account.phone}-desktop`)
      await page.getByRole('button', { name: '退出登录' }).click()
      await page.waitForURL((url) => url.pathname === '/login')
    }
    expectNoPageErrors(problems)
    await context.close()
  })
})
