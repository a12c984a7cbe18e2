// The field app with no signal, in real Chromium with the real service worker and IndexedDB:
// installable, opens cold offline, and the outbox sends what was written offline by itself,
// exactly once — over a closed page, two tabs, an expired session, a refused item, a new deploy
// and a sign-out.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { todayInShanghai } from '../../worker/core/dates'
import { PHONE, DESKTOP, expectNoPageErrors, offlineInEveryDocument, screenshot, setUpBrowser, signIn } from './browser'
import { apiAs, assignIssue, daysFromToday, reportIssue as fileIssue, uniqueTitle } from './issues-api'
import { fillStorage, makeRoom } from './storage-helpers'

const { baseURL, open, openAs } = setUpBrowser()

/** The bits of the page's window the tests read (the suite is type-checked without the DOM). */
type Win = { stillHere?: boolean; navigator: { serviceWorker: { controller: unknown; getRegistration(): Promise<{ update(): Promise<unknown> } | undefined> } } }
const DEPUTY = '13800000004'
/** 平泉市住房和城乡建设局, a unit of the deputy's county; 李秀梅 (county staff) assigns to it. */
const UNIT = '13800000006'
const COUNTY_STAFF = '13800000002'

/** After the first visit the service worker has precached the app and controls the page. */
async function untilOffline(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as Win).navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
}

async function reportIssue(page: Page, title: string): Promise<void> {
  await page.getByRole('radio', { name: '地下水超采综合治理' }).check()
  await page.getByLabel('标题', { exact: true }).fill(title)
  await page.getByLabel('具体情况').fill(`${title}：废弃机井未封填。`)
  await page.getByRole('button', { name: '报送', exact: true }).click()
}

async function recordActivity(page: Page, title: string, date?: string): Promise<void> {
  await page.getByRole('radio', { name: /^进农户/ }).check()
  if (date) await page.getByLabel('活动日期').fill(date)
  await page.getByLabel('活动主题').fill(title)
  await page.getByRole('button', { name: '提交', exact: true }).click()
}

/**
 * Every POST of a record from this context that reached the server and got its answer, by client
 * id (the server's idempotency would hide a repeat; attempts that never left the phone don't count).
 */
function countPosts(context: BrowserContext): Map<string, number> {
  const posts = new Map<string, number>()
  context.on('requestfinished', (request) => {
    if (request.method() !== 'POST' || !/\/api\/v1\/(issues|activities)$/.test(request.url())) return
    const id = (request.postDataJSON() as { id: string }).id
    posts.set(id, (posts.get(id) ?? 0) + 1)
  })
  return posts
}

async function issuesTitled(title: string): Promise<number> {
  const api = await apiAs(baseURL, DEPUTY)
  const { items } = await api.get<{ items: { title: string }[] }>(`/issues?q=${encodeURIComponent(title)}`)
  return items.filter((i) => i.title === title).length
}

async function activitiesTitled(title: string): Promise<number> {
  const api = await apiAs(baseURL, DEPUTY)
  const { items } = await api.get<{ items: { title: string }[] }>('/activities?limit=100')
  return items.filter((i) => i.title === title).length
}

const badge = (page: Page) => page.locator('.topbar-outbox')

/**
 * Signs out and in again online, then opens `path` offline: the read copy went with the sign-out,
 * so the screen fails to load and shows neither `title` nor the offline label.
 */
async function expectCopiesForgotten(context: BrowserContext, page: Page, phone: string, path: string, title: string): Promise<void> {
  await context.setOffline(false)
  await page.goto('/')
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.waitForURL((url) => url.pathname === '/login')
  await signIn(page, phone)
  await context.setOffline(true)
  await page.goto(path)
  await page.getByText('加载失败').waitFor()
  expect(await page.getByText(title).count()).toBe(0)
  expect(await page.locator('.offline-copy').count()).toBe(0)
}

