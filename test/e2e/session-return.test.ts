// A session that ends while someone works: signing in again brings them back to the address
// they were on (path and query), with the form's draft as they left it. A sign-in link never
// sends anyone off this site.
import type { BrowserContext } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { PASSWORD, PHONE, DESKTOP, expectNoPageErrors, screenshot, setUpBrowser } from './browser'
import { uniqueTitle } from './issues-api'

const { baseURL, open, openAs } = setUpBrowser()
const DEPUTY = '13800000004'
const COUNTY_STAFF = '13800000002'

/** Ends the context's session on the server, as an expiry would: the browser keeps its cookie. */
async function endSessionOnServer(context: BrowserContext): Promise<void> {
  const cookie = (await context.cookies()).find((c) => c.name === 'npc_session')
  if (!cookie) throw new Error('no session cookie')
  const res = await fetch(`${baseURL}/api/v1/auth/logout`, { method: 'POST', headers: { Cookie: `npc_session=${cookie.value}` } })
  expect(res.status).toBe(204)
  expect((await context.cookies()).some((c) => c.name === 'npc_session')).toBe(true)
}

/** Fills the sign-in form that is on screen (not a fresh /login), so its ?next= is kept. */
async function signInHere(page: import('playwright-core').Page, phone: string): Promise<void> {
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
}

describe('signing in again after the session ended', () => {
  it('brings a deputy back to the report form with what they had typed', async () => {
    const { context, page, problems } = await openAs(PHONE, DEPUTY)
    const title = uniqueTitle('村口路灯不亮')
    await page.goto('/issues/new')
    await page.getByRole('radio', { name: '农村人居环境整治提升' }).check()
    await page.getByLabel('标题', { exact: true }).fill(title)
    await page.getByLabel('具体情况').fill('河东村村口三盏路灯坏了半个月，')
    await page.getByLabel('乡镇（街道）').fill('平泉镇')

    await endSessionOnServer(context)
    // They come back to the app later: it checks the session, finds it gone and asks to sign in.
    await page.reload()
    await page.getByText('登录已过期，请重新登录。').waitFor()
    const login = new URL(page.url())
    expect(login.pathname).toBe('/login')
    expect(login.searchParams.get('next')).toBe('/issues/new')
    await screenshot(page, 'session-return-login-phone')

    await signInHere(page, DEPUTY)
    await page.waitForURL((url) => url.pathname === '/issues/new')
    await page.getByText('已恢复您上次未报送的内容。').waitFor()
    expect(await page.getByLabel('标题', { exact: true }).inputValue()).toBe(title)
    expect(await page.getByLabel('具体情况').inputValue()).toBe('河东村村口三盏路灯坏了半个月，')
    expect(await page.getByLabel('乡镇（街道）').inputValue()).toBe('平泉镇')
    expect(await page.getByRole('radio', { name: '农村人居环境整治提升' }).isChecked()).toBe(true)
    await screenshot(page, 'session-return-form-phone')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('brings staff back to the ledger with its filters when their next tap finds the session gone', async () => {
    const { context, page, problems } = await openAs(DESKTOP, COUNTY_STAFF)
    await page.goto('/issues?status=reported')
    await page.getByRole('heading', { name: '问题台账' }).waitFor()
    // Everything the ledger asks for on opening (the list, the filters' groups) has its answer:
    // the session ends only before the tap below, not under a request still on its way.
    await page.waitForLoadState('networkidle')
    await endSessionOnServer(context)
    // Narrowing the list asks the server again, which answers that the session has ended.
    await page.getByLabel('监督领域').selectOption('rural_living')
    await page.waitForURL((url) => url.pathname === '/login')
    await page.getByText('登录已过期，请重新登录。').waitFor()
    const back = new URL(new URL(page.url()).searchParams.get('next') ?? '', baseURL)
    expect(back.pathname).toBe('/issues')
    expect(Object.fromEntries(back.searchParams)).toEqual({ status: 'reported', fieldCode: 'rural_living' })
    await signInHere(page, COUNTY_STAFF)
    await page.waitForURL((url) => url.pathname === '/issues' && url.searchParams.get('fieldCode') === 'rural_living' && url.searchParams.get('status') === 'reported')
    expect(await page.getByLabel('监督领域').inputValue()).toBe('rural_living')
    await page.getByRole('heading', { name: '问题台账' }).waitFor()
    expectNoPageErrors(problems)
    await context.close()
  })

  it('never follows a sign-in link to another site', async () => {
    for (const next of ['//evil.example/steal', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)']) {
      const { context, page, problems } = await open(PHONE)
      await page.goto(`/login?next=${encodeURIComponent(next)}`)
      await signInHere(page, DEPUTY)
      await page.waitForURL((url) => url.pathname === '/')
      expect(new URL(page.url()).origin).toBe(baseURL)
      await page.getByRole('heading', { level: 1 }).waitFor()
      expectNoPageErrors(problems)
      await context.close()
    }
  })

  it('starts the next person at home after someone signs out on purpose', async () => {
    const { context, page } = await openAs(PHONE, DEPUTY)
    await page.goto('/activities/mine')
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.getByText('您已退出登录').waitFor()
    expect(new URL(page.url()).search).toBe('')
    await signInHere(page, DEPUTY)
    await page.waitForURL((url) => url.pathname === '/')
    await context.close()
  })
})
