// Browser helpers for the e2e suite: Debian's Chromium through playwright-core (one per test
// file), the two viewports we design for, the demo accounts, signing in, and screenshots for review.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type CDPSession, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject } from 'vitest'

export const PASSWORD = 'chengde-2022'

export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
}
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }

export interface DemoAccount {
  phone: string
  name: string
  role: string
  /** What the home screen calls the role (with the deputy's level). */
  roleLabel: string
  place: string
  /** One feature on the home screen, a link to its screen. */
  navItem: string
}

export const ACCOUNTS: DemoAccount[] = [
  { phone: '13800000001', name: '王建国', role: 'city_staff', roleLabel: '市人大工作人员', place: '承德市（全市）', navItem: '统计总览' },
  { phone: '13800000002', name: '李秀梅', role: 'county_staff', roleLabel: '县级人大工作人员', place: '平泉市', navItem: '问题台账' },
  { phone: '13800000003', name: '张志刚', role: 'county_staff', roleLabel: '县级人大工作人员', place: '隆化县', navItem: '代表名册' },
  { phone: '13800000004', name: '刘海燕', role: 'deputy', roleLabel: '县人大代表', place: '平泉市', navItem: '反映问题' },
  { phone: '13800000005', name: '赵永福', role: 'deputy', roleLabel: '乡人大代表', place: '隆化县', navItem: '记录履职' },
  { phone: '13800000006', name: '陈立军', role: 'unit', roleLabel: '责任单位', place: '平泉市', navItem: '待办整改' },
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/**
 * A page in a fresh context (no cookies) that records what would break silently: uncaught errors
 * and CSP refusals. Check them with expectNoPageErrors at the end of a test.
 */
export async function openPage(browser: Browser, baseURL: string, options: BrowserContextOptions) {
  const context = offlineInEveryDocument(await browser.newContext({ ...options, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }))
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('Refused to')) problems.push(`CSP: ${m.text()}`)
  })
  return { context, page, problems }
}

/**
 * `context.setOffline(true)` as a phone without signal has it, in every document the context loads.
 * Chromium (from 150) keeps the emulated offline network across a navigation, so requests still
 * fail, but the new document reads `navigator.onLine` as true and never hears `online` when the
 * signal returns: the app would see no change. Playwright sets the emulation once per page; this
 * sets it again in each new document (through a DevTools session of our own), and going online
 * clears it there first, so the page hears `online` as it would on a phone.
 */
export function offlineInEveryDocument(context: BrowserContext): BrowserContext {
  let offline = false
  const sessions = new Map<Page, CDPSession>()
  const conditions = (off: boolean) => ({ offline: off, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
  const reapply = async (page: Page) => {
    if (!offline || page.isClosed()) return
    let session = sessions.get(page)
    if (!session) {
      session = await context.newCDPSession(page)
      sessions.set(page, session)
      page.once('close', () => sessions.delete(page))
    }
    await session.send('Network.emulateNetworkConditions', conditions(true))
  }
  const watch = (page: Page) => page.on('framenavigated', (frame) => frame === page.mainFrame() && void reapply(page).catch(() => undefined))
  context.pages().forEach(watch)
  context.on('page', watch)
  const setOffline = context.setOffline.bind(context)
  context.setOffline = async (value: boolean) => {
    offline = value
    if (!value) await Promise.all([...sessions.values()].map((s) => s.send('Network.emulateNetworkConditions', conditions(false)).catch(() => undefined)))
    await setOffline(value)
  }
  return context
}

/**
 * One Chromium for the calling test file, launched before its tests and closed after them, and
 * the server the suite started (baseURL). `open` is openPage in that browser; `openAs` signs in too.
 */
export function setUpBrowser() {
  const baseURL = inject('baseURL')
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  function open(options: BrowserContextOptions) {
    if (!browser) throw new Error('Chromium did not start')
    return openPage(browser, baseURL, options)
  }
  async function openAs(options: BrowserContextOptions, phone: string) {
    const opened = await open(options)
    await signIn(opened.page, phone)
    return opened
  }
  return { baseURL, open, openAs }
}

export function expectNoPageErrors(problems: string[]): void {
  expect(problems).toEqual([])
}

/** Signs in through the form and waits for the home screen. */
export async function signIn(page: Page, phone: string, password = PASSWORD): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/')
  await page.getByRole('heading', { level: 1 }).waitFor()
}

/** Nothing on the page is wider than the screen (no sideways scrolling on a phone). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')
  expect(scroll).toBeLessThanOrEqual(client)
}

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))

/** Full-page screenshot into test-results/screenshots (gitignored), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true, animations: 'disabled' })
}
