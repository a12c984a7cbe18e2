// Shared by the photo browser tests: the demo accounts they use, pictures drawn in the page (JPEG
// bytes handed back to the test), a count of photo uploads that got an answer, and waiting for the
// outbox, which sends on its own time.
import type { BrowserContext, Page } from 'playwright-core'
import type { ApiSession } from './issues-api'

export const DEPUTY = '13800000004'
export const COUNTY_STAFF = '13800000002'
export const UNIT = '13800000006'
export const UNIT_NAME = '平泉市住房和城乡建设局'

/** The bits of the page's window the tests read (the suite is type-checked without the DOM). */
type Win = { navigator: { serviceWorker: { controller: unknown } } }

export interface ApiPhoto {
  id: string
  eventId: string | null
  width: number
  height: number
  contentType: string
  thumb: { bytes: number } | null
}
export interface Detail {
  issue: { id: string; version: number; status: string }
  photos: ApiPhoto[]
  events: { id: string; action: string; photos: ApiPhoto[]; withdrawnPhotos: { id: string; withdrawn: { reason: string; byName: string } }[] }[]
}

/** A JPEG of width×height drawn in the page: a coloured field with a white block, so each differs. */
async function jpeg(page: Page, width: number, height: number, hue: number): Promise<Buffer> {
  const b64 = await page.evaluate<string>(`(() => {
    const c = document.createElement('canvas')
    c.width = ${width}
    c.height = ${height}
    const x = c.getContext('2d')
    x.fillStyle = 'hsl(${hue} 70% 45%)'
    x.fillRect(0, 0, ${width}, ${height})
    x.fillStyle = '#fff'
    x.fillRect(${width / 4}, ${height / 4}, ${width / 2}, ${height / 2})
    return c.toDataURL('image/jpeg', 0.92).split(',')[1]
  })()`)
  return Buffer.from(b64, 'base64')
}

/** n JPEGs of width×height, each of another colour, as setInputFiles takes them. */
export async function pictures(page: Page, n: number, width = 2400, height = 1800) {
  const files = []
  for (let i = 0; i < n; i++) files.push({ name: `现场${i + 1}.jpg`, mimeType: 'image/jpeg', buffer: await jpeg(page, width, height, 40 * i) })
  return files
}

/** Every PUT of a photo or thumbnail from this context that got an answer, by path, with its statuses. */
export function countPuts(context: BrowserContext): Map<string, number[]> {
  const puts = new Map<string, number[]>()
  context.on('requestfinished', (request) => {
    const url = new URL(request.url())
    if (request.method() !== 'PUT' || !url.pathname.startsWith('/api/v1/photos/')) return
    void request.response().then((res) => {
      const list = puts.get(url.pathname) ?? []
      list.push(res?.status() ?? 0)
      puts.set(url.pathname, list)
    })
  })
  return puts
}

/** After the first visit the service worker has precached the app and controls the page. */
export async function untilOffline(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as Win).navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
}

/** Polls until `check` answers something truthy (the outbox sends on its own time). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeout = 45_000): Promise<T> {
  const end = Date.now() + timeout
  for (;;) {
    const got = await check().catch(() => null)
    if (got) return got
    if (Date.now() > end) throw new Error('gave up waiting')
    await new Promise((r) => setTimeout(r, 300))
  }
}

/** Waits until the outbox has delivered the issue called `title` with `count` photos, thumbnails included. */
export function arrivedWithPhotos(api: ApiSession, title: string, count: number): Promise<Detail> {
  return eventually(async () => {
    const { items } = await api.get<{ items: { id: string; title: string }[] }>(`/issues?q=${encodeURIComponent(title)}`)
    const found = items.find((i) => i.title === title)
    const d = found && (await api.get<Detail>(`/issues/${found.id}`))
    return d && d.photos.length === count && d.photos.every((p) => p.thumb) ? d : null
  })
}

/** The picker's album input (拍照's has no `multiple`). */
export const album = (page: Page) => page.locator('input[type=file][multiple]')