describe('installable and opens with no signal', () => {
  it('passes Chromium’s installability checks: manifest, icons, service worker', async () => {
    const res = await fetch(`${baseURL}/manifest.webmanifest`)
    expect(res.headers.get('content-type')).toContain('application/manifest+json')
    // A profile on disk: Chromium never offers to install from an incognito-like context.
    const dir = mkdtempSync(join(tmpdir(), 'chengde-install-'))
    const context = offlineInEveryDocument(await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'], baseURL, locale: 'zh-CN' }))
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      await signIn(page, DEPUTY)
      await untilOffline(page)
      const cdp = await context.newCDPSession(page)
      const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data?: string }
      expect(manifest.url).toBe(`${baseURL}/manifest.webmanifest`)
      expect(manifest.errors).toEqual([])
      expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({ name: '承德市人大履职监督台账', short_name: '人大台账', display: 'standalone', start_url: '/' })
      const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] }
      expect(installability.installabilityErrors).toEqual([])
    } finally {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('after one visit opens home and each form of a deputy cold, with no network', async () => {
    const { context, page, problems } = await openAs(PHONE, DEPUTY)
    await untilOffline(page)
    await page.close()
    await context.setOffline(true)
    const cold = await context.newPage()
    await cold.goto('/')
    await cold.getByRole('heading', { level: 1, name: /刘海燕/ }).waitFor()
    await screenshot(cold, 'offline-home-phone')
    await cold.goto('/issues/new')
    await cold.getByRole('heading', { name: '反映问题' }).waitFor()
    // The catalogue of fields comes from the last copy, so the form can be filled in.
    await cold.getByRole('radio', { name: '地下水超采综合治理' }).waitFor()
    await screenshot(cold, 'offline-issue-new-phone')
    await cold.goto('/activities/new')
    await cold.getByRole('heading', { name: '记录履职' }).waitFor()
    await cold.goto('/outbox')
    await cold.getByRole('heading', { name: '待发送' }).waitFor()
    await cold.getByText('没有待发送的内容').waitFor()
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('the outbox sends by itself, exactly once', () => {
  it('sends 3 reports and 2 activities made offline when a new page opens online, with no tap', async () => {
    const { context, page } = await openAs(PHONE, DEPUTY)
    await untilOffline(page)
    const posts = countPosts(context)
    await context.setOffline(true)
    const issues = [1, 2, 3].map((n) => uniqueTitle(`离线问题${n}`))
    const activities = [1, 2].map((n) => uniqueTitle(`离线履职${n}`))
    await page.goto('/issues/new')
    for (const title of issues) {
      await reportIssue(page, title)
      await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
      await page.getByRole('button', { name: '再反映一个' }).click()
    }
    await page.goto('/activities/new')
    for (const title of activities) {
      await recordActivity(page, title)
      await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
      await screenshot(page, 'offline-activity-queued-phone')
      await page.getByRole('button', { name: '再记一条' }).click()
    }
    await expect.poll(() => badge(page).textContent()).toBe('5 条待发送')
    await page.goto('/')
    await page.getByText('5 条待发送，').or(page.getByRole('paragraph').filter({ hasText: /^5 条待发送$/ })).first().waitFor()
    await screenshot(page, 'offline-home-waiting-phone')
    await page.goto('/outbox')
    await page.locator('.outbox-item').nth(4).waitFor()
    // Opening the app tries to send at once; with no signal every item settles back to 待发送.
    await expect.poll(() => page.locator('.outbox-state', { hasText: '待发送' }).count()).toBe(5)
    await screenshot(page, 'offline-outbox-phone')
    await page.close()

    await context.setOffline(false)
    const next = await context.newPage()
    await next.goto('/')
    await next.getByRole('heading', { level: 1, name: /刘海燕/ }).waitFor()
    // The badge is also absent for a moment before the outbox has been read, so the server's
    // records are what is waited for; the badge must be gone once they are there.
    const arrived = async () => [...(await Promise.all(issues.map(issuesTitled))), ...(await Promise.all(activities.map(activitiesTitled)))]
    await expect.poll(arrived, { timeout: 30_000 }).toEqual([1, 1, 1, 1, 1])
    await expect.poll(() => badge(next).count()).toBe(0)
    expect([...posts.values()]).toEqual([1, 1, 1, 1, 1])
    await context.close()
  })

  it('sends each item from one tab only when two tabs wait for the signal at once', async () => {
    const { context, page } = await openAs(PHONE, DEPUTY)
    await untilOffline(page)
    const posts = countPosts(context)
    const second = await context.newPage()
    await second.goto('/activities/new')
    // The form takes its default date when it appears (after its draft is read): installing the
    // clock under a page still starting could hand it a moment of 1970, a date the form refuses.
    await second.getByLabel('活动主题').waitFor()
    // Both tabs run on the test's clock, so the outbox's timers move only when the test says.
    await context.clock.install({ time: new Date() })
    await context.setOffline(true)
    const titles = [1, 2, 3].map((n) => uniqueTitle(`两页同发${n}`))
    await page.goto('/issues/new')
    await reportIssue(page, titles[0]!)
    await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
    await page.getByRole('button', { name: '再反映一个' }).click()
    await reportIssue(page, titles[1]!)
    await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
    await recordActivity(second, titles[2]!)
    await second.getByRole('heading', { name: '已存入待发送' }).waitFor()
    await expect.poll(() => badge(second).textContent()).toBe('3 条待发送')

    // The signal returns but the first send still finds no way through (as on a phone whose radio
    // reports `online` a moment early); both tabs hear `online` together and the lock lets one send.
    await context.clock.pauseAt(new Date(Date.now() + 1_000))
    let failed = 0
    await context.route(/\/api\/v1\/(issues|activities)$/, (route) => (route.request().method() === 'POST' && failed++ === 0 ? route.abort('internetdisconnected') : route.continue()))
    await context.setOffline(false)
    // The phone's time moves in small steps: everything arrives well before the first back-off
    // (15 s less its jitter, at least 7.5 s), by the one quick retry after `online`.
    let elapsed = 0
    await expect
      .poll(
        async () => {
          await context.clock.runFor(50)
          elapsed += 50
          return posts.size
        },
        { timeout: 60_000 },
      )
      .toBe(3)
    expect(failed).toBeGreaterThan(1)
    expect(elapsed).toBeLessThan(7_500)
    await context.clock.resume()
    await expect.poll(() => badge(page).count()).toBe(0)
    await expect.poll(() => badge(second).count()).toBe(0)
    expect(posts.size).toBe(3)
    expect([...posts.values()]).toEqual([1, 1, 1])
    expect(await issuesTitled(titles[0]!)).toBe(1)
    expect(await issuesTitled(titles[1]!)).toBe(1)
    expect(await activitiesTitled(titles[2]!)).toBe(1)
    await context.close()
  })

  it('pauses when the session has expired, asks to sign in, then sends', async () => {
    const { context, page } = await openAs(PHONE, DEPUTY)
    await untilOffline(page)
    await context.setOffline(true)
    const title = uniqueTitle('登录过期待发')
    await page.goto('/issues/new')
    await reportIssue(page, title)
    await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
    // The session ends on the server side while the item waits.
    await context.clearCookies()
    await context.setOffline(false)
    await page.getByText('登录已过期，请重新登录。未发送的内容仍保存在本机，登录后会自动报送。').waitFor({ timeout: 30_000 })
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(await issuesTitled(title)).toBe(0)
    await screenshot(page, 'offline-session-expired-phone')
    await signIn(page, DEPUTY)
    await expect.poll(() => issuesTitled(title), { timeout: 30_000 }).toBe(1)
    await expect.poll(() => badge(page).count()).toBe(0)
    await context.close()
  })

  it('marks an item the server refuses with its message, sends the others, and resends it once fixed', async () => {
    const { context, page, problems } = await openAs(PHONE, DEPUTY)
    await untilOffline(page)
    const today = todayInShanghai()
    // The phone's clock runs two days ahead: its "today" is a future date to the server.
    await page.clock.setFixedTime(new Date(Date.now() + 2 * 86_400_000))
    await context.setOffline(true)
    const good = [uniqueTitle('正常履职甲'), uniqueTitle('正常履职乙')]
    const bad = uniqueTitle('日期超前')
    await page.goto('/activities/new')
    for (const [title, date] of [[good[0]!, today], [bad, undefined], [good[1]!, today]] as const) {
      await recordActivity(page, title, date)
      await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
      await page.getByRole('button', { name: '再记一条' }).click()
    }
    await context.setOffline(false)
    await expect.poll(() => badge(page).textContent(), { timeout: 30_000 }).toBe('1 条需修改')
    expect(await activitiesTitled(good[0]!)).toBe(1)
    expect(await activitiesTitled(good[1]!)).toBe(1)
    expect(await activitiesTitled(bad)).toBe(0)

    await page.goto('/outbox')
    const item = page.locator('.outbox-item', { hasText: bad })
    await item.getByText('需修改').waitFor()
    await item.getByText('活动日期不能晚于今天').waitFor()
    await screenshot(page, 'outbox-refused-phone')
    await item.getByRole('link', { name: '修改后重新报送' }).click()
    await page.getByText('活动日期不能晚于今天').waitFor()
    expect(await page.getByLabel('活动主题').inputValue()).toBe(bad)
    await page.getByLabel('活动日期').fill(today)
    await page.getByRole('button', { name: '提交', exact: true }).click()
    await page.getByRole('heading', { name: '已提交' }).waitFor()
    expect(await activitiesTitled(bad)).toBe(1)
    await expect.poll(() => badge(page).count()).toBe(0)
    expectNoPageErrors(problems)
    await context.close()
  })
})

/** The page's service worker registration with Background Sync's tags. */
type SyncWin = { navigator: { serviceWorker: { ready: Promise<{ sync: { getTags(): Promise<string[]> } }> } } }
/** The browser's StorageManager, to watch navigator.storage.persist() being called. */
type PersistWin = { persistAsked?: number; StorageManager: { prototype: { persist(this: unknown): Promise<boolean> } } }

describe('the phone’s storage', () => {
  it('keeps the whole form and says so when the phone’s storage is full, and stores it once there is room', async () => {
    const { context, page, problems } = await open(PHONE)
    // A phone with 2 MB for this site, set before the site stores anything (Chromium reads an
    // origin's quota when its store first opens): room for the app, then filled up for real.
    await page.goto('/api/v1/health')
    const cdp = await context.newCDPSession(page)
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL).origin, quotaSize: 2 * 1024 * 1024 })
    await signIn(page, DEPUTY)
    await untilOffline(page)
    const posts = countPosts(context)
    await page.goto('/issues/new')
    await page.getByRole('radio', { name: '地下水超采综合治理' }).waitFor()
    // Other data fills what is left, in ever smaller pieces, until Chromium refuses even 64 bytes.
    const refused = await page.evaluate(fillStorage)
    expect(refused).toBe('QuotaExceededError')
    await context.setOffline(true)
    const title = uniqueTitle('存储已满')
    // By the fields' ids: 标题, 具体情况, 乡镇（街道）, 具体位置, 发现日期.
    const filled = { title, description: `${title}：河道内倾倒建筑垃圾约二十方。`, township: '党坝镇', location: '下店村东河滩', foundOn: daysFromToday(-3) }
    await page.getByRole('radio', { name: '地下水超采综合治理' }).check()
    await page.getByRole('radio', { name: '意见建议' }).check()
    await page.getByRole('radio', { name: '走访座谈' }).check()
    for (const [id, value] of Object.entries(filled)) await page.locator(`#${id}`).fill(value)
    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.getByText('手机存储空间已满，内容未能保存。请清理手机空间后再试，填写的内容仍在页面上。').waitFor()
    await screenshot(page, 'offline-storage-full-phone')
    // Every field as typed; nothing claims to be stored or waiting.
    for (const [id, value] of Object.entries(filled)) expect(await page.locator(`#${id}`).inputValue()).toBe(value)
    for (const name of ['地下水超采综合治理', '意见建议', '走访座谈']) expect(await page.getByRole('radio', { name }).isChecked()).toBe(true)
    expect(await page.getByRole('heading', { name: '已存入待发送' }).count()).toBe(0)
    expect(await badge(page).count()).toBe(0)
    const waiting = await context.newPage()
    await waiting.goto('/outbox')
    await waiting.getByText('没有待发送的内容').waitFor()
    await waiting.close()

    // Room again (the other data deleted): the same form, tapped again, is stored and goes out once.
    await makeRoom(page, cdp, new URL(baseURL).origin)
    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
    await context.setOffline(false)
    await expect.poll(() => issuesTitled(title), { timeout: 30_000 }).toBe(1)
    await expect.poll(() => badge(page).count(), { timeout: 30_000 }).toBe(0)
    expect([...posts.values()]).toEqual([1])
    expectNoPageErrors(problems)
    await context.close()
  })

  it('asks the browser to keep the store (persistent storage) when the first record is queued, and only then', async () => {
    const { context, page } = await openAs(PHONE, DEPUTY)
    await untilOffline(page)
    // Counts the calls of the browser's own navigator.storage.persist() and lets each through.
    await context.addInitScript(() => {
      const w = globalThis as unknown as PersistWin
      const persist = w.StorageManager.prototype.persist
      w.StorageManager.prototype.persist = function (this: unknown) {
        w.persistAsked = (w.persistAsked ?? 0) + 1
        return persist.call(this)
      }
    })
    const asked = (p: Page) => p.evaluate(() => (globalThis as unknown as PersistWin).persistAsked ?? 0)
    const fresh = await context.newPage()
    await fresh.goto('/activities/new')
    await fresh.getByRole('heading', { name: '记录履职' }).waitFor()
    await fresh.getByLabel('活动主题').fill(uniqueTitle('未提交'))
    expect(await asked(fresh)).toBe(0)
    await context.setOffline(true)
    await fresh.getByLabel('活动主题').fill('')
    await recordActivity(fresh, uniqueTitle('申请持久存储'))
    await fresh.getByRole('heading', { name: '已存入待发送' }).waitFor()
    expect(await asked(fresh)).toBe(1)
    await fresh.getByRole('button', { name: '再记一条' }).click()
    await recordActivity(fresh, uniqueTitle('申请持久存储'))
    await fresh.getByRole('heading', { name: '已存入待发送' }).waitFor()
    expect(await asked(fresh)).toBe(1)
    await context.close()
  })
})

describe('Background Sync (Chromium)', () => {
  it('registers a sync when a record is queued with no signal, and the service worker’s sync makes a tab that missed `online` send it', async () => {
    const { context, page, problems } = await open(PHONE)
    // A tab that does not hear the signal come back (as one frozen in the background): its
    // `online` listeners never run, so only the service worker's sync can wake its outbox.
    await context.addInitScript(() => (globalThis as unknown as { addEventListener(t: string, f: (e: { stopImmediatePropagation(): void }) => void, c: boolean): void }).addEventListener('online', (e) => e.stopImmediatePropagation(), true))
    await signIn(page, DEPUTY)
    await untilOffline(page)
    const posts = countPosts(context)
    await page.goto('/activities/new')
    await page.getByLabel('活动主题').waitFor()
    await context.clock.install({ time: new Date() })
    await context.setOffline(true)
    const title = uniqueTitle('后台同步')
    await recordActivity(page, title)
    await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
    const tags = () => page.evaluate(() => (globalThis as unknown as SyncWin).navigator.serviceWorker.ready.then((r) => r.sync.getTags()))
    await expect.poll(tags).toContain('outbox')
    // From here the page's timers move only with the test's clock: the back-off (at least 15 s
    // after a first failure) cannot be what sends it.
    await context.clock.pauseAt(new Date(Date.now() + 1_000))
    await context.setOffline(false)
    const cdp = await context.newCDPSession(page)
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; isDeleted: boolean }[] }) => {
        const live = e.registrations.find((r) => !r.isDeleted)
        if (live) resolve(live.registrationId)
      }),
    )
    await cdp.send('ServiceWorker.enable')
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: new URL(baseURL).origin, registrationId: await registration, tag: 'outbox', lastChance: false })
    let elapsed = 0
    await expect
      .poll(
        async () => {
          await context.clock.runFor(50)
          elapsed += 50
          return posts.size
        },
        { timeout: 60_000 },
      )
      .toBe(1)
    expect(elapsed).toBeLessThan(7_500)
    await context.clock.resume()
    await expect.poll(() => badge(page).count()).toBe(0)
    expect(await activitiesTitled(title)).toBe(1)
    expect([...posts.values()]).toEqual([1])
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('a new version and signing out', () => {
  it('announces a new deploy without reloading a half-filled form, and keeps the draft when asked to update', async () => {
    const { context, page, problems } = await openAs(PHONE, DEPUTY)
    await untilOffline(page)
    await page.goto('/activities/new')
    const title = uniqueTitle('半途新版本')
    await page.getByLabel('活动主题').fill(title)
    await page.evaluate(() => ((globalThis as unknown as Win).stillHere = true))
    const sw = 'web/dist/sw.js'
    const before = readFileSync(sw, 'utf8')
    try {
      appendFileSync(sw, `\n// deploy ${Date.now()}\n`)
      await page.evaluate(() => (globalThis as unknown as Win).navigator.serviceWorker.getRegistration().then((r) => r?.update()))
      const update = page.getByRole('button', { name: '有新版本，点击更新' })
      await update.waitFor({ timeout: 30_000 })
      await screenshot(page, 'update-banner-phone')
      // Nothing reloaded: the same document, the typed title still there.
      expect(await page.evaluate(() => (globalThis as unknown as Win).stillHere)).toBe(true)
      expect(await page.getByLabel('活动主题').inputValue()).toBe(title)
      await update.click()
      await page.waitForFunction(() => !(globalThis as unknown as Win).stillHere)
      await page.getByText('已恢复您上次未提交的内容').waitFor()
      expect(await page.getByLabel('活动主题').inputValue()).toBe(title)
    } finally {
      writeFileSync(sw, before)
    }
    expectNoPageErrors(problems)
    await context.close()
  })

  it('warns before signing out with unsent items; another account on the phone neither sees nor sends them', async () => {
    const { context, page } = await openAs(DESKTOP, DEPUTY)
    await untilOffline(page)
    const title = uniqueTitle('退出前未发')
    // Online, but the report cannot get through (a dead zone between phone and server).
    await context.route('**/api/v1/issues', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()))
    await page.goto('/issues/new')
    await reportIssue(page, title)
    await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
    await page.getByRole('link', { name: '查看待发送' }).click()
    await page.locator('.outbox-item', { hasText: title }).getByText('待发送').waitFor()
    await screenshot(page, 'outbox-desktop')
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.getByText('还有 1 条内容没有报送').waitFor()
    await screenshot(page, 'signout-warning-desktop')
    await page.getByRole('button', { name: '不退出' }).click()
    expect(new URL(page.url()).pathname).toBe('/outbox')
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.getByRole('button', { name: '仍然退出' }).click()
    await page.waitForURL((url) => url.pathname === '/login')

    await context.unrouteAll()
    await signIn(page, '13800000005')
    await page.goto('/outbox')
    await page.getByText('没有待发送的内容').waitFor()
    expect(await badge(page).count()).toBe(0)
    expect(await issuesTitled(title)).toBe(0)
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await signIn(page, DEPUTY)
    await expect.poll(() => issuesTitled(title), { timeout: 30_000 }).toBe(1)
    await context.close()
  })
})

