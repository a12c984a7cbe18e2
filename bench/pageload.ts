// 5. Page load on a slow phone: headless Chromium with 4× CPU slowdown, 150 ms RTT, 1.6 Mbps
// down / 750 kbps up; time from navigation until the deputy's activity form answers a tap, with
// a cold cache, warm (the service worker has precached the app), and opened cold with no network.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { prepareFile, round, sessionsFor, startServer } from './lib/server'

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

export async function pageLoad(runs = 5) {
  const dir = mkdtempSync(join(tmpdir(), 'npc-page-'))
  const client = await prepareFile(join(dir, 'app.db'))
  const now = new Date().toISOString()
  await client.execute({ sql: `insert into users (id, name, phone, role, county_code, level, must_change_password, created_at, updated_at) values ('d', '刘海燕', '13900000001', 'deputy', '130881', 'county', 0, ?, ?)`, args: [now, now] })
  const [cookie] = await sessionsFor(client, ['d'])
  client.close()
  const server = await startServer(join(dir, 'app.db'))
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS })
  const cold: number[] = []
  const warm: number[] = []
  const offline: number[] = []
  try {
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' })
      const [name, value] = cookie!.split('=') as [string, string]
      await context.addCookies([{ name, value, url: server.url }])
      const slowPage = async () => {
        const page = await context.newPage()
        const cdp = await context.newCDPSession(page)
        await cdp.send('Network.enable')
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 })
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
        return page
      }
      const timeForm = async (page: Awaited<ReturnType<typeof slowPage>>, bucket: number[]) => {
        const t0 = Date.now()
        await page.goto(`${server.url}/activities/new`, { waitUntil: 'commit' })
        // Interactive: the venue chips are on screen and a tap selects one.
        await page.locator('label.venue', { hasText: '进农村' }).click({ timeout: 30_000 })
        await page.locator('input[name="venue"][value="village"]:checked').waitFor({ state: 'attached', timeout: 30_000 })
        bucket.push(Date.now() - t0)
      }
      const page = await slowPage()
      await timeForm(page, cold)
      // Warm means what a phone has after one visit: the service worker installed, the app precached.
      await page.waitForFunction(() => (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 })
      await timeForm(page, warm)
      await page.close()
      // Opened anew with no network at all: everything from the service worker and IndexedDB.
      await context.setOffline(true)
      await timeForm(await slowPage(), offline)
      await context.close()
    }
  } finally {
    await browser.close()
    await server.stop()
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  return { profile: 'CPU ×4, RTT 150 ms, 1.6 Mbps down / 750 kbps up', runs, coldMs: round(median(cold), 0), warmMs: round(median(warm), 0), offlineColdMs: round(median(offline), 0) }
}