describe('reading with no signal', () => {
  it('shows the deputy’s own lists from the last copy, labelled with its time, and forgets them on sign-out', async () => {
    const title = uniqueTitle('离线可读')
    await fileIssue(await apiAs(baseURL, DEPUTY), title)
    const { context, page, problems } = await openAs(PHONE, DEPUTY)
    await untilOffline(page)
    await page.goto('/issues/mine')
    await page.getByText(title).waitFor()
    await page.goto('/activities/mine')
    await page.getByRole('heading', { name: '我的履职' }).waitFor()
    expect(await page.locator('.offline-copy').count()).toBe(0)

    await context.setOffline(true)
    const cold = await context.newPage()
    await cold.goto('/issues/mine')
    await cold.getByText(/^离线 · 显示 \d+月\d+日 \d\d:\d\d 的内容$/).waitFor()
    await cold.getByText(title).waitFor()
    await screenshot(cold, 'offline-issues-mine-phone')
    await cold.goto('/activities/mine')
    await cold.getByText(/^离线 · 显示 /).waitFor()
    await cold.close()

    await expectCopiesForgotten(context, page, DEPUTY, '/issues/mine', title)
    expectNoPageErrors(problems)
    await context.close()
  })

  it('shows the unit’s to-do from the last copy, labelled with its time, and forgets it on sign-out', async () => {
    const title = uniqueTitle('离线待办')
    await assignIssue(await apiAs(baseURL, COUNTY_STAFF), await fileIssue(await apiAs(baseURL, DEPUTY), title), '平泉市住房和城乡建设局')
    const { context, page, problems } = await openAs(PHONE, UNIT)
    await untilOffline(page)
    await page.goto('/issues/todo')
    await page.getByText(title).waitFor()
    expect(await page.locator('.offline-copy').count()).toBe(0)

    await context.setOffline(true)
    const cold = await context.newPage()
    await cold.goto('/issues/todo')
    await cold.getByRole('heading', { name: '待办整改' }).waitFor()
    await cold.getByText(/^离线 · 显示 \d+月\d+日 \d\d:\d\d 的内容$/).waitFor()
    await cold.getByText(title).waitFor()
    await screenshot(cold, 'offline-issues-todo-phone')
    await cold.close()

    await expectCopiesForgotten(context, page, UNIT, '/issues/todo', title)
    expectNoPageErrors(problems)
    await context.close()
  })
})
